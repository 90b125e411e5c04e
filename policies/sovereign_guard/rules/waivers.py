"""Waived findings and stale exemptions of one analysis run, for the `waivers` policy to report.

A policy cannot report a finding its exemption waives without failing the deployment (its violations carry its own
enforcement level). So each policy writes into the run's ledger what its exemptions waived; the advisory `waivers`
stack policy, last of the pack, reports them at AnalyzeStack, which the engine calls once every resource of the run
has been analyzed, and reports the exemptions of every policy (the pack's analyzer hands it their configs) that
match no resource of the stack.

A run is one ConfigureStack of one analyzer: the SDK builds `args.stack_tags` there and hands that same mapping to
every call of the run, so its identity keys the ledger (the ledger keeps the mapping alive, so the key is not
reused while the run is kept).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

MAX_RUNS = 64  # analyzers in one process (one in production; tests make more): the oldest runs are dropped


@dataclass
class Run:
    tags: object  # the run's stack_tags mapping (kept alive: its id is the key)
    waived: dict = field(default_factory=dict)  # (policy, urn, message) -> Exemption


_RUNS: dict = {}
_LOCK = threading.Lock()


def run_of(args) -> Run:
    tags = args.stack_tags
    found = _RUNS.get(id(tags))
    if found is None or found.tags is not tags:
        with _LOCK:
            found = _RUNS.get(id(tags))
            if found is None or found.tags is not tags:
                while len(_RUNS) >= MAX_RUNS:
                    del _RUNS[next(iter(_RUNS))]
                found = _RUNS[id(tags)] = Run(tags)
    return found


def waive(args, policy: str, urn: str, message: str, exemption) -> None:
    run = run_of(args)  # takes the lock itself when it makes the run
    with _LOCK:
        run.waived[(policy, urn, message)] = exemption


def message(policy: str, exemption, finding: str) -> str:
    """How a waived finding reads (tools parse it back: sovereign_guard_tools/engine/run.py)."""
    return (f"Waived by {policy} exemption #{exemption.number} ({exemption.scope}), until "
            f"{exemption.expires.isoformat()}: {finding} Reason: {exemption.reason}")


def stale_message(policy: str, exemption) -> str:
    return (f"Stale exemption: {policy} exemption #{exemption.number} ({exemption.scope}) matched no resource in "
            "this stack; remove it, or correct its type and name.")


def report(args, resources, report_violation, configured: dict) -> None:
    """Every waived finding of the run (on its resource), then every exemption of `configured` ({policy: its
    Exemptions}) that matches no resource."""
    run = run_of(args)
    with _LOCK:
        waived = sorted(run.waived.items(), key=lambda item: (item[0][1], item[0][0], item[0][2]))
    for (policy, urn, finding), exemption in waived:
        report_violation(message(policy, exemption, finding), urn)
    present = [(r.resource_type, r.name, r.urn) for r in resources]
    for policy, exemptions in sorted(configured.items()):
        for exemption in exemptions:
            if not any(exemption.matches(urn, name, token) for token, name, urn in present):
                report_violation(stale_message(policy, exemption))
