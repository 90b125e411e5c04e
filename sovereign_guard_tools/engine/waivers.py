"""What the pack's `waivers` policy reports, read back: waived findings and stale exemptions.

The message shapes are the pack's (policies/sovereign_guard/rules/waivers.py): `Waived by <policy> exemption #<n>
(<scope>), until <YYYY-MM-DD>: <finding> Reason: <reason>` and `Stale exemption: <policy> exemption #<n> (<scope>)
matched no resource ...`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

POLICY = "waivers"
WAIVED = re.compile(r"^Waived by (?P<policy>\S+) exemption #(?P<number>\d+) \((?P<scope>.*?)\), until "
                    r"(?P<expires>\d{4}-\d{2}-\d{2}): (?P<finding>.*) Reason: (?P<reason>.*)$", re.S)
STALE = re.compile(r"^Stale exemption: (?P<policy>\S+) exemption #(?P<number>\d+) \((?P<scope>.*)\) matched no "
                   r"resource", re.S)


@dataclass(frozen=True)
class Waiver:
    """A finding an exemption waived: the policy and resource, the finding, and the exemption's terms."""

    policy: str
    urn: str
    message: str  # the waived finding
    exemption: int  # its position in the policy's exemptions
    pattern: str  # the resources it names: `<type> named "<glob>"`
    reason: str
    expires: str  # YYYY-MM-DD


@dataclass(frozen=True)
class StaleExemption:
    policy: str
    exemption: int
    pattern: str
    message: str


def split(violations: list) -> tuple:
    """(violations, waivers, stale exemptions): the `waivers` policy's reports read back, the rest untouched."""
    kept, waived, stale = [], [], []
    for violation in violations:
        if violation.policy != POLICY:
            kept.append(violation)
        elif (found := WAIVED.match(violation.message)) is not None:
            waived.append(Waiver(found["policy"], violation.urn, found["finding"], int(found["number"]),
                                 found["scope"], found["reason"], found["expires"]))
        elif (found := STALE.match(violation.message)) is not None:
            stale.append(StaleExemption(found["policy"], int(found["number"]), found["scope"], violation.message))
        else:
            kept.append(violation)
    return kept, waived, stale
