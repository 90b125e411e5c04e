"""The outputs index: per resource type token of each pinned provider SDK, the shape of its output properties, so
that programs run under mocks in update mode get a plausible value for every computed output.

Written to `sovereign_guard_tools/program/outputs_index/<cloud>.json` (tools only: the pack never reads it), one
line per type. `computed` holds the properties the program cannot set (no input of that name), `settable` the
others. A shape is a leaf kind, {name: shape} for an object, or [shape] for a list. Leaf kinds: str, bool, number,
map, any, and two the mocks never invent: `place` (a location-like name, echoed from the inputs or the provider's
config) and `key` (a key reference: only what the program set).
"""
from __future__ import annotations

from pathlib import Path

from . import generate, sdk

INDEX_DIR = Path(__file__).resolve().parents[1] / "program" / "outputs_index"


def _mark(shape, name: str):
    """The SDK shape with place and key leaves marked by their names (the input index's patterns)."""
    if isinstance(shape, dict):
        return {k: _mark(v, k) for k, v in shape.items()}
    if isinstance(shape, list):
        return [_mark(shape[0], name)]
    if shape in generate.VALUE_KINDS:
        if generate.RAW_KEY.match(name) or generate.KEY.search(name):
            return "key"
        if generate.PLACE.search(name):
            return "place"
    return shape


def entry(resource_type) -> dict:
    inputs = {field.path.split(".", 1)[0].removesuffix("[]") for field in resource_type.fields}
    shape = _mark(sdk.output_shape(resource_type.resource_class), "")
    found = {"computed": {k: v for k, v in shape.items() if k not in inputs},
             "settable": {k: v for k, v in shape.items() if k in inputs}}
    return {k: v for k, v in found.items() if v}


def build(cloud: str) -> dict:
    module, distribution = generate.CLOUDS[cloud]
    return {"package": distribution, "version": sdk.package_version(distribution),
            "generatedBy": "python -m sovereign_guard_tools.index",
            "types": {r.token: entry(r) for r in sdk.resource_types(module)}}


def path_of(cloud: str) -> Path:
    return INDEX_DIR / f"{cloud}.json"
