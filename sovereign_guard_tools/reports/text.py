"""Human-readable reports: violations grouped by resource, and the summary of several stacks."""
from __future__ import annotations

from collections import defaultdict


def _resource_label(urn: str) -> str:
    parts = urn.split("::")
    return f'{parts[-2].split("$")[-1]} "{parts[-1]}"' if len(parts) >= 4 else (urn or "(stack)")


def text(result) -> str:
    """One stack's report: a header, then each resource with its violations, mandatory first."""
    mandatory = len(result.mandatory)
    advisory = len(result.violations) - mandatory
    waived = f", {len(result.waived)} waived" if result.waived else ""
    lines = [f"{result.project}/{result.stack} ({result.mode}): {len(result.resources)} resources, "
             f"{mandatory} mandatory and {advisory} advisory violations{waived}"]
    lines += [f"  note: {note}" for note in result.notes]
    grouped = defaultdict(list)
    for violation in result.violations:
        grouped[violation.urn].append(violation)
    for urn, violations in sorted(grouped.items(), key=lambda kv: (min(v.level != "mandatory" for v in kv[1]), kv[0])):
        lines.append(f"  {_resource_label(urn)}")
        for v in sorted(violations, key=lambda v: (v.level != "mandatory", v.policy)):
            mark = "x" if v.level == "mandatory" else "!"
            lines.append(f"    {mark} [{v.policy}, {v.level}] {v.message.splitlines()[-1]}")
    return "\n".join(lines + _waivers(result))


def _waivers(result) -> list:
    """The waived section: each waived finding with its exemption's reason and expiry, then stale exemptions."""
    if not result.waived and not result.stale:
        return []
    per_policy = defaultdict(int)
    for waiver in result.waived:
        per_policy[waiver.policy] += 1
    counts = ", ".join(f"{policy} {count}" for policy, count in sorted(per_policy.items()))
    lines = [f"  waived: {len(result.waived)} finding(s){' (' + counts + ')' if counts else ''}, "
             f"{len(result.stale)} stale exemption(s)"]
    for w in sorted(result.waived, key=lambda w: (w.urn, w.policy, w.message)):
        lines.append(f"    ~ {_resource_label(w.urn)} [{w.policy}] {w.message}")
        lines.append(f"      waived by exemption #{w.exemption} ({w.pattern}) until {w.expires}: {w.reason}")
    for stale in result.stale:
        lines.append(f"    ? [{stale.policy}] exemption #{stale.exemption} ({stale.pattern}) matched no resource")
    return lines
