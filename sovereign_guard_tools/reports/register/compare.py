"""What changed since a previous register (`--compare OLD.json`): data that moved country, keys that changed or went,
new data stores and resources, new or lifted waivers, verdicts that changed. Rows are matched by URN within the
same project and stack; the most important changes come first."""
from __future__ import annotations

from .tables import where

KINDS = ("moved", "location changed", "key removed", "key changed", "key added", "new data store", "new waiver",
         "verdict changed", "new resource", "waiver removed", "removed")


def _places(row: dict) -> str:
    return " | ".join(f"{p['role']}: {where(p)}" for p in row["places"]) or "no location of its own"


def _countries(row: dict) -> set:
    return {c["code"] for p in row["places"] for c in p["countries"]}


def _keys(row: dict) -> str:
    return " | ".join(dict.fromkeys(
        f"{k['name'] or k['status']} ({k['location'] or k['status']}" + (f", {k['protection']}" if k["protection"]
                                                                        else "") + ")" for k in row["keys"]))


def _waiver(waiver: dict) -> str:
    return f"{waiver['policy']}: {waiver['reason']} (until {waiver['expires']})"


def _row_changes(before: dict, after: dict) -> list:
    found = []
    if _places(before) != _places(after):
        kind = "moved" if _countries(before) != _countries(after) else "location changed"
        found.append((kind, _places(before), _places(after)))
    old_keys, new_keys = _keys(before), _keys(after)
    if old_keys != new_keys:
        kind = "key removed" if not new_keys else "key added" if not old_keys else "key changed"
        found.append((kind, old_keys, new_keys))
    old_waivers = {_waiver(w) for w in before["waivers"]}
    new_waivers = {_waiver(w) for w in after["waivers"]}
    found += [("new waiver", "", w) for w in sorted(new_waivers - old_waivers)]
    found += [("waiver removed", w, "") for w in sorted(old_waivers - new_waivers)]
    if before["verdict"] != after["verdict"]:
        found.append(("verdict changed", before["verdict"], after["verdict"]))
    return found


def changes(old: dict, new: dict) -> list:
    """The changes from the `old` register document to the `new` one, most important first."""
    previous = {(s["project"], s["stack"]): {r["urn"]: r for r in s["rows"]} for s in old["stacks"]}
    found = []
    for stack in new["stacks"]:
        name = f"{stack['project']}/{stack['stack']}"
        before_rows = previous.get((stack["project"], stack["stack"]), {})
        for row in stack["rows"]:
            before = before_rows.get(row["urn"])
            if before is None:
                kind = "new data store" if row["category"] == "data store" else "new resource"
                items = [(kind, "", _places(row))] + [("new waiver", "", _waiver(w)) for w in row["waivers"]]
            else:
                items = _row_changes(before, row)
            found += [_change(name, row, kind, was, now) for kind, was, now in items]
        urns = {row["urn"] for row in stack["rows"]}
        found += [_change(name, row, "removed", _places(row), "") for urn, row in before_rows.items()
                  if urn not in urns]
    return sorted(found, key=lambda c: (KINDS.index(c["kind"]), c["stack"], c["resource"], c["urn"], c["after"]))


def _change(stack: str, row: dict, kind: str, before: str, after: str) -> dict:
    return {"stack": stack, "resource": row["resource"], "urn": row["urn"], "kind": kind, "before": before,
            "after": after}
