"""Policy config: the JSON schemas the Pulumi CLI validates, and the parsed, cached settings the rules use."""
from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from .rules import exemptions
from .rules.jurisdiction import PRESETS, Jurisdiction

JURISDICTION = {
    "description": "Where data may be: a preset (eu, eea, europe, fr-trusted) or a list of ISO 3166-1 country codes.",
    "default": "eu",
    "oneOf": [
        {"type": "string", "enum": sorted(PRESETS)},
        {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"type": "string", "pattern": "^[A-Z]{2}$"}},
    ],
}
LOCATION_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
EXEMPTIONS = {
    "description": "Accepted risks: each names resources by a glob on URN, name or type, why, and until when.",
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["resource", "reason", "expires"],
        "properties": {
            "resource": {"type": "string", "minLength": 1, "description": "Glob on URN, resource name or type."},
            "reason": {"type": "string", "minLength": 3, "description": "Why the risk is accepted."},
            "expires": {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$",
                        "format": "date", "description": "Last day the exemption applies (YYYY-MM-DD)."},
        },
    },
}

RESIDENCY_SCHEMA = {
    "jurisdiction": JURISDICTION,
    "allowedLocations": {**LOCATION_LIST, "description": "Location names (globs) allowed whatever their country."},
    "deniedLocations": {**LOCATION_LIST, "description": "Location names (globs) denied even inside the jurisdiction."},
    "exemptions": EXEMPTIONS,
}
KEYS_SCHEMA = {
    **RESIDENCY_SCHEMA,
    "allowCustomerSuppliedKeys": {"type": "boolean", "default": False,
                                  "description": "Accept customer-supplied raw keys (CSEK); they put key material "
                                                 "into Pulumi state."},
}
PROTECTION_LEVELS = ["SOFTWARE", "HSM", "HSM_SINGLE_TENANT", "EXTERNAL", "EXTERNAL_VPC"]
CUSTODY_SCHEMA = {
    **RESIDENCY_SCHEMA,
    "allowedProtectionLevels": {"type": "array", "uniqueItems": True, "items": {"enum": PROTECTION_LEVELS},
                                "description": "Cloud KMS protection levels allowed (default: any)."},
    "allowedKeyProjects": {"type": "array", "items": {"type": "string", "minLength": 1},
                           "description": "Projects (globs) keys must come from, like Google's "
                                          "constraints/gcp.restrictCmekCryptoKeyProjects (default: any)."},
    "trustKeysOutsideStack": {"type": "boolean", "default": False,
                              "description": "Accept keys named by their resource name but not created in this "
                                             "stack as meeting allowedProtectionLevels (their level is not "
                                             "visible to the pack; default: such keys fail the allow-list)."},
}
ROTATION_SCHEMA = {
    "maxRotationDays": {"type": "number", "exclusiveMinimum": 0, "default": 365,
                        "description": "Longest allowed rotation period of symmetric Cloud KMS and Key "
                                       "Manager keys, in days."},
    "exemptions": EXEMPTIONS,
}
ALL_PROPERTIES = {**KEYS_SCHEMA, **CUSTODY_SCHEMA, **ROTATION_SCHEMA}


class ConfigError(ValueError):
    """A policy config its schema rejects: it reached the pack without the Pulumi CLI's validation."""


def check(config: dict) -> None:
    """Raise ConfigError naming the first field the schemas reject (the keywords these schemas use)."""
    for name, schema in ALL_PROPERTIES.items():
        if name in config:
            _check(config[name], schema, name)


_TYPES = {"string": (str, "a string"), "array": (list, "a list"), "object": (dict, "an object"),
          "boolean": (bool, "true or false"), "number": ((int, float), "a number")}


def _check(value, schema: dict, where: str) -> None:
    if "oneOf" in schema:  # these schemas' options differ by type
        fitting = [option for option in schema["oneOf"] if _is(value, option["type"])]
        if not fitting:
            wanted = " or ".join(_TYPES[option["type"]][1] for option in schema["oneOf"])
            raise ConfigError(f"{where}: expected {wanted}, got {json.dumps(value)}")
        return _check(value, fitting[0], where)
    if "type" in schema and not _is(value, schema["type"]):
        raise ConfigError(f"{where}: expected {_TYPES[schema['type']][1]}, got {json.dumps(value)}")
    if "enum" in schema and value not in schema["enum"]:
        raise ConfigError(f"{where}: {json.dumps(value)} is not one of {', '.join(schema['enum'])}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            raise ConfigError(f"{where}: must have at least {schema['minLength']} characters")
        if schema.get("format") == "date" and not _is_date(value):
            raise ConfigError(f"{where}: {json.dumps(value)} is not a date (YYYY-MM-DD)")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            raise ConfigError(f"{where}: {json.dumps(value)} does not match {schema['pattern']}")
    if isinstance(value, (int, float)) and "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        raise ConfigError(f"{where}: must be greater than {schema['exclusiveMinimum']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            raise ConfigError(f"{where}: must have at least {schema['minItems']} item(s)")
        if schema.get("uniqueItems") and len({json.dumps(v, sort_keys=True) for v in value}) < len(value):
            raise ConfigError(f"{where}: must not repeat an item")
        for i, item in enumerate(value):
            _check(item, schema.get("items", {}), f"{where}[{i}]")
    if isinstance(value, dict):
        for key in schema.get("required", ()):
            if key not in value:
                raise ConfigError(f"{where}.{key}: is required")
        for key, item in value.items():
            if key in schema.get("properties", {}):
                _check(item, schema["properties"][key], f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                raise ConfigError(f"{where}.{key}: is not a known field")


def _is(value, type_: str) -> bool:
    return isinstance(value, _TYPES[type_][0]) and not (type_ == "number" and isinstance(value, bool))


def _is_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Settings:
    jurisdiction: Jurisdiction
    exemptions: tuple
    raw: tuple  # the remaining policy-specific settings, as sorted (key, json) pairs

    def get(self, key: str, default=None):
        for k, v in self.raw:
            if k == key:
                return _value(v)
        return default


@lru_cache(maxsize=256)
def _value(text: str):
    """A setting's value from its JSON, lists as tuples (one value, shared by every call)."""
    value = json.loads(text)
    return tuple(value) if isinstance(value, list) else value


_BY_REPR: dict = {}  # repr(config) -> Settings: the SDK hands every call a fresh copy of the same config


def settings(config) -> Settings:
    """Parsed settings for a policy's config dict (cached: the SDK hands each call a fresh copy).

    Raises ConfigError, naming the field, on a config the schemas reject."""
    key = repr(config)
    found = _BY_REPR.get(key)
    if found is None:
        found = _parse(json.dumps(config or {}, sort_keys=True, default=str))
        if len(_BY_REPR) >= 64:
            _BY_REPR.clear()
        _BY_REPR[key] = found
    return found


@lru_cache(maxsize=64)
def _parse(text: str) -> Settings:
    config = json.loads(text)
    check(config)
    rest = tuple((k, json.dumps(v, sort_keys=True)) for k, v in sorted(config.items())
                 if k not in ("jurisdiction", "allowedLocations", "deniedLocations", "exemptions"))
    return Settings(Jurisdiction.from_config(config), exemptions.parse(config), rest)
