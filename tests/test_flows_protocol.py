"""data-flows as the Pulumi CLI runs it: a real pack process over gRPC, at preview (unknown sentinels resolved
through property dependencies) and at update (ids and names), with secret envelopes and a validated config."""
import pytest

from sovereign_guard_tools.engine.analyzer import PackProcess, Resource
from sovereign_guard_tools.engine.policy_config import PolicyConfigError
from sovereign_guard_tools.engine.wire import UNKNOWN, Secret

STACK = "urn:pulumi:dev::p::"
GCP = Resource("pulumi:providers:gcp", "default", STACK + "pulumi:providers:gcp::default",
               {"project": "acme", "region": "europe-west9", "zone": "europe-west9-a"})
DATASET, SINK = "gcp:bigquery/dataset:Dataset", "gcp:logging/projectSink:ProjectSink"
BUCKET, SUBSCRIPTION = "gcp:storage/bucket:Bucket", "gcp:pubsub/subscription:Subscription"


def res(token, name, props, deps=None):
    return Resource(token, name, f"{STACK}{token}::{name}", props, GCP, property_dependencies=deps or {})


def stack(preview: bool) -> list:
    """Sinks and subscriptions to a US and a Paris destination of the stack; a snapshot of a US disk by URL."""
    out = [GCP]
    for place, suffix in (("US", "us"), ("europe-west9", "eu")):
        dataset = res(DATASET, f"audit-{suffix}", {"datasetId": f"audit_{suffix}", "location": place,
                                                   "id": UNKNOWN if preview else f"projects/acme/datasets/audit_{suffix}"})
        bucket = res(BUCKET, f"archive-{suffix}", {"location": Secret(place), "name": f"archive-{suffix}",
                                                   "id": UNKNOWN if preview else f"archive-{suffix}"})
        destination = UNKNOWN if preview else f"bigquery.googleapis.com/projects/acme/datasets/audit_{suffix}"
        sink = res(SINK, f"sink-{suffix}", {"destination": destination},
                   {"destination": [dataset.urn]} if preview else None)
        subscription = res(SUBSCRIPTION, f"to-bucket-{suffix}", {"topic": "events", "cloudStorageConfig": {
            "bucket": UNKNOWN if preview else Secret(f"archive-{suffix}")}},
            {"cloudStorageConfig": [bucket.urn]} if preview else None)
        out += [dataset, bucket, sink, subscription]
    out.append(res("gcp:compute/snapshot:Snapshot", "snap-us", {
        "sourceDisk": "https://www.googleapis.com/compute/v1/projects/acme/zones/us-east1-b/disks/legacy"}))
    return out


def flows(violations, policy="data-flows") -> set:
    return {v.urn.rsplit("::", 1)[-1] for v in violations if v.policy == policy}


@pytest.mark.parametrize("preview", [True, False], ids=["preview", "update"])
def test_flows_out_of_the_eu_are_rejected_over_grpc(preview):
    with PackProcess("policies", dry_run=preview) as pack:
        pack.start({})
        resources = stack(preview)
        violations = [v for r in resources for v in pack.analyze(r)] + pack.analyze_stack(resources)
    assert not [v for v in violations if v.is_preview_skip]
    assert flows(violations) == {"sink-us", "to-bucket-us", "snap-us"}
    assert all(v.level == "mandatory" and v.severity == "critical" for v in violations if v.policy == "data-flows")
    assert flows(violations, "preview-unknowns") == set()
    [sink] = [v for v in violations if v.policy == "data-flows" and v.urn.endswith("sink-us")]
    assert 'sends logs to BigQuery dataset "audit-us" (created in this stack) in \'US\'' in sink.message


def test_trusted_destinations_are_validated_like_the_cli_and_applied():
    sink = res(SINK, "to-audit", {"destination": "bigquery.googleapis.com/projects/audit-eu/datasets/a"})
    with PackProcess("policies", dry_run=True) as pack:
        pack.start({})
        assert flows(pack.analyze_stack([GCP, sink])) == {"to-audit"}
        pack.start({"data-flows": {"trustedDestinations": [
            {"destination": "bigquery.googleapis.com/projects/audit-eu/*", "reason": "kept in Paris",
             "expires": "2999-12-31"}]}})
        violations = pack.analyze_stack([GCP, sink])
        assert flows(violations) == set() and flows(violations, "waivers") == {"to-audit"}
        with pytest.raises(PolicyConfigError, match="data-flows: .*destination"):
            pack.start({"data-flows": {"trustedDestinations": [{"reason": "no destination", "expires": "2999-12-31"}]}})
        with pytest.raises(PolicyConfigError, match="data-flows: .*expires"):
            pack.start({"data-flows": {"trustedDestinations": [{"destination": "gs://a", "reason": "no end"}]}})
        with pytest.raises(PolicyConfigError, match="data-flows: .*destination"):
            pack.start({"data-flows": {"trustedDestinations": [{"destination": "*", "reason": "all",
                                                                "expires": "2999-12-31"}]}})
        with pytest.raises(PolicyConfigError, match="data-flows: .*allowPublicEdgeCaching"):
            pack.start({"data-flows": {"allowPublicEdgeCaching": "yes"}})
