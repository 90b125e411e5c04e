"""Every type of the pinned SDKs judged, through the Analyzer protocol (the SDK's own servicer, in process).

Generated from the SDK index: each type with a place is built once with every place in the EU and every key an EU
key; then once per place with that place outside the EU (a US place for Google Cloud, a Canadian one for OVHcloud),
and, for types that take a key, once in the EU with no key at all. Every Scaleway region is in the EU, so Scaleway
types are judged under the jurisdiction ["FR"], a Dutch place being outside. Both token families are covered (a
deprecated twin is a type of the index like any other). Derived places (a setting that sends data somewhere, such
as a storage class) are not places to move: tests/test_scaleway.py covers each rule that judges them.
"""
from functools import lru_cache

import pytest

from inprocess import InProcessPack
from shapes import place
from sovereign_guard import catalog
from sovereign_guard.catalog import index
from sovereign_guard.rules.custody import expected_key_location
from sovereign_guard.rules.props import MISSING, walk
from sovereign_guard.rules.residency import lookup
from sovereign_guard_tools.engine.analyzer import Resource

STACK = "urn:pulumi:dev::p::"
PROVIDERS = {"gcp": {"project": "acme", "region": "europe-west9", "zone": "europe-west9-a"},
             "ovh": {"endpoint": "ovh-eu"}, "scaleway": {"region": "fr-par", "zone": "fr-par-1"}}
PLACES = {  # namespace -> (EU region, EU zone, outside region, outside zone)
    "gcp:spanner": ("regional-europe-west9", "regional-europe-west9", "regional-us-central1", "regional-us-central1"),
    "ovh:location": ("EU-WEST-PAR", "eu-west-par-a", "BHS5", "ca-east-tor-a"),
    "scw:location": ("fr-par", "fr-par-1", "nl-ams", "nl-ams-1"),  # outside the jurisdiction ["FR"]
}
JURISDICTION = {"scaleway": ["FR"]}  # cloud -> the jurisdiction its types are judged under (default: the EU)
GCP_PLACES = ("europe-west9", "europe-west9-a", "us-central1", "us-central1-a")
ORDER_PLACES = ("eu-west-par", "bhs")  # OVHcloud order-plan datacenters: Paris; Beauharnois (Canada)
KEY_NAME = "projects/keys/locations/{}/keyRings/ring/cryptoKeys/key"
OKMS_KEY = "0b3c5e7a-1d2f-4a6b-8c9d-0e1f2a3b4c5d"
SCALEWAY_KEY = "fr-par/0b3c5e7a-1d2f-4a6b-8c9d-0e1f2a3b4c5d"  # a Key Manager key's regional ID


def _zonal(field) -> bool:
    return "zone" in field.role or field.namespace == "gcp:zone" or field.path.lower().endswith(("zone", "zones[]"))


def place_value(field, inside: bool) -> str:
    if field.labels:
        return ORDER_PLACES[0 if inside else 1]
    eu_region, eu_zone, out_region, out_zone = PLACES.get(field.namespace, GCP_PLACES)
    if _zonal(field):
        return eu_zone if inside else out_zone
    return eu_region if inside else out_region


def set_place(props: dict, field, value: str) -> None:
    if field.labels:
        place(props, field.path, {"label": field.labels[0], "value": value})
    else:
        place(props, field.path, value)


def key_value(token: str, props: dict) -> str:
    if token.startswith("ovh:"):
        return OKMS_KEY
    if token.startswith("scaleway:"):
        return SCALEWAY_KEY
    spec = catalog.spec(token)
    for field in spec.locations:
        data = lookup(field.namespace, place_value(field, True), "google")
        if data is not None:
            return KEY_NAME.format(expected_key_location(data))
    return KEY_NAME.format("europe-west9")


def eu_props(token: str, with_keys: bool, judged=None) -> dict:
    """Every place in the EU (but the optional places that would make the `judged` one a mere label); with keys,
    an EU key in every key field whose block is there; without, every block that requires a key, unkeyed."""
    spec = catalog.spec(token)
    props: dict = {}
    labels = {f.unless for f in spec.locations if f.unless}
    for field in spec.locations:
        if not field.derived and (field.path.removesuffix("[]") not in labels or field is judged):
            set_place(props, field, place_value(field, True))
    for field in spec.keys:
        prefix = field.each + "[]." if field.each else ""
        if with_keys:
            if field.when and not has(props, prefix + field.when):
                continue  # an optional feature (e.g. automatic replication): left off
            for path, wanted in field.enabled:
                place(props, prefix + path, wanted)
            place(props, prefix + field.paths[0], key_value(token, props))
        elif field.when:
            place(props, prefix + field.when, {})
        elif field.each:
            place(props, field.each + "[]", {})
    return props


def has(props: dict, path: str) -> bool:
    return any(value is not MISSING for _, value in walk(props, path))


def build(token: str, props: dict, name: str) -> list:
    cloud = token.split(":", 1)[0]
    provider = Resource(f"pulumi:providers:{cloud}", "default", f"{STACK}pulumi:providers:{cloud}::default",
                        PROVIDERS[cloud])
    return [provider, Resource(token, name, f"{STACK}{token}::{name}", props, provider)]


@lru_cache(maxsize=None)
def _pack(cloud: str):
    """A pack configured with the cloud's jurisdiction on every policy that takes one."""
    pack = InProcessPack(dry_run=False)
    pack.start({})
    if cloud in JURISDICTION:
        pack.start({name: {"jurisdiction": JURISDICTION[cloud]} for name, _, schema, _ in pack.policies
                    if "jurisdiction" in schema})
    return pack


def mandatory(resources) -> set:
    pack = _pack(resources[-1].type.split(":", 1)[0])
    found = [v for r in resources for v in pack.analyze(r)] + pack.analyze_stack(resources)
    assert not [v for v in found if v.is_preview_skip]
    return {(v.policy, v.urn.rsplit("::", 1)[-1]) for v in found if v.level == "mandatory"}


def judged_types():
    for cloud in index.CLOUDS:
        for token in index.tokens(cloud):
            spec = catalog.spec(token)
            if spec is not None and not catalog.is_location_free(token):
                yield token, spec


LOCATED = [(t, s) for t, s in judged_types() if s.locations]
KEYED = [(t, s) for t, s in judged_types() if s.cmek == "supported" and any(f.required for f in s.keys)]


@pytest.mark.parametrize("token", [t for t, _ in LOCATED])
def test_every_place_outside_the_jurisdiction_is_denied(token):
    spec = catalog.spec(token)
    missed = []
    for i, field in enumerate(spec.locations):
        if field.derived:
            continue
        props = eu_props(token, with_keys=True, judged=field)
        set_place(props, field, place_value(field, False))
        if ("data-residency", f"place{i}") not in mandatory(build(token, props, f"place{i}")):
            missed.append(field.path)
    assert missed == []


@pytest.mark.parametrize("token", [t for t, _ in KEYED])
def test_every_key_capable_type_without_a_key_is_denied(token):
    # a type whose key is inherited from its parent (an object from its bucket) is denied by key-custody, which
    # sees the whole stack, when that parent is not in the stack
    inherits = any(f.inherit for f in catalog.spec(token).keys)
    policy = "key-custody" if inherits else "customer-managed-keys"
    assert (policy, "no-key") in mandatory(build(token, eu_props(token, with_keys=False), "no-key"))


@pytest.mark.parametrize("token", [t for t, _ in KEYED])
def test_every_key_capable_type_in_the_eu_with_eu_keys_passes(token):
    assert mandatory(build(token, eu_props(token, with_keys=True), "eu")) == set()
