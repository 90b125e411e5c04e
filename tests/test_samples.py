"""The sample stacks through the offline check: compliant ones clean, leaky exactly as expected."""
import json

import pytest

from sovereign_guard_tools import cli
from sovereign_guard_tools.engine.run import REPO
from sovereign_guard_tools.program.check import check_stack

COMPLIANT = ["gcp-paris", "s3ns", "ovh-paris", "scaleway-paris"]


@pytest.mark.parametrize("preview", [True, False], ids=["preview", "update"])
@pytest.mark.parametrize("stack", COMPLIANT)
def test_compliant_stack_has_no_mandatory_violation_and_no_preview_skip(stack, preview):
    result = check_stack(REPO, stack, preview=preview)
    assert len(result.resources) > 5
    assert [v.message for v in result.mandatory] == []
    assert result.preview_skips == []


@pytest.mark.parametrize("preview", [True, False], ids=["preview", "update"])
def test_leaky_has_exactly_the_expected_violations(preview):
    expected = json.loads((REPO / "stacks" / "leaky.expected.json").read_text())
    result = check_stack(REPO, "leaky", preview=preview)
    found = sorted((v.policy, v.urn.rsplit("::", 1)[-1]) for v in result.mandatory)
    assert found == sorted((e["policy"], e["resource"]) for e in expected)
    assert result.preview_skips == []
    messages = {(v.policy, v.urn.rsplit("::", 1)[-1]): v.message for v in result.mandatory}
    wrong = [e for e in expected if e.get("says", "") not in messages[e["policy"], e["resource"]]]
    assert wrong == []  # an entry's `says` is part of its message


def test_check_command_exit_codes_and_report(capsys, tmp_path):
    assert cli.main(["check", str(REPO), "--stack", "gcp-paris"]) == 0
    assert "0 mandatory" in capsys.readouterr().out
    assert cli.main(["check", str(REPO), "--stack", "leaky", "--update"]) == 1
    out = capsys.readouterr().out
    assert "[data-residency, mandatory]" in out and "us-central1" in out
    bad = tmp_path / "bad.json"
    bad.write_text('{"data-residency": {"jurisdiction": "atlantis"}}')
    assert cli.main(["check", str(REPO), "--stack", "gcp-paris", "--policy-pack-config", str(bad)]) == 2
    assert "jurisdiction" in capsys.readouterr().err
    assert cli.main(["check", str(REPO), "--stack", "nope"]) == 2
