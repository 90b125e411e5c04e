"""What the rules know of each resource, for the residency register: read through the very calls that make the
verdicts (`residency.resolved_fields` and `lookup`, `custody.references`, `trace` and `located`,
`rotation.schedule`, `keys.customer_supplied`, the catalog's specs), never through a second implementation.

`stack_facts(resources, config)` takes a stack's resources as a stack policy receives them (the SDK's
PolicyResource: type, name, URN, props, provider, property dependencies) and the data-residency policy config, and
returns a ResourceFacts for every resource that holds data, has a location, names or is a key, or is a provider.
Verdicts are not facts: they stay the policies' (the register reads them from the pack's run).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import catalog, config
from .rules import bucket_encryption, custody, defaults, keys, providers, residency, rotation
from .rules.dependencies import subject_of
from .rules.jurisdiction import Jurisdiction, describe_platform
from .rules.outcome import FAIL, PASS, Subject
from .rules.props import is_unknown, kind

# Place.status
KNOWN, AFTER_DEPLOYMENT, UNLISTED, UNESTABLISHED = "known", "known after deployment", "not in the catalog", \
    "cannot be established"
# ResourceFacts.keys_held (who holds the data's key)
CUSTOMER_MANAGED, CUSTOMER_SUPPLIED = "customer-managed", "customer-supplied raw key"
PROVIDER_MANAGED, NO_KEY_OFFERED = "provider-managed", "provider-managed (no customer-managed key offered)"
NOT_ESTABLISHED, NOT_APPLICABLE = "not established", "not applicable"
# ResourceFacts.category
DATA_STORE, KEY, PROVIDER, NO_DATA = "data store", "key", "provider", "no data at rest"


@dataclass(frozen=True)
class Place:
    """One place a resource keeps or sends data: its primary location, a replica, a backup, a node zone..."""

    role: str  # the catalog's word: location, replica, backup region, node zone, dual-region member, ...
    primary: bool  # from the resource's first location field (its main location)
    path: str  # the property it comes from
    value: str  # the location name as given ('' when none can be established)
    origin: str  # which default applies when the property is unset ('' when it is set)
    status: str  # KNOWN, AFTER_DEPLOYMENT, UNLISTED or UNESTABLISHED
    code: str = ""
    label: str = ""  # the city or area: "Paris", "Council Bluffs, Iowa", "EU multi-region (...)"
    kind: str = ""  # region, zone, multi-region, ...
    platform: str = ""  # public Google Cloud, S3NS, OVHcloud, Scaleway
    countries: tuple = ()  # ISO 3166-1 alpha-2 codes, sorted; ("*",) when the provider may choose any country
    allowed: Optional[bool] = None  # the jurisdiction's judgement of the location (None: no location known)
    note: str = ""  # why no location can be established


@dataclass(frozen=True)
class Key:
    """One key a resource names, traced as key-custody traces it."""

    path: str  # the property naming the key
    name: str  # the key resource's name in this stack, else the reference as given
    reference: str  # the value given ('' when known only after deployment)
    in_stack: bool  # created in this stack (so its protection level and rotation are visible)
    via: str  # how the key was traced
    status: str  # of its location: KNOWN, AFTER_DEPLOYMENT, UNLISTED or UNESTABLISHED
    location: str = ""  # the key ring's or OKMS domain's location name
    label: str = ""
    countries: tuple = ()
    allowed: Optional[bool] = None
    protection: str = ""  # Cloud KMS protection level ('' when not visible)
    project: str = ""
    rotation_days: Optional[float] = None  # automatic rotation period of a symmetric Cloud KMS key in this stack
    rotation: str = ""  # the same for people: "every 90 days", "never (rotationPeriod unset)", ...


@dataclass(frozen=True)
class ResourceFacts:
    urn: str
    name: str
    token: str
    service: str  # the module of the type token: storage, bigquery, CloudProject, ...
    platform: str  # public Google Cloud, S3NS, OVHcloud, Scaleway ('' for other packages)
    category: str  # DATA_STORE, KEY, PROVIDER or NO_DATA
    keys_held: str  # CUSTOMER_MANAGED, CUSTOMER_SUPPLIED, PROVIDER_MANAGED, NO_KEY_OFFERED, NOT_ESTABLISHED, ...
    note: str  # the catalog's note on the type (where its data lives when it has no location of its own, ...)
    places: tuple  # Place, ...
    keys: tuple  # Key, ...


def stack_facts(resources, residency_config: Optional[dict] = None) -> list:
    """ResourceFacts of every resource the register lists, in the stack's order."""
    jurisdiction = config.settings(residency_config or {}).jurisdiction
    stack = custody.Stack(resources, subject_of)
    by_urn = {r.urn: r for r in resources}
    buckets = bucket_encryption.outcomes(resources, stack)  # Scaleway: keys set by another resource of the stack
    found = []
    for resource in resources:
        subject = stack.subject_of(resource)
        if providers.applies(subject.token):
            found.append(_provider(subject, jurisdiction))
        elif _listed(subject.token):
            found.append(_resource(resource, subject, stack, by_urn, jurisdiction, buckets.get(resource.urn)))
    return found


def _listed(token: str) -> bool:
    return bool(catalog.cloud_of(token)) and not catalog.is_location_free(token)


def _platform(subject: Subject) -> str:
    cloud = catalog.cloud_of(subject.token)
    if cloud == "ovh" or subject.token == providers.OVH:
        return describe_platform("ovh")
    if cloud == "scaleway" or subject.token == providers.SCALEWAY:
        return describe_platform("scaleway")
    return describe_platform(defaults.universe(subject.provider_props if cloud else subject.props))


def _service(token: str) -> str:
    return token.split(":")[1].split("/")[0] if token.count(":") >= 2 else token


def _resource(resource, subject: Subject, stack, by_urn: dict, jurisdiction: Jurisdiction,
              correlated=None) -> ResourceFacts:
    spec = catalog.spec(subject.token)
    universe = defaults.universe(subject.provider_props)
    places = []
    for index, (field, resolved) in enumerate(residency.resolved_fields(subject)):
        places += _places(field, resolved, index == 0, universe, jurisdiction)
    traced = [_key(path, value, facts, by_urn, stack, universe, jurisdiction)
              for path, value, _ in custody.references(subject)
              for facts in custody.trace(resource, path, value, stack)]
    category = KEY if subject.token in custody.KEY_TYPES else DATA_STORE if residency.holds_data(subject.token) \
        else NO_DATA
    return ResourceFacts(subject.urn, subject.name, subject.token, _service(subject.token), _platform(subject),
                         category, _keys_held(subject, spec, traced, correlated) if category == DATA_STORE
                         else NOT_APPLICABLE,
                         spec.note if spec else "", tuple(places), tuple(traced))


def _places(field, resolved, primary: bool, universe: str, jurisdiction: Jurisdiction) -> list:
    if resolved is None:
        return []
    if isinstance(resolved, str):
        return [Place(field.role, primary, field.path, "", "", UNESTABLISHED, note=resolved)]
    return [_place(field, primary, path, value, origin, universe, jurisdiction) for path, value, origin in resolved]


def _place(field, primary, path, value, origin, universe, jurisdiction) -> Place:
    if is_unknown(value):
        return Place(field.role, primary, path, "", origin, AFTER_DEPLOYMENT)
    if not isinstance(value, str) or not value.strip():
        return Place(field.role, primary, path, "", origin, UNESTABLISHED, note=f"not a location name ({kind(value)})")
    location = residency.lookup(field.namespace, value, universe)
    if location is None:
        return Place(field.role, primary, path, value, origin, UNLISTED)
    return Place(field.role, primary, path, value, origin, KNOWN, location.code, location.label, location.kind,
                 describe_platform(location.platform), tuple(sorted(location.countries)),
                 jurisdiction.judge(location) is None)


def _key(path, value, facts, by_urn, stack, universe, jurisdiction) -> Key:
    """A traced reference: its key ring's place, protection level and, for a key in the stack, its rotation."""
    key = stack.subject_of(by_urn[facts.urn]) if facts.urn in by_urn else None
    reference = value if isinstance(value, str) and not is_unknown(value) else ""
    name = key.name if key is not None else reference
    protection = facts.protection or ""
    project = facts.project if isinstance(facts.project, str) and not is_unknown(facts.project) else ""
    rotation_days, rotation_text = _rotation(key)
    common = dict(path=path, name=name, reference=reference, in_stack=not facts.outside and key is not None,
                  via=facts.via, protection=protection, project=project, rotation_days=rotation_days,
                  rotation=rotation_text)
    if is_unknown(facts.location):
        return Key(status=AFTER_DEPLOYMENT, **common)
    if not isinstance(facts.location, str) or not facts.location:
        return Key(status=UNESTABLISHED, **common)
    located = custody.located(facts, universe)
    if located is None:
        return Key(status=UNLISTED, location=facts.location, **common)
    return Key(status=KNOWN, location=located.code, label=located.label, countries=tuple(sorted(located.countries)),
               allowed=jurisdiction.judge(located) is None, **common)


def _rotation(key: Optional[Subject]) -> tuple:
    found = rotation.schedule(key) if key is not None else None
    if found is None:
        return None, ""
    days, period = found
    if days is rotation.UNKNOWN:
        return None, AFTER_DEPLOYMENT
    if days is None:
        return None, "never (rotationPeriod unset)" if not period else "not a duration in seconds"
    return days, f"every {days:g} days"


def _keys_held(subject: Subject, spec, traced: list, correlated=None) -> str:
    """Who holds the key of a data store's data, from the same catalog entry customer-managed-keys reads (and, for a
    key set by another resource of the stack, key-custody's outcome: `correlated`)."""
    if spec is None or spec.cmek == "unknown":
        return NOT_ESTABLISHED
    if spec.cmek == "unsupported":
        return NO_KEY_OFFERED
    if any(True for _ in keys.customer_supplied(subject, spec.raw_key_paths)):
        return CUSTOMER_SUPPLIED
    if spec.cmek == "correlated":
        return {PASS: CUSTOMER_MANAGED, FAIL: PROVIDER_MANAGED}.get(correlated, NOT_ESTABLISHED)
    return CUSTOMER_MANAGED if traced else PROVIDER_MANAGED


def _provider(subject: Subject, jurisdiction: Jurisdiction) -> ResourceFacts:
    """A provider's defaults (Google, Scaleway: region and zone) or contracting entity (OVHcloud: the API
    endpoint)."""
    if subject.token in (providers.GCP, providers.SCALEWAY):
        universe = defaults.universe(subject.props)
        places = [_place(field, index == 0, field.path, value, "", universe, jurisdiction)
                  for index, (field, value) in enumerate(providers.provider_defaults(subject.token, subject.props))]
    else:
        places = []
        endpoint = subject.props.get("endpoint")
        found = providers.endpoint_entity(endpoint) if isinstance(endpoint, str) else None
        if found is not None:
            name, entity, country = found
            places.append(Place("contracting entity", True, "endpoint", endpoint, "", KNOWN, name, entity,
                                "API endpoint", describe_platform("ovh"), (country,),
                                country in jurisdiction.countries))
    return ResourceFacts(subject.urn, subject.name, subject.token, "provider", _platform(subject), PROVIDER,
                         NOT_APPLICABLE, "", tuple(places), ())

