"""Policy config: the JSON schemas the Pulumi CLI validates, and the parsed, cached settings the rules use."""
from __future__ import annotations

import json
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
                        "description": "Last day the exemption applies (YYYY-MM-DD)."},
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
}
ROTATION_SCHEMA = {
    "maxRotationDays": {"type": "number", "exclusiveMinimum": 0, "default": 365,
                        "description": "Longest allowed rotation period of symmetric Cloud KMS keys, in days."},
    "exemptions": EXEMPTIONS,
}


@dataclass(frozen=True, slots=True)
class Settings:
    jurisdiction: Jurisdiction
    exemptions: tuple
    raw: tuple  # the remaining policy-specific settings, as sorted (key, json) pairs

    def get(self, key: str, default=None):
        for k, v in self.raw:
            if k == key:
                return json.loads(v)
        return default


def settings(config) -> Settings:
    """Parsed settings for a policy's config dict (cached: the SDK hands each call a fresh copy)."""
    return _parse(json.dumps(config or {}, sort_keys=True, default=str))


@lru_cache(maxsize=64)
def _parse(text: str) -> Settings:
    config = json.loads(text)
    rest = tuple((k, json.dumps(v, sort_keys=True)) for k, v in sorted(config.items())
                 if k not in ("jurisdiction", "allowedLocations", "deniedLocations", "exemptions"))
    return Settings(Jurisdiction.from_config(config), exemptions.parse(config), rest)
