"""Key custody gives the same verdicts at preview (keys created in the stack are unknown and followed through
property dependencies) as at update (key names known), whatever the order of the dependencies and the hash seed.

Each scenario is a stack with key rings and keys created in it; `build(mode, order)` gives it as the engine sends
it in that mode, each dependency list permuted by `order`.
"""
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from inprocess import InProcessPack
from sovereign_guard_tools.engine.analyzer import Resource
from sovereign_guard_tools.engine.wire import UNKNOWN

ROOT = Path(__file__).resolve().parents[1]
STACK = "urn:pulumi:dev::p::"
GCP = Resource("pulumi:providers:gcp", "default", STACK + "pulumi:providers:gcp::default",
               {"project": "acme", "region": "europe-west9", "zone": "europe-west9-a"})
RING, KEY = "gcp:kms/keyRing:KeyRing", "gcp:kms/cryptoKey:CryptoKey"
CONFIGS = [{}, {"key-custody": {"allowedProtectionLevels": ["HSM"]}}]


def _urn(token, name):
    return f"{STACK}{token}::{name}"


def _keys(mode: str, rings: dict) -> list:
    """A ring and a key per entry ({name: (location, protection)}), the key referring to its ring."""
    out = []
    for name, (location, protection) in rings.items():
        ring_id = f"projects/keys/locations/{location}/keyRings/{name}"
        out.append(Resource(RING, f"{name}-ring", _urn(RING, f"{name}-ring"), {"location": location,
                                                                               "project": "keys"}, GCP,
                            outputs={"id": ring_id}))
        props = {"keyRing": UNKNOWN if mode == "preview" else ring_id, "rotationPeriod": "7776000s",
                 "versionTemplate": {"protectionLevel": protection}}
        out.append(Resource(KEY, name, _urn(KEY, name), props, GCP, outputs={"id": f"{ring_id}/cryptoKeys/{name}"},
                            property_dependencies={"keyRing": [_urn(RING, f"{name}-ring")]}))
    return out


def _ref(mode: str, key: str, location: str) -> str:
    return UNKNOWN if mode == "preview" else f"projects/keys/locations/{location}/keyRings/{key}/cryptoKeys/{key}"


SCENARIOS = {  # name -> (rings {key: (location, protection)}, data resources (mode) -> [(token, name, props, deps)])
    "bigtable-paris-and-us-keys": ({"paris": ("europe-west9", "HSM"), "iowa": ("us-central1", "HSM")}, lambda m: [
        ("gcp:bigtable/instance:Instance", "bt", {"clusters": [
            {"clusterId": "a", "zone": "europe-west9-a", "kmsKeyName": _ref(m, "paris", "europe-west9")},
            {"clusterId": "b", "zone": "europe-west9-b", "kmsKeyName": _ref(m, "iowa", "us-central1")}]},
         {"clusters": ["paris", "iowa"]})]),
    "bigtable-two-regions-own-keys": ({"paris": ("europe-west9", "HSM"), "fra": ("europe-west3", "SOFTWARE")},
                                      lambda m: [
        ("gcp:bigtable/instance:Instance", "bt", {"clusters": [
            {"clusterId": "a", "zone": "europe-west9-a", "kmsKeyName": _ref(m, "paris", "europe-west9")},
            {"clusterId": "b", "zone": "europe-west3-a", "kmsKeyName": _ref(m, "fra", "europe-west3")}]},
         {"clusters": ["fra", "paris"]})]),
    "secret-replicas": ({"paris": ("europe-west9", "HSM"), "berlin": ("europe-west10", "HSM")}, lambda m: [
        ("gcp:secretmanager/secret:Secret", "s", {"replication": {"userManaged": {"replicas": [
            {"location": "europe-west9", "customerManagedEncryption": {"kmsKeyName": _ref(m, "paris", "europe-west9")}},
            {"location": "europe-west10", "customerManagedEncryption": {
                "kmsKeyName": _ref(m, "berlin", "europe-west10")}}]}}},
         {"replication": ["berlin", "paris"]})]),
    "bucket-on-a-london-key": ({"london": ("europe-west2", "HSM")}, lambda m: [
        ("gcp:storage/bucket:Bucket", "b", {"location": "europe-west9", "encryption": {
            "defaultKmsKeyName": _ref(m, "london", "europe-west2")}}, {"encryption": ["london"]})]),
    "disk-and-sql-on-one-key": ({"paris": ("europe-west9", "SOFTWARE")}, lambda m: [
        ("gcp:compute/disk:Disk", "d", {"zone": "europe-west9-a", "diskEncryptionKey": {
            "kmsKeySelfLink": _ref(m, "paris", "europe-west9")}}, {"diskEncryptionKey": ["paris"]}),
        ("gcp:sql/databaseInstance:DatabaseInstance", "sql", {"region": "europe-west9", "encryptionKeyName": _ref(
            m, "paris", "europe-west9")}, {"encryptionKeyName": ["paris"]})]),
}


def build(scenario: str, mode: str, order: random.Random) -> list:
    """The stack as AnalyzeStack gets it: outputs, so each key resource's id among its props (unknown at preview)."""
    rings, data = SCENARIOS[scenario]
    resources = [GCP] + [Resource(r.type, r.name, r.urn, dict(r.props, id=UNKNOWN if mode == "preview"
                                                           else r.outputs["id"]),
                                  r.provider, property_dependencies=r.property_dependencies)
                         for r in _keys(mode, rings)]
    for token, name, props, deps in data(mode):
        shuffled = {prop: order.sample([_urn(KEY, k) for k in keys], len(keys)) for prop, keys in deps.items()}
        resources.append(Resource(token, name, _urn(token, name), props, GCP, property_dependencies=shuffled))
    order.shuffle(resources)
    return resources


def verdicts(seed: int) -> dict:
    """{config index: {scenario: {mode: sorted [(policy, resource)] of key-custody}}} with dependency order `seed`."""
    found: dict = {}
    for i, config in enumerate(CONFIGS):
        pack = InProcessPack()
        pack.start(config)
        for scenario in SCENARIOS:
            for mode in ("preview", "update"):
                stack = build(scenario, mode, random.Random(seed))
                reported = pack.analyze_stack(stack)
                found.setdefault(i, {}).setdefault(scenario, {})[mode] = sorted(
                    (v.policy, v.urn.rsplit("::", 1)[-1]) for v in reported if v.policy == "key-custody")
    return found


def test_preview_and_update_agree_whatever_the_order_of_dependencies():
    first = verdicts(0)
    for seed in range(1, 6):
        assert verdicts(seed) == first
    for config in first.values():
        for scenario, modes in config.items():
            assert modes["preview"] == modes["update"], scenario
    assert first[0]["bigtable-paris-and-us-keys"]["update"] == [("key-custody", "bt")]
    assert first[0]["bucket-on-a-london-key"]["update"] == [("key-custody", "b")]
    assert first[1]["disk-and-sql-on-one-key"]["update"] == [("key-custody", "d"), ("key-custody", "sql")]
    assert first[0]["secret-replicas"]["update"] == first[0]["bigtable-two-regions-own-keys"]["update"] == []


def test_the_verdicts_do_not_depend_on_the_hash_seed():
    script = "import json, sys; sys.path[:0] = sys.argv[1:]; import test_custody_determinism as t; " \
             "print(json.dumps(t.verdicts(3), sort_keys=True))"
    paths = [str(ROOT / "tests"), str(ROOT / "policies"), str(ROOT)]
    outputs = {subprocess.run([sys.executable, "-c", script, *paths], capture_output=True, text=True, check=True,
                              env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("0", "1", "4242")}
    assert len(outputs) == 1 and json.loads(outputs.pop())
