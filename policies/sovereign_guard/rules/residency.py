"""Data residency: one engine over the catalog's location fields.

For each location field of a resource type: read the value(s); when unset, apply the service's default
(or fail closed with what to set); look the name up in its namespace; and judge it against the jurisdiction.
A derived field (a setting that sends data somewhere without naming a place) is judged by its rule in derived.py.
"""
from __future__ import annotations

import re
from difflib import get_close_matches
from functools import lru_cache

from .. import catalog
from ..catalog import countries, gcp_locations, locations, ovh_locations, scaleway_locations
from ..catalog.generic import NAMESPACE as GENERIC_NAMESPACE
from ..catalog.model import ANYWHERE, Location, LocationField
from . import defaults, derived
from .jurisdiction import Jurisdiction
from .outcome import FAIL, PASS, UNKNOWN, Finding, Subject, quote
from .props import MISSING, Malformed, get, is_set, is_unknown, kind, top, walk

GENERIC_FIELDS = {  # location-like properties judged on resource types the catalog does not know
    "gcp": ("location", "region", "zone", "locationId"),
    "ovh": ("region", "regionName", "availabilityZone"),
    "scaleway": ("region", "zone"),
}


def evaluate(subject: Subject, jurisdiction: Jurisdiction) -> list:
    """Every location finding for one resource (an empty list: the type has no location)."""
    universe = defaults.universe(subject.provider_props)
    findings = []
    for field, resolved in resolved_fields(subject):
        findings += _judge_field(subject, field, resolved, jurisdiction, universe)
    return findings + derived_findings(subject, jurisdiction)


def derived_findings(subject: Subject, jurisdiction: Jurisdiction) -> list:
    """The findings of the type's derived fields: settings that send data somewhere without naming a place."""
    spec = catalog.spec(subject.token)
    return [finding for field in (spec.locations if spec is not None else ()) if field.derived
            for finding in derived.DERIVED[field.derived](subject, field, jurisdiction)]


def resolved_fields(subject: Subject) -> list:
    """(field, resolve_field's answer) for every location field that applies to the resource: what `evaluate`
    judges, and what the residency register shows (derived fields name no place: see derived_findings)."""
    spec = catalog.spec(subject.token)
    if spec is not None:
        fields = spec.locations
    elif catalog.is_location_free(subject.token):
        return []
    else:
        fields = _generic_fields(subject)
    return [(field, resolve_field(subject, field, fields)) for field in fields
            if not field.derived and not (field.unless and is_set(get(subject.props, field.unless)))]


@lru_cache(maxsize=4096)
def applies(token: str) -> bool:
    """Whether a type can have a location: evaluate finds nothing on the others, so policies skip them unread."""
    spec = catalog.spec(token)
    if spec is not None:
        return bool(spec.locations)
    return bool(catalog.cloud_of(token)) and not catalog.is_location_free(token)


@lru_cache(maxsize=4096)
def may_name_resources(token: str) -> bool:
    """Whether a type has a location field whose value may name a placement resource (a Spanner custom config)."""
    spec = catalog.spec(token)
    return spec is not None and any(f.namespace in locations.PLACEMENT_NAMESPACES for f in spec.locations)


def _generic_fields(subject: Subject) -> tuple:
    cloud = catalog.cloud_of(subject.token)
    if not cloud:
        return ()
    return tuple(LocationField(key, GENERIC_NAMESPACE[cloud], default="none")
                 for key in GENERIC_FIELDS[cloud] if key in subject.props)


def _judge_field(subject, field: LocationField, resolved, jurisdiction, universe) -> list:
    if resolved is None:
        return []
    if isinstance(resolved, str):
        what = f"add {{label: {field.labels[0]!r}, value: <{field.role}>}} to {field.path.removesuffix('[]')}" \
            if field.labels else f"set {field.path} to a location"
        near, _ = defaults.provider_region(subject)
        return [Finding(FAIL, field.path, f"{subject.title}: {resolved}; {what} in {jurisdiction.description}"
                        f"{_suggestion(field.namespace, 'region', jurisdiction, universe, near=near)}.")]
    return [judge(subject, field, path, value, jurisdiction, universe, origin) for path, value, origin in resolved]


def resolve_field(subject, field: LocationField, fields):
    """[(path, value, origin)] for a field, its default applied when unset; None when unset adds no location;
    a string saying why no location can be established (fail closed)."""
    if field.labels:
        values = _labelled(subject.props, field)
    else:
        values = [(path, value, "") for path, value in walk(subject.props, field.path) if value is not MISSING]
    for _, value, _ in values:
        if is_set(value):
            return values
    default = field.default
    if default == "none":
        return None
    if default == "required":
        if field.labels:
            return (f"{field.path} has no configuration labelled {' or '.join(map(repr, field.labels))}, so its "
                    f"{field.role} cannot be established")
        return f"{field.path} is not set and has no default, so its {field.role} cannot be established"
    if default == "unpinned":
        if not holds_data(subject.token):
            return None
        return (f"{field.path} is not set, so the service chooses where the data goes (often `global`: any "
                "country)")
    if default.startswith("literal:"):
        value, origin = default[len("literal:"):], "the service default when it is unset"
    elif default == "provider-region":
        value, origin = defaults.provider_region(subject)
    elif default in ("provider-zone", "provider-location"):
        value, origin = defaults.provider_zone(subject)
    else:
        value, origin = defaults.SPECIAL_DEFAULTS[default](subject, fields[0].path if fields else "")
    if value is None or value == "":
        return f"{field.path} is not set and {_fallback_text(default)} gives none, so its {field.role} cannot be " \
               "established"
    return [(field.path, value, origin)]


def _labelled(props, field: LocationField) -> list:
    """The values of an order plan's configurations whose label is one of the field's labels."""
    found = []
    for where, item in walk(props, field.path):
        if isinstance(item, dict):
            if item.get("label") in field.labels:
                found.append((f"{where}.value", item.get("value", MISSING), ""))
        elif is_unknown(item) or isinstance(item, Malformed):
            found.append((where, item, ""))
        elif item is not MISSING:
            found.append((where, Malformed(where, item, "an object with a label and a value"), ""))
    return found


def holds_data(token: str) -> bool:
    spec = catalog.spec(token)
    return spec is None or spec.cmek != "not-data"


def _fallback_text(default: str) -> str:
    return {"provider-region": "the provider (region or zone)", "provider-zone": "the provider's zone",
            "provider-location": "the provider's zone"}.get(default, "the service default")


def judge(subject, field, path, value, jurisdiction, universe, origin) -> Finding:
    if is_unknown(value):
        return Finding(UNKNOWN, path, f"{subject.title}: {path} can't be known until the resources it depends on "
                       f"exist; its {field.role} is checked through its dependencies and again at update.",
                       depends=top(path))
    if not isinstance(value, str) or not value.strip():
        return Finding(FAIL, path, f"{subject.title}: {path} is not a location name ({kind(value)}); set it "
                       f"to a location in {jurisdiction.description}.")
    allowed = _allowed(field.namespace, path, value, universe, jurisdiction)
    if allowed is not None:
        return allowed
    if field.namespace == GENERIC_NAMESPACE["gcp"] and value.strip().lower() == "global" \
            and not holds_data(subject.token):
        return Finding(PASS, path, f"{path} = 'global' (the type holds no data at rest)")
    shown = f"{path} = {quote(value)}" if not origin else f"{path} is unset, so {origin} {quote(value)} applies"
    location = lookup(field.namespace, value, universe)
    placement = locations.named_placement(field.namespace, value) if location is None else None
    if placement is not None:
        return Finding(UNKNOWN, path, f"{subject.title}: {shown} names a {placement[0].rsplit(':', 1)[-1]} rather "
                       "than a place: it is judged by that resource's locations in this stack (dependent-locations).",
                       depends=top(path), refers=placement)
    if location is None:
        return Finding(FAIL, path, f"{subject.title}: {shown}: not a {field.role} the catalog knows, so its "
                       f"country cannot be established{did_you_mean(field.namespace, value, universe)}; use a known "
                       f"location in {jurisdiction.description}"
                       f"{_suggestion(field.namespace, 'region', jurisdiction, universe)}.")
    return Finding(FAIL, path, f"{subject.title}: {shown} ({describe(location)}) is not allowed: "
                   f"{jurisdiction.judge(location)}. "
                   f"Use{_suggestion(field.namespace, location.kind, jurisdiction, universe, lead=' ')} instead.")


@lru_cache(maxsize=4096)
def _allowed(namespace: str, path: str, value: str, universe: str, jurisdiction: Jurisdiction):
    """The pass finding of an allowed location name, else None: the same for every resource, so made once."""
    location = lookup(namespace, value, universe)
    if location is None or jurisdiction.judge(location) is not None:
        return None
    return Finding(PASS, path, f"{path} = {quote(value)} ({describe(location)})")


@lru_cache(maxsize=4096)
def lookup(namespace: str, value: str, universe: str):
    if namespace.startswith("gcp:") and value.strip().lower() == "global":
        return locations.lookup("gcp:regional-or-global", value, universe)
    if namespace == "gcp:any":
        return _any_place(value, universe)
    return locations.lookup(namespace, value, universe)


RESOURCE_PATH_PLACE = re.compile(r"(?:^|/)(?:locations|zones|regions)/([^/]+)")


def _any_place(value: str, universe: str):
    """A Google Cloud place named any way: a region, zone or multi-region name of any service, the place in a
    resource path (`projects/p/locations/X/...`, `.../zones/X/...`, `regions/X`), or a suffixed zone name
    (`us-east4-b-r1`, `us-west4-ai1b`) read as the zone or region it starts with."""
    match = RESOURCE_PATH_PLACE.search(value)
    name = match.group(1) if match else value
    for candidate in _prefixes(name.strip().lower()):
        for namespace in ANY_ORDER:
            found = locations.lookup(namespace, candidate, universe)
            if found is not None:
                return found
    return None


def _prefixes(name: str):
    """The name, then the name without its last one or two dash-separated parts."""
    yield name
    for _ in range(2):
        if "-" not in name:
            return
        name = name.rsplit("-", 1)[0]
        if name.count("-") >= 1:
            yield name


ANY_ORDER = ("gcp:location", "gcp:regional-or-global", "gcp:storage", "gcp:bigquery", "gcp:kms",
             "gcp:artifactregistry", "gcp:spanner", "gcp:firestore", "gcp:logging", "gcp:appengine")


@lru_cache(maxsize=1024)
def describe(location: Location) -> str:
    if ANYWHERE in location.countries:
        where = "any country"
    else:
        where = ", ".join(countries.name(c) for c in sorted(location.countries)[:4])
        if len(location.countries) > 4:
            where += f" and {len(location.countries) - 4} more"
    return f"{location.label}, {where}"


def did_you_mean(namespace: str, value: str, universe: str) -> str:
    """' (did you mean X?)' for a name the namespace does not know: the same place under this service's name (a
    Cloud Storage `eu` is Cloud KMS's `europe`), else the closest known name; '' when none is close."""
    key = value.strip().lower()
    if namespace == "gcp:kms" and key in gcp_locations.KMS_LOCATION_FOR:
        return f" (Cloud KMS calls this multi-region {gcp_locations.KMS_LOCATION_FOR[key]!r})"
    names = ANY_ORDER[:1] if namespace == "gcp:any" else (namespace,)
    known = [loc.code for ns in names for loc in locations.all_locations(ns, universe)]
    close = get_close_matches(key, known, n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


@lru_cache(maxsize=1024)
def suggestions(namespace: str, kind: str, jurisdiction: Jurisdiction, universe: str, near: str = "") -> tuple:
    """Up to three allowed names of the same kind in the same namespace (regions when none of that kind), those in
    or of the region `near` (the provider's) first."""
    names = ANY_ORDER[:1] if namespace == "gcp:any" else (namespace,)
    platform = locations.S3NS if jurisdiction.s3ns_only else universe
    candidates = [loc for ns in names for loc in locations.all_locations(ns, platform)
                  if loc.platform in (platform, "ovh", "scaleway")]
    first = {code: i for i, code in enumerate(gcp_locations.SUGGEST_FIRST + ovh_locations.SUGGEST_FIRST
                                              + scaleway_locations.SUGGEST_FIRST)}

    def rank(loc) -> tuple:
        region = loc.members[0] if loc.kind == "zone" and loc.members else loc.code
        return (not near or region != near, first.get(loc.code, first.get(region, len(first))))
    candidates.sort(key=rank)
    for wanted in (kind, "region"):
        allowed = [loc for loc in candidates
                   if loc.kind.split()[0] == wanted.split()[0] and jurisdiction.judge(loc) is None]
        if allowed:
            return tuple(f"{loc.code} ({loc.label})" for loc in allowed[:3])
    allowed = [loc for loc in candidates if jurisdiction.judge(loc) is None]
    return tuple(f"{loc.code} ({loc.label})" for loc in allowed[:3])


def _suggestion(namespace, kind, jurisdiction, universe, lead=", e.g. ", near=None) -> str:
    near = near.strip().lower() if isinstance(near, str) and not is_unknown(near) else ""
    found = suggestions(namespace, kind, jurisdiction, universe, near)
    if not found:
        return f"{lead}a location allowed by your allowedLocations" if lead == " " else ""
    return lead + either(found)


def either(names) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]



def primary_location(subject: Subject, path: str = ""):
    """The Location of a resource's location field at `path` (default: its first), its default applied: a Location,
    UNKNOWN, or None (no field, several values, or a name the catalog does not know)."""
    spec = catalog.spec(subject.token)
    if spec is None or not spec.locations:
        return None
    field = next((f for f in spec.locations if (f.path == path if path else True) and not f.derived), None)
    if field is None:
        return None
    resolved = resolve_field(subject, field, spec.locations)
    if not isinstance(resolved, list) or len(resolved) != 1:
        return None
    value = resolved[0][1]
    if is_unknown(value):
        return UNKNOWN
    return lookup(field.namespace, value, defaults.universe(subject.provider_props)) if isinstance(value, str) else None
