"""The catalog: location names per service, and what each resource type keeps where.

A type's spec is its hand-written entry (special semantics: defaults, dual-regions, Spanner configs, order plans),
completed from the SDK index (`index/`) with generic fields for every indexed place or key path the entry does not
name, minus the paths `ignored.py` sets aside. A deprecated twin the SDK still registers under an older token is
judged as its current type. Types absent from the index (a provider newer than the pinned SDKs) have no spec:
`unclassified-resources` names them.

Its names (`spec`, `WRITTEN`, `is_location_free`, ... from `specs.py`) load on first use, so that importing
`catalog.countries` for the policies' config schemas at start-up does not load the resource catalogs.
"""
import importlib


SPECS = ("spec", "WRITTEN", "CATALOGS", "LOCATION_FREE", "NO_DATA_AT_REST", "NO_CUSTOMER_KEY", "written_paths",
         "no_data_reason", "no_key_reason", "is_location_free", "cloud_of")  # the names specs.py lends the package


def __getattr__(name: str):
    if name not in SPECS:  # a submodule not imported yet, or no such name: the import system goes on
        raise AttributeError(name)
    value = getattr(importlib.import_module(f"{__name__}.specs"), name)
    globals()[name] = value
    return value
