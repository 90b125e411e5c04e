"""Reports for CI systems: text for people, JSON (see report.schema.json), SARIF 2.1.0 and JUnit XML.

SARIF: OASIS SARIF v2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), with the properties
GitHub code scanning reads (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/
sarif-support-for-code-scanning): `security-severity` on rules, `partialFingerprints` and one
`automationDetails.id` per run (one run per stack, so several stacks can share one upload).
"""
from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

from . import text

FORMATS = ("text", "json", "sarif", "junit")
TOOL = "sovereign-guard"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {"mandatory": "error", "advisory": "warning", "remediate": "note", "disabled": "none"}
# GitHub's bands: critical > 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9.
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}
SEVERITIES = {"POLICY_SEVERITY_CRITICAL": "critical", "POLICY_SEVERITY_HIGH": "high",
              "POLICY_SEVERITY_MEDIUM": "medium", "POLICY_SEVERITY_LOW": "low"}


def version() -> str:
    try:
        return metadata.version(TOOL)
    except metadata.PackageNotFoundError:
        return "0.0.0"


def render(fmt: str, results: list) -> str:
    """All stacks' results in one document of the given format."""
    return {"text": _text, "json": _json, "sarif": _sarif, "junit": _junit}[fmt](results)


def _text(results: list) -> str:
    return "\n\n".join(text.text(r) for r in results)


def _resource(urn: str) -> dict:
    parts = urn.split("::")
    if len(parts) < 4:
        return {"urn": urn, "type": "", "name": ""}
    return {"urn": urn, "type": parts[-2].split("$")[-1], "name": parts[-1]}


def _source(result, urn: str):
    """(file, line or None) the violation points at: where the resource was declared, else the program/state."""
    return result.sources.get(urn, (result.origin, None))


def _json(results: list) -> str:
    stacks = []
    for r in results:
        violations = []
        for v in r.violations:
            file, line = _source(r, v.urn)
            violations.append({"policy": v.policy, "level": v.level, "severity": v.severity,
                               "resource": _resource(v.urn), "message": v.message,
                               "source": {"file": file, "line": line}})
        waived = []
        for w in r.waived:
            file, line = _source(r, w.urn)
            waived.append({"policy": w.policy, "resource": _resource(w.urn), "message": w.message,
                           "exemption": {"number": w.exemption, "scope": w.pattern, "reason": w.reason,
                                         "expires": w.expires},
                           "source": {"file": file, "line": line}})
        stale = [{"policy": e.policy, "exemption": e.exemption, "scope": e.pattern} for e in r.stale]
        stacks.append({"project": r.project, "stack": r.stack, "mode": r.mode, "resources": len(r.resources),
                       "compliant": not r.mandatory, "notes": list(r.notes),
                       "counts": {"mandatory": len(r.mandatory), "advisory": len(r.violations) - len(r.mandatory),
                                  "waived": len(r.waived)},
                       "violations": violations, "waived": waived, "staleExemptions": stale})
    return json.dumps({"formatVersion": 1, "tool": {"name": TOOL, "version": version()}, "stacks": stacks},
                      indent=2)


def _severity(policy: dict) -> str:
    return SEVERITIES.get(policy.get("severity", ""), "medium")


def _level(policy: dict) -> str:
    return str(policy.get("enforcementLevel", "advisory")).lower()


def _rule(policy: dict) -> dict:
    help_text = policy.get("remediationSteps") or policy["description"]
    kind = "stack" if policy.get("policyType") == "POLICY_TYPE_STACK" else "resource"
    return {
        "id": policy["name"],
        "name": "".join(w.capitalize() for w in policy["name"].split("-")),
        "shortDescription": {"text": policy.get("displayName") or policy["name"]},
        "fullDescription": {"text": policy["description"]},
        "help": {"text": help_text, "markdown": f"**{policy.get('displayName', policy['name'])}**: "
                                                f"{policy['description']}\n\n{help_text}"},
        "defaultConfiguration": {"level": SARIF_LEVELS[_level(policy)]},
        "properties": {"tags": ["security", "data-sovereignty", f"{kind}-policy"], "precision": "high",
                       "security-severity": SECURITY_SEVERITY[_severity(policy)]},
    }


def _artifact(file: str) -> dict:
    path = Path(file)
    return {"uri": path.as_uri() if path.is_absolute() else path.as_posix()}


def _sarif_result(result, index: dict, violation) -> dict:
    file, line = _source(result, violation.urn)
    physical = {"artifactLocation": _artifact(file)}
    if line:
        physical["region"] = {"startLine": line}
    resource = _resource(violation.urn)
    location = {"physicalLocation": physical}
    if violation.urn:
        location["logicalLocations"] = [{"fullyQualifiedName": violation.urn, "name": resource["name"],
                                         "kind": "resource"}]
    fingerprint = hashlib.sha256(f"{violation.policy}\0{violation.urn}\0{result.stack}".encode()).hexdigest()
    entry = {"ruleId": violation.policy, "level": SARIF_LEVELS.get(violation.level, "warning"),
             "message": {"text": violation.message}, "locations": [location],
             "partialFingerprints": {"sovereignGuard/v1": fingerprint},
             "properties": {"urn": violation.urn, "stack": result.stack, "enforcementLevel": violation.level}}
    if violation.policy in index:
        entry["ruleIndex"] = index[violation.policy]
    return entry


def _sarif_waived(result, index: dict, waiver) -> dict:
    """A waived finding: the result its policy would give, suppressed by the exemption (SARIF 2.1.0 §3.35)."""
    level = next((_level(p) for p in result.policies if p["name"] == waiver.policy), "mandatory")
    entry = _sarif_result(result, index, SimpleNamespace(policy=waiver.policy, urn=waiver.urn, level=level,
                                                         message=waiver.message))
    entry["suppressions"] = [{"kind": "external", "status": "accepted", "justification": waiver.reason,
                              "properties": {"expires": waiver.expires, "exemption": waiver.exemption,
                                             "scope": waiver.pattern}}]
    return entry


def _sarif_stale(result, index: dict, stale) -> dict:
    return _sarif_result(result, index, SimpleNamespace(policy="waivers", urn="", level="advisory",
                                                        message=stale.message))


def _sarif(results: list) -> str:
    runs = []
    for r in results:
        rules = [_rule(p) for p in r.policies]
        index = {rule["id"]: i for i, rule in enumerate(rules)}
        runs.append({
            "tool": {"driver": {"name": TOOL, "version": version(), "semanticVersion": version(), "rules": rules}},
            "automationDetails": {"id": f"{TOOL}/{r.project}/{r.stack}/"},
            "results": [_sarif_result(r, index, v) for v in r.violations]
            + [_sarif_waived(r, index, w) for w in r.waived] + [_sarif_stale(r, index, e) for e in r.stale],
            "properties": {"project": r.project, "stack": r.stack, "mode": r.mode},
        })
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": runs}, indent=2)


def _junit(results: list) -> str:
    """One test case per resource and enabled policy; mandatory violations fail it, advisory ones are its output."""
    suites = ET.Element("testsuites", name=TOOL)
    for r in results:
        suite = ET.SubElement(suites, "testsuite", name=f"{r.project}/{r.stack} ({r.mode})")
        enabled = [p["name"] for p in r.policies if _level(p) != "disabled"]
        by_case: dict = {}
        for v in r.violations:
            by_case.setdefault((v.urn or _stack_urn(r), v.policy), []).append(v)
        waived: dict = {}
        for w in r.waived:
            waived.setdefault((w.urn, w.policy), []).append(w)
        for resource in r.resources:
            for policy in enabled:
                _case(suite, r, resource.urn, policy, by_case.pop((resource.urn, policy), []),
                      waived.pop((resource.urn, policy), []))
        for (urn, policy), found in by_case.items():  # a violation on a URN the stack does not list
            _case(suite, r, urn, policy, found, waived.pop((urn, policy), []))
        for (urn, policy), found in waived.items():
            _case(suite, r, urn, policy, [], found)
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
        suite.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))
        suite.set("errors", "0")
    for total in ("tests", "failures", "skipped"):
        suites.set(total, str(sum(int(s.get(total)) for s in suites)))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True)


def _case(suite, result, urn: str, policy: str, found: list, waived: list) -> None:
    label = _resource(urn)
    case = ET.SubElement(suite, "testcase", classname=f"{result.stack}.{label['type']}.{label['name']}",
                         name=policy)
    file, line = _source(result, urn)
    case.set("file", file)
    if line:
        case.set("line", str(line))
    mandatory = [v.message for v in found if v.level == "mandatory"]
    if mandatory:
        failure = ET.SubElement(case, "failure", type=policy, message=mandatory[0])
        failure.text = "\n".join(mandatory) + f"\nresource: {urn}"
    elif waived:
        skipped = ET.SubElement(case, "skipped", message=f"waived until {waived[0].expires}: {waived[0].reason}")
        skipped.text = "\n".join(f"{w.message}\nwaived by exemption #{w.exemption} ({w.pattern}) until {w.expires}: "
                                 f"{w.reason}" for w in waived)
    advisory = [v.message for v in found if v.level != "mandatory"]
    if advisory:
        ET.SubElement(case, "system-out").text = "\n".join(advisory)


def _stack_urn(result) -> str:
    return next((r.urn for r in result.resources if r.type == "pulumi:pulumi:Stack"), "")
