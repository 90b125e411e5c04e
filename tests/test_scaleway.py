"""Scaleway: the exact resources that pass and fail each policy, under the EU and under ["FR"], both token families."""
import pytest

from support import UNKNOWN, secret, stack_violations, verdicts, violations
from sovereign_guard import catalog
from sovereign_guard.rules import derived

BUCKET, BUCKET_TWIN = "scaleway:object/bucket:Bucket", "scaleway:index/objectBucket:ObjectBucket"
ITEM, ITEM_TWIN = "scaleway:object/item:Item", "scaleway:index/objectItem:ObjectItem"
SSE = "scaleway:object/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
SERVER, SERVER_TWIN = "scaleway:instance/server:Server", "scaleway:index/instanceServer:InstanceServer"
DB, DB_TWIN = "scaleway:databases/instance:Instance", "scaleway:index/databaseInstance:DatabaseInstance"
SECRET, SECRET_TWIN = "scaleway:secrets/secret:Secret", "scaleway:index/secret:Secret"
KEY, KEY_TWIN = "scaleway:keymanager/key:Key", "scaleway:index/keyManagerKey:KeyManagerKey"
PIPELINE, PIPELINE_TWIN = "scaleway:edgeservices/pipeline:Pipeline", \
    "scaleway:index/edgeServicesPipeline:EdgeServicesPipeline"
EXPORTER, ROUTE = "scaleway:observability/exporter:Exporter", "scaleway:iot/route:Route"
SUBSCRIPTION = "scaleway:mnq/snsTopicSubscription:SnsTopicSubscription"
POOL, SNAPSHOT = "scaleway:kubernetes/pool:Pool", "scaleway:block/snapshot:Snapshot"
PROVIDER = "pulumi:providers:scaleway"
FR = {"jurisdiction": ["FR"]}
NO_PROVIDER: dict = {}
PARIS_KEY = "fr-par/0b3c5e7a-1d2f-4a6b-8c9d-0e1f2a3b4c5d"


RESIDENCY_CASES = {
    "bucket-paris": (BUCKET, {"region": "fr-par"}),
    "bucket-twin-amsterdam": (BUCKET_TWIN, {"region": "nl-ams"}),
    "bucket-provider-warsaw": (BUCKET, {}, {"region": "pl-waw", "zone": "pl-waw-1"}),
    "bucket-no-provider-region": (BUCKET, {}, NO_PROVIDER),  # Scaleway's default: fr-par
    "bucket-provider-zone-only": (BUCKET, {}, {"zone": "nl-ams-1"}),  # regions still default to fr-par
    "server-milan": (SERVER, {"zone": "it-mil-1"}),
    "server-twin-legacy-par1": (SERVER_TWIN, {"zone": "par1"}),
    "server-legacy-ams1": (SERVER, {"zone": "ams1"}),
    "server-provider-zone": (SERVER, {}, {"region": "fr-par", "zone": "nl-ams-2"}),
    "server-unknown-zone": (SERVER, {"zone": "fr-par-9"}),
    "db-backups-elsewhere": (DB, {"region": "fr-par"}),
    "db-twin-backups-same-region": (DB_TWIN, {"region": "fr-par", "backupSameRegion": True}),
    "db-backups-disabled": (DB, {"region": "fr-par", "disableBackup": True}),
    "edge-pipeline": (PIPELINE, {"name": "cdn"}),
    "edge-pipeline-twin": (PIPELINE_TWIN, {"name": "cdn"}),
    "mailbox": ("scaleway:mailbox/mailbox:Mailbox", {"localPart": "ops", "domainId": "d"}),
    "export-cockpit-paris": (EXPORTER, {"otlpDestination": {"endpoint": "https://x.traces.cockpit.fr-par.scw.cloud"}}),
    "export-datadog": (EXPORTER, {"datadogDestination": {"apiKey": "k"}}),
    "export-otlp-elsewhere": (EXPORTER, {"otlpDestination": {"endpoint": "https://otlp.example.com"}}),
    "iot-route-rest": (ROUTE, {"rest": {"uri": "https://ingest.example.com", "verb": "post", "headers": {}}}),
    "iot-route-database": (ROUTE, {"database": {"host": "10.0.0.5", "dbname": "iot", "port": 5432.0}}),
    "iot-route-bucket-paris": (ROUTE, {"s3": {"bucketName": "b", "bucketRegion": "fr-par", "strategy": "per_topic"}}),
    "iot-route-bucket-amsterdam": (ROUTE, {"s3": {"bucketName": "b", "bucketRegion": "nl-ams",
                                                  "strategy": "per_topic"}}),
    "sns-http": (SUBSCRIPTION, {"protocol": "http", "endpoint": "https://hooks.example.com/x"}),
    "sns-queue-paris": (SUBSCRIPTION, {"protocol": "sqs", "endpoint": "arn:scw:sqs:fr-par:project-1:jobs"}),
    "sns-queue-amsterdam": (SUBSCRIPTION, {"protocol": "sqs", "endpoint": "arn:scw:sqs:nl-ams:project-1:jobs"}),
    "pool-paris": (POOL, {"nodeType": "PRO2-S", "zone": "fr-par-2"}),
    "pool-external": (POOL, {"nodeType": "external"}),
    "snapshot": (SNAPSHOT, {"zone": "fr-par-1"}),
    "snapshot-export": (SNAPSHOT, {"zone": "fr-par-1", "export": {"bucket": "images", "key": "disk.qcow2"}}),
    "unknown-at-preview": (BUCKET, {"region": UNKNOWN}),
    "secret-envelope-amsterdam": (BUCKET, {"region": secret("nl-ams")}),
    "key-manager-key-warsaw": (KEY_TWIN, {"region": "pl-waw", "usage": "symmetric_encryption"}),
    "iam-user-location-free": ("scaleway:iam/user:User", {"email": "a@example.com"}),
}
EVERYWHERE = {"edge-pipeline", "edge-pipeline-twin", "mailbox", "export-datadog", "export-otlp-elsewhere",
              "iot-route-rest", "iot-route-database", "sns-http", "pool-external", "server-unknown-zone"}


def test_residency_under_the_eu_rejects_what_leaves_scaleway_or_has_no_place():
    passed, failed = verdicts("data-residency", RESIDENCY_CASES)
    assert failed == EVERYWHERE


def test_residency_under_france():
    passed, failed = verdicts("data-residency", RESIDENCY_CASES, config=FR)
    assert passed == {"bucket-paris", "bucket-no-provider-region", "bucket-provider-zone-only",
                      "server-twin-legacy-par1", "db-twin-backups-same-region", "db-backups-disabled",
                      "export-cockpit-paris", "iot-route-bucket-paris", "sns-queue-paris", "pool-paris", "snapshot",
                      "unknown-at-preview", "iam-user-location-free"}
    assert failed == set(RESIDENCY_CASES) - passed


def test_every_derived_rule_is_used_by_the_catalog_and_judged_above():
    used = {f.derived for spec in catalog.WRITTEN.values() for f in spec.locations if f.derived}
    assert used == set(derived.DERIVED)
    judged = {f.derived for token, *_ in RESIDENCY_CASES.values() if catalog.spec(token)
              for f in catalog.spec(token).locations if f.derived}
    assert judged | {"glacier"} == set(derived.DERIVED)  # Glacier: test_glacier_keeps_objects_in_paris


def test_glacier_keeps_objects_in_paris():
    transition = {"region": "nl-ams", "lifecycleRules": [{"enabled": True, "transitions": [
        {"days": 30.0, "storageClass": "GLACIER"}]}]}
    cases = {
        "bucket-glacier": (BUCKET, transition),
        "bucket-twin-noncurrent-glacier": (BUCKET_TWIN, {"region": "nl-ams", "lifecycleRules": [{
            "enabled": True, "noncurrentVersionTransitions": [{"noncurrentDays": 7.0, "storageClass": "glacier"}]}]}),
        "bucket-one-zone": (BUCKET, {"region": "nl-ams", "lifecycleRules": [{"enabled": True, "transitions": [
            {"days": 30.0, "storageClass": "ONEZONE_IA"}]}]}),
        "item-glacier": (ITEM, {"region": "nl-ams", "bucket": "b", "key": "k", "storageClass": "GLACIER"}),
        "item-twin-standard": (ITEM_TWIN, {"region": "nl-ams", "bucket": "b", "key": "k", "storageClass": "STANDARD"}),
        "item-class-at-preview": (ITEM, {"region": "nl-ams", "bucket": "b", "key": "k", "storageClass": UNKNOWN}),
    }
    passed, failed = verdicts("data-residency", cases, config={"jurisdiction": ["NL"]})
    assert failed == {"bucket-glacier", "bucket-twin-noncurrent-glacier", "item-glacier"}
    assert verdicts("data-residency", cases, config=FR)[1] == set(cases)  # Amsterdam is outside France
    [message] = violations("data-residency", BUCKET, transition, config={"jurisdiction": ["NL"]})
    for part in ("lifecycleRules[0].transitions[0].storageClass", "'GLACIER'", "Paris", "France",
                 "STANDARD or ONEZONE_IA"):
        assert part in message


def test_messages_name_the_place_the_rule_and_the_fix():
    [message] = violations("data-residency", BUCKET_TWIN, {"region": "nl-ams", "tags": ["team:secret-x"]},
                           name="archive", config=FR)
    for part in (f'{BUCKET_TWIN} "archive"', "region = 'nl-ams'", "Amsterdam", "Netherlands",
                 "allowed countries (FR)", "fr-par (Paris)"):
        assert part in message
    assert "secret-x" not in message
    [message] = violations("data-residency", BUCKET, {}, provider_props=NO_PROVIDER, config={"jurisdiction": ["NL"]})
    assert "Scaleway's default region" in message and "'fr-par'" in message
    [message] = violations("data-residency", DB, {"region": "fr-par"}, config=FR)
    for part in ("backupSameRegion", "different region", "nl-ams", "pl-waw", "Set backupSameRegion: true"):
        assert part in message
    [message] = violations("data-residency", POOL, {"nodeType": "external"})
    assert "nodeType = 'external'" in message and "outside Scaleway" in message


def test_provider_jurisdiction():
    cases = {
        "paris": (PROVIDER, {"region": "fr-par", "zone": "fr-par-1"}),
        "unset": (PROVIDER, {}),
        "zone-only": (PROVIDER, {"zone": "fr-par-1"}),
        "amsterdam": (PROVIDER, {"region": "nl-ams", "zone": "nl-ams-1"}),
        "zone-milan": (PROVIDER, {"region": "fr-par", "zone": "it-mil-1"}),
        "api-url-default": (PROVIDER, {"region": "fr-par", "zone": "fr-par-1", "apiUrl": "https://api.scaleway.com"}),
        "api-url-elsewhere": (PROVIDER, {"region": "fr-par", "zone": "fr-par-1", "apiUrl": "https://api.example.test"}),
        "s3-paris": (PROVIDER, {"region": "fr-par", "zone": "fr-par-1",
                                "endpoints": '[{"s3": "https://s3.fr-par.scw.cloud"}]'}),
        "s3-amsterdam": (PROVIDER, {"region": "fr-par", "zone": "fr-par-1",
                                    "endpoints": [{"s3": "https://s3.nl-ams.scw.cloud"}]}),
        "s3-elsewhere": (PROVIDER, {"region": "fr-par", "zone": "fr-par-1",
                                    "endpoints": '[{"s3": "https://s3.example.test"}]'}),
        "region-at-preview": (PROVIDER, {"region": UNKNOWN, "zone": "fr-par-1"}),
    }
    assert verdicts("provider-jurisdiction", cases)[1] == {"unset", "zone-only", "api-url-elsewhere", "s3-elsewhere"}
    assert verdicts("provider-jurisdiction", cases, config=FR)[0] == {"paris", "api-url-default", "s3-paris",
                                                                      "region-at-preview"}
    unset = violations("provider-jurisdiction", PROVIDER, {})
    assert len(unset) == 2 and all("SCW_DEFAULT_" in m and "pulumi config set scaleway:" in m for m in unset)


def test_customer_managed_keys():
    cases = {
        "secret-with-key": (SECRET, {"region": "fr-par", "keyId": PARIS_KEY}),
        "secret-key-at-preview": (SECRET_TWIN, {"region": "fr-par", "keyId": UNKNOWN}),
        "secret-twin-internal-key": (SECRET_TWIN, {"region": "fr-par"}),
        "database-encrypted-at-rest": (DB, {"region": "fr-par", "encryptionAtRest": True}),
        "volume": ("scaleway:block/volume:Volume", {"zone": "fr-par-1"}),
        "redis": ("scaleway:redis/cluster:Cluster", {"zone": "fr-par-1"}),
        "file-storage": ("scaleway:index/fileFilesystem:FileFilesystem", {"region": "fr-par"}),
        "bucket": (BUCKET_TWIN, {"region": "fr-par"}),  # judged with its encryption configuration by key-custody
        "item": (ITEM, {"region": "fr-par", "bucket": "b", "key": "k"}),
        "item-sse-c": (ITEM_TWIN, {"region": "fr-par", "bucket": "b", "key": "k",
                                   "sseCustomerKey": secret("s3cr3t-material")}),
        "sse-configuration": (SSE, {"bucket": "b", "rules": [{"applyServerSideEncryptionByDefault": {
            "sseAlgorithm": "AES256"}}]}),
        "key-manager-key": (KEY, {"region": "fr-par", "usage": "symmetric_encryption"}),
        "vpc": ("scaleway:network/vpc:Vpc", {"region": "fr-par"}),
    }
    passed, failed = verdicts("customer-managed-keys", cases)
    assert passed == {"secret-with-key", "secret-key-at-preview", "bucket", "item", "sse-configuration",
                      "key-manager-key", "vpc"}
    assert failed == set(cases) - passed
    raw = {"item-sse-c": cases["item-sse-c"]}
    assert verdicts("customer-managed-keys", raw, config={"allowCustomerSuppliedKeys": True})[1] == set()
    [message] = violations("customer-managed-keys", DB, {"encryptionAtRest": True})
    assert "key Scaleway holds" in message and "exemptions" in message
    [message] = violations("customer-managed-keys", "scaleway:redis/cluster:Cluster", {})
    assert "Scaleway offers no customer-managed key for this service" in message and "exemptions" in message
    [message] = violations("customer-managed-keys", ITEM, cases["item-sse-c"][1])
    assert "sseCustomerKey" in message and "SSE-KMS on the bucket" in message and "s3cr3t" not in message
    exempt = {"exemptions": [{"type": "scaleway:redis/*", "name": "r", "reason": "no CMK offered",
                              "expires": "2999-12-31"}]}
    assert violations("customer-managed-keys", "scaleway:redis/cluster:Cluster", {}, config=exempt) == []


def _bucket(name="data", token=BUCKET, region="fr-par", **extra):
    return {"type": token, "name": name, "props": {"name": name, "region": region, **extra}}


def _sse(name, bucket, algorithm="aws:kms", key=UNKNOWN, deps=None, region="fr-par"):
    default = {"sseAlgorithm": algorithm}
    if key is not None:
        default["kmsMasterKeyId"] = key
    return {"type": SSE, "name": name, "props": {"bucket": bucket, "region": region, "rules": [
        {"applyServerSideEncryptionByDefault": default}]}, "deps": deps or {}}


def _key(name="key", region="fr-par", token=KEY):
    return {"type": token, "name": name, "props": {"region": region, "usage": "symmetric_encryption",
                                                   "name": name}}


def custody(resources, config=None) -> dict:
    """resource name -> key-custody messages."""
    found: dict = {}
    for name, message in stack_violations("key-custody", resources, config=config):
        found.setdefault(name, []).append(message)
    return found


def test_bucket_encryption_is_judged_across_the_stack():
    preview = [_key(), _bucket(), _sse("enc", UNKNOWN, deps={"bucket": ["data"], "rules": ["key"]})]
    assert custody(preview) == {}
    assert custody(preview, FR) == {}
    assert list(custody([_bucket("lonely")])) == ["lonely"]
    assert "no BucketServerSideEncryptionConfiguration" in custody([_bucket("lonely")])["lonely"][0]
    [message] = custody([_bucket(), _sse("enc", "data", algorithm="AES256", key=None)])["data"]
    assert "'AES256' (SSE-ONE)" in message and '"enc"' in message and "aws:kms" in message
    [message] = custody([_bucket(), _sse("enc", "data", key=None)])["data"]
    assert "without a kmsMasterKeyId" in message
    twin_by_regional_id = [_bucket(token=BUCKET_TWIN), _sse("enc", "fr-par/data", key=PARIS_KEY)]
    assert custody(twin_by_regional_id) == {}
    elsewhere = [_bucket(), _sse("enc", "other-bucket", key=PARIS_KEY)]
    assert list(custody(elsewhere)) == ["data"]


def test_a_configuration_whose_bucket_is_unknown_defers_the_verdict_to_update():
    resources = [_bucket(), _sse("enc", UNKNOWN, key=PARIS_KEY)]
    assert custody(resources) == {}
    [(name, message)] = stack_violations("preview-unknowns", resources)
    assert name == "data" and "judged again at update" in message


def test_objects_are_covered_by_their_bucket_or_their_own_key():
    def item(name, bucket, deps=None, **extra):
        return {"type": ITEM_TWIN, "name": name, "props": {"bucket": bucket, "key": name, **extra},
                "deps": deps or {}}
    in_stack = [_bucket(), item("report", UNKNOWN, deps={"bucket": ["data"]})]
    assert list(custody(in_stack)) == ["data"]  # the bucket carries the verdict
    outside = [item("report", "someone-elses-bucket")]
    assert list(custody(outside)) == ["report"]
    assert custody(outside + [_sse("enc", "someone-elses-bucket", key=PARIS_KEY)]) == {}
    assert custody([item("report", "someone-elses-bucket", sseCustomerKey=secret("raw"))]) == {}


def test_key_manager_keys_are_traced_to_their_region():
    def data(key_value, deps=None, region="fr-par"):
        return [_bucket(region=region), _sse("enc", "data", key=key_value, deps=deps, region=region)]
    assert custody([_key(region="nl-ams")] + data(UNKNOWN, {"rules": ["key"]})) != {}
    [message] = custody([_key(region="nl-ams")] + data(UNKNOWN, {"rules": ["key"]}))["enc"]
    assert "needs a key in 'fr-par'" in message
    [message] = custody([_key(region="nl-ams")] + data(UNKNOWN, {"rules": ["key"]}, region="nl-ams"), FR)["enc"]
    assert "'nl-ams'" in message and "outside the allowed countries (FR)" in message
    assert custody([_key(region="fr-par", token=KEY_TWIN)] + data("key")) == {}  # by name
    assert custody(data("nl-ams/0b3c5e7a-1d2f-4a6b-8c9d-0e1f2a3b4c5d")) != {}  # by regional ID
    [message] = custody(data("0b3c5e7a-1d2f-4a6b-8c9d-0e1f2a3b4c5d"))["enc"]
    assert "regional ID" in message
    secret_ = {"type": SECRET_TWIN, "name": "token", "props": {"region": "fr-par", "keyId": UNKNOWN},
               "deps": {"keyId": ["key"]}}
    assert custody([_key(region="fr-par"), secret_]) == {}
    assert list(custody([_key(region="pl-waw"), secret_])) == ["token"]


def test_key_rotation_and_deletion_protection():
    def key(**props):
        return {"region": "fr-par", "usage": "symmetric_encryption", "algorithm": "aes_256_gcm", **props}
    cases = {
        "90-days": (KEY, key(rotationPolicy={"rotationPeriod": "2160h"})),
        "twin-two-years": (KEY_TWIN, key(rotationPolicy={"rotationPeriod": "17520h"})),
        "never": (KEY, key()),
        "not-a-duration": (KEY, key(rotationPolicy={"rotationPeriod": "90 days"})),
        "unprotected": (KEY_TWIN, key(rotationPolicy={"rotationPeriod": "720h"}, unprotected=True)),
        "asymmetric": (KEY, {"usage": "asymmetric_signing", "algorithm": "rsa_pss_2048_sha256"}),
        "at-preview": (KEY, key(rotationPolicy={"rotationPeriod": UNKNOWN}, unprotected=UNKNOWN)),
    }
    assert verdicts("key-rotation", cases)[1] == {"twin-two-years", "never", "not-a-duration", "unprotected"}
    assert verdicts("key-rotation", cases, config={"maxRotationDays": 800.0})[1] == {"never", "not-a-duration",
                                                                                     "unprotected"}
    [message] = violations("key-rotation", KEY, key())
    assert "rotationPolicy.rotationPeriod" in message and "'8760h'" in message


@pytest.mark.parametrize("preset", ["fr-trusted"])
def test_fr_trusted_does_not_admit_scaleway(preset):
    [message] = violations("data-residency", BUCKET, {"region": "fr-par"}, config={"jurisdiction": preset})
    assert "Scaleway is not allowed in the French trusted cloud" in message


def test_locations_command_lists_scaleway(capsys):
    from sovereign_guard_tools import cli
    assert cli.main(["locations", "--namespace", "scw:location", "--jurisdiction", "FR"]) == 0
    rows = {line.split()[1]: line.split()[0] for line in capsys.readouterr().out.splitlines()[1:]}
    assert {code for code, verdict in rows.items() if verdict == "allow"} == {"fr-par", "fr-par-1", "fr-par-2",
                                                                             "fr-par-3", "par1"}
    assert {"nl-ams", "pl-waw", "it-mil", "it-mil-1", "ams1", "global"} <= set(rows)
    assert cli.main(["locations", "--namespace", "scw:nowhere"]) == 2
    assert "scw:location" in capsys.readouterr().err
