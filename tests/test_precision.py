"""False alarms on compliant programs, each fixed at its root: through a real pack process over gRPC, at preview
(keys and configs created in the stack arrive unknown, with property dependencies) and at update."""
from dataclasses import replace

import pytest

from sovereign_guard_tools.engine.analyzer import PackProcess, Resource
from sovereign_guard_tools.engine.run import REPO
from sovereign_guard_tools.engine.wire import UNKNOWN

STACK = "urn:pulumi:dev::p::"
GCP = Resource("pulumi:providers:gcp", "default", STACK + "pulumi:providers:gcp::default",
               {"project": "acme", "region": "europe-west9", "zone": "europe-west9-a"})
PARIS = "projects/keys/locations/europe-west9/keyRings/ring/cryptoKeys/key"
EUROPE = "projects/keys/locations/europe/keyRings/ring/cryptoKeys/key"
IOWA = "projects/keys/locations/us-central1/keyRings/ring/cryptoKeys/key"


def res(token, name, props, deps=None, rid=None):
    """A resource with its outputs: its inputs and its id (unknown at preview, unless it is given)."""
    return Resource(token, name, f"{STACK}{token}::{name}", props, GCP, property_dependencies=deps or {},
                    outputs=dict(props, id=rid if rid else UNKNOWN))


@pytest.fixture(scope="module", params=["preview", "update"])
def pack(request):
    with PackProcess(REPO / "policies", dry_run=request.param == "preview") as process:
        process.start({})
        process.mode = request.param
        yield process


def mandatory(pack, resources) -> set:
    """(policy, resource) of every mandatory violation: Analyze on each resource, then AnalyzeStack on outputs
    (ids given are known at update and at preview alike, as a stack's earlier outputs would be)."""
    outputs = [replace(r, props=r.outputs) if r.outputs is not None else r for r in resources]
    found = [v for r in resources for v in pack.analyze(r)] + pack.analyze_stack(outputs)
    assert not [v for v in found if v.is_preview_skip]
    return {(v.policy, v.urn.rsplit("::", 1)[-1]) for v in found if v.level == "mandatory"}


def known(pack, value):
    """A value computed by another resource: unknown at preview, the value at update."""
    return UNKNOWN if pack.mode == "preview" else value


def test_an_object_inherits_its_buckets_default_key(pack):
    bucket = res("gcp:storage/bucket:Bucket", "data", {"name": "data-7f3a", "location": "europe-west9",
                                                       "encryption": {"defaultKmsKeyName": PARIS}}, rid="data-7f3a")
    plain = res("gcp:storage/bucket:Bucket", "plain", {"name": "plain-1b2c", "location": "europe-west9"},
                rid="plain-1b2c")
    inherits = res("gcp:storage/bucketObject:BucketObject", "report", {"bucket": known(pack, "data-7f3a"),
                                                                      "name": "report.csv"},
                   deps={"bucket": [bucket.urn]})
    orphan = res("gcp:storage/bucketObject:BucketObject", "orphan", {"bucket": known(pack, "plain-1b2c"),
                                                                    "name": "x.csv"}, deps={"bucket": [plain.urn]})
    elsewhere = res("gcp:storage/bucketObject:BucketObject", "elsewhere", {"bucket": "shared-bucket", "name": "y"})
    found = mandatory(pack, [GCP, bucket, plain, inherits, orphan, elsewhere])
    # the keyless bucket is reported once, on itself (its objects inherit its fix); a bucket not in the stack
    # cannot be seen
    assert found == {("customer-managed-keys", "plain"), ("key-custody", "elsewhere")}


def test_a_removed_default_node_pool_needs_no_key(pack):
    cluster = res("gcp:container/cluster:Cluster", "gke", {
        "location": "europe-west9", "removeDefaultNodePool": True, "initialNodeCount": 1.0,
        "databaseEncryption": {"state": "ENCRYPTED", "keyName": PARIS}})
    pool = res("gcp:container/nodePool:NodePool", "pool", {
        "location": "europe-west9", "cluster": known(pack, "gke"), "nodeConfig": {"bootDiskKmsKey": PARIS}},
        deps={"cluster": [cluster.urn]})
    kept = res("gcp:container/cluster:Cluster", "kept-default-pool", {
        "location": "europe-west9", "initialNodeCount": 1.0,
        "databaseEncryption": {"state": "ENCRYPTED", "keyName": PARIS}})
    assert mandatory(pack, [GCP, cluster, pool, kept]) == {("customer-managed-keys", "kept-default-pool")}


def test_spanner_on_a_user_managed_config_of_the_stack_is_judged_by_its_replicas(pack):
    def config(name, replica):
        return res("gcp:spanner/instanceConfig:InstanceConfig", name, {
            "name": f"custom-{name}", "baseConfig": "eur3", "replicas": [{"location": replica, "type": "READ_ONLY"}]},
            rid=f"projects/acme/instanceConfigs/custom-{name}")
    eu, us = config("eu", "europe-west9"), config("us", "us-east1")
    on_eu = res("gcp:spanner/instance:Instance", "on-eu", {"config": known(pack, "custom-eu")},
                deps={"config": [eu.urn]})
    on_us = res("gcp:spanner/instance:Instance", "on-us", {"config": known(pack, "projects/acme/instanceConfigs/custom-us")},
                deps={"config": [us.urn]})
    by_name = res("gcp:spanner/instance:Instance", "by-name", {"config": "custom-eu"})
    missing = res("gcp:spanner/instance:Instance", "missing", {"config": "custom-elsewhere"})
    found = mandatory(pack, [GCP, eu, us, on_eu, on_us, by_name, missing])
    assert found == {("data-residency", "us"), ("dependent-locations", "on-us"), ("dependent-locations", "missing")}


def test_a_dual_region_bucket_takes_the_key_of_its_multi_region(pack):
    def bucket(name, location, members, key):
        return res("gcp:storage/bucket:Bucket", name, {"location": location, "customPlacementConfig": {
            "dataLocations": members}, "encryption": {"defaultKmsKeyName": key}})
    eu = bucket("eu-pair", "EU", ["europe-west1", "europe-west4"], EUROPE)
    de = bucket("de-pair", "DE", ["europe-west3", "europe-west10"], EUROPE)
    regional_key = bucket("regional-key", "EU", ["europe-west1", "europe-west4"], PARIS)
    eur4 = res("gcp:storage/bucket:Bucket", "eur4", {"location": "EUR4", "encryption": {
        "defaultKmsKeyName": EUROPE.replace("/europe/", "/eur4/")}})
    registry = res("gcp:artifactregistry/repository:Repository", "images", {"location": "europe",
                                                                             "kmsKeyName": EUROPE})
    found = mandatory(pack, [GCP, eu, de, regional_key, eur4, registry])
    assert found == {("key-custody", "regional-key"), ("data-residency", "images")}  # AR europe members unverified


def test_an_image_and_a_snapshot_of_one_disk_get_the_same_key_verdict(pack):
    disk = "projects/acme/zones/europe-west9-a/disks/data"
    cases = []
    for key_name, key in (("paris", PARIS), ("europe", EUROPE), ("iowa", IOWA)):
        cases.append(res("gcp:compute/image:Image", f"image-{key_name}", {
            "sourceDisk": disk, "imageEncryptionKey": {"kmsKeySelfLink": key}}))
        cases.append(res("gcp:compute/snapshot:Snapshot", f"snapshot-{key_name}", {
            "sourceDisk": disk, "zone": "europe-west9-a", "snapshotEncryptionKey": {"kmsKeySelfLink": key}}))
    found = mandatory(pack, [GCP] + cases)
    assert found == {("key-custody", "image-iowa"), ("key-custody", "snapshot-iowa")}
