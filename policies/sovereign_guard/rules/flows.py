"""Data flows: where the data a resource sends, copies or replicates lands, judged against the jurisdiction.

A destination field (catalog/gcp_flows.py, catalog/ovh_flows.py) names a resource by reference. It is resolved in
this order:
1. a resource created in the same stack: by id, self link or name (the kind's name properties), or, while its
   value is unknown at preview, through the engine's property dependencies; the destination is judged where that
   resource is (its location fields, defaults applied, as data-residency reads them; a table where its dataset is);
2. the place the reference itself carries (`projects/p/locations/us/...`, `zones/us-central1-a/...`, a Cloud Run
   URL's region);
3. neither: where the data goes cannot be established, which fails closed unless `trustedDestinations` lists the
   destination (a glob on the value, or on the name or URN of the destination resource of this stack).

Copies (`copy-nearest`: snapshots and images without storage locations, machine images) are stored in the
multi-region nearest their source; `copy-same` copies (instant snapshots) stay beside it. A copy whose source
cannot be traced is left to data-residency, which judges the resource's own fields.

Edge caches (Cloud CDN, Media CDN, Firebase Hosting) keep content at the provider's edge locations worldwide: a
flow out of any jurisdiction, unless `allowPublicEdgeCaching` says the content is public by design.
"""
from __future__ import annotations

import datetime
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import NamedTuple, Optional

from .. import catalog
from ..catalog import destinations
from ..catalog.destinations import EDGES, FLOWS, KINDS, TOPS, Ref
from ..catalog.model import FlowField
from . import custody, defaults, exemptions, residency
from .dependencies import depends_on, resolve, subject_of
from .outcome import FAIL, PASS, UNKNOWN, Finding, quote
from .props import MISSING, Malformed, is_set, is_unknown, kind, raw_get, top, walk

MAX_DEPTH = 4
SETTINGS = ("trustedDestinations", "allowPublicEdgeCaching")  # all `findings` reads, besides the jurisdiction: stack
# policies with the same values share the walk (checks.py); tests/test_serve.py keeps it whole
STORAGE = "gcp:storage"


class Trusted(NamedTuple):
    """A destination vouched for in the config: what it waives is reported by the `waivers` policy."""

    number: int  # 1-based position in trustedDestinations, for reports
    destination: str
    reason: str
    expires: datetime.date

    @property
    def scope(self) -> str:
        return f'trusted destination "{self.destination}"'

    def matches(self, names: tuple) -> bool:
        """Whether the destination glob matches one of a target's names (its name, URN or reference)."""
        return any(isinstance(n, str) and fnmatchcase(n, self.destination) for n in names)


def trusted(settings) -> tuple:
    """The trustedDestinations of a policy's config."""
    return tuple(Trusted(i, str(item["destination"]), str(item["reason"]),
                         datetime.date.fromisoformat(str(item["expires"])))
                 for i, item in enumerate(settings.get("trustedDestinations") or (), 1))


class Place(NamedTuple):
    value: str  # a location name
    namespace: str
    origin: str = ""  # how it was arrived at, when it is not the value given


class Target(NamedTuple):
    """One destination a reference resolves to, and what is known of where it is."""

    label: str  # for messages
    places: tuple = ()
    unknown: str = ""  # why no place can be established
    pending: bool = False  # unknown during preview
    failed: str = ""  # outside the jurisdiction, as resolved through dependencies
    names: tuple = ()  # what trustedDestinations may match
    key: str = ""  # identity, to judge each destination once per reference


def sends(resource) -> bool:
    """Whether a resource names a destination or caches at the edge (cheap: top-level keys only, unconverted)."""
    token = resource.resource_type
    if token in EDGES:
        return True
    tops = TOPS.get(token)
    return tops is not None and any(raw_get(resource.props, prop) is not None for prop in tops)


def findings(resources, settings, stack=None):
    """(resource, subject, finding, trust) for every destination and edge cache of the stack, in stack order;
    `trust` is the trusted destination that waives a failing finding (None when none does). `stack`: subjects
    already made by another walk of the same stack (custody.Stack)."""
    sources = [r for r in resources if destinations.applies(r.resource_type) and sends(r)]
    if not sources:
        return
    flows = Flows(resources, settings, (stack or custody.Stack(resources, subject_of)).subject_of)
    for resource in sources:
        subject = flows.subject_of(resource)
        for finding, trust in flows.evaluate(resource, subject):
            yield resource, subject, finding, trust


def _values(props: dict, field: FlowField):
    """(path, value, its object) for each value of a field: list items one by one; an `unless` sibling set skips
    the value; an object that is unknown, or of the wrong shape, yields itself."""
    head, _, leaf = field.path.rpartition(".")
    listed, leaf = leaf.endswith("[]"), leaf.removesuffix("[]")
    parents = walk(props, head) if head else [("", props)]
    for where, parent in parents:
        path = f"{where}.{leaf}" if where else leaf
        if parent is MISSING or parent is None:
            continue
        if is_unknown(parent) or isinstance(parent, Malformed):
            yield (path if is_unknown(parent) else where), parent, {}
            continue
        if not isinstance(parent, dict):  # of the wrong shape: not read as a reference
            yield where, Malformed(where, parent, "an object"), {}
            continue
        if field.unless and is_set(parent.get(field.unless, MISSING)):
            continue
        value = parent.get(leaf)
        if listed and isinstance(value, list):
            yield from ((f"{path}[{i}]", item, parent) for i, item in enumerate(value) if item not in (None, ""))
        elif value is not None and value != "" and value != []:
            yield path, value, parent


class Flows:
    """The destinations of one stack's resources: an index of the stack by the names its resources answer to
    (built when a reference first needs it), and the verdicts on them."""

    def __init__(self, resources, settings, subject_of):
        self.resources, self.settings, self.subject_of = resources, settings, subject_of
        self.jurisdiction = settings.jurisdiction
        self.trusted = trusted(settings)
        self._index: Optional[dict] = None
        self._cache: dict = {}  # URN -> residency findings, for dependencies.resolve
        self._evaluate = lambda r: residency.evaluate(self.subject_of(r), self.jurisdiction)  # noqa: E731

    # -- finding the stack's resources by what names them ------------------------------------------------------

    def _built(self) -> dict:
        if self._index is None:
            index: dict = {}
            for resource in self.resources:
                kinds = destinations.KINDS_BY_TYPE.get(resource.resource_type)
                if not kinds:
                    continue
                for kind_ in kinds:  # each name read alone: most resources indexed are never referenced
                    for prop in ("id", "selfLink") + kind_.names:
                        value = raw_get(resource.props, prop)
                        if isinstance(value, str) and value and not is_unknown(value):
                            for key in destinations.keys(kind_, value):
                                found = index.setdefault((kind_.name, key), [])
                                if resource not in found:
                                    found.append(resource)
            self._index = index
        return self._index

    def find(self, ref: Ref) -> list:
        index, found = self._built(), []
        for key in dict.fromkeys((ref.value, ref.name)):
            for resource in index.get((ref.kind.name, key), ()):
                if resource not in found and self._same_project(resource, ref.project):
                    found.append(resource)
        return sorted(found, key=lambda r: r.urn)

    def _same_project(self, resource, project: str) -> bool:
        if not project or project in ("_", "-"):
            return True
        subject = self.subject_of(resource)
        own = subject.props.get("project") or subject.provider_props.get("project")
        return not isinstance(own, str) or is_unknown(own) or own == project

    # -- tracing a reference to the places it leads to ---------------------------------------------------------

    def trace(self, resource, field: FlowField, path: str, value, project: str = "", depth: int = 0) -> list:
        if is_unknown(value):
            deps = depends_on(resource, top(path), destinations.field_types(field))
            if not deps or depth >= MAX_DEPTH:
                return [Target("a destination computed during deployment", pending=True)]
            return _unique(t for dep in deps for t in self.of_resource(dep, _kind_of(field, dep), depth))
        if isinstance(value, Malformed):
            return [Target("a destination that cannot be read", unknown=f"as {value!r}")]
        if not isinstance(value, str) or not value.strip():
            return [Target(kind(value), unknown="which is not a reference to a destination")]
        ref = destinations.parse(value.strip(), field.kinds, project if isinstance(project, str) else "")
        if ref is None:
            return [Target(quote(value), unknown="which is not a destination reference the catalog can read",
                           names=(value,), key=value)]
        found = self.find(ref) if ref.name else []
        if found and depth < MAX_DEPTH:
            return _unique(t._replace(names=t.names + (value,)) for r in found
                           for t in self.of_resource(r, ref.kind, depth))
        label = f"{ref.kind.label} {quote(value)}"
        if ref.parent and ref.kind.via and depth < MAX_DEPTH:
            parent = FlowField(field.path, (ref.kind.via[1],), field.verb)
            inner = self.trace(resource, parent, path, ref.parent, ref.project, depth + 1)
            if any(t.places or t.failed or t.pending or t.key for t in inner):
                return [t._replace(label=f"{label}, in {t.label}", names=t.names + (value,)) for t in inner]
        if ref.location:
            return [Target(label, (Place(ref.location, _namespace(resource)),), names=(value,), key=value)]
        return [Target(label, unknown=_unplaced(ref), names=(value,), key=value)]

    def of_resource(self, resource, kind_, depth: int) -> list:
        """The Targets of a destination resource of this stack (a table through its dataset)."""
        subject = self.subject_of(resource)
        label = f'{kind_.label} "{resource.name}" (created in this stack)'
        if kind_.via:
            prop, via = kind_.via
            inner = self.trace(resource, FlowField(prop, (via,), ""), prop, subject.props.get(prop, MISSING),
                               depth=depth + 1)
            return [t._replace(label=f"{label}, in {t.label}") for t in inner]
        copied = self._copied(resource, subject, depth)
        if copied:
            return [t._replace(label=f"{label}, stored as a copy of {t.label}") for t in copied]
        return [self._places(resource, subject, label)]

    def _places(self, resource, subject, label: str) -> Target:
        """Where a resource of this stack is, as data-residency reads its location fields."""
        spec = catalog.spec(subject.token)
        fields = spec.locations if spec is not None else ()
        names = (resource.name, resource.urn)
        if not fields:
            return Target(label, unknown="which has no location input the catalog knows", names=names,
                          key=resource.urn)
        universe = defaults.universe(subject.provider_props)
        places, unknown, pending, failed = [], "", False, ""
        for field, resolved in residency.resolved_fields(subject):
            if resolved is None:
                continue
            if isinstance(resolved, str):
                unknown = unknown or f"whose {resolved}"
                continue
            for path, value, origin in resolved:
                if is_unknown(value):
                    finding = residency.judge(subject, field, path, value, self.jurisdiction, universe, origin)
                    outcome, why = resolve(resource, finding, self._evaluate, self._cache)
                    pending = pending or outcome == UNKNOWN
                    failed = failed or (why if outcome == FAIL else "")
                elif isinstance(value, str) and value.strip():
                    places.append(Place(value, field.namespace, _unset(path, origin)))
                else:
                    unknown = unknown or f"whose {path} is not a location name"
        return Target(label, tuple(places), unknown, pending, failed, names, resource.urn)

    # -- copies: where a snapshot, image or machine image is stored ---------------------------------------------

    def copies(self, resource, field: FlowField, path: str, value, depth: int = 0) -> list:
        """The Targets of a copy: its source's places, moved to the nearest multi-region for `copy-nearest`. A
        source that cannot be placed gives none (the resource's own fields are data-residency's)."""
        found = []
        for target in self.trace(resource, field, path, value, depth=depth):
            if target.pending or target.failed:
                found.append(target)
            elif target.places:
                places = target.places if field.mode == "copy-same" else tuple(
                    self._nearest(place, field, resource) for place in target.places)
                found.append(target._replace(places=places))
        return found

    def _nearest(self, place: Place, field: FlowField, resource) -> Place:
        universe = defaults.universe(self.subject_of(resource).provider_props)
        location = residency.lookup(place.namespace, place.value, universe)
        multi = _nearest_multi_region(location) if location is not None else None
        if multi is None:
            return place
        unset = f", as {field.unless} is unset" if field.unless else ""
        return Place(multi, STORAGE, f"the multi-region nearest {quote(place.value)}{unset}")

    def _copied(self, resource, subject, depth: int) -> list:
        """Where a copy of this stack (a snapshot or image used as a source) is stored, when it is traced."""
        spec = FLOWS.get(subject.token)
        if spec is None or depth >= MAX_DEPTH:
            return []
        for field in spec.fields:
            if field.mode != "destination":
                for path, value, _ in _values(subject.props, field):
                    found = self.copies(resource, field, path, value, depth + 1)
                    if found:
                        return found
        return []

    # -- verdicts -----------------------------------------------------------------------------------------------

    def evaluate(self, resource, subject) -> list:
        found = []
        edge = EDGES.get(subject.token)
        if edge is not None:
            found += [(finding, None) for finding in self._edge(subject, edge)]
        spec = FLOWS.get(subject.token)
        for field in spec.fields if spec is not None else ():
            for path, value, parent in _values(subject.props, field):
                if field.mode == "destination":
                    project = parent.get(field.project, "") if field.project else ""
                    targets = self.trace(resource, field, path, value, project)
                else:
                    targets = self.copies(resource, field, path, value)
                found += [self.judge(spec, subject, field, path, value, target) for target in targets]
        return found

    def judge(self, spec, subject, field: FlowField, path: str, value, target: Target) -> tuple:
        """(finding, the trusted destination that waives it, or None)."""
        trust, finding = None, None
        if not target.pending and not target.failed and not target.places and target.unknown:
            trust, expired = self._trust(target.names)
            finding = self._unplaced(spec, subject, field, path, value, target, expired)
        return (finding or self._judge(spec, subject, field, path, value, target)), trust

    def _judge(self, spec, subject, field: FlowField, path: str, value, target: Target) -> Finding:
        head = self._head(spec, subject, field, path, value, target)
        if target.pending:
            return Finding(UNKNOWN, path, f"{head}, which can't be traced during preview.",
                           depends=top(path))
        where = self.jurisdiction.description
        if target.failed:
            return Finding(FAIL, path, f"{head}, which is not allowed: {target.failed}. Keep the destination in "
                                       f"{where}.")
        universe = defaults.universe(subject.provider_props)
        for place in target.places:
            location = residency.lookup(place.namespace, place.value, universe)
            origin = f"; {place.origin}" if place.origin else ""
            stored = (f"{head}, stored in {quote(place.value)}" if field.mode != "destination"
                      else f"{head} in {quote(place.value)}")
            if location is None:
                return Finding(FAIL, path, f"{stored}{f' ({place.origin})' if place.origin else ''}: a location "
                                           "the catalog does not know, so its country cannot be established. "
                                           f"{self._fix(field, place.namespace, 'region', universe)}")
            reason = self.jurisdiction.judge(location)
            if reason is not None:
                return Finding(FAIL, path, f"{stored} ({residency.describe(location)}{origin}): {reason}. "
                                           f"{self._fix(field, place.namespace, location.kind, universe)}")
        if target.places:
            return Finding(PASS, path, f"{head}, inside {where}")
        return Finding(PASS, path, f"{head}, whose places are allowed")

    def _unplaced(self, spec, subject, field: FlowField, path: str, value, target: Target, expired) -> Finding:
        """A destination that cannot be placed: it fails closed (a trusted destination waives it)."""
        message = (f"{self._head(spec, subject, field, path, value, target)}, {target.unknown}, so where the data goes "
                   f"cannot be established. Create the destination in this stack (in "
                   f"{self.jurisdiction.description}), or list it in trustedDestinations (data-flows config) with "
                   "the reason it stays inside and an expiry.")
        if expired is not None:
            message += (f" (The trusted destination '{expired.destination}' expired on "
                        f"{expired.expires.isoformat()} and no longer applies.)")
        return Finding(FAIL, path, message)

    @staticmethod
    def _head(spec, subject, field: FlowField, path: str, value, target: Target) -> str:
        shown = f"{path} = {quote(value)}" if isinstance(value, str) and not is_unknown(value) else path
        return f'{spec.what} "{subject.name}": {shown} {field.verb} {target.label}'

    def _fix(self, field: FlowField, namespace: str, kind_: str, universe: str) -> str:
        found = tuple(dict.fromkeys(residency.suggestions(namespace, kind_, self.jurisdiction, universe)
                                    + residency.suggestions(namespace, "region", self.jurisdiction, universe)))[:3]
        listed = residency.either(found) if found else ""
        if field.mode == "destination":
            return f"Keep the destination in {self.jurisdiction.description}" + (f", e.g. {listed}." if listed else ".")
        if field.unless:
            return f"Set {field.unless} to " + (f"{listed}" if listed else "an allowed location") + \
                f", or copy a source in {self.jurisdiction.description}."
        return f"Copy a source in {self.jurisdiction.description}."

    def _trust(self, names: tuple) -> tuple:
        """(the trusted destination that applies, the last expired one that would have)."""
        return exemptions.first_active(self.trusted, lambda trust: trust.matches(names))

    def _edge(self, subject, edge) -> list:
        head = f'{edge.what} "{subject.name}": '
        if edge.when:
            value = subject.props.get(edge.when)
            if is_unknown(value):
                return [Finding(UNKNOWN, edge.when, f"{head}{edge.when} can't be known during preview, so whether "
                                "it caches at the edge is checked at update.",
                                depends=edge.when)]
            if value is not True:
                return []
            head += f"{edge.when} = true: "
        if self.settings.get("allowPublicEdgeCaching"):
            return [Finding(PASS, edge.when, f"{edge.what} caches at the edge: allowed for public content")]
        return [Finding(FAIL, edge.when, f"{head}{edge.service} caches its content at Google edge locations "
                        "worldwide, outside "
                        f"{self.jurisdiction.description}, and offers no setting that keeps the cache in a region. "
                        f"{_edge_fix(edge)} or, if the content is public by design, set allowPublicEdgeCaching: "
                        "true in the data-flows config.")]


def _edge_fix(edge) -> str:
    return f"Turn it off ({edge.when}: false)" if edge.when else f"Serve private data without {edge.service}"


def _unset(path: str, origin: str) -> str:
    """How a default place was arrived at, for messages ('' for a place given as such)."""
    if not origin:
        return ""
    return f"{path} unset: the service default" if origin.startswith("the service default") else \
        f"{path} unset: {origin}"


def _unique(targets) -> list:
    found: dict = {}
    for target in targets:
        found.setdefault(target.key or target.label, target)
    return list(found.values())


def _kind_of(field: FlowField, resource):
    """The kind, among a field's, that a resource it depends on is (a table's dataset: the dataset kind)."""
    for name in field.kinds:
        for candidate in (KINDS[name], KINDS.get(KINDS[name].via[1]) if KINDS[name].via else None):
            if candidate is not None and resource.resource_type in candidate.types:
                return candidate
    return KINDS[field.kinds[0]]


def _namespace(resource) -> str:
    return "ovh:location" if resource.resource_type.startswith("ovh:") else "gcp:any"


def _unplaced(ref: Ref) -> str:
    if ref.kind.name == "log-project":
        return "another project's log router (where its own sinks send the logs is not visible here)"
    if not ref.kind.patterns or not ref.kind.types:
        return "which is outside what the pack can see"
    return "which is not created in this stack and whose name carries no location"


@lru_cache(maxsize=256)
def _nearest_multi_region(location):
    """The multi-region nearest a place (itself when it is one), as Google picks it for snapshots and images."""
    if location.kind == "multi-region":
        return location.code
    region = location.members[0] if location.kind == "zone" and location.members else location.code
    return defaults.nearest_multi_region_of(region)
