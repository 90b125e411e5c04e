"""Every policy carries complete metadata, and its config schema is a valid JSON schema with defaults that pass."""
import jsonschema
import pytest

from sovereign_guard import pack

POLICIES = pack.POLICIES


def test_policy_names_are_unique_and_kebab_case():
    names = [p.name for p in POLICIES]
    assert len(names) == len(set(names))
    assert all(n == n.lower() and " " not in n for n in names)


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.name)
def test_metadata_is_complete(policy):
    assert policy.description and len(policy.description) > 40
    assert policy.display_name
    assert policy.severity is not None
    assert policy.enforcement_level is not None
    assert policy.config_schema is not None and policy.config_schema.properties
    for name, prop in policy.config_schema.properties.items():
        assert prop.get("description") or prop.get("items"), f"{policy.name}.{name} has no description"


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.name)
def test_config_schema_is_valid_and_defaults_validate(policy):
    schema = {"type": "object", "properties": policy.config_schema.properties}
    jsonschema.Draft7Validator.check_schema(schema)
    defaults = {k: v["default"] for k, v in policy.config_schema.properties.items() if "default" in v}
    jsonschema.validate(defaults, schema)


def test_mandatory_policies_cover_the_mission():
    levels = {p.name: p.enforcement_level.value for p in POLICIES}
    for name in ("data-residency", "provider-jurisdiction", "customer-managed-keys", "key-custody", "key-rotation"):
        assert levels[name] == "mandatory"
    assert levels["unclassified-resources"] == "advisory"
