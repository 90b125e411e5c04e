"""Key custody: every key reference is traced to its key ring (or OKMS domain), which must sit inside the
jurisdiction, not in `global`, beside the data it protects, at an allowed protection level and in an allowed
key project.

A reference is traced in this order: a key created in the same stack (by id, or at preview through the property
dependencies), then what its value says (a Cloud KMS key name `projects/<p>/locations/<loc>/keyRings/<r>/...`, a
NetApp KMS config `projects/<p>/locations/<loc>/kmsConfigs/<c>`, an OKMS key id). A well-formed reference to a key
outside the stack is judged by what it says; what it cannot say (a protection level) fails an allow-list unless
`trustKeysOutsideStack` is set.

Verdicts do not depend on the order of dependencies: at preview a list of replicas whose keys are all unknown
depends on every key of the list, so each candidate key is judged once for the resource, in URN order; a key's own
faults (outside, global, level, project) are reported once, and a location mismatch only when the key fits none of
the resource's data locations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from typing import Optional

from .. import catalog
from ..catalog import gcp_locations, locations
from ..catalog.model import ANYWHERE
from ..catalog.scaleway_resources import KEY_MANAGER_KEYS
from . import defaults, residency, scaleway_keys
from .outcome import FAIL, PASS, UNKNOWN, Finding, Subject, quote
from .dependencies import depends_on
from .props import MISSING, is_unknown, raw_get, top, walk

KEY_NAME = re.compile(r"projects/(?P<project>[^/]+)/locations/(?P<location>[^/]+)/keyRings/(?P<ring>[^/]+)"
                      r"(?:/cryptoKeys/(?P<key>[^/]+))?")
KMS_CONFIG_NAME = re.compile(r"projects/(?P<project>[^/]+)/locations/(?P<location>[^/]+)/kmsConfigs/[^/]+")
OKMS_KEY_ID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
CRYPTO_KEY, KEY_RING = "gcp:kms/cryptoKey:CryptoKey", "gcp:kms/keyRing:KeyRing"
NETAPP_KMS_CONFIG = "gcp:netapp/kmsconfig:Kmsconfig"
OKMS, OKMS_KEY = "ovh:Okms/okms:Okms", "ovh:Okms/serviceKey:ServiceKey"
KEY_TYPES = (CRYPTO_KEY, KEY_RING, NETAPP_KMS_CONFIG, OKMS, OKMS_KEY) + KEY_MANAGER_KEYS
KEY_NAMESPACES = {"gcp": "gcp:kms", "ovh": "ovh:location", "scaleway": "scw:location"}
S3NS_UNAVAILABLE = ("HSM", "HSM_SINGLE_TENANT", "EXTERNAL", "EXTERNAL_VPC")
MAX_DEPTH = 3
SETTINGS = ("allowedKeyProjects", "allowedProtectionLevels", "trustKeysOutsideStack")  # all evaluate reads, besides
# the jurisdiction: stack policies with the same values share the walk (checks.py); tests/test_serve.py keeps it whole
INTRINSIC = "key"  # a failure of the key itself, whatever data it protects (vs. a mismatch with the data)


@dataclass
class KeyFacts:
    """What is known of one key: where it lives, its project and protection level, and how we know."""

    cloud: str
    location: object = None  # str, UNKNOWN, or None (cannot be established)
    project: object = None
    protection: Optional[str] = None
    via: str = ""
    outside: bool = False  # named by its value, not created in this stack: its protection level is not visible
    urn: str = ""  # the key resource in this stack


class Stack:
    """A stack's resources by id, and their subjects (each made once, when first read), for tracing key references."""

    def __init__(self, resources, subject_of):
        self._subject_of, self._subjects = subject_of, {}
        self._resources, self._named = resources, None
        self.by_id = {}
        for r in resources:
            rid = raw_get(r.props, "id")
            if isinstance(rid, str) and rid and not is_unknown(rid):
                self.by_id[rid] = r

    def named(self, token: str, name: str):
        """The resources of a type whose `name` input (or id) is `name`, in URN order."""
        if self._named is None:
            self._named = {}
            for r in self._resources:
                for value in (raw_get(r.props, "name"), raw_get(r.props, "id")):
                    if isinstance(value, str) and value and not is_unknown(value):
                        self._named.setdefault((r.resource_type, value), []).append(r)
        return sorted(self._named.get((token, name), []), key=lambda r: r.urn)

    def subject_of(self, resource) -> Subject:
        subject = self._subjects.get(resource.urn)
        if subject is None:
            subject = self._subjects[resource.urn] = self._subject_of(resource)
        return subject


def applies(token: str) -> bool:
    """Whether a type names keys: evaluate finds nothing on the others."""
    spec = catalog.spec(token)
    return spec is not None and bool(spec.keys)


def references(subject: Subject) -> list:
    """(path, value, element) for every key name (or unknown) a catalogued resource gives (element: its list item).

    A value that is no name at all (a number, an object, a wrong shape) is customer-managed-keys' violation."""
    spec = catalog.spec(subject.token)
    if spec is None:
        return []
    found = []
    for field in spec.keys:
        if field.each:
            for where, element in walk(subject.props, field.each + "[]"):
                if isinstance(element, dict):
                    for path in field.paths:
                        found += [(p, v, element) for p, v in walk(element, path, where) if _named(v)]
        else:
            for path in field.paths:
                found += [(p, v, None) for p, v in walk(subject.props, path) if _named(v)]
    return found


def _named(value) -> bool:
    return is_unknown(value) or isinstance(value, str) and value != ""


def trace(resource, path: str, value, stack: Stack) -> list:
    """The KeyFacts of every key the reference may be: one when its value is known; at preview, every key resource
    its property depends on (in URN order); an UNKNOWN placeholder when nothing tells yet."""
    cloud = catalog.cloud_of(resource.resource_type)
    if isinstance(value, str) and not is_unknown(value):
        return [_from_value(cloud, value, stack)]
    deps = depends_on(resource, top(path), KEY_TYPES)
    if deps:
        return [_from_key_resource(dep, stack) for dep in deps]
    return [KeyFacts(cloud, UNKNOWN, via="a value computed during deployment")]


def _from_value(cloud: str, value: str, stack: Stack) -> KeyFacts:
    known = stack.by_id.get(value)
    if known is not None:
        return _from_key_resource(known, stack)
    for pattern, what in ((KEY_NAME, "key name"), (KMS_CONFIG_NAME, "NetApp KMS config")):
        match = pattern.search(value)
        if match:
            return KeyFacts("gcp", match["location"], match["project"], via=f"{what} {quote(value)}", outside=True)
    if cloud == "ovh" and OKMS_KEY_ID.match(value.strip()):
        return KeyFacts("ovh", None, via=f"OKMS key {quote(value)}, not created in this stack", outside=True)
    if cloud == "scaleway":
        return scaleway_keys.from_value(value, stack)
    return KeyFacts(cloud, None, via=f"{quote(value)}, which is not a key name and no key in this stack has that id")


def _protection(key: Subject) -> Optional[str]:
    """Google's default SOFTWARE when unset; None while unknown at preview; a non-name fails every allow-list."""
    level = walk(key.props, "versionTemplate.protectionLevel")
    value = level[0][1] if level else MISSING
    if value is MISSING or value is None:
        return "SOFTWARE"
    if is_unknown(value):
        return None
    return value.upper() if isinstance(value, str) else "(not a protection level name)"


def _from_key_resource(resource, stack: Stack, depth: int = 0) -> KeyFacts:
    subject = stack.subject_of(resource)
    title = subject.title
    if subject.token in KEY_MANAGER_KEYS:
        return scaleway_keys.from_key_resource(resource, subject)
    if subject.token == KEY_RING:
        project = subject.props.get("project") or subject.provider_props.get("project")
        return KeyFacts("gcp", subject.props.get("location", None), project, via=f"key ring {title}",
                        urn=resource.urn)
    if subject.token == CRYPTO_KEY:
        facts = _followed(resource, subject, "keyRing", KEY_NAME, stack, depth) or KeyFacts("gcp", UNKNOWN, via=title)
        return replace(facts, protection=_protection(subject), urn=resource.urn, outside=False)
    if subject.token == NETAPP_KMS_CONFIG:
        facts = _followed(resource, subject, "cryptoKeyName", KEY_NAME, stack, depth)
        return replace(facts or KeyFacts("gcp", UNKNOWN, via=title), urn=resource.urn)
    if subject.token == OKMS:
        return KeyFacts("ovh", subject.props.get("region"), via=f"OKMS domain {title}", urn=resource.urn)
    okms = subject.props.get("okmsId")
    if isinstance(okms, str) and not is_unknown(okms) and okms in stack.by_id and depth < MAX_DEPTH:
        return _from_key_resource(stack.by_id[okms], stack, depth + 1)
    for dep in depends_on(resource, "okmsId", (OKMS,)):
        if depth < MAX_DEPTH:
            return _from_key_resource(dep, stack, depth + 1)
    return KeyFacts("ovh", None, via=f"{title}, whose OKMS domain is not in this stack", urn=resource.urn)


def _followed(resource, subject: Subject, prop: str, pattern, stack: Stack, depth: int) -> Optional[KeyFacts]:
    """A key resource's facts from the reference it holds in `prop` (its key ring, or a NetApp config's key)."""
    value = subject.props.get(prop)
    if isinstance(value, str) and not is_unknown(value):
        if value in stack.by_id and depth < MAX_DEPTH:
            facts = _from_key_resource(stack.by_id[value], stack, depth + 1)
        else:
            match = pattern.search(value)
            if not match:
                return None
            facts = KeyFacts("gcp", match["location"], match["project"], via=quote(value), outside=True)
        return replace(facts, via=f"{subject.title} in {facts.via}")
    for dep in depends_on(resource, prop, KEY_TYPES):
        if depth < MAX_DEPTH:
            facts = _from_key_resource(dep, stack, depth + 1)
            return replace(facts, via=f"{subject.title} in {facts.via}")
    return None


def judge(subject: Subject, path: str, facts: KeyFacts, data: list, settings, universe: str, lead: str = "") -> tuple:
    """(Finding, kind): kind is INTRINSIC for a fault of the key itself, "" otherwise. `data` is the Locations the
    key may protect (empty when the data has no single known location); `lead` names the key in the messages
    (default: the key at `path`)."""
    jurisdiction = settings.jurisdiction
    where = f"{subject.title}: {lead or f'the key at {path}'} ({facts.via})"
    if facts.location is UNKNOWN or is_unknown(facts.location):
        return Finding(UNKNOWN, path, f"{where} can't be traced during preview.", depends=top(path)), ""
    if facts.cloud == "ovh" and facts.outside and facts.location is None:
        return Finding(PASS, path, f"{where}: an OKMS key named by its id; its region is OVHcloud's to enforce"), ""
    if not isinstance(facts.location, str) or not facts.location:
        return Finding(FAIL, path, f"{where} cannot be traced to a key ring, OKMS domain or Key Manager key, so its "
                       "location cannot be established; name the key by its full resource name (Scaleway: its "
                       "regional ID '<region>/<uuid>') or declare it in this stack."), INTRINSIC
    key_location = located(facts, universe)
    if key_location is None:
        return Finding(FAIL, path, f"{where} is in {quote(facts.location)}, a location the catalog does not know"
                       f"{residency.did_you_mean(key_namespace(facts), facts.location, universe)}."), INTRINSIC
    if key_location.code == "global":
        return Finding(FAIL, path, f"{where} is in 'global': Google may hold the key material anywhere; use a key "
                       "ring in the same region as the data."), INTRINSIC
    reason = jurisdiction.judge(key_location)
    if reason is not None:
        return Finding(FAIL, path, f"{where} is in {quote(facts.location)} ({residency.describe(key_location)}), not "
                       f"allowed: {reason}."), INTRINSIC
    level = _level_fault(where, facts, universe, settings)
    if level:
        return Finding(FAIL, path, level), INTRINSIC
    projects = settings.get("allowedKeyProjects") or []
    if projects and facts.cloud == "gcp":
        if not isinstance(facts.project, str) or is_unknown(facts.project):
            return Finding(FAIL, path, f"{where}: its project cannot be established; keys must come from "
                           f"{', '.join(projects)}."), INTRINSIC
        if not any(fnmatchcase(facts.project, g) for g in projects):
            return Finding(FAIL, path, f"{where} is in project {quote(facts.project)}; keys must come from the "
                           f"dedicated key projects {', '.join(projects)}."), INTRINSIC
    mismatch = _mismatch(key_location, data, _fit(subject.token))
    if mismatch:
        return Finding(FAIL, path, f"{where} is in {quote(facts.location)} but {mismatch}; the service refuses the "
                       "mismatch only at deployment."), ""
    return Finding(PASS, path, f"{where} is in {quote(facts.location)}"), ""


def located(facts: KeyFacts, universe: str):
    """The catalog Location of a traced key's location name (None when the catalog does not know it)."""
    return locations.lookup(key_namespace(facts), facts.location, universe)


def key_namespace(facts: KeyFacts) -> str:
    return KEY_NAMESPACES[facts.cloud]


def _level_fault(where: str, facts: KeyFacts, universe: str, settings) -> str:
    allowed_levels = settings.get("allowedProtectionLevels") or []
    if facts.outside and allowed_levels and facts.cloud == "gcp" and not settings.get("trustKeysOutsideStack"):
        return (f"{where} is not created in this stack, so its protection level cannot be verified against "
                f"allowedProtectionLevels ({', '.join(allowed_levels)}): declare the key in this stack, or set "
                "trustKeysOutsideStack: true in the key-custody config if keys are governed elsewhere.")
    if not facts.protection:
        return ""
    if universe == locations.S3NS and facts.protection in S3NS_UNAVAILABLE:
        return f"{where} uses protection level {facts.protection}, which S3NS's Cloud KMS does not offer; use SOFTWARE."
    if allowed_levels and facts.protection not in allowed_levels:
        return (f"{where} uses protection level {facts.protection}; allowed: {', '.join(allowed_levels)} "
                "(versionTemplate.protectionLevel).")
    return ""


def _fit(token: str) -> str:
    spec = catalog.spec(token)
    return spec.key_fit if spec is not None else "same"


def _mismatch(key_location, data: list, fit: str = "same") -> str:
    """Why the key cannot serve the data ('' when it fits one of its locations, or the data has no single one).
    With fit "within", a key whose location lies inside the data's (a regional key for a multi-region copy) fits."""
    wanted = [(d, expected_key_location(d)) for d in data]
    wanted = [(d, w) for d, w in wanted if w]
    if not wanted or any(key_location.code == w for _, w in wanted):
        return ""
    if fit == "within" and any(key_location.countries <= d.countries and ANYWHERE not in d.countries
                               for d, _ in wanted):
        return ""
    shown = " or ".join(dict.fromkeys(f"{d.code!r}, which needs a key in {w!r}" +
                                      (" or in a region inside it" if fit == "within" else "") for d, w in wanted))
    return f"the data is in {shown}"


def _data_locations(subject: Subject, element, universe: str) -> list:
    """The Locations a key may protect: its list element's place, else the place the catalog names for keys (the
    first location field by default)."""
    if element is not None:
        value = next((element[k] for k in ("location", "zone") if isinstance(element.get(k), str)), None)
        data = residency.lookup("gcp:location", value, universe) if value else None
    else:
        spec = catalog.spec(subject.token)
        data = residency.primary_location(subject, spec.key_data if spec is not None else "")
    if data is None or data is UNKNOWN or data.kind == "global":
        return []  # no single data location (a global default is data-residency's violation)
    return [data]


def expected_key_location(data) -> str:
    """The key location a data location needs: its own region, its zone's region, or the matching multi-region."""
    if data.platform in ("ovh", "scaleway"):
        return data.members[0] if data.members else data.code
    if data.kind == "zone":
        return data.members[0]
    return gcp_locations.KMS_LOCATION_FOR.get(data.code, data.code)


def _inherited(resource, subject: Subject, stack: Stack) -> list:
    """Findings of the keys a resource leaves unset and inherits from a parent (an object's key from its bucket's
    default key): the parent must be in the stack, where its own key (or the lack of one) is judged, once for the
    parent and all it holds; a parent outside the stack cannot be seen, which fails closed."""
    findings = []
    for field in catalog.spec(subject.token).keys:
        if not field.inherit or field.each or any(_named(v) for p in field.paths for _, v in walk(subject.props, p)):
            continue
        reference, parent_token, parent_key = field.inherit
        path, kind = field.paths[0], parent_token.rsplit(":", 1)[-1].lower()
        parent = _parent(resource, subject, reference, parent_token, stack)
        if parent is None:
            named = subject.props.get(reference)
            shown = quote(named) if isinstance(named, str) and not is_unknown(named) else "it names"
            findings.append(Finding(FAIL, path, f"{subject.title}: {path} is unset and the {kind} {shown} is not "
                                    f"in this stack, so the default key the {subject.token.rsplit(':', 1)[-1]} "
                                    f"would inherit cannot be seen: set {path} to a key you hold, or declare the "
                                    f"{kind} in this stack."))
            continue
        owner = stack.subject_of(parent)  # judged on its own: without a key it is its own violation, once
        findings.append(Finding(PASS, path, f"{path} is inherited from {owner.title}'s {parent_key}"))
    return findings


def _parent(resource, subject: Subject, reference: str, token: str, stack: Stack):
    """The same-stack resource a reference names: through its property dependencies, else by name or id."""
    deps = depends_on(resource, reference, (token,))
    if deps:
        return deps[0]
    value = subject.props.get(reference)
    if isinstance(value, str) and not is_unknown(value):
        found = stack.named(token, value.rsplit("/", 1)[-1])
        return found[0] if found else None
    return None


def evaluate(resource, subject: Subject, stack: Stack, settings) -> list:
    """Key findings of one resource, in a stable order."""
    universe = defaults.universe(subject.provider_props)
    refs = [(path, trace(resource, path, value, stack), _data_locations(subject, element, universe))
            for path, value, element in references(subject)]
    everywhere = None
    findings, reported = [], set()
    for path, candidates, data in refs:
        if len(candidates) == 1:
            findings.append(judge(subject, path, candidates[0], data, settings, universe)[0])
            continue
        if everywhere is None:  # one of several keys: judged against all the resource's data
            everywhere = [d for _, _, data_of in refs for d in data_of]
        for facts in candidates:  # each key once
            finding, kind = judge(subject, path, facts, everywhere, settings, universe,
                                  lead=f"one of the keys at {path} (through its dependencies)")
            if finding.outcome == FAIL and (facts.urn, kind) not in reported:
                reported.add((facts.urn, kind))
                findings.append(finding)
            elif finding.outcome != FAIL:
                findings.append(finding)
    return findings + _inherited(resource, subject, stack)
