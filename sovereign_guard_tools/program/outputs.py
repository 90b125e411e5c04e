"""Plausible outputs of a created resource, as its provider would return them: its id and computed values.

One place knows them, for the offline check's mocks and for the pass-through provider of the end-to-end tier.
The pack parses some of them: a KMS key is referenced by its id, `projects/<p>/locations/<l>/keyRings/<r>` for a
key ring and `<key ring id>/cryptoKeys/<k>` for a key; a Scaleway Key Manager key or bucket by its regional id,
`<region>/<uuid>` or `<region>/<name>`. `provider` is the provider's own config (`{"project": ...}`).
"""
from __future__ import annotations

import uuid

from ..engine.wire import UNKNOWN_STRING


def _key_ring_id(name: str, inputs: dict, provider: dict) -> str:
    project = inputs.get("project") or provider.get("project", "project")
    return f"projects/{project}/locations/{inputs.get('location', 'unknown')}/keyRings/{inputs.get('name', name)}"


def _crypto_key_id(name: str, inputs: dict, provider: dict) -> str:
    return f"{inputs.get('keyRing', 'unknown')}/cryptoKeys/{inputs.get('name', name)}"


def _key_manager_key_id(name: str, inputs: dict, provider: dict) -> str:
    """A regional ID, `<region>/<uuid>` (a fixed UUID per name), as terraform-provider-scaleway makes them."""
    return f"{inputs.get('region') or provider.get('region', 'fr-par')}/{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _bucket_id(name: str, inputs: dict, provider: dict) -> str:
    return f"{inputs.get('region') or provider.get('region', 'fr-par')}/{inputs.get('name', name)}"


IDS = {  # the ids the providers give these types, where the pack or a program reads them
    "gcp:kms/keyRing:KeyRing": _key_ring_id,
    "gcp:kms/cryptoKey:CryptoKey": _crypto_key_id,
    "scaleway:keymanager/key:Key": _key_manager_key_id,
    "scaleway:index/keyManagerKey:KeyManagerKey": _key_manager_key_id,
    "scaleway:object/bucket:Bucket": _bucket_id,
    "scaleway:index/objectBucket:ObjectBucket": _bucket_id,
}

COMPUTED = {  # computed outputs the sample programs read, by type: name -> value from (name, inputs, provider)
    "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember": {"etag": lambda name, inputs, provider: "BwYpwMEaxaQ="},
    "gcp:storage/bucket:Bucket": {"url": lambda name, inputs, provider: f"gs://{inputs.get('name', name)}"},
    "gcp:container/cluster:Cluster": {"endpoint": lambda name, inputs, provider: "203.0.113.10",
                                      "name": lambda name, inputs, provider: inputs.get("name", name)},
    "gcp:sql/databaseInstance:DatabaseInstance": {
        "connectionName": lambda name, inputs, provider:
            f"{inputs.get('project') or provider.get('project', 'project')}:{inputs.get('region', 'unknown')}:"
            f"{inputs.get('name', name)}"},
}


def resource_id(token: str, name: str, inputs: dict, provider: dict) -> str:
    make_id = IDS.get(token)
    return make_id(name, inputs, provider) if make_id else f"{name}-id"


def previewed(token: str, inputs: dict) -> dict:
    """The outputs of a resource a preview would create: its inputs, its id and computed outputs unknown."""
    return {**inputs, **{key: UNKNOWN_STRING for key in ("id", *COMPUTED.get(token, {}))}}


def created(token: str, name: str, inputs: dict, provider: dict) -> tuple:
    """(id, outputs) of a resource once created: its inputs, its id and its computed outputs."""
    rid = resource_id(token, name, inputs, provider)
    values = {key: make(name, inputs, provider) for key, make in COMPUTED.get(token, {}).items()}
    return rid, {**inputs, **values, "id": rid}


def provider_config(package: str, stack_config: dict) -> dict:
    """A default provider's config from the stack config: `gcp:project` -> `{"project": ...}`."""
    return {key.split(":", 1)[1]: value for key, value in stack_config.items() if key.startswith(package + ":")}
