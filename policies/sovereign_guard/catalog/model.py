"""The shapes every catalog module fills in: places, location fields and key fields of resource types."""
from __future__ import annotations

from dataclasses import dataclass


from .countries import ANYWHERE  # noqa: F401 - the country marker, re-exported beside Location


@dataclass(frozen=True, slots=True)
class Location:
    """A location name as a service accepts it, and every country where data under that name may sit."""

    code: str  # lower-case, as matched
    label: str  # for humans: "Paris", "EU multi-region"
    kind: str  # region | zone | multi-region | dual-region | configurable dual-region | omni | global | local-zone | ...
    countries: frozenset  # ISO 3166-1 alpha-2 codes; {ANYWHERE} when the provider chooses freely
    platform: str  # google | s3ns | aws | azure | ovh
    source: str  # URL or package version the fact comes from
    members: tuple = ()  # member location codes of a multi-location


@dataclass(frozen=True, slots=True)
class LocationField:
    """Where a resource type keeps one of its locations, and what applies when the field is unset.

    `path` is a camelCase engine path: `a.b`, `list[].c`, map keys with dots as `annotations['x.y/z']`.
    `default` names what the service does when the field is unset: "required" (no default: fail closed),
    "none" (unset adds no location, e.g. optional replicas), "unpinned" (the service chooses, often `global`:
    denied on a type that stores data, nothing on one that does not), "provider-region", "provider-zone",
    "provider-location" (GKE: provider zone only), "literal:<location>" (e.g. "literal:us"), or a name in
    `rules.defaults.SPECIAL_DEFAULTS`. With `labels`, `path` names a list of {label, value} pairs (an OVHcloud
    order plan's configurations) and the values of the pairs with those labels are the locations.
    """

    path: str
    namespace: str  # which names the field takes: see catalog.locations.NAMESPACES
    role: str = "location"  # human word for messages: location, replica, backup, node zone, ...
    default: str = "required"
    source: str = ""
    unless: str = ""  # skip this field when that path is set (a configurable dual-region's `location` is a label)
    labels: tuple = ()  # order-plan configuration labels whose values are locations
    derived: str = ""  # name of the rule that judges where this setting sends data (rules.derived.DERIVED)


@dataclass(frozen=True, slots=True)
class KeyField:
    """Where a resource type names its customer-managed key.

    `paths` are alternatives (any one set satisfies). With `each`, every element of that list must carry one of
    the paths (relative to the element); a missing list means nothing to encrypt. With `when`, the key is
    required only when that path (relative to the element, with `each`) is set. Without `required`, the key is
    traced when given (key-custody) but its absence is no violation. `unless` lists (path, value) pairs any of
    which makes the key unnecessary (GKE `removeDefaultNodePool: true`: the default pool is deleted). With
    `inherit` = (reference path, parent type token, parent key path), an unset key is the parent's: the resource
    named at the reference path (a same-stack parent, e.g. an object's bucket) must carry one (key-custody checks
    it at stack level). `enabled` lists
    (path, value) pairs that must also hold for the key to be used (GKE `databaseEncryption.state`).
    `what` names the data protected, for messages.
    """

    paths: tuple
    what: str = "data"
    each: str = ""
    when: str = ""  # only required when this path is set (e.g. `replication.auto`)
    enabled: tuple = ()
    required: bool = True
    unless: tuple = ()
    inherit: tuple = ()
    source: str = ""


@dataclass(frozen=True, slots=True)
class ResourceSpec:
    """Everything the rules know about one resource type token."""

    token: str
    locations: tuple = ()  # LocationField, ...
    keys: tuple = ()  # KeyField, ...
    raw_key_paths: tuple = ()  # customer-supplied raw keys (CSEK): paths whose presence is a raw key
    # supported | unsupported (service offers no customer-managed key) | not-data (holds no data at rest) |
    # correlated (the key is set by another resource of the stack, e.g. a Scaleway bucket's encryption
    # configuration: key-custody judges it, customer-managed-keys only raw keys) |
    # unknown (no key input and no decision yet: holds data as far as residency is concerned, keys unchecked)
    cmek: str = "supported"
    note: str = ""  # why, for unsupported/not-data and special cases
    source: str = ""
    # Which location a key must fit: the field at `key_data` (default: the first location field), and how:
    # "same" (the KMS location the data's location needs) or "within" (also any KMS location inside the data's,
    # e.g. a regional key for a snapshot stored in a multi-region).
    key_data: str = ""
    key_fit: str = "same"


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of resource data can be sent to, and how a reference to one reads.

    `patterns` are regular expressions tried in order on the reference: group `name` is the resource's short name
    (matched against `names` of the stack's resources of `types`), `project` its project, `location` a place the
    reference itself carries (only where that place is where the data lands), `parent` the short name of the
    `via` kind's resource it lives in (a table's dataset). A reference matching no pattern is a bare name when
    `bare` is true, and cannot be resolved otherwise. `via` (property, kind): a resource of this kind keeps its data
    in the resource that property names (a table in its dataset), whose places are judged instead. With `hosts`,
    names are URL hosts (an HTTPS endpoint), and `names` are the URL properties of the types.
    """

    name: str  # e.g. "bigquery-dataset"
    label: str  # for messages: "BigQuery dataset"
    patterns: tuple = ()
    types: tuple = ()  # type tokens of the resources of this kind in a stack
    names: tuple = ()  # properties whose values name such a resource (its id and selfLink always do)
    bare: bool = True
    via: tuple = ()  # (property, kind name)
    hosts: bool = False
    source: str = ""


@dataclass(frozen=True, slots=True)
class FlowField:
    """A property that sends, copies or replicates a resource's data to a destination named by reference.

    `kinds` name what the value may reference (the first is taken for a bare name). `mode` is "destination" (the
    data lands where the referenced resource is), or "copy-nearest" / "copy-same" (the resource stores a copy of
    the referenced source in the multi-region nearest the source, or beside it), which applies only while `unless`
    (a sibling property) is unset, and defers to the resource's own places when the source cannot be traced.
    `project` names a sibling property holding the destination's project (a table reference object).
    """

    path: str
    kinds: tuple
    verb: str  # for messages: "sends logs to", "writes messages to"
    mode: str = "destination"
    unless: str = ""
    project: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class FlowSpec:
    """The destination fields of one resource type."""

    token: str
    what: str  # for messages: "logging sink"
    fields: tuple
    source: str = ""


@dataclass(frozen=True, slots=True)
class EdgeCache:
    """A type that caches content at a provider's edge locations worldwide: always, or while `when` is true."""

    token: str
    what: str  # for messages: "backend service"
    when: str = ""  # a boolean property that turns the cache on ("" : always)
    service: str = ""  # "Cloud CDN"
    source: str = ""
