"""What the recording pack (recording_pack/) wrote down, under the real CLI or under our emulation of it."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from pulumi_cli import RECORDING_PACK, REPO

from sovereign_guard_tools.program.check import check_stack

PER_RESOURCE = ("Remediate", "Analyze")


@dataclass
class Recording:
    """One pack process: how it was started, and its calls in the order they returned."""

    start: dict
    calls: list

    def sequence(self) -> list:
        """The calls other than the per-resource ones, in order."""
        return [c["method"] for c in self.calls if c["method"] not in PER_RESOURCE]

    def request(self, method: str) -> dict:
        return next(c["request"] for c in self.calls if c["method"] == method)

    def response(self, method: str) -> dict:
        return next(c["response"] for c in self.calls if c["method"] == method)

    def per_resource(self, method: str) -> dict:
        """{(type, name): request} of Analyze or Remediate."""
        return {(c["request"]["type"], c["request"]["name"]): c["request"] for c in self.calls
                if c["method"] == method}

    def stack_resources(self) -> dict:
        """{(type, name): resource} AnalyzeStack received."""
        return {(r["type"], r["name"]): r for r in self.request("AnalyzeStack")["resources"]}

    def diagnostics(self) -> list:
        found = [d for c in self.calls if c["method"] in ("Analyze", "AnalyzeStack")
                 for d in c["response"].get("diagnostics", [])]
        return sorted((d["policyName"], d.get("urn", ""), d["message"]) for d in found)


def read(path: Path) -> list:
    recordings = []
    for line in path.read_text().splitlines():
        entry = json.loads(line)
        if "start" in entry:
            recordings.append(Recording(entry["start"], []))
        else:
            recordings[-1].calls.append(entry)
    return recordings


def comparable(resource: dict) -> dict:
    """A request or AnalyzeStack resource without what is known to differ: options, the order of dependencies."""
    resource = {k: v for k, v in resource.items() if k != "options"}
    if "dependencies" in resource:
        resource["dependencies"] = sorted(resource["dependencies"])
    if "propertyDependencies" in resource:
        resource["propertyDependencies"] = {k: sorted(v.get("urns", []))
                                            for k, v in resource["propertyDependencies"].items()}
    return resource


def recording_env(record: Path) -> dict:
    """The environment of a CLI run with the recording pack (which has no venv: the CLI runs it with ours)."""
    return {"SOVEREIGN_GUARD_RECORD": str(record), "PULUMI_PYTHON_CMD": sys.executable}


def under_cli(workspace, record: Path, command: str, stack: str, **kwargs):
    """(the CLI's Run, its recordings) of `pulumi preview` or `pulumi up` with the recording pack."""
    run = getattr(workspace, command)(stack, RECORDING_PACK, workspace.policy_config(stack),
                                      env=recording_env(record), **kwargs)
    return run, read(record)


def under_emulation(monkeypatch, record: Path, stack: str, preview: bool, project=REPO):
    """(check_stack's result, its recordings) with the recording pack."""
    monkeypatch.setenv("SOVEREIGN_GUARD_RECORD", str(record))
    result = check_stack(project, stack, pack_dir=RECORDING_PACK, preview=preview)
    return result, read(record)
