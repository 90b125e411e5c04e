"""The pack under the real Pulumi CLI: `pulumi preview --policy-pack` and `pulumi up` on the sample stacks.

Violations are read from the CLI's own output; the pack runs from a copy of policies/ with its own venv, made as
the README tells users.
"""
import json

import pytest
from pulumi_cli import CANT_RUN, REPO, requires_cli, requires_venv

from sovereign_guard.config import JURISDICTION

pytestmark = [pytest.mark.e2e, requires_cli, requires_venv]

COMPLIANT = ["gcp-paris", "s3ns", "ovh-paris", "scaleway-paris"]
LEAKY = {(e["policy"], e["resource"]) for e in json.loads((REPO / "stacks" / "leaky.expected.json").read_text())}
PACK_LINE = "sovereign-guard@v0.1.0 (local: "


def waived(stack: str) -> set:
    """What the stack's policy config exempts: the advisory `waivers` policy lists each waived finding."""
    path = REPO / "stacks" / f"{stack}.policy-config.json"
    config = json.loads(path.read_text()) if path.exists() else {}
    return {("waivers", e["name"]) for entry in config.values() if isinstance(entry, dict)
            for e in entry.get("exemptions", [])}


def assert_clean(run, stack):
    assert run.returncode == 0, run.output
    assert run.violations("mandatory") == set() and run.violations("advisory") == waived(stack)
    if not waived(stack):
        assert f"✅ {PACK_LINE}" in run.output
    assert CANT_RUN not in run.output


@pytest.mark.parametrize("stack", COMPLIANT)
def test_compliant_sample_passes_preview_then_up_then_preview_over_its_outputs(workspace, pack, stack):
    config = workspace.policy_config(stack)
    assert_clean(workspace.preview(stack, pack, config), stack)
    deployed = workspace.up(stack, pack, config)
    assert_clean(deployed, stack)
    assert "created" in deployed.output
    again = workspace.preview(stack, pack, config)
    assert_clean(again, stack)
    assert "to update" not in again.output and "unchanged" in again.output


def test_leaky_preview_reports_exactly_the_expected_violations(workspace, pack):
    run = workspace.preview("leaky", pack)
    assert run.returncode == 1, run.output
    assert f"❌ {PACK_LINE}" in run.output
    assert run.violations("mandatory") == LEAKY
    assert run.violations("advisory") == set()
    assert CANT_RUN not in run.output
    assert "error: preview failed" in run.output


def test_leaky_up_is_refused_at_its_preview_and_deploys_nothing(workspace, pack):
    run = workspace.up("leaky", pack)
    assert run.returncode == 1, run.output
    assert run.violations("mandatory") == LEAKY
    assert workspace.pulumi("stack", "export", "--stack", "leaky").output.count('"urn"') == 0
    again = workspace.preview("leaky", pack)
    assert again.returncode == 1 and again.violations("mandatory") == LEAKY


def test_malformed_config_is_rejected_by_the_cli_with_the_schemas_message(workspace, pack, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"data-residency": {"jurisdiction": "mars"}}))
    run = workspace.preview("gcp-paris", pack, bad)
    assert run.returncode == 1, run.output
    presets = ", ".join(f'"{p}"' for p in JURISDICTION["oneOf"][0]["enum"])
    assert (f"error: validating policy config: sovereign-guard 0.1.0  data-residency: jurisdiction: "
            f"jurisdiction must be one of the following: {presets}") in run.output
    assert "Previewing update" in run.output and "create" not in run.output


def test_pack_runs_in_its_own_venv_made_as_the_readme_says(workspace, pack):
    """With no interpreter but the pack's own venv that could run it (PULUMI_PYTHON_CMD fails), it still runs."""
    assert (pack / "venv" / "bin" / "python").exists()
    assert_clean(workspace.preview("gcp-paris", pack, env={"PULUMI_PYTHON_CMD": "false"}), "gcp-paris")
