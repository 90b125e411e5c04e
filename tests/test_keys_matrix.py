"""Customer-held keys: the exact resources that pass and fail customer-managed-keys, key-custody, key-rotation."""
from support import UNKNOWN, stack_violations, verdicts, violations

BUCKET, DISK, CLUSTER = "gcp:storage/bucket:Bucket", "gcp:compute/disk:Disk", "gcp:container/cluster:Cluster"
KEY, RING = "gcp:kms/cryptoKey:CryptoKey", "gcp:kms/keyRing:KeyRing"
VOLUME, KUBE = "ovh:CloudProject/volume:Volume", "ovh:CloudProject/kube:Kube"
PARIS_KEY = "projects/keys-prod/locations/europe-west9/keyRings/data/cryptoKeys/bucket"


def test_customer_managed_keys_matrix():
    cases = {
        "bucket-with-key": (BUCKET, {"location": "europe-west9", "encryption": {"defaultKmsKeyName": PARIS_KEY}}),
        "bucket-key-at-preview": (BUCKET, {"location": "europe-west9", "encryption": {"defaultKmsKeyName": UNKNOWN}}),
        "bucket-google-managed": (BUCKET, {"location": "europe-west9"}),
        "disk-raw-key": (DISK, {"diskEncryptionKey": {"rawKey": "c2VjcmV0"}}),
        "disk-kms": (DISK, {"diskEncryptionKey": {"kmsKeySelfLink": PARIS_KEY}}),
        "gke-key-not-enabled": (CLUSTER, {"databaseEncryption": {"keyName": PARIS_KEY, "state": "DECRYPTED"}}),
        "volume-okms": (VOLUME, {"regionName": "EU-WEST-PAR", "encryption": {"kms": {"serviceKeyId": "k1"}}}),
        "volume-omk": (VOLUME, {"regionName": "EU-WEST-PAR"}),
        "kube-no-cmek": (KUBE, {"region": "EU-WEST-PAR"}),
        "key-ring": (RING, {"location": "europe-west9"}),
        "secret-auto-no-key": ("gcp:secretmanager/secret:Secret", {"replication": {"auto": {}}}),
    }
    passed, failed = verdicts("customer-managed-keys", cases)
    assert passed == {"bucket-with-key", "bucket-key-at-preview", "disk-kms", "volume-okms", "key-ring"}
    assert failed == set(cases) - passed


def test_raw_keys_allowed_by_config_and_exemption_for_services_without_keys():
    raw = (DISK, {"diskEncryptionKey": {"rawKey": "c2VjcmV0"}})
    assert verdicts("customer-managed-keys", {"raw": raw}, config={"allowCustomerSuppliedKeys": True})[1] == set()
    [message] = violations("customer-managed-keys", KUBE, {"region": "EU-WEST-PAR"})
    assert "no customer-managed key" in message and "exemptions" in message
    exempt = {"exemptions": [{"type": KUBE, "name": "*", "reason": "no CMEK offered; risk accepted",
                              "expires": "2999-12-31"}]}
    assert violations("customer-managed-keys", KUBE, {"region": "EU-WEST-PAR"}, config=exempt) == []


def test_key_rotation():
    cases = {
        "90-days": (KEY, {"keyRing": "r", "rotationPeriod": "7776000s"}),
        "two-years": (KEY, {"keyRing": "r", "rotationPeriod": "63072000s"}),
        "never": (KEY, {"keyRing": "r"}),
        "asymmetric": (KEY, {"keyRing": "r", "purpose": "ASYMMETRIC_SIGN"}),
    }
    assert verdicts("key-rotation", cases)[1] == {"two-years", "never"}
    assert verdicts("key-rotation", cases, config={"maxRotationDays": 800.0})[1] == {"never"}


def _stack(ring_location, bucket_location="europe-west9", protection=None, ring_project="keys-prod"):
    key_props = {"keyRing": UNKNOWN, "rotationPeriod": "7776000s"}
    if protection:
        key_props["versionTemplate"] = {"protectionLevel": protection, "algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION"}
    return [
        {"type": RING, "name": "ring", "props": {"location": ring_location, "project": ring_project}},
        {"type": KEY, "name": "key", "props": key_props, "deps": {"keyRing": ["ring"]}},
        {"type": BUCKET, "name": "data", "props": {"location": bucket_location, "encryption": {
            "defaultKmsKeyName": UNKNOWN}}, "deps": {"encryption": ["key"]}},
    ]


def test_key_custody_through_dependencies_at_preview():
    assert stack_violations("key-custody", _stack("europe-west9")) == []
    assert [n for n, _ in stack_violations("key-custody", _stack("us-east1"))] == ["data"]
    assert "global" in stack_violations("key-custody", _stack("global"))[0][1]
    [(name, message)] = stack_violations("key-custody", _stack("europe-west3"))
    assert "needs a key in 'europe-west9'" in message
    assert stack_violations("key-custody", _stack("europe", bucket_location="EU")) == []


def test_key_custody_by_name_at_update_and_config():
    def bucket(key):
        return [{"type": BUCKET, "name": "data", "props": {"location": "europe-west9", "encryption": {
            "defaultKmsKeyName": key}}}]
    assert stack_violations("key-custody", bucket(PARIS_KEY)) == []
    assert stack_violations("key-custody", bucket(PARIS_KEY.replace("europe-west9", "us-central1")))
    assert stack_violations("key-custody", bucket(PARIS_KEY), config={"allowedKeyProjects": ["kms-*"]})
    assert stack_violations("key-custody", bucket(PARIS_KEY), config={"allowedKeyProjects": ["keys-*"]}) == []
    hsm_only = {"allowedProtectionLevels": ["HSM"]}
    assert [n for n, _ in stack_violations("key-custody", _stack("europe-west9", protection="SOFTWARE"),
                                           config=hsm_only)] == ["data"]
    assert stack_violations("key-custody", _stack("europe-west9", protection="HSM"), config=hsm_only) == []
    [(name, message)] = stack_violations("key-custody", _stack("europe-west9", protection=7.0), config=hsm_only)
    assert name == "data" and "not a protection level name" in message
