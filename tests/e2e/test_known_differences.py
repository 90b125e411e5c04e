"""Where the real Pulumi CLI and our emulation (sovereign_guard_tools) differ, one test each, each asserting that
the difference is still there: when one fails, the emulation or the CLI has changed and the docs must follow.

Everything else agrees call for call (test_emulation_agrees.py).
"""
import json
import re

import pytest
from pulumi_cli import RECORDING_PACK, REPO, requires_cli, requires_venv
from recordings import recording_env, under_cli, under_emulation

from sovereign_guard_tools import cli as sovereign_guard
from sovereign_guard_tools.engine.policy_config import PolicyConfigError
from sovereign_guard_tools.engine.wire import UNKNOWN_STRING
from sovereign_guard_tools.program.check import check_stack

pytestmark = [pytest.mark.e2e, requires_cli, requires_venv]

LEAKY = {(e["policy"], e["resource"]) for e in json.loads((REPO / "stacks" / "leaky.expected.json").read_text())}
BUCKET = ("gcp:storage/bucket:Bucket", "gcp-paris-data")


def found(result) -> set:
    return {(v.policy, v.urn.rsplit("::", 1)[-1]) for v in result.mandatory}


def test_pulumi_up_runs_the_pack_twice_a_preview_then_the_update(workspace, monkeypatch, tmp_path):
    """`pulumi up` previews first (one pack process, dry run) and then updates (a second one);
    `sovereign-guard check --update` plays only the update."""
    run, recordings = under_cli(workspace, tmp_path / "cli.jsonl", "up", "gcp-paris")
    assert run.returncode == 0, run.output
    assert [r.start["env"]["PULUMI_DRY_RUN"] for r in recordings] == ["true", "false"]
    _, emulated = under_emulation(monkeypatch, tmp_path / "emulated.jsonl", "gcp-paris", preview=False)
    assert [r.start["env"]["PULUMI_DRY_RUN"] for r in emulated] == ["false"]


def test_an_update_stops_at_its_first_mandatory_violation(workspace, monkeypatch, tmp_path):
    """In an update (`pulumi up --skip-preview`) the engine fails the step of the first resource with a mandatory
    violation and stops the deployment: only that violation (or the few found in parallel) is reported, and
    AnalyzeStack never runs. `sovereign-guard check --update` analyzes every resource and the stack."""
    run, (update,) = under_cli(workspace, tmp_path / "cli.jsonl", "up", "leaky", skip_preview=True)
    # the program sees its monitor go away: worded as one or the other, depending on timing
    assert run.returncode == 1 and ("Resource monitor has terminated" in run.output or "context canceled" in run.output)
    assert run.violations() < LEAKY and run.violations()
    assert "AnalyzeStack" not in update.sequence()
    result, (emulated,) = under_emulation(monkeypatch, tmp_path / "emulated.jsonl", "leaky", preview=False)
    assert found(result) == LEAKY and "AnalyzeStack" in emulated.sequence()


def test_a_preview_of_a_deployed_stack_sees_the_outputs_of_its_state(workspace, monkeypatch, tmp_path):
    """A preview of a stack already deployed analyzes inputs built from the outputs in its state (a bucket's key is
    the key's id); the emulation has no state: `--preview` sees a new stack (unknown), `--update` all known."""
    deployed, _ = under_cli(workspace, tmp_path / "up.jsonl", "up", "gcp-paris")
    assert deployed.returncode == 0, deployed.output
    _, (again,) = under_cli(workspace, tmp_path / "cli.jsonl", "preview", "gcp-paris")
    key = again.per_resource("Analyze")[BUCKET]["properties"]["encryption"]["defaultKmsKeyName"]
    assert re.search(r"/cryptoKeys/gcp-paris-storage-[0-9a-f]{7}$", key)  # autonamed
    assert again.request("ConfigureStack")["dryRun"] is True
    _, (preview,) = under_emulation(monkeypatch, tmp_path / "preview.jsonl", "gcp-paris", preview=True)
    assert preview.per_resource("Analyze")[BUCKET]["properties"]["encryption"]["defaultKmsKeyName"] == UNKNOWN_STRING
    _, (update,) = under_emulation(monkeypatch, tmp_path / "update.jsonl", "gcp-paris", preview=False)
    assert update.per_resource("Analyze")[BUCKET]["properties"]["encryption"]["defaultKmsKeyName"] == key
    assert "dryRun" not in update.request("ConfigureStack")


def test_analyze_stack_lists_resources_in_the_engines_order(workspace, monkeypatch, tmp_path):
    """AnalyzeStack gets the same resources, but the CLI lists them in its own order, not in registration order as
    the emulation does (dependency lists, too, come in no defined order from either): a stack policy must not
    rely on order."""
    _, (cli,) = under_cli(workspace, tmp_path / "cli.jsonl", "preview", "leaky")
    _, (emulated,) = under_emulation(monkeypatch, tmp_path / "emulated.jsonl", "leaky", preview=True)
    assert set(cli.stack_resources()) == set(emulated.stack_resources())
    assert list(cli.stack_resources()) != list(emulated.stack_resources())
    assert list(emulated.stack_resources()) == list(emulated.per_resource("Analyze"))


def test_resource_options_carry_more_than_the_parent(workspace, monkeypatch, tmp_path):
    """The CLI sends each resource's options (custom timeouts, additional secret outputs, protect, ...); the
    emulation sends only the parent. The pack reads no option."""
    _, (cli,) = under_cli(workspace, tmp_path / "cli.jsonl", "preview", "gcp-paris")
    _, (emulated,) = under_emulation(monkeypatch, tmp_path / "emulated.jsonl", "gcp-paris", preview=True)
    options = cli.per_resource("Analyze")[BUCKET]["options"]
    assert options["additionalSecretOutputs"] and "customTimeouts" in options
    assert set(emulated.per_resource("Analyze")[BUCKET]["options"]) == {"parent"}


def test_the_pack_is_given_the_engines_address_only_by_the_cli(workspace, monkeypatch, tmp_path):
    """The CLI passes the pack its engine's address (behind the language host's PolicyProxy); the emulation passes
    127.0.0.1:0. The Python SDK parses the argument and never uses it."""
    _, (cli,) = under_cli(workspace, tmp_path / "cli.jsonl", "preview", "gcp-paris")
    _, (emulated,) = under_emulation(monkeypatch, tmp_path / "emulated.jsonl", "gcp-paris", preview=True)
    assert cli.start["argv"][1].startswith("127.0.0.1:") and cli.start["argv"][1] != "127.0.0.1:0"
    assert emulated.start["argv"][1] == "127.0.0.1:0"
    assert cli.start["argv"][2] == emulated.start["argv"][2] == str(RECORDING_PACK)


def test_config_errors_are_worded_by_another_validator_and_exit_otherwise(workspace, tmp_path, capsys):
    """Both reject a config its schema refuses, naming the policy and field; the CLI words it with gojsonschema
    (one line per failed rule) and exits 1, `sovereign-guard check` with Python's jsonschema and exits 2."""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"data-residency": {"jurisdiction": "mars"}}))
    run = workspace.preview("gcp-paris", RECORDING_PACK, bad, env=recording_env(tmp_path / "cli.jsonl"))
    assert run.returncode == 1
    assert "data-residency: jurisdiction: Must validate one and only one schema (oneOf)" in run.output
    with pytest.raises(PolicyConfigError, match="data-residency: jurisdiction: 'mars' is not valid under any"):
        check_stack(REPO, "gcp-paris", config_file=bad)
    assert sovereign_guard.main(["check", str(REPO), "--stack", "gcp-paris", "--policy-pack-config", str(bad)]) == 2
    assert "Must validate" not in capsys.readouterr().err


def test_the_cli_renders_violations_its_own_way(workspace, tmp_path, capsys):
    """Same verdicts and exit code (1) for the leaky stack, rendered differently: the CLI names the type in its
    display form (`gcp:storage:Bucket`) with the severity and the version in PulumiPolicy.yaml
    (sovereign-guard@v0.1.0, while the SDK's diagnostics say 0.0.1); our text report names the type token."""
    run, (cli,) = under_cli(workspace, tmp_path / "cli.jsonl", "preview", "leaky")
    assert run.returncode == 1 and run.violations() == LEAKY
    assert "[severity: critical]  data-residency  (gcp:storage:Bucket: leaky-data)" in run.output
    assert "sovereign-guard@v0.1.0" in run.output
    versions = {d["policyPackVersion"] for c in cli.calls if c["method"] == "Analyze"
                for d in c["response"].get("diagnostics", [])}
    assert versions == {"0.0.1"}
    assert sovereign_guard.main(["check", str(REPO), "--stack", "leaky"]) == 1
    report = capsys.readouterr().out
    assert 'gcp:storage/bucket:Bucket "leaky-data"' in report and "gcp:storage:Bucket" not in report
    assert "severity" not in report
