"""The register's model: one row per resource the pack's facts list (or a verdict names), with its places, its keys,
its verdict from the pack's run and its waivers; a summary per stack. Plain JSON-able dicts, in the shape
`register.schema.json` documents; html, csv and compare read only this.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ...engine.run import StackResult
from .facts import gather, pack_module

FORMAT_VERSION = 1
ANYWHERE = "*"
VERDICTS = ("violation", "waived", "advisory", "compliant")  # worst first
DATA_STORE = "data store"


def register(results: list, pack_dir: Path, generated_at: str) -> dict:
    """The register document of the stacks' results (each from check or audit)."""
    countries = pack_module(pack_dir, "catalog.countries")
    return {"formatVersion": FORMAT_VERSION, "generatedAt": generated_at,
            "stacks": [_stack(result, pack_dir, countries.name) for result in results]}


def _stack(result: StackResult, pack_dir: Path, country_name) -> dict:
    jurisdiction, facts = gather(result, pack_dir)
    rows = {f.urn: _row(f, country_name) for f in facts}
    for violation in result.violations:
        rows.setdefault(violation.urn, _bare_row(violation.urn))["findings"].append(
            {"policy": violation.policy, "level": violation.level, "message": violation.message})
    for waived in result.waived:
        rows.setdefault(waived.urn, _bare_row(waived.urn))["waivers"].append(
            {"policy": waived.policy, "reason": waived.reason, "expires": str(waived.expires),
             "pattern": waived.pattern, "message": waived.message})
    for row in rows.values():
        row["findings"].sort(key=lambda f: (f["policy"], f["message"]))
        row["waivers"].sort(key=lambda w: (w["policy"], w["message"]))
        row["verdict"] = _verdict(row)
    ordered = sorted(rows.values(), key=lambda r: (r["category"] != DATA_STORE, r["category"], r["resource"], r["urn"]))
    return {"project": result.project, "stack": result.stack, "mode": result.mode, "jurisdiction": jurisdiction,
            "summary": summary(ordered, country_name), "rows": ordered}


def _countries(codes, country_name) -> list:
    return [{"code": c, "name": "any country" if c == ANYWHERE else country_name(c)} for c in codes]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _record(item, country_name) -> dict:
    """A Place or Key of the facts as JSON: camelCase names, countries spelled out."""
    record = {_camel(k): v for k, v in dataclasses.asdict(item).items()}
    record["countries"] = _countries(record["countries"], country_name)
    return record


def _row(facts, country_name) -> dict:
    keys = list(dict.fromkeys(facts.keys))  # several dependencies of one reference may trace to the same key
    return {"resource": facts.name, "urn": facts.urn, "type": facts.token, "service": facts.service,
            "platform": facts.platform, "category": facts.category, "keysHeld": facts.keys_held, "note": facts.note,
            "places": [_record(p, country_name) for p in facts.places],
            "keys": [_record(k, country_name) for k in keys], "findings": [], "waivers": []}


def _bare_row(urn: str) -> dict:
    """A resource a verdict names but the facts do not list (a component, the stack itself)."""
    parts = urn.split("::")
    token, name = (parts[-2].split("$")[-1], parts[-1]) if len(parts) >= 4 else ("", urn or "(the stack)")
    return {"resource": name, "urn": urn, "type": token, "service": "", "platform": "", "category": "other",
            "keysHeld": "not applicable", "note": "", "places": [], "keys": [], "findings": [], "waivers": []}


def _verdict(row: dict) -> str:
    levels = {f["level"] for f in row["findings"]}
    if "mandatory" in levels:
        return "violation"
    if row["waivers"]:
        return "waived"
    return "advisory" if levels else "compliant"


def sites(row: dict) -> list:
    """Where a row's data may sit: ("country", code) for a place in one country, else ("area", the place's name)
    for a place spanning countries (a multi-region, `global`): what the map and the country counts count."""
    found = []
    for place in row["places"]:
        codes = [c["code"] for c in place["countries"]]
        if len(codes) == 1 and codes[0] != ANYWHERE:
            found.append(("country", codes[0]))
        elif codes:
            found.append(("area", place["label"] or place["code"]))
    return list(dict.fromkeys(found))


def summary(rows: list, country_name) -> dict:
    stores = [r for r in rows if r["category"] == DATA_STORE]
    by_site: dict = {}
    for row in stores:
        for site in sites(row):
            by_site.setdefault(site, []).append(row)
    countries = [{"code": code, "name": country_name(code), "dataStores": len(found),
                  "outsideJurisdiction": any(p["allowed"] is False for r in found for p in r["places"]
                                             if [c["code"] for c in p["countries"]] == [code])}
                 for (kind, code), found in by_site.items() if kind == "country"]
    areas = [{"name": name, "dataStores": len(found)} for (kind, name), found in sorted(by_site.items())
             if kind == "area"]
    held = sum(1 for r in stores if r["keysHeld"] == "customer-managed")
    return {"resources": len(rows), "dataStores": len(stores),
            "dataStoresWithoutLocation": sum(1 for r in stores if not sites(r)),
            "countries": sorted(countries, key=lambda c: (-c["dataStores"], c["name"])), "areas": areas,
            "customerManagedKeys": held, "customerManagedShare": round(held / len(stores), 4) if stores else None,
            "violations": sum(1 for r in rows for f in r["findings"] if f["level"] == "mandatory"),
            "advisories": sum(1 for r in rows for f in r["findings"] if f["level"] != "mandatory"),
            "waivers": sum(len(r["waivers"]) for r in rows),
            "verdicts": {v: sum(1 for r in rows if r["verdict"] == v) for v in VERDICTS}}
