"""In-process helpers: run the pack's policies through the SDK's own argument classes and unknown proxies."""
from __future__ import annotations

from pulumi_policy.deserialize import deserialize_properties
from pulumi_policy.policy import (PolicyCustomTimeouts, PolicyProviderResource, PolicyResource,
                                  PolicyResourceOptions, ResourceValidationArgs, StackValidationArgs)
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, unknown_checking_proxy

from sovereign_guard import pack

UNKNOWN = UNKNOWN_STRING_VALUE
SECRET_KEY, SECRET_SIG = "4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270"
POLICIES = {p.name: p for p in pack.POLICIES}
GCP_PROVIDER = {"project": "acme", "region": "europe-west9", "zone": "europe-west9-a"}
SCALEWAY_PROVIDER = {"region": "fr-par", "zone": "fr-par-1"}


def secret(value):
    return {SECRET_KEY: SECRET_SIG, "value": value}


def _props(props: dict):
    return unknown_checking_proxy(deserialize_properties(props))


def _options(parent: str = "") -> PolicyResourceOptions:
    return PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [], parent or None)


def provider_for(token: str, provider_props):
    if provider_props is None:
        if token.startswith("gcp:"):
            provider_props = GCP_PROVIDER
        elif token.startswith("ovh:"):
            provider_props = {"endpoint": "ovh-eu"}
        elif token.startswith("scaleway:"):
            provider_props = SCALEWAY_PROVIDER
        else:
            return None
    package = token.split(":", 1)[0]
    return PolicyProviderResource(f"pulumi:providers:{package}", _props(provider_props),
                                  f"urn:pulumi:dev::p::pulumi:providers:{package}::default", "default")


def urn(token: str, name: str) -> str:
    return f"urn:pulumi:dev::p::{token}::{name}"


def resource_args(token, props, name="r", provider_props=None, config=None) -> ResourceValidationArgs:
    return ResourceValidationArgs(token, _props(props), urn(token, name), name, _options(),
                                  provider_for(token, provider_props), config or {})


def violations(policy: str, token: str, props: dict, name="r", provider_props=None, config=None) -> list:
    """Messages a resource policy reports for one resource."""
    found = []
    POLICIES[policy].validate(resource_args(token, props, name, provider_props, config),
                              lambda message, urn=None: found.append(message))
    return found


def stack_violations(policy: str, resources: list, config=None) -> list:
    """(resource name, message) a stack policy reports. `resources` are dicts: type, name, props,
    optional provider_props and deps ({prop: [names]})."""
    built = {}
    for r in resources:
        built[r["name"]] = PolicyResource(r["type"], _props(r["props"]), urn(r["type"], r["name"]), r["name"],
                                          _options(), provider_for(r["type"], r.get("provider_props")), None, [], {})
    for r in resources:
        for prop, names in r.get("deps", {}).items():
            built[r["name"]].property_dependencies[prop] = [built[n] for n in names]
    found = []
    by_urn = {res.urn: name for name, res in built.items()}
    POLICIES[policy].validate(StackValidationArgs(list(built.values()), config or {}),
                              lambda message, urn=None: found.append((by_urn.get(urn, urn), message)))
    return found


def verdicts(policy: str, cases: dict, **kw) -> tuple:
    """(names that pass, names that fail) for {name: (token, props[, provider_props])}."""
    passed, failed = set(), set()
    for name, case in cases.items():
        token, props, *rest = case
        provider = rest[0] if rest else None
        (failed if violations(policy, token, props, name, provider, **kw) else passed).add(name)
    return passed, failed
