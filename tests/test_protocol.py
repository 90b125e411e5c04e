"""The pack as the Pulumi CLI runs it: a real process, the Analyzer protocol over gRPC, unknowns and secrets."""
import pytest
from google.protobuf import json_format, struct_pb2
from pulumi.runtime.proto import analyzer_pb2 as pb

from sovereign_guard_tools.engine.analyzer import PackProcess, Resource
from sovereign_guard_tools.engine.policy_config import PolicyConfigError
from sovereign_guard_tools.engine.wire import UNKNOWN, Secret

PACK = "policies"
STACK = "urn:pulumi:dev::p::"
GCP = Resource("pulumi:providers:gcp", "default", STACK + "pulumi:providers:gcp::default",
               {"project": "acme", "region": "europe-west9", "zone": "europe-west9-a"})


def res(token, name, props, provider=GCP, deps=None):
    return Resource(token, name, f"{STACK}{token}::{name}", props, provider, property_dependencies=deps or {})


@pytest.fixture(scope="module")
def pack():
    with PackProcess(PACK, dry_run=True) as process:
        process.start({})
        yield process


def names(violations, level="mandatory"):
    return {(v.policy, v.urn.rsplit("::", 1)[-1]) for v in violations if v.level == level}


def test_start_up_sequence_and_metadata(pack):
    assert pack.plugin_version
    assert {p[0] for p in pack.policies} >= {"data-residency", "provider-jurisdiction", "customer-managed-keys",
                                             "key-custody", "key-rotation", "unclassified-resources"}


def test_default_config_passes_eu_and_rejects_the_rest(pack):
    ovh_eu = Resource("pulumi:providers:ovh", "eu", STACK + "pulumi:providers:ovh::eu", {"endpoint": "ovh-eu"})
    ovh_ca = Resource("pulumi:providers:ovh", "ca", STACK + "pulumi:providers:ovh::ca", {"endpoint": "ovh-ca"})
    gcp_us = Resource("pulumi:providers:gcp", "us", STACK + "pulumi:providers:gcp::us", {"region": "us-central1"})
    resources = [
        GCP, ovh_eu, ovh_ca, gcp_us,
        res("gcp:storage/bucket:Bucket", "eu-bucket", {"location": "EU"}),
        res("gcp:storage/bucket:Bucket", "us-bucket", {"location": Secret("US")}),
        res("gcp:bigquery/dataset:Dataset", "default-dataset", {}),
        res("ovh:CloudProject/volume:Volume", "par-volume", {"regionName": "EU-WEST-PAR"}, ovh_eu),
        res("ovh:CloudProject/volume:Volume", "uk-volume", {"regionName": "UK1"}, ovh_eu),
    ]
    found = set()
    for resource in resources:
        found |= {v for v in names(pack.analyze(resource)) if v[0] in ("data-residency", "provider-jurisdiction")}
    assert found == {("provider-jurisdiction", "ca"), ("provider-jurisdiction", "us"),
                     ("data-residency", "us-bucket"), ("data-residency", "default-dataset"),
                     ("data-residency", "uk-volume")}


def test_unknowns_never_fall_to_the_sdk_preview_skip(pack):
    ring = res("gcp:kms/keyRing:KeyRing", "ring", {"location": "europe-west9"})
    key = res("gcp:kms/cryptoKey:CryptoKey", "key", {"keyRing": UNKNOWN, "rotationPeriod": "7776000s"},
              deps={"keyRing": [ring.urn]})
    suffix = res("random:index/randomString:RandomString", "suffix", {"length": 4}, provider=None)
    bucket = res("gcp:storage/bucket:Bucket", "data", {"location": UNKNOWN, "encryption": {
        "defaultKmsKeyName": UNKNOWN}}, deps={"encryption": [key.urn], "location": [suffix.urn]})
    violations = []
    for resource in (GCP, ring, key, suffix, bucket):
        violations += pack.analyze(resource)
    violations += pack.analyze_stack([GCP, ring, key, suffix, bucket])
    assert not [v for v in violations if v.is_preview_skip]
    assert names(violations) == set()
    assert names(violations, "advisory") == {("preview-unknowns", "data")}


def test_key_ring_outside_jurisdiction_is_rejected_at_preview(pack):
    ring = res("gcp:kms/keyRing:KeyRing", "us-ring", {"location": "us-east1"})
    key = res("gcp:kms/cryptoKey:CryptoKey", "key", {"keyRing": UNKNOWN, "rotationPeriod": "7776000s"},
              deps={"keyRing": [ring.urn]})
    bucket = res("gcp:storage/bucket:Bucket", "data", {"location": "europe-west9", "encryption": {
        "defaultKmsKeyName": UNKNOWN}}, deps={"encryption": [key.urn]})
    violations = pack.analyze_stack([GCP, ring, key, bucket])
    assert ("key-custody", "data") in names(violations)
    assert not [v for v in violations if v.is_preview_skip]


def _exemption(**fields):
    return {"exemptions": [{"type": "gcp:storage/bucket:Bucket", "name": "x", "reason": "accepted",
                            "expires": "2030-01-01", **fields}]}


MALFORMED = [  # (policy, config properties, the field a rejection names)
    ("data-residency", {"jurisdiction": "mars"}, "jurisdiction"),
    ("provider-jurisdiction", {"jurisdiction": ["fr"]}, "jurisdiction"),
    ("data-residency", {"jurisdiction": ["FRA"]}, "jurisdiction"),
    ("dependent-locations", {"jurisdiction": []}, "jurisdiction"),
    ("data-residency", {"jurisdiction": 27}, "jurisdiction"),
    ("data-residency", {"exemptions": [{"type": "gcp:storage/*", "name": "x", "expires": "2030-01-01"}]}, "reason"),
    ("customer-managed-keys", _exemption(reason=""), "reason"),
    ("key-custody", {"exemptions": [{"name": "x", "reason": "accepted", "expires": "2030-01-01"}]}, "type"),
    ("key-rotation", {"exemptions": [{"type": "gcp:kms/*", "name": "x", "reason": "accepted"}]}, "expires"),
    ("data-residency", _exemption(type="*"), "type"),
    ("data-residency", _exemption(type="gcp:*"), "type"),
    ("customer-managed-keys", {"exemptions": [{"type": "gcp:storage/*", "reason": "accepted",
                                               "expires": "2030-01-01"}]}, "exemptions"),
    ("customer-managed-keys", {"exemptions": [{"resource": "legacy-*", "reason": "accepted",
                                               "expires": "2030-01-01"}]}, "resource"),
    ("customer-managed-keys", _exemption(expires="soon"), "expires"),
    ("data-residency", _exemption(expires="2030-02-30"), "expires"),
    ("data-residency", _exemption(expires="2030-13-01"), "expires"),
    ("unclassified-resources", _exemption(expires="31/12/2030"), "expires"),
    ("data-residency", _exemption(expires=20300101), "expires"),
    ("data-residency", _exemption(until="2031-01-01"), "until"),
    ("data-residency", {"exemptions": {"type": "gcp:storage/*"}}, "exemptions"),
    ("key-rotation", {"maxRotationDays": "a year"}, "maxRotationDays"),
    ("key-rotation", {"maxRotationDays": 0}, "maxRotationDays"),
    ("customer-managed-keys", {"allowCustomerSuppliedKeys": "yes"}, "allowCustomerSuppliedKeys"),
    ("data-residency", {"allowedLocations": "europe-*"}, "allowedLocations"),
    ("data-residency", {"deniedLocations": [5]}, "deniedLocations"),
    ("key-custody", {"allowedProtectionLevels": ["QUANTUM"]}, "allowedProtectionLevels"),
    ("key-custody", {"allowedKeyProjects": "keys-prod"}, "allowedKeyProjects"),
]
CASES = [pytest.param(*case, id=f"{case[0]}-{i}") for i, case in enumerate(MALFORMED)]


@pytest.fixture(scope="module")
def bare_pack():
    with PackProcess(PACK) as process:
        process.start({})
        yield process


@pytest.mark.parametrize("policy, props, field", CASES)
def test_malformed_config_is_rejected_by_the_schema_naming_the_field(bare_pack, policy, props, field):
    with pytest.raises(PolicyConfigError) as error:
        bare_pack.start({policy: props})
    assert f"{policy}: " in str(error.value) and field in str(error.value)


PARIS_KEY = "projects/keys-prod/locations/europe-west9/keyRings/data/cryptoKeys/k"
COMPLIANT = [  # something every policy applies to, and nothing it rejects under a valid config
    GCP,
    res("gcp:storage/bucket:Bucket", "data", {"location": "europe-west9",
                                              "encryption": {"defaultKmsKeyName": PARIS_KEY}}),
    res("gcp:kms/cryptoKey:CryptoKey", "key", {"keyRing": PARIS_KEY.rsplit("/cryptoKeys", 1)[0],
                                               "rotationPeriod": "7776000s"}),
    res("gcp:newservice/thing:Thing", "new", {"location": UNKNOWN}, deps={"location": [GCP.urn]}),
]


@pytest.mark.parametrize("policy, props, field", CASES)
def test_malformed_config_sent_straight_to_configure_blocks_with_the_field_named(bare_pack, policy, props, field):
    request = pb.ConfigureAnalyzerRequest()
    request.policyConfig[policy].enforcementLevel = pb.MANDATORY
    request.policyConfig[policy].properties.CopyFrom(json_format.ParseDict(props, struct_pb2.Struct()))
    bare_pack.stub.Configure(request)
    found = [v for r in COMPLIANT for v in bare_pack.analyze(r)] + bare_pack.analyze_stack(COMPLIANT)
    assert bare_pack.process.poll() is None and not [v for v in found if v.is_preview_skip]
    reported = [v for v in found if v.policy == policy]
    assert reported and all(v.level == "mandatory" and v.message.startswith("The policy config is invalid")
                            and field in v.message for v in reported)
    assert {v.policy for v in found if v.level == "mandatory"} == {policy}


SCALEWAY = Resource("pulumi:providers:scaleway", "scw", STACK + "pulumi:providers:scaleway::scw",
                    {"region": "fr-par", "zone": "fr-par-1"})
FRANCE = {policy: {"jurisdiction": ["FR"]} for policy in ("data-residency", "provider-jurisdiction",
                                                            "dependent-locations", "preview-unknowns",
                                                            "customer-managed-keys", "key-custody")}
KEY_ID = "fr-par/0b3c5e7a-1d2f-4a6b-8c9d-0e1f2a3b4c5d"


def scaleway_stack(preview: bool) -> list:
    """A Paris platform in both token families, a leaky bucket (region in a secret envelope) and a database whose
    backups leave France; at preview every id is an unknown sentinel, followed through property dependencies."""
    def value(known):
        return UNKNOWN if preview else known
    key = res("scaleway:index/keyManagerKey:KeyManagerKey", "key", {
        "name": "key", "region": "fr-par", "usage": "symmetric_encryption", "algorithm": "aes_256_gcm",
        "rotationPolicy": {"rotationPeriod": "2160h"}, "id": value(KEY_ID)}, SCALEWAY)
    bucket = res("scaleway:object/bucket:Bucket", "data", {"name": "data", "region": "fr-par", "lifecycleRules": [
        {"enabled": True, "transitions": [{"days": 365.0, "storageClass": "GLACIER"}]}]}, SCALEWAY)
    encryption = res("scaleway:object/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                     "data-enc", {"bucket": bucket.props["name"], "region": "fr-par", "rules": [
                         {"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms",
                                                                 "kmsMasterKeyId": value(KEY_ID)}}]},
                     SCALEWAY, deps={"bucket": [bucket.urn], "rules": [key.urn]})
    secret = res("scaleway:index/secret:Secret", "token", {"region": "fr-par", "keyId": value(KEY_ID)}, SCALEWAY,
                 deps={"keyId": [key.urn]})
    leak = res("scaleway:index/objectBucket:ObjectBucket", "leak", {"name": "leak", "region": Secret("nl-ams")},
               SCALEWAY)
    database = res("scaleway:databases/instance:Instance", "rdb", {"region": "fr-par", "encryptionAtRest": True},
                   SCALEWAY)
    return [SCALEWAY, key, bucket, encryption, secret, leak, database]


@pytest.mark.parametrize("preview", [True, False], ids=["preview", "update"])
def test_scaleway_under_france_through_the_protocol(preview):
    with PackProcess(PACK, dry_run=preview) as process:
        process.start(FRANCE)
        resources = scaleway_stack(preview)
        violations = [v for r in resources for v in process.analyze(r)] + process.analyze_stack(resources)
    assert not [v for v in violations if v.is_preview_skip]
    assert names(violations) == {("data-residency", "leak"), ("key-custody", "leak"), ("data-residency", "rdb"),
                                 ("customer-managed-keys", "rdb")}
    assert names(violations, "advisory") == set()
    [leak] = [v.message for v in violations if v.policy == "data-residency" and v.urn.endswith("::leak")]
    assert "scaleway:index/objectBucket:ObjectBucket" in leak and "'nl-ams'" in leak
