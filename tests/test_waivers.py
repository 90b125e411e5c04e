"""Exemptions that cannot over-reach, and waived findings visible: through a real pack process over gRPC (as the
CLI runs it), then in every report format."""
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from sovereign_guard_tools.engine.analyzer import PackProcess, Resource
from sovereign_guard_tools.engine.policy_config import PolicyConfigError
from sovereign_guard_tools.engine.run import REPO, StackResult, run_pack
from sovereign_guard_tools.engine.wire import UNKNOWN
from sovereign_guard_tools.reports import formats

STACK = "urn:pulumi:dev::p::"
GCP = Resource("pulumi:providers:gcp", "default", STACK + "pulumi:providers:gcp::default",
               {"project": "acme", "region": "europe-west9", "zone": "europe-west9-a"})
DATASET, SPANNER = "gcp:bigquery/dataset:Dataset", "gcp:spanner/instance:Instance"
SARIF_SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
REPORT_SCHEMA = json.loads((REPO / "sovereign_guard_tools" / "reports" / "report.schema.json").read_text())


def res(token, name, props, deps=None):
    return Resource(token, name, f"{STACK}{token}::{name}", props, GCP, property_dependencies=deps or {})


def exemption(**fields) -> dict:
    return {"type": DATASET, "name": "legacy-analytics*", "reason": "read-only during the migration (DATA-123)",
            "expires": "2999-03-31", **fields}


LEGACY = res(DATASET, "legacy-analytics", {"location": "US"})
NAMESAKE = res(SPANNER, "legacy-analytics-eu", {"config": "nam3"})
CONFIG = {"data-residency": {"exemptions": [exemption(), exemption(name="old-reports")]}}


@pytest.fixture(scope="module")
def result():
    """The stack through the pack process, with the exemptions, as `sovereign-guard check` runs it."""
    stack = StackResult("p", "dev", "update", [GCP, LEGACY, NAMESAKE])
    return run_pack(stack, pack_dir=REPO / "policies", config=CONFIG, stack_config={},
                    stack_outputs=[GCP, LEGACY, NAMESAKE])


def test_an_exemption_reaches_only_its_type(result):
    mandatory = {(v.policy, v.urn.rsplit("::", 1)[-1]) for v in result.mandatory}
    assert ("data-residency", "legacy-analytics-eu") in mandatory  # the Spanner namesake is not waived
    assert ("data-residency", "legacy-analytics") not in mandatory
    assert [(w.policy, w.urn, w.exemption, w.expires) for w in result.waived] == [
        ("data-residency", LEGACY.urn, 1, "2999-03-31")]
    assert "location" in result.waived[0].message and result.waived[0].reason.startswith("read-only")


def test_an_exemption_that_matched_nothing_is_reported_stale(result):
    assert [(s.policy, s.exemption) for s in result.stale] == [("data-residency", 2)]
    assert not [v for v in result.violations if v.policy == "waivers"]


@pytest.mark.parametrize("bad, field", [
    ({"type": "*"}, "type"), ({"type": "gcp:*"}, "type"), ({"type": "*:*"}, "type"),
    ({"name": None}, "exemptions"), ({"resource": "legacy-*"}, "resource")])
def test_the_schema_refuses_exemptions_that_could_reach_everything(bad, field):
    entry = {k: v for k, v in {**exemption(), **bad}.items() if v is not None}
    with PackProcess(REPO / "policies") as pack, pytest.raises(PolicyConfigError) as error:
        pack.start({"data-residency": {"exemptions": [entry]}})
    assert "data-residency" in str(error.value) and field in str(error.value)


def test_waived_findings_in_every_format(result):
    text = formats.render("text", [result])
    assert "1 waived" in text and "waived: 1 finding(s) (data-residency 1), 1 stale exemption(s)" in text
    assert "until 2999-03-31: read-only during the migration" in text

    document = json.loads(formats.render("json", [result]))
    jsonschema.validate(document, REPORT_SCHEMA)
    [stack] = document["stacks"]
    assert stack["counts"]["waived"] == 1
    assert [(w["policy"], w["resource"]["name"], w["exemption"]["expires"]) for w in stack["waived"]] == [
        ("data-residency", "legacy-analytics", "2999-03-31")]
    assert stack["staleExemptions"] == [{"policy": "data-residency", "exemption": 2,
                                         "scope": f'{DATASET} named "old-reports"'}]

    sarif = json.loads(formats.render("sarif", [result]))
    jsonschema.validate(sarif, SARIF_SCHEMA)
    suppressed = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert [(r["ruleId"], r["level"], r["suppressions"][0]["kind"], r["suppressions"][0]["justification"],
             r["suppressions"][0]["properties"]["expires"]) for r in suppressed] == [
        ("data-residency", "error", "external", "read-only during the migration (DATA-123)", "2999-03-31")]

    suites = ET.fromstring(formats.render("junit", [result]))
    skipped = [c for c in suites.iter("testcase") if c.find("skipped") is not None]
    assert [(c.get("classname"), c.get("name")) for c in skipped] == [
        ("dev.gcp:bigquery/dataset:Dataset.legacy-analytics", "data-residency")]
    assert "read-only during the migration" in skipped[0].find("skipped").get("message")
    assert suites.get("skipped") == "1"


def test_stack_policies_waive_too_and_preview_unknowns_are_not_waived():
    """key-custody (a stack policy) waives at AnalyzeStack; the waivers policy, last, still reports it."""
    ring = res("gcp:kms/keyRing:KeyRing", "us-ring", {"location": "us-east1"})
    key = res("gcp:kms/cryptoKey:CryptoKey", "key", {"keyRing": UNKNOWN, "rotationPeriod": "7776000s"},
              deps={"keyRing": [ring.urn]})
    bucket = res("gcp:storage/bucket:Bucket", "data", {"location": "europe-west9", "encryption": {
        "defaultKmsKeyName": UNKNOWN}}, deps={"encryption": [key.urn]})
    config = {"key-custody": {"exemptions": [{"type": "gcp:storage/*", "name": "data", "reason": "key moves in Q3",
                                              "expires": "2999-01-01"}]},
              "data-residency": {"exemptions": [{"type": "gcp:kms/*", "name": "us-ring", "reason": "key moves in Q3",
                                                 "expires": "2999-01-01"}]}}
    stack = StackResult("p", "dev", "preview", [GCP, ring, key, bucket])
    found = run_pack(stack, pack_dir=REPO / "policies", config=config, stack_config={},
                     stack_outputs=[GCP, ring, key, bucket])
    assert found.mandatory == []
    assert sorted((w.policy, w.urn.rsplit("::", 1)[-1]) for w in found.waived) == [
        ("data-residency", "us-ring"), ("key-custody", "data")]


def test_stale_exemptions_of_a_policy_that_never_ran_are_reported_too():
    """key-rotation judges no resource of this stack (no key), yet its exemption that matches nothing is stale: the
    pack's analyzer hands the waivers policy every policy's config."""
    config = {"key-rotation": {"exemptions": [{"type": "gcp:kms/cryptoKey:CryptoKey", "name": "legacy-*",
                                               "reason": "rotation set by the HSM team", "expires": "2999-01-01"}]}}
    stack = StackResult("p", "dev", "update", [GCP, LEGACY])
    found = run_pack(stack, pack_dir=REPO / "policies", config=config, stack_config={}, stack_outputs=[GCP, LEGACY])
    assert [(s.policy, s.exemption, s.pattern) for s in found.stale] == [
        ("key-rotation", 1, 'gcp:kms/cryptoKey:CryptoKey named "legacy-*"')]
