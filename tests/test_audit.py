"""`sovereign-guard audit`: hand-made `pulumi stack export` files of a compliant and a legacy stack."""
import json
from pathlib import Path

from sovereign_guard_tools import cli
from sovereign_guard_tools.state import audit
from sovereign_guard_tools.engine.wire import Secret

EXPORTS = Path(__file__).parent / "data" / "exports"


def names(result, level="mandatory"):
    return {(v.policy, v.urn.rsplit("::", 1)[-1]) for v in result.violations if v.level == level}


def test_export_is_read_as_the_engine_presents_deployed_resources():
    result = audit.load(EXPORTS / "noncompliant.json", project_root="/src/shop")
    by_name = {r.name: r for r in result.resources}
    assert (result.project, result.stack, result.mode) == ("shop", "legacy", "audit")
    assert "old" not in by_name  # pending deletion: not part of the stack any more
    assert by_name["analytics"].props["location"] == "US"  # outputs: what was deployed, provider defaults included
    assert by_name["analytics"].provider is by_name["default_9_0_0"]
    assert isinstance(by_name["scratch"].props["zone"], Secret)
    assert result.sources[by_name["legacy-data"].urn] == ("/src/shop/__main__.py", 5)


def test_compliant_stack_passes():
    result = audit.audit_state(EXPORTS / "compliant.json")
    assert result.violations == []
    assert len(result.resources) == 7


def test_legacy_stack_fails_exactly_where_it_leaks():
    result = audit.audit_state(EXPORTS / "noncompliant.json")
    assert names(result) == {
        ("provider-jurisdiction", "default_9_0_0"),  # region us-central1
        ("data-residency", "legacy-data"), ("customer-managed-keys", "legacy-data"),  # US, Google-managed key
        ("data-residency", "analytics"), ("customer-managed-keys", "analytics"),  # BigQuery's US default
        ("data-residency", "scratch"),  # zone still encrypted in the export: fails closed
    }
    scratch = next(v for v in result.violations if v.urn.endswith("::scratch"))
    assert "--show-secrets" in scratch.message and "zone" in scratch.message


def test_audit_command(tmp_path, capsys):
    junit = tmp_path / "audit.xml"
    state = EXPORTS / "noncompliant.json"
    assert cli.main(["audit", str(state), "--format", "junit", "--output", str(junit)]) == 1
    assert 'failures="6"' in junit.read_text()
    assert "shop/legacy (audit)" in capsys.readouterr().out
    assert cli.main(["audit", str(EXPORTS / "compliant.json"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["stacks"][0]["mode"] == "audit"
    not_export = tmp_path / "x.json"
    not_export.write_text('{"version": 3}')
    assert cli.main(["audit", str(not_export)]) == 2
    assert "pulumi stack export" in capsys.readouterr().err
