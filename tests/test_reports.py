"""Report formats: SARIF valid against the OASIS schema, JUnit parsed back, JSON valid against its documented schema."""
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from sovereign_guard_tools import cli
from sovereign_guard_tools.reports import formats
from sovereign_guard_tools.engine.run import REPO
from sovereign_guard_tools.program.check import check_stack

DATA = Path(__file__).parent / "data"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
REPORT_SCHEMA = json.loads((REPO / "sovereign_guard_tools" / "reports" / "report.schema.json").read_text())
EXPECTED = {(e["policy"], e["resource"]) for e in json.loads((REPO / "stacks" / "leaky.expected.json").read_text())}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """The leaky and gcp-paris sample stacks, checked once (preview)."""
    return [check_stack(REPO, "leaky"), check_stack(REPO, "gcp-paris")]


def test_sarif_is_valid_and_points_each_result_at_its_resource(results):
    sarif = json.loads(formats.render("sarif", results))
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(sarif)
    leaky, paris = sarif["runs"]
    policies = [p["name"] for p in results[0].policies]
    for run in (leaky, paris):
        assert [r["id"] for r in run["tool"]["driver"]["rules"]] == policies
        assert all(r["fullDescription"]["text"] and r["help"]["text"] for r in run["tool"]["driver"]["rules"])
    assert {run["automationDetails"]["id"] for run in sarif["runs"]} == {
        "sovereign-guard/sovereign-guard-samples/leaky/", "sovereign-guard/sovereign-guard-samples/gcp-paris/"}
    assert paris["results"] == []
    found = set()
    for result in leaky["results"]:
        assert result["level"] == "error"
        assert leaky["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]
        urn = location["logicalLocations"][0]["fullyQualifiedName"]
        found.add((result["ruleId"], urn.rsplit("::", 1)[-1]))
        physical = location["physicalLocation"]
        path = REPO / physical["artifactLocation"]["uri"]
        assert path.is_file() and path.parent == REPO / "stacks"
        if "region" in physical:  # the line that declared the resource
            assert 0 < physical["region"]["startLine"] <= len(path.read_text().splitlines())
    assert found == EXPECTED
    assert len({r["partialFingerprints"]["sovereignGuard/v1"] for r in leaky["results"]}) == len(leaky["results"])


def test_sarif_schema_rejects_a_broken_log(results):
    sarif = json.loads(formats.render("sarif", results))
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(SARIF_SCHEMA).validate(sarif)


def test_junit_has_one_case_per_resource_and_policy_and_fails_the_violations(results):
    root = ET.fromstring(formats.render("junit", results))
    leaky, paris = root.findall("testsuite")
    policies = len(results[0].policies)
    assert int(leaky.get("tests")) == len(results[0].resources) * policies == len(leaky.findall("testcase"))
    assert int(paris.get("failures")) == 0 and paris.findall("testcase/failure") == []
    failed = {(case.get("name"), case.get("classname").split(".", 2)[-1])  # <stack>.<type>.<name with dots>
              for case in leaky.findall("testcase") if case.find("failure") is not None}
    assert failed == EXPECTED
    assert int(leaky.get("failures")) == len(EXPECTED) and int(root.get("failures")) == len(EXPECTED)
    bucket = next(c for c in leaky.findall("testcase")
                  if c.get("name") == "data-residency" and c.get("classname").endswith(".leaky-data"))
    assert "us-central1" in bucket.find("failure").get("message") and bucket.get("file").startswith("stacks/")


def test_json_report_matches_its_documented_schema(results):
    report = json.loads(formats.render("json", results))
    jsonschema.Draft7Validator(REPORT_SCHEMA).validate(report)
    leaky, paris = report["stacks"]
    assert (leaky["compliant"], paris["compliant"]) == (False, True)
    assert leaky["counts"]["mandatory"] == len(EXPECTED)
    assert {(v["policy"], v["resource"]["name"]) for v in leaky["violations"]} == EXPECTED


def test_format_and_output_options(tmp_path, capsys):
    out = tmp_path / "reports" / "paris.sarif"
    assert cli.main(["check", str(REPO), "--stack", "gcp-paris", "--format", "sarif", "--output", str(out)]) == 0
    assert json.loads(out.read_text())["version"] == "2.1.0"
    assert "0 mandatory" in capsys.readouterr().out  # people still read the text report in the CI log
    assert cli.main(["check", str(REPO), "--stack", "gcp-paris", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["stacks"][0]["stack"] == "gcp-paris"
