"""The register as spreadsheets and GRC tools take it: CSV (one row per resource, the columns of
`register-row.csv.schema.json` in its order) and JSON (`register.schema.json`). The HTML table shows the same cells."""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
JSON_SCHEMA, CSV_SCHEMA = HERE / "register.schema.json", HERE / "register-row.csv.schema.json"


@lru_cache(maxsize=None)
def schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def columns() -> list:
    return list(schema(CSV_SCHEMA)["properties"])


def _names(countries: list) -> str:
    return "; ".join(c["name"] for c in countries)


def where(place: dict) -> str:
    if place["status"] != "known":
        return place["status"] + (f" ({place['note']})" if place["note"] else "")
    return f"{place['code']} ({place['label']}; {_names(place['countries'])})"


def _joined(values) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def flat(stack: dict, row: dict) -> dict:
    """One row's cells, by column."""
    main = [p for p in row["places"] if p["primary"]]
    other = [p for p in row["places"] if not p["primary"]]
    keys = row["keys"]
    cells = {
        "stack": f"{stack['project']}/{stack['stack']}", "resource": row["resource"], "type": row["type"],
        "service": row["service"], "platform": row["platform"], "category": row["category"],
        "location": _joined(p["code"] or p["status"] for p in main),
        "city": _joined(p["label"] for p in main),
        "country": _joined(c["name"] for p in main for c in p["countries"]),
        "replicas_backups_flows": " | ".join(dict.fromkeys(f"{p['role']}: {where(p)}" for p in other)),
        "their_countries": _joined(c["name"] for p in other for c in p["countries"]),
        "keys_held": row["keysHeld"],
        "key": _joined(k["name"] or k["status"] for k in keys),
        "key_location": _joined(f"{k['location']} ({k['label']})" if k["label"] else k["location"] or k["status"]
                                for k in keys),
        "key_country": _joined(c["name"] for k in keys for c in k["countries"]),
        "key_protection": _joined(k["protection"] or ("not visible" if not k["inStack"] else "") for k in keys),
        "key_rotation": _joined(k["rotation"] for k in keys),
        "verdict": row["verdict"],
        "policies": _joined(f"{f['policy']} ({f['level']})" for f in row["findings"]),
        "waiver_reason": _joined(w["reason"] for w in row["waivers"]),
        "waiver_expires": _joined(w["expires"] for w in row["waivers"]),
        "note": row["note"],
        "urn": row["urn"],
    }
    return {name: cells[name] for name in columns()}


def flat_rows(document: dict) -> list:
    return [flat(stack, row) for stack in document["stacks"] for row in stack["rows"]]


def to_csv(document: dict) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat_rows(document))
    return out.getvalue()


def to_json(document: dict) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
