"""Our emulation of the engine (sovereign_guard_tools) against the real CLI, call for call, through the recording pack.

Where they differ on purpose or by necessity, test_known_differences.py says so; everything else must agree: the
start-up calls, ConfigureStack (stack config included), Configure, which resources get Remediate and Analyze and
with which inputs (default providers named and shaped as the engine makes them), what AnalyzeStack sees
(computed outputs, components' and the stack's registered outputs, secrets where the program put them), and every
diagnostic.
"""
import json
import re
import textwrap

import pytest
from pulumi_cli import PASSPHRASE, Workspace, requires_cli, requires_venv
from recordings import comparable, under_cli, under_emulation

pytestmark = [pytest.mark.e2e, requires_cli, requires_venv]

SECRETS_PROGRAM = textwrap.dedent("""\
    import pulumi
    import pulumi_gcp as gcp

    location = pulumi.Config().require("location")
    gcp.storage.Bucket("labelled", location=location, labels={"owner": pulumi.Output.secret("data-team")})
    gcp.storage.Bucket("hidden", location=pulumi.Output.secret(location))
""")
SECRETS_CONFIG = "config:\n  gcp:project: demo\n  gcp:region: europe-west9\n  secrets-demo:location: europe-west9\n"


def assert_same_run(cli, emulated):
    assert cli.sequence() == emulated.sequence() == [
        "ConfigureStack", "GetPluginInfo", "GetAnalyzerInfo", "Configure", "AnalyzeStack", "Cancel"]
    for method in ("ConfigureStack", "GetPluginInfo", "GetAnalyzerInfo", "Configure"):
        assert cli.request(method) == emulated.request(method), method
    assert cli.start["env"]["PULUMI_CONFIG"] == emulated.start["env"]["PULUMI_CONFIG"]
    for method in ("Remediate", "Analyze"):
        expected = {key: comparable(r) for key, r in cli.per_resource(method).items()}
        assert {key: comparable(r) for key, r in emulated.per_resource(method).items()} == expected, method
    expected = {key: comparable(r) for key, r in cli.stack_resources().items()}
    assert {key: comparable(r) for key, r in emulated.stack_resources().items()} == expected
    assert cli.diagnostics() == emulated.diagnostics()


@pytest.mark.parametrize("stack", ["leaky", "s3ns", "ovh-paris", "scaleway-paris"])
def test_a_preview_is_emulated_call_for_call(workspace, monkeypatch, tmp_path, stack):
    _, (cli,) = under_cli(workspace, tmp_path / "cli.jsonl", "preview", stack)
    _, (emulated,) = under_emulation(monkeypatch, tmp_path / "emulated.jsonl", stack, preview=True)
    assert_same_run(cli, emulated)
    providers = {name for kind, name in cli.per_resource("Analyze") if kind.startswith("pulumi:providers:")}
    # default providers as the engine names them; the Scaleway platform's own explicit provider (with the
    # engine's `version` and plugin download URL added to its inputs)
    assert providers <= {"default_10_2_0", "default_2_22_0_github_/api.github.com/ovh/pulumi-ovh",
                         f"{stack}-scaleway"} and providers


def test_the_update_of_pulumi_up_is_emulated_call_for_call(workspace, monkeypatch, tmp_path):
    _, (_, update) = under_cli(workspace, tmp_path / "cli.jsonl", "up", "gcp-paris")
    _, (emulated,) = under_emulation(monkeypatch, tmp_path / "emulated.jsonl", "gcp-paris", preview=False)
    assert_same_run(update, emulated)
    keys = [r["properties"]["id"] for (kind, _), r in update.stack_resources().items() if kind.endswith(":CryptoKey")]
    autonamed = re.compile(r"/keyRings/gcp-paris-keys-europe-west9-[0-9a-f]{7}/cryptoKeys/gcp-paris-[a-z-]+-[0-9a-f]{7}$")
    assert keys and all(autonamed.search(key) for key in keys)  # names made as the engine autonames them


@pytest.mark.parametrize("preview", [True, False], ids=["preview", "update"])
def test_secrets_reach_the_pack_where_the_program_put_them(tmp_path, monkeypatch, preview):
    workspace = Workspace(tmp_path / "workspace", {"name": "secrets-demo"},
                          {"__main__.py": SECRETS_PROGRAM, "Pulumi.dev.yaml": SECRETS_CONFIG})
    if preview:
        _, cli = under_cli(workspace, tmp_path / "cli.jsonl", "preview", "dev")
    else:
        _, cli = under_cli(workspace, tmp_path / "cli.jsonl", "up", "dev", skip_preview=True)
    _, (emulated,) = under_emulation(monkeypatch, tmp_path / "emulated.jsonl", "dev", preview, workspace.project)
    if preview:
        labels = cli[0].per_resource("Analyze")[("gcp:storage/bucket:Bucket", "labelled")]["properties"]["labels"]
        assert set(labels["owner"]) == {"4dabf18193072939515e22adb298388d", "value"}
        assert_same_run(cli[0], emulated)
    else:  # the update stops at the first bucket's violation (see test_known_differences); what it saw agrees
        analyzed = cli[-1].per_resource("Analyze")
        assert ("gcp:storage/bucket:Bucket", "hidden") in analyzed or ("gcp:storage/bucket:Bucket", "labelled") in analyzed
        for method in ("Remediate", "Analyze"):
            for key, request in cli[-1].per_resource(method).items():
                assert comparable(emulated.per_resource(method)[key]) == comparable(request)


def test_secret_stack_config_reaches_the_pack_as_under_the_cli(workspace, monkeypatch, tmp_path):
    """The CLI decrypts secret stack config and hands it to the pack (ConfigureStack.config, its key in
    configSecretKeys, and PULUMI_CONFIG); with the passphrase at hand, the offline check does the same."""
    workspace.init("gcp-paris")
    set_secret = workspace.pulumi("config", "set", "--secret", "--stack", "gcp-paris", "contact", "hush")
    assert set_secret.returncode == 0, set_secret.output
    _, (cli,) = under_cli(workspace, tmp_path / "cli.jsonl", "preview", "gcp-paris")
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE)
    _, (emulated,) = under_emulation(monkeypatch, tmp_path / "emulated.jsonl", "gcp-paris", preview=True,
                                     project=workspace.project)
    for run in (cli, emulated):
        configure = run.request("ConfigureStack")
        assert configure["configSecretKeys"] == ["sovereign-guard-samples:contact"]
        assert configure["config"]["sovereign-guard-samples:contact"] == "hush"
        assert json.loads(run.start["env"]["PULUMI_CONFIG"])["sovereign-guard-samples:contact"] == "hush"
    assert cli.request("ConfigureStack") == emulated.request("ConfigureStack")
