"""The policy reference, docs/policies.md, generated from the pack's own metadata.

`python -m sovereign_guard_tools.reports.policy_docs` writes it; `--check` exits 1 when the committed file is out of date.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pulumi_policy import ResourceValidationPolicy

from ..engine.run import DEFAULT_PACK, REPO

OUTPUT = REPO / "docs" / "policies.md"
STALE = 1


def pack_policies() -> list:
    """The pack's POLICIES, imported from the pack directory as `sovereign-guard locations` does."""
    if str(DEFAULT_PACK) not in sys.path:
        sys.path.insert(0, str(DEFAULT_PACK))
    from sovereign_guard.pack import POLICIES
    return POLICIES


def _cell(text: str) -> str:
    """Table-safe: pipes escaped (GFM honours `\\|` inside code spans too), no line breaks."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _type(schema: dict) -> str:
    """A JSON schema as a short phrase, e.g. one of `"eu"`, ... or array (unique) of `string` (pattern `^[A-Z]{2}$`)."""
    if "oneOf" in schema:
        return " or ".join(_type(option) for option in schema["oneOf"])
    if "enum" in schema:
        return "one of " + ", ".join(f"`{json.dumps(value)}`" for value in schema["enum"])
    kind = schema.get("type", "any")
    limits = [f"{key} `{schema[key]}`" for key in ("format", "pattern", "minLength", "minItems", "exclusiveMinimum")
              if key in schema]
    if schema.get("uniqueItems"):
        limits.append("unique")
    text = ("array" if kind == "array" else f"`{kind}`") + (f" ({', '.join(limits)})" if limits else "")
    if kind == "array":
        text += " of " + _type(schema.get("items", {}))
    return text


def _rows(properties: dict, required, prefix: str = "") -> list:
    """One table row per property; the fields of an array's objects follow as `name[].field`."""
    rows = []
    for name, schema in properties.items():
        default = f"`{json.dumps(schema['default'])}`" if "default" in schema else ""
        note = " (required)" if name in (required or ()) else ""
        rows.append(f"| `{prefix}{name}`{note} | {_cell(_type(schema))} | {_cell(default)} | "
                    f"{_cell(schema.get('description', ''))} |")
        items = schema.get("items", {})
        if items.get("type") == "object":
            rows += _rows(items.get("properties", {}), items.get("required"), f"{prefix}{name}[].")
    return rows


def _kind(policy) -> str:
    return "resource" if isinstance(policy, ResourceValidationPolicy) else "stack"


def _section(policy) -> list:
    lines = [f"## {policy.name}", "", f"**{policy.display_name}.** {policy.description}", "",
             f"Enforcement level **{policy.enforcement_level.value}**, severity **{policy.severity.value}**, "
             f"{_kind(policy)} policy.", ""]
    if policy.remediation_steps:
        lines += [f"Remediation: {policy.remediation_steps}", ""]
    schema = policy.config_schema
    if schema is not None and schema.properties:
        lines += ["| config property | type | default | description |", "|---|---|---|---|",
                  *_rows(schema.properties, schema.required), ""]
    return lines


def render(policies=None) -> str:
    """docs/policies.md for `policies` (default: the pack's POLICIES), in the pack's order."""
    policies = pack_policies() if policies is None else policies
    lines = [
        "# Policy reference",
        "",
        "<!-- Generated from policies/sovereign_guard/pack.py by `python -m sovereign_guard_tools.reports.policy_docs`;"
        " do not edit. -->",
        "",
        "Properties are set per policy in a `--policy-pack-config` file, as is `enforcementLevel` (`advisory`,"
        " `mandatory`, `remediate`, `disabled`; for every policy at once under the key `all`): see"
        " [config recipes](config-recipes.md).",
        "",
        "| policy | name | level | severity | kind |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| [`{p.name}`](#{p.name}) | {_cell(p.display_name)} | {p.enforcement_level.value} | "
              f"{p.severity.value} | {_kind(p)} |" for p in policies]
    lines.append("")
    for policy in policies:
        lines += _section(policy)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sovereign_guard_tools.reports.policy_docs",
                                     description="Write docs/policies.md from the pack's metadata.")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs from the pack's metadata")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the Markdown file (default: docs/policies.md)")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run python -m sovereign_guard_tools.reports.policy_docs", file=sys.stderr)
            return STALE
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
