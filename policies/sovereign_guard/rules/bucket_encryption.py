"""Scaleway Object Storage default encryption, judged across the stack (key-custody).

A Scaleway bucket has no encryption input: its default encryption is a separate
BucketServerSideEncryptionConfiguration resource whose `bucket` names it (by name or regional ID, or at preview
through the property dependency on the bucket). A resource policy sees one resource at a time, so the bucket's
verdict is made here, on the whole stack, and reported on the bucket:
- no configuration names the bucket: fail (its objects are stored without a key the customer holds);
- a configuration with `sseAlgorithm: aws:kms` and a `kmsMasterKeyId`: pass (the key itself is traced by key-custody
  on the configuration: inside the jurisdiction, in the bucket's region);
- `AES256` (SSE-ONE, keys Scaleway holds), `aws:kms` without a key, or no rule: fail, naming the configuration.
An object (object/item) without its own SSE-C key is covered by its bucket's verdict when the bucket is in the
stack; otherwise a configuration of the stack must name its bucket with SSE-KMS, or the object fails.
"""
from __future__ import annotations

from ..catalog import index
from ..catalog.scaleway_resources import BUCKET, ITEM, SSE_CONFIGURATION
from .outcome import FAIL, PASS, UNKNOWN, Finding, quote
from .props import MISSING, get, is_set, is_unknown, walk

KMS, SSE_ONE = "aws:kms", "AES256"
SSE_KMS = "applyServerSideEncryptionByDefault {sseAlgorithm: 'aws:kms', kmsMasterKeyId: <a Key Manager key in the " \
          "bucket's region>}"
ACCEPT = "or record an accepted risk in the key-custody config's exemptions."
ADD = f"Add a scaleway.object.BucketServerSideEncryptionConfiguration with bucket=<the bucket's name> and a rule " \
      f"{SSE_KMS}, {ACCEPT}"
CHANGE = f"Give that configuration a rule {SSE_KMS}, {ACCEPT}"


def findings(resources, stack):
    """(resource, subject, finding) for every Scaleway bucket, and every object outside a bucket of the stack."""
    for resource, subject, found in _judged(resources, stack):
        if isinstance(found, Finding):
            yield resource, subject, found


def outcomes(resources, stack) -> dict:
    """URN -> PASS, FAIL or UNKNOWN: whether each Scaleway bucket, and each object without SSE-C (an object in a
    bucket of the stack: its bucket's), is encrypted with a key the customer holds."""
    found, covered = {}, []
    for resource, _, judged in _judged(resources, stack):
        if isinstance(judged, Finding):
            found[resource.urn] = judged.outcome
        else:
            covered.append((resource.urn, judged.urn))
    found.update({urn: found.get(bucket) for urn, bucket in covered})
    return found


def _judged(resources, stack):
    """(resource, subject, its Finding, or the bucket of the stack whose verdict covers it) for every bucket and
    every object without SSE-C."""
    kinds: dict = {BUCKET: [], ITEM: [], SSE_CONFIGURATION: []}
    for resource in resources:
        if resource.resource_type.startswith("scaleway:"):
            kinds.get(index.current(resource.resource_type), []).append(resource)
    buckets, items, configs = kinds[BUCKET], kinds[ITEM], kinds[SSE_CONFIGURATION]
    if not buckets and not items:
        return
    bucket_urns = {bucket.urn: i for i, bucket in enumerate(buckets)}  # URN -> position in the stack
    pending = [c for c in configs if _unmatched(c, bucket_urns, stack)]
    naming = _Naming(configs, stack)
    names = {}  # bucket name -> bucket resource
    for bucket in buckets:
        subject = stack.subject_of(bucket)
        name = subject.props.get("name")
        if isinstance(name, str) and name and not is_unknown(name):
            names[name] = bucket
        yield bucket, subject, _verdict(subject, naming.of(bucket.urn, name), pending, stack)
    for item in items:
        subject = stack.subject_of(item)
        if not is_set(subject.props.get("sseCustomerKey")):  # its own SSE-C key: customer-managed-keys judges it
            yield item, subject, _item(subject, item, buckets, bucket_urns, names, naming, stack)


class _Naming:
    """The configurations of the stack by the bucket their `bucket` names: by property dependency (the bucket's URN),
    name or regional ID (bucket names are unique across regions)."""

    def __init__(self, configs: list, stack):
        self._by: dict = {}  # bucket URN or ("name", name) -> [(position, configuration)]
        for position, config in enumerate(configs):
            keys = {dep.urn for dep in config.property_dependencies.get("bucket", [])}
            value = stack.subject_of(config).props.get("bucket")
            if isinstance(value, str) and not is_unknown(value):
                keys.add(("name", value.rsplit("/", 1)[-1]))
            for key in keys:
                self._by.setdefault(key, []).append((position, config))

    def of(self, bucket_urn: str, name) -> list:
        """The configurations that name a bucket (by its URN, or its name when that is a non-empty string), in stack
        order."""
        found = self._by.get(bucket_urn, []) + (self._by.get(("name", name), []) if isinstance(name, str) and name
                                                 else [])
        return [config for _, config in sorted(dict(found).items())]


def _unmatched(config, bucket_urns: dict, stack) -> bool:
    """A configuration whose bucket is unknown at preview and depends on no bucket of the stack: it may name any."""
    deps = config.property_dependencies.get("bucket", [])
    return not any(dep.urn in bucket_urns for dep in deps) and is_unknown(stack.subject_of(config).props.get("bucket"))


def _verdict(subject, naming: list, pending: list, stack) -> Finding:
    if not naming:
        if pending:
            return Finding(UNKNOWN, "", f"{subject.title}: which bucket "
                           f"{stack.subject_of(pending[0]).title} encrypts can't be known during preview, so this "
                           "bucket's default encryption is judged again at update.")
        return Finding(FAIL, "", f"{subject.title}: no BucketServerSideEncryptionConfiguration in this stack names "
                       "this bucket, so its objects are stored without a key you hold (at best SSE-ONE, with keys "
                       f"Scaleway holds). {ADD}")
    faults = []
    for config in naming:
        outcome, why = sse(stack.subject_of(config))
        if outcome != FAIL:
            return Finding(outcome, "", f"{subject.title}: {why}")
        faults.append(why)
    return Finding(FAIL, "", f"{subject.title}: {'; '.join(faults)}. {CHANGE}")


def sse(config) -> tuple:
    """(outcome, why) of one configuration's rules: SSE-KMS with a key passes; SSE-ONE or no key fails."""
    rules = [(where, rule) for where, rule in walk(config.props, "rules[]")]
    if any(is_unknown(rule) for _, rule in rules):
        return UNKNOWN, f"the rules of {config.title} can't be known during preview"
    faults = []
    for where, rule in rules:
        algorithm = get(rule, "applyServerSideEncryptionByDefault.sseAlgorithm") if isinstance(rule, dict) \
            else MISSING
        key = get(rule, "applyServerSideEncryptionByDefault.kmsMasterKeyId") if isinstance(rule, dict) else MISSING
        path = f"{where}.applyServerSideEncryptionByDefault"
        if is_unknown(algorithm):
            return UNKNOWN, f"{path}.sseAlgorithm of {config.title} can't be known during preview"
        if isinstance(algorithm, str) and algorithm.strip().lower() == KMS:
            if is_set(key):
                return PASS, f"encrypted by default with SSE-KMS ({config.title}, {path}.kmsMasterKeyId)"
            faults.append(f"{config.title} sets {path}.sseAlgorithm 'aws:kms' without a kmsMasterKeyId")
        elif isinstance(algorithm, str) and algorithm.strip().upper() == SSE_ONE:
            faults.append(f"{config.title} sets {path}.sseAlgorithm 'AES256' (SSE-ONE): Scaleway holds that key")
        else:
            shown = quote(algorithm) if isinstance(algorithm, str) else "unset"
            faults.append(f"{config.title} sets {path}.sseAlgorithm {shown}, not 'aws:kms'")
    if not faults:
        faults.append(f"{config.title} has no rule")
    return FAIL, "; ".join(faults)


def _item(subject, item, buckets, bucket_urns, names, naming, stack):
    """An object without SSE-C: its bucket when that is in the stack (the bucket's verdict covers it), else a
    Finding."""
    covering = [bucket_urns[dep.urn] for dep in item.property_dependencies.get("bucket", []) if dep.urn in bucket_urns]
    if covering:
        return buckets[min(covering)]  # the first in the stack's order
    value = subject.props.get("bucket")
    if is_unknown(value):
        return Finding(UNKNOWN, "bucket", f"{subject.title}: its bucket can't be known during preview, so its "
                       "encryption is judged again at update.", depends="bucket")
    name = value.rsplit("/", 1)[-1] if isinstance(value, str) else None
    if name in names:
        return names[name]
    outcomes = [sse(stack.subject_of(c)) for c in naming.of("", name)]
    passed = [why for outcome, why in outcomes if outcome != FAIL]
    if passed:
        return Finding(PASS, "bucket", f"{subject.title}: its bucket is {passed[0]}")
    return Finding(FAIL, "bucket", f"{subject.title}: its bucket {quote(value)} is not declared in this stack and no "
                   "BucketServerSideEncryptionConfiguration here encrypts it with SSE-KMS, so the object's key cannot "
                   "be established. Encrypt the object with its own SSE-C key (sseCustomerKey, with "
                   "allowCustomerSuppliedKeys in customer-managed-keys) or declare the bucket's encryption in this "
                   "stack.")
