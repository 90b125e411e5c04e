"""The data-flows matrix: every flow of the issue denied through the Analyzer protocol (the SDK's own servicer, in
process), its EU twin allowed, at update (every value known, destinations named by id or name) and at preview
(the reference unknown, resolved through the engine's property dependencies); with the exact resources that fail."""
import datetime
import json
from pathlib import Path
from typing import NamedTuple, Optional

import pytest

from inprocess import analyze_all
from shapes import place
from support import UNKNOWN as SENTINEL, stack_violations
from sovereign_guard_tools.engine.analyzer import Resource
from sovereign_guard_tools.engine.wire import UNKNOWN

STACK = "urn:pulumi:dev::p::"
GCP = Resource("pulumi:providers:gcp", "default", STACK + "pulumi:providers:gcp::default",
               {"project": "acme", "region": "europe-west9", "zone": "europe-west9-a"})
OVH = Resource("pulumi:providers:ovh", "default", STACK + "pulumi:providers:ovh::default", {"endpoint": "ovh-eu"})
BUCKET, DATASET, TABLE = "gcp:storage/bucket:Bucket", "gcp:bigquery/dataset:Dataset", "gcp:bigquery/table:Table"
DISK, SNAPSHOT, SINK = "gcp:compute/disk:Disk", "gcp:compute/snapshot:Snapshot", "gcp:logging/projectSink:ProjectSink"
SUBSCRIPTION = "gcp:pubsub/subscription:Subscription"


class Flow(NamedTuple):
    """A source whose `path` names a destination by `reference` ({name}: the destination's name, {place}: where it
    is); the destination is created in the stack with `props` (None: the reference itself carries the place)."""

    token: str
    path: str
    reference: str
    dest: Optional[str]
    props: dict
    places: tuple  # (outside the EU, inside)
    extra: dict = {}  # the source's other props


FLOWS = {
    "project-sink-to-dataset": Flow(SINK, "destination", "bigquery.googleapis.com/projects/acme/datasets/{name}",
                                    DATASET, {"datasetId": "{name}", "location": "{place}"}, ("US", "EU")),
    "folder-sink-to-bucket": Flow("gcp:logging/folderSink:FolderSink", "destination", "storage.googleapis.com/{name}",
                                  BUCKET, {"name": "{name}", "location": "{place}"}, ("US", "EUROPE-WEST9"),
                                  {"folder": "folders/123"}),
    "org-sink-to-dataset": Flow("gcp:logging/organizationSink:OrganizationSink", "destination",
                                "bigquery.googleapis.com/projects/acme/datasets/{name}", DATASET,
                                {"datasetId": "{name}", "location": "{place}"}, ("us-east4", "europe-west9"),
                                {"orgId": "123"}),
    "billing-sink-to-bucket": Flow("gcp:logging/billingAccountSink:BillingAccountSink", "destination",
                                   "storage.googleapis.com/{name}", BUCKET, {"name": "{name}", "location": "{place}"},
                                   ("US", "EU"), {"billingAccount": "0123-4567"}),
    "sink-to-log-bucket-by-url": Flow(SINK, "destination", "logging.googleapis.com/projects/acme/locations/{place}/"
                                      "buckets/audit", None, {}, ("us", "europe-west9")),
    "subscription-to-bucket": Flow(SUBSCRIPTION, "cloudStorageConfig.bucket", "{name}", BUCKET,
                                   {"name": "{name}", "location": "{place}"}, ("US", "EU"), {"topic": "events"}),
    "subscription-to-table": Flow(SUBSCRIPTION, "bigqueryConfig.table", "acme.{name}.events", DATASET,
                                  {"datasetId": "{name}", "location": "{place}"}, ("US", "EU"), {"topic": "events"}),
    "transfer-job-to-bucket": Flow("gcp:storage/transferJob:TransferJob", "transferSpec.gcsDataSink.bucketName",
                                   "{name}", BUCKET, {"name": "{name}", "location": "{place}"}, ("US", "EU"),
                                   {"transferSpec": {"gcsDataSource": {"bucketName": "source"}}}),
    "data-transfer-to-dataset": Flow("gcp:bigquery/dataTransferConfig:DataTransferConfig", "destinationDatasetId",
                                     "{name}", DATASET, {"datasetId": "{name}", "location": "{place}"}, ("US", "EU"),
                                     {"dataSourceId": "cross_region_copy", "location": "EU"}),
    "snapshot-of-disk": Flow(SNAPSHOT, "sourceDisk", "projects/acme/zones/{place}/disks/{name}", DISK,
                             {"name": "{name}", "zone": "{place}"}, ("us-central1-a", "europe-west9-a")),
    "snapshot-of-disk-by-url": Flow(SNAPSHOT, "sourceDisk", "projects/acme/zones/{place}/disks/legacy", None, {},
                                    ("us-central1-a", "europe-west9-b")),
    "image-of-disk": Flow("gcp:compute/image:Image", "sourceDisk", "projects/acme/zones/{place}/disks/{name}", DISK,
                          {"name": "{name}", "zone": "{place}"}, ("us-east1-b", "europe-west9-c")),
    "disk-replication": Flow("gcp:compute/diskAsyncReplication:DiskAsyncReplication", "secondaryDisk.disk",
                             "projects/acme/zones/{place}/disks/{name}", DISK, {"name": "{name}", "zone": "{place}"},
                             ("us-east1-b", "europe-west1-b"),
                             {"primaryDisk": "projects/acme/zones/europe-west9-a/disks/primary"}),
    "netapp-replication": Flow("gcp:netapp/volumeReplication:VolumeReplication",
                               "destinationVolumeParameters.storagePool",
                               "projects/acme/locations/{place}/storagePools/{name}",
                               "gcp:netapp/storagePool:StoragePool", {"name": "{name}", "location": "{place}"},
                               ("us-east4", "europe-west1"), {"location": "europe-west9", "volumeName": "data"}),
    "redis-secondary": Flow("gcp:redis/cluster:Cluster", "crossClusterReplicationConfig.secondaryClusters[].cluster",
                            "projects/acme/locations/{place}/clusters/{name}", "gcp:redis/cluster:Cluster",
                            {"name": "{name}", "region": "{place}"}, ("us-east1", "europe-west1"),
                            {"region": "europe-west9"}),
    "alloydb-secondary": Flow("gcp:alloydb/cluster:Cluster", "secondaryConfig.primaryClusterName",
                              "projects/acme/locations/{place}/clusters/{name}", "gcp:alloydb/cluster:Cluster",
                              {"clusterId": "{name}", "location": "{place}"}, ("us-central1", "europe-west1"),
                              {"location": "europe-west9", "clusterType": "SECONDARY"}),
}


def _fill(value, name: str, where: str):
    if isinstance(value, dict):
        return {k: _fill(v, name, where) for k, v in value.items()}
    return value.format(name=name, place=where) if isinstance(value, str) else value


def resources(case: str, flow: Flow, outside: bool, preview: bool) -> list:
    """The source (named `<case>-us` or `<case>-eu`) and its destination, as the engine sends them."""
    variant = "us" if outside else "eu"
    name, where = f"{case}_{variant}".replace("-", "_"), flow.places[0 if outside else 1]
    top = flow.path.split(".", 1)[0].split("[", 1)[0]
    out, deps = [], {}
    if flow.dest is not None:
        dest_name = f"{case}-{variant}-dest"
        dest = Resource(flow.dest, dest_name, f"{STACK}{flow.dest}::{dest_name}",
                        {**_fill(flow.props, name, where), "id": UNKNOWN if preview else f"{dest_name}-id"}, GCP)
        out.append(dest)
        deps = {top: [dest.urn]}
    reference = flow.reference.format(name=name, place=where)
    props = place(json.loads(json.dumps(flow.extra)), flow.path,
                  UNKNOWN if preview and flow.dest is not None else reference)
    source = f"{case}-{variant}"
    out.append(Resource(flow.token, source, f"{STACK}{flow.token}::{source}", props, GCP,
                        property_dependencies=deps if preview else {}))
    return out


def flow_violations(found, policy="data-flows", level="mandatory") -> set:
    return {v.urn.rsplit("::", 1)[-1] for v in found if v.policy == policy and v.level == level}


@pytest.mark.parametrize("preview", [True, False], ids=["preview", "update"])
def test_every_flow_of_the_issue_is_denied_and_its_eu_twin_allowed(preview):
    stack = [GCP] + [r for case, flow in FLOWS.items() for outside in (True, False)
                     for r in resources(case, flow, outside, preview)]
    found = analyze_all(stack)
    assert flow_violations(found) == {f"{case}-us" for case in FLOWS}
    assert flow_violations(found, "preview-unknowns", "advisory") & {r.name for r in stack} == set()


def test_message_reads_as_a_flow_naming_both_resources_the_place_and_the_fix():
    [(name, message)] = stack_violations("data-flows", [
        {"type": DATASET, "name": "audit", "props": {"datasetId": "audit", "location": "US"}},
        {"type": SINK, "name": "audit-export", "props": {"destination": "bigquery.googleapis.com/projects/acme/"
                                                                        "datasets/audit"}}])
    assert name == "audit-export"
    assert message == (
        'logging sink "audit-export": destination = \'bigquery.googleapis.com/projects/acme/datasets/audit\' sends '
        'logs to BigQuery dataset "audit" (created in this stack) in \'US\' (US multi-region (us-central1, '
        'us-west1 or us-central2), United States): it places data in United States (US), outside the EU (27 member '
        'states). Keep the destination in the EU (27 member states), e.g. eu (EU multi-region (europe-west1 or '
        'europe-west4)), europe-west9 (Paris) or europe-west1 (St. Ghislain).')


def test_dataset_left_to_bigquerys_default_location_is_a_us_destination():
    [(_, message)] = stack_violations("data-flows", [
        {"type": DATASET, "name": "audit", "props": {"datasetId": "audit"}},
        {"type": SINK, "name": "sink", "props": {"destination": "bigquery.googleapis.com/projects/acme/datasets/audit"}}])
    assert "in 'us' (" in message and "location unset: the service default" in message


def test_preview_follows_a_table_to_its_dataset_through_two_dependencies():
    dataset = {"type": DATASET, "name": "events-ds", "props": {"datasetId": "events", "location": "US", "id": SENTINEL}}
    table = {"type": TABLE, "name": "events-table", "props": {"datasetId": SENTINEL, "tableId": "t", "id": SENTINEL},
             "deps": {"datasetId": ["events-ds"]}}
    subscription = {"type": SUBSCRIPTION, "name": "to-bq", "props": {"topic": "t", "bigqueryConfig": {
        "table": SENTINEL}}, "deps": {"bigqueryConfig": ["events-table"]}}
    [(name, message)] = stack_violations("data-flows", [dataset, table, subscription])
    assert name == "to-bq"
    assert 'BigQuery table "events-table" (created in this stack), in BigQuery dataset "events-ds"' in message


def test_destination_outside_the_stack_fails_closed_unless_trusted():
    sink = {"type": SINK, "name": "to-audit", "props": {
        "destination": "bigquery.googleapis.com/projects/sg-audit-eu/datasets/audit"}}
    [(_, message)] = stack_violations("data-flows", [sink])
    assert "not created in this stack and whose name carries no location" in message
    assert "trustedDestinations" in message
    trust = {"destination": "bigquery.googleapis.com/projects/sg-audit-eu/*", "reason": "kept in Paris",
             "expires": "2999-12-31"}
    assert stack_violations("data-flows", [sink], {"trustedDestinations": [trust]}) == []
    expired = {**trust, "expires": (datetime.date.today() - datetime.timedelta(days=1)).isoformat()}
    [(_, message)] = stack_violations("data-flows", [sink], {"trustedDestinations": [expired]})
    assert "expired on" in message
    other = {"type": SINK, "name": "to-other", "props": {"destination": "storage.googleapis.com/partner-drop"}}
    assert [n for n, _ in stack_violations("data-flows", [sink, other], {"trustedDestinations": [trust]})] == \
        ["to-other"]


def test_a_place_carried_by_the_reference_is_not_overridden_by_trust():
    sink = {"type": SINK, "name": "to-us", "props": {
        "destination": "logging.googleapis.com/projects/acme/locations/us/buckets/b"}}
    trust = {"destination": "logging.googleapis.com/*", "reason": "every log bucket", "expires": "2999-12-31"}
    assert [n for n, _ in stack_violations("data-flows", [sink], {"trustedDestinations": [trust]})] == ["to-us"]


def test_exemption_of_the_source_silences_its_flow():
    sink = {"type": SINK, "name": "legacy-sink", "props": {"destination": "storage.googleapis.com/elsewhere"}}
    exemption = {"type": SINK, "name": "legacy-*", "reason": "being moved", "expires": "2999-01-01"}
    assert stack_violations("data-flows", [sink], {"exemptions": [exemption]}) == []


def test_reference_unknown_at_preview_without_a_dependency_is_left_to_update():
    suffix = Resource("random:index/randomString:RandomString", "suffix", STACK + "random::suffix", {"length": 4})
    sink = Resource(SINK, "computed", f"{STACK}{SINK}::computed", {"destination": UNKNOWN}, GCP,
                    property_dependencies={"destination": [suffix.urn]})
    found = analyze_all([GCP, suffix, sink])
    assert flow_violations(found) == set()
    [advisory] = [v for v in found if v.policy == "preview-unknowns"]
    assert advisory.urn == sink.urn and "data-flows enforces it at update" in advisory.message


def test_copies_with_a_storage_location_or_an_untraceable_source_are_data_residencys():
    us_disk = "projects/acme/zones/us-central1-a/disks/d"
    cases = [
        {"type": SNAPSHOT, "name": "placed", "props": {"sourceDisk": us_disk, "storageLocations": ["eu"]}},
        {"type": SNAPSHOT, "name": "bare-name", "props": {"sourceDisk": "d"}},
        {"type": SNAPSHOT, "name": "nearest-us", "props": {"sourceDisk": us_disk}},
        {"type": "gcp:compute/instantSnapshot:InstantSnapshot", "name": "instant-us", "props": {"sourceDisk": us_disk}},
        {"type": "gcp:compute/machineImage:MachineImage", "name": "machine-us", "props": {
            "sourceInstance": "projects/acme/zones/us-central1-a/instances/vm"}},
    ]
    assert {n for n, _ in stack_violations("data-flows", cases)} == {"nearest-us", "instant-us", "machine-us"}


def test_image_of_a_snapshot_in_the_stack_follows_the_snapshot_to_its_disk():
    snapshot = {"type": SNAPSHOT, "name": "snap", "props": {"name": "snap", "sourceDisk":
                                                           "projects/acme/zones/us-central1-a/disks/d"}}
    image = {"type": "gcp:compute/image:Image", "name": "img", "props": {"sourceSnapshot": "global/snapshots/snap"}}
    found = dict(stack_violations("data-flows", [snapshot, image]))
    assert set(found) == {"snap", "img"}
    assert "stored as a copy of disk" in found["img"] and "'us'" in found["img"]


EDGES = {
    "cdn-on": ("gcp:compute/backendService:BackendService", {"enableCdn": True}),
    "cdn-off": ("gcp:compute/backendService:BackendService", {"enableCdn": False}),
    "cdn-unset": ("gcp:compute/backendBucket:BackendBucket", {"bucketName": "site"}),
    "bucket-cdn-on": ("gcp:compute/backendBucket:BackendBucket", {"bucketName": "site", "enableCdn": True}),
    "media-cdn": ("gcp:networkservices/edgeCacheService:EdgeCacheService", {"routing": {}}),
    "firebase-hosting": ("gcp:firebase/hostingSite:HostingSite", {"siteId": "www"}),
}


def test_edge_caching_is_data_leaving_unless_public_content_is_allowed():
    stack = [{"type": token, "name": name, "props": props} for name, (token, props) in EDGES.items()]
    found = dict(stack_violations("data-flows", stack))
    assert set(found) == {"cdn-on", "bucket-cdn-on", "media-cdn", "firebase-hosting"}
    assert "Google edge locations worldwide" in found["cdn-on"] and "allowPublicEdgeCaching" in found["cdn-on"]
    assert stack_violations("data-flows", stack, {"allowPublicEdgeCaching": True}) == []


def test_edge_caching_unknown_at_preview_is_named_by_preview_unknowns():
    cdn = Resource("gcp:compute/backendService:BackendService", "web", f"{STACK}cdn::web", {"enableCdn": UNKNOWN}, GCP)
    found = analyze_all([GCP, cdn])
    assert flow_violations(found) == set() and flow_violations(found, "preview-unknowns", "advisory") == {"web"}


def _ovh(token, name, props, deps=None):
    return {"type": token, "name": name, "props": props, "provider_props": {"endpoint": "ovh-eu"}, "deps": deps or {}}


def test_ovh_log_forwarding_and_database_integrations():
    stream = _ovh("ovh:Dbaas/logsOutputGraylogStream:LogsOutputGraylogStream", "audit-stream",
                  {"serviceName": "ldp-1", "title": "audit", "id": "stream-1"})
    bhs = _ovh("ovh:CloudProject/database:Database", "replica-bhs", {"nodes": [{"region": "BHS"}], "id": "db-bhs"})
    gra = _ovh("ovh:CloudProject/database:Database", "replica-gra", {"nodes": [{"region": "GRA"}], "id": "db-gra"})
    logs = _ovh("ovh:CloudProjectDatabase/logSubscription:LogSubscription", "db-logs",
                {"streamId": "stream-1", "serviceName": "p", "clusterId": "c", "engine": "postgresql", "kind": "log"})
    to_bhs = _ovh("ovh:CloudProjectDatabase/integration:Integration", "mirror-bhs",
                  {"destinationServiceId": "db-bhs", "sourceServiceId": "db-gra", "type": "kafkaMirrorMaker"})
    to_gra = _ovh("ovh:CloudProjectDatabase/integration:Integration", "mirror-gra",
                  {"destinationServiceId": "db-gra", "sourceServiceId": "db-gra", "type": "kafkaMirrorMaker"})
    found = dict(stack_violations("data-flows", [stream, bhs, gra, logs, to_bhs, to_gra]))
    assert set(found) == {"db-logs", "mirror-bhs"}
    assert "Logs Data Platform stream" in found["db-logs"] and "no location input" in found["db-logs"]
    assert "'BHS'" in found["mirror-bhs"]
    trusted = {"trustedDestinations": [{"destination": "audit-stream", "reason": "LDP cluster in Gravelines",
                                        "expires": "2999-12-31"}]}
    assert {n for n, _ in stack_violations("data-flows", [stream, logs], trusted)} == set()


def test_exemptions_recipe_trusts_the_central_audit_project():
    recipe = json.loads((Path(__file__).resolve().parents[1] / "docs/recipes/exemptions.json").read_text())
    sinks = [{"type": SINK, "name": name, "props": {"destination": f"bigquery.googleapis.com/projects/{p}/datasets/a"}}
             for name, p in (("to-audit", "sg-audit-eu"), ("to-other", "someone-else"))]
    assert [n for n, _ in stack_violations("data-flows", sinks, recipe["data-flows"])] == ["to-other"]


def test_what_trust_waives_is_listed_by_the_waivers_policy_and_a_catch_all_is_refused():
    sink = Resource(SINK, "to-audit", f"{STACK}{SINK}::to-audit",
                    {"destination": "bigquery.googleapis.com/projects/sg-audit-eu/datasets/a"}, GCP)
    trust = {"destination": "bigquery.googleapis.com/projects/sg-audit-eu/*", "reason": "kept in Paris",
             "expires": "2999-12-31"}
    found = analyze_all([GCP, sink], {"data-flows": {"trustedDestinations": [trust]}})
    assert flow_violations(found) == set()
    [waived] = [v for v in found if v.policy == "waivers"]
    assert waived.urn == sink.urn and waived.level == "advisory"
    assert waived.message.startswith('Waived by data-flows exemption #1 (trusted destination "bigquery.googleapis.'
                                     'com/projects/sg-audit-eu/*"), until 2999-12-31: logging sink "to-audit"')
    [(_, refused)] = stack_violations("data-flows", [], {"trustedDestinations": [{**trust, "destination": "*"}]})
    assert refused.startswith("The policy config is invalid") and "trusts every destination" in refused
