"""The residency fixture matrix: each class of catalog entry, with the exact resources that pass and fail."""
from support import UNKNOWN, secret, stack_violations, verdicts, violations

BUCKET, DATASET, DISK = "gcp:storage/bucket:Bucket", "gcp:bigquery/dataset:Dataset", "gcp:compute/disk:Disk"
SQL, TOPIC, CLUSTER = "gcp:sql/databaseInstance:DatabaseInstance", "gcp:pubsub/topic:Topic", "gcp:container/cluster:Cluster"
SECRET, SPANNER = "gcp:secretmanager/secret:Secret", "gcp:spanner/instance:Instance"
VOLUME, DATABASE, STORAGE = "ovh:CloudProject/volume:Volume", "ovh:CloudProject/database:Database", "ovh:CloudProject/storage:Storage"
NO_PROVIDER = {"project": "acme"}


def test_gcp_matrix():
    cases = {
        "region-paris": (BUCKET, {"location": "europe-west9"}),
        "region-iowa": (BUCKET, {"location": "us-central1"}),
        "region-london": (BUCKET, {"location": "EUROPE-WEST2"}),
        "zone-paris": (DISK, {"zone": "europe-west9-b"}),
        "zone-zurich": (DISK, {"zone": "europe-west6-a"}),
        "multi-eu": (BUCKET, {"location": "EU"}),
        "multi-us": (BUCKET, {"location": "US"}),
        "dual-eur4": (BUCKET, {"location": "EUR4"}),
        "dual-eur5-london": (BUCKET, {"location": "eur5"}),
        "configurable-dual": (BUCKET, {"location": "EU", "customPlacementConfig": {
            "dataLocations": ["europe-west9", "europe-west3"]}}),
        "configurable-dual-london": (BUCKET, {"location": "EU", "customPlacementConfig": {
            "dataLocations": ["europe-west9", "europe-west2"]}}),
        "dataset-default-us": (DATASET, {}),
        "dataset-eu": (DATASET, {"location": "EU"}),
        "dataset-omni-aws-frankfurt": (DATASET, {"location": "aws-eu-central-1"}),
        "sql-provider-region": (SQL, {}),
        "sql-no-region": (SQL, {}, NO_PROVIDER),
        "sql-backup-london": (SQL, {"region": "europe-west9", "settings": {"backupConfiguration": {
            "location": "europe-west2"}}}),
        "gke-provider-zone": (CLUSTER, {}),
        "gke-node-zone-london": (CLUSTER, {"location": "europe-west9", "nodeLocations": ["europe-west2-a"]}),
        "topic-unrestricted": (TOPIC, {}),
        "topic-paris": (TOPIC, {"messageStoragePolicy": {"allowedPersistenceRegions": ["europe-west9"]}}),
        "secret-auto": (SECRET, {"replication": {"auto": {}}}),
        "secret-replicas": (SECRET, {"replication": {"userManaged": {"replicas": [{"location": "europe-west9"},
                                                                                  {"location": "europe-west1"}]}}}),
        "secret-replica-us": (SECRET, {"replication": {"userManaged": {"replicas": [{"location": "europe-west9"},
                                                                                    {"location": "us-east1"}]}}}),
        "spanner-eur3": (SPANNER, {"config": "projects/acme/instanceConfigs/eur3"}),
        "spanner-regional-paris": (SPANNER, {"config": "regional-europe-west9"}),
        "spanner-eur5-london": (SPANNER, {"config": "eur5"}),
        "unknown-at-preview": (BUCKET, {"location": UNKNOWN}),
        "secret-envelope-us": (BUCKET, {"location": secret("us-central1")}),
        "not-a-location": (BUCKET, {"location": "atlantis-1"}),
        "wrong-type": (BUCKET, {"location": 42.0}),
        "iam-location-free": ("gcp:storage/bucketIAMMember:BucketIAMMember", {"bucket": "b"}),
        "uncatalogued-with-region": ("gcp:newservice/thing:Thing", {"region": "us-west1"}),
    }
    passed, failed = verdicts("data-residency", cases)
    assert passed == {"region-paris", "zone-paris", "multi-eu", "dual-eur4", "configurable-dual", "dataset-eu",
                      "dataset-omni-aws-frankfurt", "sql-provider-region", "gke-provider-zone", "topic-paris",
                      "secret-replicas", "spanner-eur3", "spanner-regional-paris", "unknown-at-preview",
                      "iam-location-free"}
    assert failed == set(cases) - passed


def test_ovh_matrix():
    cases = {
        "volume-paris": (VOLUME, {"regionName": "EU-WEST-PAR", "availabilityZone": "eu-west-par-a"}),
        "volume-london": (VOLUME, {"regionName": "UK1"}),
        "volume-canada": (VOLUME, {"regionName": "BHS5"}),
        "volume-no-region": (VOLUME, {}),
        "zurich-local-zone": ("ovh:CloudProject/instance:Instance", {"region": "EU-WEST-LZ-ZRH-A"}),
        "db-gra-default-backup": (DATABASE, {"nodes": [{"region": "GRA"}]}),
        "db-gra-backup-bhs": (DATABASE, {"nodes": [{"region": "GRA"}], "backupRegions": ["BHS"]}),
        "db-bhs": (DATABASE, {"nodes": [{"region": "BHS"}]}),
        "storage-replicated-to-bhs": (STORAGE, {"regionName": "GRA", "replication": {"rules": [
            {"destination": {"region": "BHS"}}]}}),
        "storage-gra": (STORAGE, {"regionName": "GRA"}),
    }
    passed, failed = verdicts("data-residency", cases)
    assert passed == {"volume-paris", "db-gra-default-backup", "storage-gra"}
    assert failed == set(cases) - passed


def test_message_names_resource_path_value_country_rule_and_fix():
    [message] = violations("data-residency", BUCKET, {"location": "us-central1", "labels": {"team": "secret-x"}},
                           name="archive")
    for part in ('gcp:storage/bucket:Bucket "archive"', "location = 'us-central1'", "United States",
                 "outside the EU", "europe-west9 (Paris)"):
        assert part in message
    assert "secret-x" not in message


def test_global_default_says_any_country():
    [message] = violations("data-residency", TOPIC, {}, name="events")
    assert "'global'" in message and "any country" in message


def test_default_when_unset_is_named():
    [message] = violations("data-residency", DATASET, {}, name="events")
    assert "location is unset" in message and "'us'" in message and "EU" in message


def test_jurisdiction_presets_and_country_lists():
    london = (BUCKET, {"location": "europe-west2"})
    zurich = (BUCKET, {"location": "europe-west6"})
    frankfurt = (BUCKET, {"location": "europe-west3"})
    cases = {"london": london, "zurich": zurich, "frankfurt": frankfurt}
    assert verdicts("data-residency", cases, config={"jurisdiction": "europe"})[1] == set()
    assert verdicts("data-residency", cases, config={"jurisdiction": "eea"})[1] == {"london", "zurich"}
    assert verdicts("data-residency", cases, config={"jurisdiction": ["FR"]})[1] == {"london", "zurich", "frankfurt"}
    # an allow-list restricts, and stays inside the jurisdiction unless it says it overrides it
    assert verdicts("data-residency", cases, config={"allowedLocations": ["europe-west*"]})[1] == {"london", "zurich"}
    assert verdicts("data-residency", cases, config={"allowedLocations": ["europe-west*"],
                                                    "jurisdiction": "europe"})[1] == set()
    assert verdicts("data-residency", cases, config={"allowedLocations": ["europe-west3"]})[1] == {"london", "zurich"}
    assert verdicts("data-residency", cases, config={"allowedLocations": ["europe-west2"],
                                                    "allowedLocationsOverrideJurisdiction": True})[1] == {
        "zurich", "frankfurt"}
    assert verdicts("data-residency", cases, config={"deniedLocations": ["europe-west3"]})[1] == set(cases)


def test_fr_trusted_admits_google_only_through_s3ns():
    s3ns = {"project": "s3ns:acme", "universeDomain": "s3nsapis.fr", "region": "u-france-east1"}
    cases = {
        "s3ns-bucket": (BUCKET, {"location": "u-france-east1"}, s3ns),
        "s3ns-global-kms": ("gcp:kms/keyRing:KeyRing", {"location": "global"}, s3ns),
        "public-paris": (BUCKET, {"location": "europe-west9"}),
        "ovh-paris": (VOLUME, {"regionName": "EU-WEST-PAR"}),
        "ovh-milan": (VOLUME, {"regionName": "EU-SOUTH-MIL"}),
    }
    passed, failed = verdicts("data-residency", cases, config={"jurisdiction": "fr-trusted"})
    assert passed == {"s3ns-bucket", "s3ns-global-kms", "ovh-paris"}


def test_exemption_applies_until_it_expires():
    us = {"location": "us-central1"}
    active = {"exemptions": [{"type": BUCKET, "name": "legacy-*", "reason": "migration ticket 42",
                              "expires": "2999-01-01"}]}
    expired = {"exemptions": [{"type": "gcp:storage/*", "name": "*", "reason": "migration ticket 42",
                               "expires": "2020-01-01"}]}
    assert violations("data-residency", BUCKET, us, name="legacy-archive", config=active) == []
    assert violations("data-residency", BUCKET, us, name="other", config=active) != []
    [message] = violations("data-residency", BUCKET, us, name="legacy-archive", config=expired)
    assert "expired on 2020-01-01" in message


def test_provider_jurisdiction():
    gcp, ovh = "pulumi:providers:gcp", "pulumi:providers:ovh"
    cases = {
        "gcp-paris": (gcp, {"region": "europe-west9", "zone": "europe-west9-a"}),
        "gcp-iowa": (gcp, {"region": "us-central1"}),
        "gcp-zone-london": (gcp, {"region": "europe-west9", "zone": "europe-west2-b"}),
        "gcp-unset": (gcp, {"project": "acme"}),
        "ovh-eu": (ovh, {"endpoint": "ovh-eu"}),
        "ovh-eu-legacy-url": (ovh, {"endpoint": "https://eu.api.ovh.com/1.0"}),
        "ovh-ca": (ovh, {"endpoint": "ovh-ca"}),
        "ovh-us": (ovh, {"endpoint": "ovh-us"}),
        "ovh-env": (ovh, {}),
    }
    passed, failed = verdicts("provider-jurisdiction", cases)
    assert passed == {"gcp-paris", "gcp-unset", "ovh-eu", "ovh-eu-legacy-url"}
    [why] = violations("provider-jurisdiction", ovh, {})
    assert "OVH_ENDPOINT" in why
    s3ns = violations("provider-jurisdiction", gcp, {"region": "europe-west9"}, config={"jurisdiction": "fr-trusted"})
    assert any("s3nsapis.fr" in m for m in s3ns)


def test_location_unknown_at_preview_is_judged_through_dependencies():
    resources = [
        {"type": "gcp:compute/network:Network", "name": "net", "props": {}},
        {"type": DISK, "name": "src", "props": {"zone": "us-east1-b"}},
        {"type": DISK, "name": "copy", "props": {"zone": UNKNOWN}, "deps": {"zone": ["src"]}},
        {"type": DISK, "name": "eu-src", "props": {"zone": "europe-west9-a"}},
        {"type": DISK, "name": "eu-copy", "props": {"zone": UNKNOWN}, "deps": {"zone": ["eu-src"]}},
        {"type": DISK, "name": "opaque", "props": {"zone": UNKNOWN}, "deps": {"zone": ["net"]}},
    ]
    failed = stack_violations("dependent-locations", resources)
    assert [name for name, _ in failed] == ["copy"]
    assert "us-east1-b" in failed[0][1]
    advisories = stack_violations("preview-unknowns", resources)
    assert [name for name, _ in advisories] == ["opaque"]


def test_a_huge_value_is_cut_in_the_message():
    [message] = violations("data-residency", BUCKET, {"location": "europe-west9" + "x" * 50_000,
                                                      "encryption": {"defaultKmsKeyName": "k"}})
    assert "location = 'europe-west9xxx" in message and "...'" in message and len(message) < 600
    [message] = violations("provider-jurisdiction", "pulumi:providers:ovh", {"endpoint": "ovh-" + "e" * 50_000})
    assert len(message) < 600
