"""Key custody: every key reference is traced to its key ring (or OKMS domain), which must sit inside the
jurisdiction, not in `global`, beside the data it protects, at an allowed protection level and in an allowed
key project. Keys created in the same stack are followed through property dependencies, so a preview already
decides; key names are parsed (`projects/<p>/locations/<loc>/keyRings/<r>/cryptoKeys/<k>`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Optional

from .. import catalog
from ..catalog import gcp_locations, locations
from . import defaults, residency
from .outcome import FAIL, PASS, UNKNOWN, Finding, Subject, quote
from .props import MISSING, is_unknown, raw_get, walk

KEY_NAME = re.compile(r"projects/(?P<project>[^/]+)/locations/(?P<location>[^/]+)/keyRings/(?P<ring>[^/]+)"
                      r"(?:/cryptoKeys/(?P<key>[^/]+))?")
CRYPTO_KEY, KEY_RING = "gcp:kms/cryptoKey:CryptoKey", "gcp:kms/keyRing:KeyRing"
OKMS, OKMS_KEY = "ovh:Okms/okms:Okms", "ovh:Okms/serviceKey:ServiceKey"
S3NS_UNAVAILABLE = ("HSM", "HSM_SINGLE_TENANT", "EXTERNAL", "EXTERNAL_VPC")


@dataclass
class KeyFacts:
    """What is known of one key: where it lives, its project and protection level, and how we know."""

    cloud: str
    location: object = None  # str, UNKNOWN, or None (cannot be established)
    project: object = None
    protection: Optional[str] = None
    via: str = ""


class Stack:
    """A stack's resources by id, and their subjects (each made once, when first read), for tracing key references."""

    def __init__(self, resources, subject_of):
        self._subject_of, self._subjects = subject_of, {}
        self.by_id = {}
        for r in resources:
            rid = raw_get(r.props, "id")
            if isinstance(rid, str) and rid and not is_unknown(rid):
                self.by_id[rid] = r

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
                        found += [(f"{where}.{p}", v, element) for p, v in walk(element, path) if _named(v)]
        else:
            for path in field.paths:
                found += [(p, v, None) for p, v in walk(subject.props, path) if _named(v)]
    return found


def _named(value) -> bool:
    return is_unknown(value) or isinstance(value, str) and value != ""


def trace(resource, path: str, value, stack: Stack) -> KeyFacts:
    cloud = catalog.cloud_of(resource.resource_type)
    if isinstance(value, str) and not is_unknown(value):
        match = KEY_NAME.search(value)
        if match:
            facts = KeyFacts("gcp", match["location"], match["project"], via=f"key name {quote(value)}")
            known = stack.by_id.get(value)
            if known is not None:
                facts.protection = _protection(stack.subject_of(known))
            return facts
        known = stack.by_id.get(value)
        if known is not None:
            return _from_key_resource(known, stack)
        return KeyFacts(cloud, None, via=f"{quote(value)}, which is not a key name and no key in this stack has that id")
    top = path.split(".", 1)[0].split("[", 1)[0]
    for dep in resource.property_dependencies.get(top, []):
        if dep.resource_type in (CRYPTO_KEY, KEY_RING, OKMS, OKMS_KEY):
            return _from_key_resource(dep, stack)
    return KeyFacts(cloud, UNKNOWN, via="a value computed during deployment")


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
    if subject.token == KEY_RING:
        project = subject.props.get("project") or subject.provider_props.get("project")
        return KeyFacts("gcp", subject.props.get("location", None), project, via=f"key ring {title}")
    if subject.token == CRYPTO_KEY:
        ring = subject.props.get("keyRing")
        facts = None
        if isinstance(ring, str) and not is_unknown(ring) and KEY_NAME.search(ring):
            match = KEY_NAME.search(ring)
            facts = KeyFacts("gcp", match["location"], match["project"], via=f"{title} in key ring {quote(ring)}")
        elif depth < 3:
            for dep in resource.property_dependencies.get("keyRing", []):
                if dep.resource_type == KEY_RING:
                    facts = _from_key_resource(dep, stack, depth + 1)
                    facts.via = f"{title} in {facts.via}"
        facts = facts or KeyFacts("gcp", UNKNOWN, via=title)
        facts.protection = _protection(subject)
        return facts
    if subject.token == OKMS:
        return KeyFacts("ovh", subject.props.get("region"), via=f"OKMS domain {title}")
    okms = subject.props.get("okmsId")
    if isinstance(okms, str) and not is_unknown(okms) and okms in stack.by_id and depth < 3:
        return _from_key_resource(stack.by_id[okms], stack, depth + 1)
    for dep in resource.property_dependencies.get("okmsId", []):
        if dep.resource_type == OKMS and depth < 3:
            return _from_key_resource(dep, stack, depth + 1)
    return KeyFacts("ovh", None, via=f"{title}, whose OKMS domain is not in this stack")


def judge(subject: Subject, path: str, facts: KeyFacts, element, settings) -> Finding:
    jurisdiction = settings.jurisdiction
    where = f"{subject.title}: the key at {path} ({facts.via})"
    if facts.location is UNKNOWN or is_unknown(facts.location):
        return Finding(UNKNOWN, path, f"{where} can't be traced during preview.", depends=path.split(".", 1)[0])
    if not isinstance(facts.location, str) or not facts.location:
        return Finding(FAIL, path, f"{where} cannot be traced to a key ring or OKMS domain, so its location "
                       "cannot be established; name the key by its full resource name or declare it in this stack.")
    universe = defaults.universe(subject.provider_props)
    namespace = "gcp:kms" if facts.cloud == "gcp" else "ovh:location"
    key_location = locations.lookup(namespace, facts.location, universe)
    if key_location is None:
        return Finding(FAIL, path, f"{where} is in {quote(facts.location)}, a location the catalog does not know.")
    if key_location.code == "global":
        return Finding(FAIL, path, f"{where} is in 'global': Google may hold the key material anywhere; use a key "
                       "ring in the same region as the data.")
    reason = jurisdiction.judge(key_location)
    if reason is not None:
        return Finding(FAIL, path, f"{where} is in {quote(facts.location)} ({residency.describe(key_location)}), not "
                       f"allowed: {reason}.")
    mismatch = _mismatch(subject, key_location, element, universe)
    if mismatch:
        return Finding(FAIL, path, f"{where} is in {quote(facts.location)} but {mismatch}; the service refuses the "
                       "mismatch only at deployment.")
    allowed_levels = settings.get("allowedProtectionLevels") or []
    if facts.protection:
        if universe == locations.S3NS and facts.protection in S3NS_UNAVAILABLE:
            return Finding(FAIL, path, f"{where} uses protection level {facts.protection}, which S3NS's Cloud KMS "
                           "does not offer; use SOFTWARE.")
        if allowed_levels and facts.protection not in allowed_levels:
            return Finding(FAIL, path, f"{where} uses protection level {facts.protection}; allowed: "
                           f"{', '.join(allowed_levels)} (versionTemplate.protectionLevel).")
    projects = settings.get("allowedKeyProjects") or []
    if projects and facts.cloud == "gcp":
        if not isinstance(facts.project, str) or is_unknown(facts.project):
            return Finding(FAIL, path, f"{where}: its project cannot be established; keys must come from "
                           f"{', '.join(projects)}.")
        if not any(fnmatchcase(facts.project, g) for g in projects):
            return Finding(FAIL, path, f"{where} is in project {quote(facts.project)}; keys must come from the "
                           f"dedicated key projects {', '.join(projects)}.")
    return Finding(PASS, path, f"{where} is in {quote(facts.location)}")


def _mismatch(subject: Subject, key_location, element, universe) -> str:
    """Why the key cannot serve the data's location ('' when compatible or when the data has no single location)."""
    if element is not None:
        value = next((element[k] for k in ("location", "zone") if isinstance(element.get(k), str)), None)
        data = residency.lookup("gcp:location", value, universe) if value else None
    else:
        data = residency.primary_location(subject)
    if data is None or data is UNKNOWN or data.kind == "global":
        return ""  # no single data location (a global default is data-residency's violation)
    wanted = expected_key_location(data)
    if wanted and key_location.code != wanted:
        return f"the data is in {data.code!r}, which needs a key in {wanted!r}"
    return ""


def expected_key_location(data) -> str:
    """The key location a data location needs: its own region, its zone's region, or the matching multi-region."""
    if data.platform == "ovh":
        return data.members[0] if data.members else data.code
    if data.kind == "zone":
        return data.members[0]
    return gcp_locations.KMS_LOCATION_FOR.get(data.code, data.code)


def evaluate(resource, subject: Subject, stack: Stack, settings) -> list:
    return [judge(subject, path, trace(resource, path, value, stack), element, settings)
            for path, value, element in references(subject)]
