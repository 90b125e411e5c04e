"""The merged resource specs of the catalog (see the package docstring): hand-written entries completed from the SDK
index."""
from __future__ import annotations

import dataclasses
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Optional

from . import gcp_resources, generic, ignored, index, ovh_resources, scaleway_resources
from .model import ResourceSpec

CATALOGS = (gcp_resources, ovh_resources, scaleway_resources)
WRITTEN: dict = {spec.token: spec for catalog in CATALOGS for spec in catalog.RESOURCES}
LOCATION_FREE = tuple(pattern for catalog in CATALOGS for pattern in catalog.LOCATION_FREE)
NO_DATA_AT_REST = tuple(row for catalog in CATALOGS for row in catalog.NO_DATA_AT_REST)
NO_CUSTOMER_KEY = scaleway_resources.NO_CUSTOMER_KEY  # (type glob, what the service offers, source)


@lru_cache(maxsize=None)
def spec(token: str) -> Optional[ResourceSpec]:
    """Everything the rules know about a type: hand-written, indexed, or both; None when neither knows it."""
    current = index.current(token)
    if current != token:  # a deprecated twin: its current type's spec, under its own token
        found = spec(current)
        return dataclasses.replace(found, token=token) if found is not None else None
    written = WRITTEN.get(token)
    indexed = index.entry(token)
    if indexed is None or (written is None and is_location_free(token)):
        return written
    return _complete(token, written, indexed)


def _complete(token: str, written: Optional[ResourceSpec], indexed) -> ResourceSpec:
    cloud = cloud_of(token)
    source = index.source(cloud)
    named = written_paths(written) if written else frozenset()
    judged = lambda paths: [p for p in paths if p.path not in named and not ignored.reason(token, p.path)]  # noqa: E731
    locations = tuple(generic.location_field(cloud, p, source) for p in judged(indexed.locations))
    keys = generic.key_fields(judged(indexed.keys), source, required=written is None)
    raw = tuple(p.path for p in indexed.raw_keys if p.path not in named)
    if written is not None:
        return dataclasses.replace(written, locations=written.locations + locations, keys=written.keys + keys,
                                   raw_key_paths=written.raw_key_paths + raw)
    no_data = no_data_reason(token)
    no_key = "" if no_data or keys else no_key_reason(token)
    cmek = "not-data" if no_data else "supported" if keys else "unsupported" if no_key else "unknown"
    return ResourceSpec(token, locations, keys, raw, cmek, no_data or no_key, source)


def written_paths(spec: ResourceSpec) -> frozenset:
    """The index paths a hand-written spec names (its own semantics replace the generic ones there)."""
    paths = {field.path for field in spec.locations} | set(spec.raw_key_paths)
    for field in spec.keys:
        paths |= {f"{field.each}[].{p}" if field.each else p for p in field.paths}
    return frozenset(paths)


def no_data_reason(token: str) -> str:
    """Why a type holds no customer data at rest ('' when it does, or nobody has said it does not)."""
    token = index.current(token)
    return next((reason for pattern, reason, _ in NO_DATA_AT_REST if fnmatchcase(token, pattern)), "")


def no_key_reason(token: str) -> str:
    """What a data service offers instead of a customer-managed key, when the catalog says it offers none."""
    token = index.current(token)
    return next((reason for pattern, reason, _ in NO_CUSTOMER_KEY if fnmatchcase(token, pattern)), "")


@lru_cache(maxsize=4096)
def is_location_free(token: str) -> bool:
    """Types with neither data nor location (IAM, networks, ...), and the engine's own types."""
    if token.startswith("pulumi:") or token.startswith("pulumi-"):
        return True
    token = index.current(token)
    return any(fnmatchcase(token, pattern) for pattern in LOCATION_FREE)


def cloud_of(token: str) -> str:
    """'gcp', 'ovh', 'scaleway', or '' for types of other packages."""
    head = token.split(":", 1)[0]
    return head if head in index.CLOUDS else ""
