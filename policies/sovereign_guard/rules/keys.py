"""Customer-managed keys: every data store names a key the customer holds (the catalog's key fields)."""
from __future__ import annotations

from functools import lru_cache

from .. import catalog
from .outcome import FAIL, PASS, UNKNOWN, Finding, Subject, quote
from .props import MISSING, is_set, is_unknown, kind, top, walk

EXEMPTION_HINT = ("If your organisation accepts this risk, record it in the customer-managed-keys config: "
                  "exemptions: [{type: <type token>, name: <name or glob>, reason: <why>, expires: <YYYY-MM-DD>}].")


def evaluate(subject: Subject, allow_raw_keys: bool = False) -> list:
    """Key findings for one resource; an empty list when the type holds no data or is not catalogued."""
    spec = catalog.spec(subject.token)
    if spec is None or spec.cmek == "not-data":
        return []
    if spec.cmek == "unsupported":
        return [Finding(FAIL, "", f"{subject.title} stores data, but the service offers no customer-managed key "
                        f"({spec.note or 'provider-managed keys only'}). {EXEMPTION_HINT}")]
    raw_keys = list(customer_supplied(subject, spec.raw_key_paths))
    if allow_raw_keys and raw_keys:
        return [Finding(PASS, f.path, "customer-supplied key, allowed by allowCustomerSuppliedKeys") for f in raw_keys]
    findings = raw_keys
    if spec.cmek in ("correlated", "unknown"):  # the key is set by another resource of the stack (key-custody
        return findings  # judges it), or no key input and no decision (see catalog.model): only raw keys are judged
    if not spec.keys:
        findings.append(Finding(FAIL, "", f"{subject.title}: the catalog names no key field for this type, so "
                                "customer-held keys cannot be established. " + EXEMPTION_HINT))
    for field in spec.keys:
        findings.extend(_key_field(subject, field))
    return findings


MANAGED_KEY = {  # cloud -> (its managed keys, where to name one instead of a raw key)
    "gcp": ("a Cloud KMS key", "the Cloud KMS key field of the same block"),
    "scaleway": ("a Key Manager key", "SSE-KMS on the bucket (a BucketServerSideEncryptionConfiguration with "
                                      "sseAlgorithm 'aws:kms' and a Key Manager key)"),
}


def customer_supplied(subject: Subject, paths: tuple):
    """A failing finding for each customer-supplied raw key the resource sets."""
    managed, instead = MANAGED_KEY.get(subject.token.split(":", 1)[0], MANAGED_KEY["gcp"])
    for path in paths:
        for where, value in walk(subject.props, path):
            if is_set(value):
                yield Finding(FAIL, where, f"{subject.title}: {where} is a customer-supplied raw key, not {managed}: "
                              "the provider cannot rotate or revoke it and its material lands in Pulumi state. "
                              f"Use {instead} instead (or set allowCustomerSuppliedKeys: true in the "
                              "customer-managed-keys config).")


def _key_field(subject: Subject, field):
    if not field.required:
        return
    if field.each:
        for where, element in walk(subject.props, field.each + "[]"):
            if is_unknown(element):
                yield Finding(UNKNOWN, where, f"{subject.title}: {where} is not known during preview.",
                              depends=top(field.each))
            elif isinstance(element, dict):
                if not _unused(element, field.when):
                    yield _one(subject, field, element, where)
            else:
                yield Finding(FAIL, where, f"{subject.title}: {where} is not an object ({kind(element)}), so its key "
                              f"cannot be read; set {where}.{field.paths[0]} to a key you hold.")
        return
    if not _unused(subject.props, field.when) and not _waived_by_shape(subject.props, field.unless):
        found = _one(subject, field, subject.props, "")
        if field.inherit and found.outcome == FAIL and found.path == field.paths[0]:
            reference, parent, _ = field.inherit
            found = Finding(PASS, found.path, f"{found.path} is unset: it inherits the default key of its "
                            f"{parent.rsplit(':', 1)[-1]} ({reference}), which key-custody checks in the stack")
        yield found


def _unused(props, when: str) -> bool:
    """Whether the key is not needed: its `when` path is given and absent (or false)."""
    return bool(when) and all(v is MISSING or v is None or v is False for _, v in walk(props, when))


def _waived_by_shape(props, unless: tuple) -> bool:
    """Whether one of the (path, value) pairs that make the key unnecessary holds."""
    return any(v == wanted for path, wanted in unless for _, v in walk(props, path))


def _one(subject: Subject, field, props, base: str) -> Finding:
    prefix = base + "." if base else ""
    first = prefix + field.paths[0]
    where, key = next(((w, v) for path in field.paths for w, v in walk(props, path, base) if is_set(v)), (first, None))
    if key is None:
        alternatives = " or ".join(prefix + p for p in field.paths)
        return Finding(FAIL, first, f"{subject.title}: no customer-managed key encrypts {subject_what(field)}: set "
                       f"{alternatives} to a key you hold in the same location as the data "
                       f"({_example(subject.token)}).")
    if not is_unknown(key) and (not isinstance(key, str) or not key.strip()):
        return Finding(FAIL, where, f"{subject.title}: {where} is not a key name ({kind(key)}): set it to a key you "
                       f"hold in the same location as the data ({_example(subject.token)}).")
    for path, wanted in field.enabled:
        value = [v for _, v in walk(props, path, base)]
        if not value or not isinstance(value[0], str) or value[0].upper() != wanted.upper():
            if value and is_unknown(value[0]):
                continue
            now = "unset" if not value or value[0] is MISSING else quote(value[0]) if isinstance(value[0], str) \
                else kind(value[0])
            return Finding(FAIL, prefix + path, f"{subject.title}: a key is named but not used: set {prefix + path} "
                           f"to {wanted!r} (now {now}).")
    if is_unknown(key):
        return Finding(PASS, where, f"{where} names a key created in this deployment (custody checked by key-custody)")
    return Finding(PASS, where, f"{where} names a customer-managed key")


def subject_what(field) -> str:
    return f"its {field.what}" if field.what else "its data"


def _example(token: str) -> str:
    if token.startswith("ovh:"):
        return "an OKMS service key, encryption.kms.serviceKeyId, in the volume's region"
    if token.startswith("scaleway:"):
        return ("a Key Manager key in the data's region, e.g. <key>.id = 'fr-par/<uuid>'; unset, Scaleway uses a key "
                "it holds")
    return "projects/<p>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>"


@lru_cache(maxsize=4096)
def applies(token: str) -> bool:
    """Whether a type holds data whose key is checked: evaluate finds nothing on the others."""
    spec = catalog.spec(token)
    return spec is not None and (spec.cmek in ("supported", "unsupported") or bool(spec.raw_key_paths))


@lru_cache(maxsize=4096)
def is_unclassified(token: str) -> bool:
    """A Google Cloud or OVHcloud type the catalog does not know (so new provider releases are seen)."""
    return bool(catalog.cloud_of(token)) and catalog.spec(token) is None and not catalog.is_location_free(token)


def unclassified(subject: Subject) -> list:
    if not is_unclassified(subject.token):
        return []
    return [Finding(FAIL, "", f"{subject.title}: this type is not in the Sovereign Guard catalog, so its keys are "
                    "not checked (its location is judged on location-like properties only). Add it to "
                    "policies/sovereign_guard/catalog or record an exemption.")]
