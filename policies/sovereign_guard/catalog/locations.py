"""One lookup over every location catalog: (namespace, value, universe) -> Location.

A namespace is the set of names one kind of field accepts (a bucket's `location` takes `EU`, a KMS key ring's
takes `europe`). Matching is case-insensitive. Unknown names return None: the rules fail closed on them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from . import gcp_locations as gcp
from . import ovh_locations as ovh
from . import scaleway_locations as scw
from .model import Location

GOOGLE, S3NS = "google", "s3ns"


def _full_path_tail(value: str) -> str:
    """`projects/p/instanceConfigs/eur3` -> `eur3` (Spanner configs may be given as a full path)."""
    return value.rsplit("/", 1)[-1]


SPANNER_INSTANCE_CONFIG = "gcp:spanner/instanceConfig:InstanceConfig"
PLACEMENT_NAMESPACES = ("gcp:spanner",)  # namespaces whose values may name a placement resource


def named_placement(namespace: str, value: str):
    """(type token, name) when a location value names a placement resource rather than a place: a Spanner
    user-managed configuration (`custom-*`), judged by the InstanceConfig of that name in the stack; else None."""
    tail = _full_path_tail(value.strip())
    if namespace in PLACEMENT_NAMESPACES and tail.startswith("custom-"):
        return SPANNER_INSTANCE_CONFIG, tail
    return None


def _spanner_config(value: str) -> str:
    """Spanner regional configs are `regional-<region>`: look them up as the region."""
    tail = _full_path_tail(value)
    return tail[len("regional-"):] if tail.startswith("regional-") else tail


@dataclass(frozen=True, slots=True)
class Namespace:
    regions: bool = False
    zones: bool = False
    global_: bool = False
    multi: str = ""  # key into the cloud's MULTI_LOCATIONS
    normalize: Optional[Callable[[str], str]] = None
    cloud: str = "gcp"


NAMESPACES = {
    "gcp:region": Namespace(regions=True),
    "gcp:zone": Namespace(zones=True),
    "gcp:location": Namespace(regions=True, zones=True),
    "gcp:regional-or-global": Namespace(regions=True, global_=True),
    "gcp:storage": Namespace(regions=True, zones=True, multi="gcp:storage"),
    "gcp:bigquery": Namespace(regions=True, multi="gcp:bigquery"),
    "gcp:kms": Namespace(regions=True, global_=True, multi="gcp:kms"),
    "gcp:artifactregistry": Namespace(regions=True, multi="gcp:artifactregistry"),
    "gcp:spanner": Namespace(regions=True, multi="gcp:spanner", normalize=_spanner_config),
    "gcp:firestore": Namespace(regions=True, multi="gcp:firestore"),
    "gcp:appengine": Namespace(regions=True, multi="gcp:appengine"),
    "gcp:logging": Namespace(regions=True, global_=True, multi="gcp:logging"),
    "ovh:location": Namespace(cloud="ovh"),
    "scw:location": Namespace(cloud="scaleway"),
}


def _region_entries(table: dict, platform: str):
    for code, (city, country, letters, source) in table.items():
        yield Location(code, city, "region", frozenset({country}), platform, gcp.SOURCES[source])


def _zone_entries(table: dict, platform: str):
    for code, (city, country, letters, source) in table.items():
        for letter in letters:
            yield Location(f"{code}-{letter}", f"{city}, zone {letter}", "zone", frozenset({country}), platform,
                           gcp.SOURCES[source], (code,))


def _multi_entry(code: str, entry: tuple, regions: dict) -> Location:
    """A multi-location from its data row: (label, kind, members, countries, source id[, platform])."""
    label, kind, members, countries, source = entry[:5]
    platform = entry[5] if len(entry) > 5 else GOOGLE
    found = set(countries)
    for member in members:
        found |= regions[member].countries
    return Location(code, label, kind, frozenset(found), platform, gcp.SOURCES[source], tuple(members))


@lru_cache(maxsize=None)
def _table(namespace: str, universe: str) -> dict:
    ns = NAMESPACES[namespace]
    if ns.cloud == "ovh":
        return {code.lower(): Location(code.lower(), city, kinds, frozenset({country}), "ovh", ovh.SOURCES[src])
                for code, (city, country, kinds, src) in ovh.LOCATIONS.items()}
    if ns.cloud == "scaleway":
        return {code: Location(code, city, kind, frozenset({country}), "scaleway", scw.SOURCES[src],
                               (scw.REGION_OF[code],) if code in scw.REGION_OF else ())
                for code, (city, country, kind, src) in scw.LOCATIONS.items()}
    table: dict = {}
    regions = {loc.code: loc for loc in _region_entries(gcp.REGIONS, GOOGLE)}
    regions.update({loc.code: loc for loc in _region_entries(gcp.S3NS_REGIONS, S3NS)})
    if ns.regions:
        table.update(regions)
    if ns.zones:
        table.update({z.code: z for z in _zone_entries(gcp.REGIONS, GOOGLE)})
        table.update({z.code: z for z in _zone_entries(gcp.S3NS_REGIONS, S3NS)})
    if ns.global_:
        label, kind, countries, source = gcp.S3NS_GLOBAL if universe == S3NS else gcp.GLOBAL
        table["global"] = Location("global", label, kind, frozenset(countries), universe, gcp.SOURCES[source])
    for code, entry in gcp.MULTI_LOCATIONS.get(ns.multi, {}).items():
        table[code.lower()] = _multi_entry(code.lower(), entry, regions)
    return table


def lookup(namespace: str, value: str, universe: str = GOOGLE) -> Optional[Location]:
    """The catalog entry for `value` in `namespace`, or None when the catalog does not know the name."""
    ns = NAMESPACES[namespace]
    key = value.strip().lower()
    if ns.normalize:
        key = ns.normalize(key)
    table = _table(namespace, universe)
    found = table.get(key)
    if found is None and ns.cloud == "ovh":
        found = table.get(ovh_site(key))
    return found


OVH_NUMBERED_DATACENTRE = re.compile(r"^([a-z]{3})(?:\d+|-hz)$")


def ovh_site(code: str) -> str:
    """An OVHcloud numbered datacentre read as its site: `rbx8`, `rbx-hz` -> `rbx`; `gra11` -> `gra` (the
    datacentre codes of dedicated.DatacenterEnum and the 1-AZ region names share their site's three letters)."""
    match = OVH_NUMBERED_DATACENTRE.match(code)
    return match.group(1) if match else code


def all_locations(namespace: str, universe: str = GOOGLE) -> list:
    """Every entry of a namespace, in catalog order (used for suggestions and the `locations` listing)."""
    return list(_table(namespace, universe).values())


REGION_FROM_ZONE = re.compile(r"^(.*)-[a-z]$")


def region_of_zone(zone: str) -> str:
    """`europe-west9-a` -> `europe-west9` (the provider's own `zone[:-2]` rule)."""
    match = REGION_FROM_ZONE.match(zone.strip().lower())
    return match.group(1) if match else zone

