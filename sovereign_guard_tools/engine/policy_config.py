"""`--policy-pack-config` files, reconciled and validated the way the Pulumi CLI does before Configure."""
from __future__ import annotations

import json
from difflib import get_close_matches
from pathlib import Path

from sovereign_guard.rules.jurisdiction import problem as jurisdiction_problem

LEVELS = ("advisory", "mandatory", "remediate", "disabled")


class PolicyConfigError(ValueError):
    """The config file is malformed or does not match a policy's schema (the CLI aborts the same way)."""


def load(path) -> dict:
    """{policy: {"enforcementLevel"?: level, **properties}} from a config file (empty file: {})."""
    text = Path(path).read_text(encoding="utf-8")
    if not text.strip():
        return {}
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise PolicyConfigError(f"{path}: not valid JSON: {error}") from None
    if not isinstance(raw, dict):
        raise PolicyConfigError(f"{path}: must be a JSON object keyed by policy name")
    parsed = {}
    for policy, value in raw.items():
        if isinstance(value, str):
            value = {"enforcementLevel": value}
        if not isinstance(value, dict):
            raise PolicyConfigError(f"{path}: {policy!r} must be an enforcement level or an object")
        level = value.get("enforcementLevel")
        if level is not None and level not in LEVELS:
            raise PolicyConfigError(f"{path}: {policy!r}: {level!r} is not a valid enforcement level")
        parsed[policy] = value
    return parsed


def reconcile(policies: list, given: dict, jurisdiction=None) -> dict:
    """{policy: (level, properties)}: schema defaults, overlaid by `all`, then by each policy's own entry, then by
    `jurisdiction` (the CLI's --jurisdiction: every policy that takes one).

    `policies` is a list of (name, level, schema properties, required) from GetAnalyzerInfo.
    Raises PolicyConfigError naming the policy and field when a schema rejects the result, and naming the closest
    policy for an entry that names none of the pack's policies (a misspelt name would otherwise do nothing).
    """
    import jsonschema  # here, not above: the CLI imports this module before the program starts (see program/check.py)

    names = [name for name, *_ in policies]
    unknown = sorted(set(given) - set(names) - {"all"})
    if unknown:
        raise PolicyConfigError("; ".join(_unknown(name, names) for name in unknown))
    result = {}
    everything = given.get("all", {}).get("enforcementLevel")
    errors = []
    for name, level, properties, required in policies:
        props = {k: v["default"] for k, v in properties.items() if "default" in v}
        entry = dict(given.get(name, {}))
        level = entry.pop("enforcementLevel", None) or everything or level
        props.update(entry)
        if jurisdiction is not None and "jurisdiction" in properties:
            props["jurisdiction"] = jurisdiction
        schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = list(required)
        validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
        for error in sorted(validator.iter_errors(props), key=lambda e: list(e.path)):
            where = ".".join(str(p) for p in error.path) or "(root)"
            errors.append(f"{name}: {where}: {error.message}")
        fault = jurisdiction_problem(props["jurisdiction"]) if "jurisdiction" in properties and not errors \
            and "jurisdiction" in props else None
        if fault:
            errors.append(f"{name}: jurisdiction: {fault}")
        result[name] = (level, props)
    if errors:
        raise PolicyConfigError("validating policy config: " + "; ".join(errors))
    return result


def _unknown(name: str, names: list) -> str:
    close = get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else f"the pack's policies are {', '.join(names)} (and 'all')"
    return f"{name!r} is not a policy of this pack: {hint}"
