"""docs/policies.md is generated from the pack's metadata and kept in sync with it."""
import copy

from pulumi_policy import EnforcementLevel, PolicyConfigSchema

from sovereign_guard_tools.reports import policy_docs


def test_committed_reference_matches_the_pack():
    assert policy_docs.OUTPUT.read_text(encoding="utf-8") == policy_docs.render(), (
        "docs/policies.md is out of date: run python -m sovereign_guard_tools.reports.policy_docs")


def test_every_policy_and_property_is_documented():
    text = policy_docs.render()
    for policy in policy_docs.pack_policies():
        assert f"## {policy.name}\n" in text
        assert policy.description in text
        for name in policy.config_schema.properties:
            assert f"| `{name}` |" in text


def test_reference_follows_the_metadata():
    original = next(p for p in policy_docs.pack_policies() if p.name == "key-rotation")
    changed = copy.copy(original)
    changed.description = "Keys rotate weekly."
    changed.enforcement_level = EnforcementLevel.ADVISORY
    changed.config_schema = PolicyConfigSchema(
        properties={"maxRotationDays": {"type": "number", "default": 7, "description": "At most a week."}},
        required=["maxRotationDays"])
    before, after = policy_docs.render([original]), policy_docs.render([changed])
    assert before != after
    assert "Keys rotate weekly." in after and "Enforcement level **advisory**" in after
    assert "| `maxRotationDays` (required) | `number` | `7` | At most a week. |" in after
    assert "| `exemptions` |" in before and "| `exemptions` |" not in after


def test_check_fails_on_a_stale_file_and_passes_once_written(tmp_path):
    target = tmp_path / "policies.md"
    target.write_text("# stale\n")
    assert policy_docs.main(["--check", "--output", str(target)]) == policy_docs.STALE
    assert policy_docs.main(["--output", str(target)]) == 0
    assert policy_docs.main(["--check", "--output", str(target)]) == 0
