"""gcp-paris keeps its logs, exports and copies in Paris (leaky's flow leaks are in leaky.expected.json, whose
`says` test_samples.py checks in each message)."""
import json

from sovereign_guard_tools.engine.run import REPO
from sovereign_guard_tools.program.check import check_stack

FLOW_TYPES = {"gcp:logging/projectSink:ProjectSink", "gcp:pubsub/subscription:Subscription",
              "gcp:storage/transferJob:TransferJob", "gcp:compute/snapshot:Snapshot"}


def test_gcp_paris_sends_logs_exports_and_copies_only_to_paris():
    result = check_stack(REPO, "gcp-paris", preview=True)
    flows = [r for r in result.resources if r.type in FLOW_TYPES]
    assert {r.type for r in flows} == FLOW_TYPES and len(flows) == 5
    assert [v.message for v in result.violations if v.policy in ("data-flows", "preview-unknowns")] == []


def test_leaky_has_at_least_three_flow_leaks_each_saying_where_the_data_goes():
    flows = [e for e in json.loads((REPO / "stacks" / "leaky.expected.json").read_text()) if e["policy"] == "data-flows"]
    assert len(flows) >= 3 and all(e.get("says") for e in flows)
