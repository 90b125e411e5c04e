"""The outputs index is what the pinned SDKs give, and every type of it gets plausible outputs under mocks: ids in
the forms the pack parses, no invented location or key, values the SDK can deserialize."""
import json
import re

import pytest

from sovereign_guard.rules.custody import KEY_NAME, OKMS_KEY_ID
from sovereign_guard_tools.index import generate, outputs_index, sdk
from sovereign_guard_tools.program import outputs

CONFIG = {"gcp:project": "acme", "gcp:region": "europe-west9", "gcp:zone": "europe-west9-b"}


@pytest.mark.parametrize("cloud", sorted(generate.CLOUDS))
def test_committed_outputs_index_is_what_the_pinned_sdks_give(cloud):
    fresh = generate.render(outputs_index.build(cloud))
    assert outputs_index.path_of(cloud).read_text(encoding="utf-8") == fresh, (
        f"{outputs_index.path_of(cloud)} is stale: run python -m sovereign_guard_tools.index")


def _leaves(value, path=""):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for inner in value:
            yield from _leaves(inner, path + "[]")
    else:
        yield path, value


def _marked(shape, kind: str, path=""):
    """Paths the index marks as `kind` (place or key)."""
    if isinstance(shape, dict):
        for key, inner in shape.items():
            yield from _marked(inner, kind, f"{path}.{key}" if path else key)
    elif isinstance(shape, list):
        yield from _marked(shape[0], kind, path + "[]")
    elif shape == kind:
        yield path


@pytest.mark.parametrize("cloud", sorted(generate.CLOUDS))
def test_every_type_gets_plausible_outputs_and_no_invented_place_or_key(cloud):
    types = json.loads(outputs_index.path_of(cloud).read_text())["types"]
    assert len(types) > 100
    for token, entry in types.items():
        rid, made = outputs.plausible_outputs(token, "thing", {}, CONFIG)
        assert isinstance(rid, str) and rid, token
        json.dumps(made)
        computed, settable = entry.get("computed", {}), entry.get("settable", {})
        assert set(made) <= set(computed) | set(settable), token
        for kind in ("place", "key"):
            invented = {p for p, _ in _leaves(made)} & set(_marked({**computed, **settable}, kind))
            assert invented == set(), (token, kind)  # no input says where: nothing is made up
        for key in set(computed) - set(made):  # computed properties left out are places, keys, or empty
            assert computed[key] in ("place", "key", "any") or isinstance(computed[key], dict), (token, key)


def test_locations_are_echoed_from_the_inputs_only():
    _, made = outputs.plausible_outputs("gcp:container/cluster:Cluster", "gke", {"location": "europe-west9-a"},
                                        CONFIG)
    assert made["location"] == "europe-west9-a"
    _, made = outputs.plausible_outputs("gcp:bigquery/dataset:Dataset", "analytics", {"datasetId": "a"}, CONFIG)
    assert "location" not in made  # BigQuery's default is the US, not the provider's region: the pack knows it


def test_ids_keep_the_forms_the_pack_parses():
    ring_id, ring = outputs.plausible_outputs("gcp:kms/keyRing:KeyRing", "keys", {"location": "europe-west9"},
                                              CONFIG)
    assert ring_id == f"projects/acme/locations/europe-west9/keyRings/{ring['name']}"
    key_id, _ = outputs.plausible_outputs("gcp:kms/cryptoKey:CryptoKey", "data", {"keyRing": ring_id,
                                                                                  "name": "storage"}, CONFIG)
    assert KEY_NAME.fullmatch(key_id)["key"] == "storage" and key_id.startswith(ring_id)
    okms_key, _ = outputs.plausible_outputs("ovh:Okms/serviceKey:ServiceKey", "key", {}, {})
    assert OKMS_KEY_ID.match(okms_key)
    assert outputs.plausible_outputs("ovh:Okms/serviceKey:ServiceKey", "key", {}, {})[0] == okms_key  # stable


def test_names_self_links_and_connection_names():
    _, db = outputs.plausible_outputs("gcp:sql/databaseInstance:DatabaseInstance", "orders",
                                      {"region": "europe-west9"}, CONFIG)
    assert re.fullmatch(r"orders-[0-9a-f]{7}", db["name"])
    assert db["connectionName"] == f"acme:europe-west9:{db['name']}"
    assert db["ipAddresses"][0]["ipAddress"].startswith("10.")
    _, disk = outputs.plausible_outputs("gcp:compute/disk:Disk", "data", {"zone": "europe-west9-a"}, CONFIG)
    assert disk["selfLink"] == ("https://www.googleapis.com/compute/v1/projects/acme/zones/europe-west9-a/disks/"
                                + disk["name"])
    _, cluster = outputs.plausible_outputs("gcp:container/cluster:Cluster", "gke", {"location": "europe-west9"},
                                           CONFIG)
    assert set(cluster["masterAuth"]) >= {"clusterCaCertificate", "clientCertificate", "clientKey"}
    assert re.fullmatch(r"10\.\d+\.\d+\.\d+", cluster["endpoint"])


def test_the_index_reads_output_types_of_the_sdk():
    import pulumi_gcp.container as container

    shape = sdk.output_shape(container.Cluster)
    assert shape["masterAuth"]["clusterCaCertificate"] == "str" and shape["endpoint"] == "str"
    assert isinstance(shape["nodePools"], list) and "name" in shape["nodePools"][0]
