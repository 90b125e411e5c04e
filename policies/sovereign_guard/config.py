"""Policy config: the JSON schemas the Pulumi CLI validates, and the parsed, cached settings the rules use."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from .rules import exemptions
from .rules.jurisdiction import PRESETS, Jurisdiction, problem

JURISDICTION = {
    "description": "Where data may be: a preset (eu, eea, europe, fr-trusted) or a list of ISO 3166-1 country codes.",
    "default": "eu",
    "oneOf": [
        {"type": "string", "enum": sorted(PRESETS)},
        {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"type": "string", "pattern": "^[A-Z]{2}$"}},
    ],
}
DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
SOME_LITERAL = "[^*?]"  # a glob with at least one character that is not a wildcard
LOCATION_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
# An exemption names a type by its token or a glob that keeps at least the module (`gcp:bigquery/*`), so that no
# exemption reaches every resource (`*`, `gcp:*`) or strays into another service's types.
EXEMPT_TYPE = r"^([a-z0-9-]+:[A-Za-z0-9_.-]+/.+|pulumi:providers:[a-z0-9*?-]+)$"
EXEMPTIONS = {
    "description": "Accepted risks: each names a resource type (token or glob on tokens) and the resources' name or "
                   "URN (glob), why the risk is accepted, and until when.",
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["type", "reason", "expires"],
        "oneOf": [{"required": ["name"]}, {"required": ["urn"]}],
        "properties": {
            "type": {"type": "string", "pattern": EXEMPT_TYPE,
                     "description": "Type token, or a glob on tokens that keeps the module, e.g. "
                                    "gcp:bigquery/dataset:Dataset or ovh:CloudProject/*; `*` and `gcp:*` are refused."},
            "name": {"type": "string", "minLength": 1,
                     "description": "Resource name or glob, within the type (give `name` or `urn`)."},
            "urn": {"type": "string", "minLength": 1, "description": "Resource URN or glob, within the type."},
            "reason": {"type": "string", "minLength": 3, "description": "Why the risk is accepted."},
            "expires": {"type": "string", "pattern": DATE_PATTERN, "format": "date",
                        "description": "Last day the exemption applies (YYYY-MM-DD)."},
        },
    },
}

RESIDENCY_SCHEMA = {
    "jurisdiction": JURISDICTION,
    "allowedLocations": {**LOCATION_LIST, "description": "Location names (globs): when set, only these are allowed, "
                                                         "and only inside the jurisdiction (unless "
                                                         "allowedLocationsOverrideJurisdiction)."},
    "allowedLocationsOverrideJurisdiction": {
        "type": "boolean", "default": False,
        "description": "Allow the allowedLocations whatever their country (they replace the jurisdiction for the "
                       "locations they match); default: a listed location outside the jurisdiction stays denied."},
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
FLOWS_SCHEMA = {
    **RESIDENCY_SCHEMA,
    "trustedDestinations": {
        "description": "Destinations whose location the pack cannot see but you vouch for: each a glob on the "
                       "reference as written (or on the name or URN of a destination resource of this stack), why, "
                       "and until when; the findings they waive are listed by the waivers policy.",
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["destination", "reason", "expires"],
            "properties": {
                "destination": {"type": "string", "pattern": SOME_LITERAL,
                                "description": "Glob on the destination as written (e.g. "
                                               "bigquery.googleapis.com/projects/audit-eu/*, gs://archive-eu-*); a "
                                               "glob of wildcards only (`*`) is refused."},
                "reason": {"type": "string", "minLength": 3, "description": "Why it stays in the jurisdiction."},
                "expires": {"type": "string", "pattern": DATE_PATTERN, "format": "date",
                            "description": "Last day the trust applies (YYYY-MM-DD)."},
            },
        },
    },
    "allowPublicEdgeCaching": {"type": "boolean", "default": False,
                               "description": "Accept content cached at edge locations worldwide (Cloud CDN, Media "
                                              "CDN, Firebase Hosting): only for content that is public by design."},
}
WAIVERS_SCHEMA = {
    "reportStaleExemptions": {"type": "boolean", "default": True,
                              "description": "Also report each exemption that matched no resource of the stack."},
}
ROTATION_SCHEMA = {
    "maxRotationDays": {"type": "number", "exclusiveMinimum": 0, "default": 365,
                        "description": "Longest allowed rotation period of symmetric Cloud KMS and Key "
                                       "Manager keys, in days."},
    "exemptions": EXEMPTIONS,
}
ALL_PROPERTIES = {**KEYS_SCHEMA, **CUSTODY_SCHEMA, **ROTATION_SCHEMA, **WAIVERS_SCHEMA, **FLOWS_SCHEMA}


class ConfigError(ValueError):
    """A policy config its schema rejects: it reached the pack without the Pulumi CLI's validation."""


@lru_cache(maxsize=1)
def _validator():
    import jsonschema  # only when a config is first seen: keeps start-up light

    return jsonschema.Draft7Validator({"type": "object", "properties": ALL_PROPERTIES},
                                      format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def check(config: dict) -> None:
    """Raise ConfigError naming the first field the schemas reject (jsonschema, the CLI's own kind of check)."""
    errors = sorted(_validator().iter_errors(config), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        error = errors[0]
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
        raise ConfigError(f"{where or '(config)'}: {_explain(error)}")
    fault = problem(config["jurisdiction"]) if "jurisdiction" in config else None
    if fault:
        raise ConfigError(f"jurisdiction: {fault}")


def _explain(error) -> str:
    """jsonschema's message, with the refusals this schema makes on purpose said in words."""
    if error.validator == "pattern" and error.schema.get("pattern") == EXEMPT_TYPE:
        return (f"{json.dumps(error.instance)} names no service: give a type token or a glob that keeps the module, "
                "e.g. gcp:bigquery/dataset:Dataset or gcp:bigquery/*")
    if error.validator == "pattern" and error.schema.get("pattern") == SOME_LITERAL:
        return (f"{json.dumps(error.instance)} trusts every destination: name the destinations, e.g. "
                "bigquery.googleapis.com/projects/<project>/*")
    if error.validator == "oneOf" and isinstance(error.instance, dict):
        return "give either `name` or `urn` with `type` (an exemption without them would cover every resource of " \
               "the type)"
    if error.validator == "additionalProperties" and "resource" in error.instance:
        return "`resource` is replaced by `type` plus `name` (or `urn`), so an exemption cannot reach other types"
    return error.message


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
                 if k not in ("jurisdiction", "allowedLocations", "allowedLocationsOverrideJurisdiction",
                              "deniedLocations", "exemptions"))
    return Settings(Jurisdiction.from_config(config), exemptions.parse(config), rest)
