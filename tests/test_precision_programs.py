"""The precision set: programs with the architectures of the public pulumi/examples Google Cloud Python programs
(rewritten under tests/data/precision/, one stack each, configured for Paris), checked at preview and at update
through the pack process: the mandatory findings are exactly those tests/data/precision/expected.json lists, each
with the reason a security engineer agrees with it; the pack raises nothing else (no false alarm), and nothing is
left to the SDK's preview skip."""
import json
from pathlib import Path

import pytest

from sovereign_guard_tools.program.check import check_stacks

PROJECT = Path(__file__).resolve().parent / "data" / "precision"
EXPECTED = {stack: {(policy, resource) for policy, resource, _why in findings}
            for stack, findings in json.loads((PROJECT / "expected.json").read_text()).items()
            if not stack.startswith("_")}


@pytest.mark.parametrize("preview", [True, False], ids=["preview", "update"])
def test_real_architectures_get_exactly_the_findings_a_security_engineer_agrees_with(preview):
    results = check_stacks(PROJECT, sorted(EXPECTED), preview=preview, use_cache=False)
    found = {r.stack: {(v.policy, v.urn.rsplit("::", 1)[-1]) for v in r.mandatory} for r in results}
    assert found == EXPECTED
    assert not [v for r in results for v in r.preview_skips]
    assert not [v for r in results for v in r.violations if v.level != "mandatory"]
