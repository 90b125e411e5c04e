"""`sovereign-guard register`: where every piece of data lives and who holds its key, for the people who attest it.

`model` joins the pack's facts (`sovereign_guard.facts`, read through `facts`) with the pack run's verdicts and
waivers; `html`, `tables` (CSV and JSON) and `compare` render that one model.
"""
from __future__ import annotations

import json
from pathlib import Path

from . import compare, html, model, tables


def build(results: list, pack_dir: Path, generated_at: str, previous: Path = None) -> dict:
    """The register document; with `previous` (an earlier register's JSON file), what changed since."""
    document = model.register(results, pack_dir, generated_at)
    if previous is not None:
        old = json.loads(Path(previous).read_text(encoding="utf-8"))
        document["compared"] = {"generatedAt": old.get("generatedAt", ""), "file": Path(previous).name}
        document["changes"] = compare.changes(old, document)
    return document


RENDERERS = {"html": html.render, "csv": tables.to_csv, "json": tables.to_json}


def write(document: dict, outputs: dict) -> list:
    """Write each format to its path ({format: path}); returns the paths written."""
    written = []
    for fmt, path in outputs.items():
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(RENDERERS[fmt](document), encoding="utf-8")
        written.append(path)
    return written
