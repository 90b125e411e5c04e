"""Plausible outputs for any resource type of the pinned SDKs: for programs run under mocks, and for the end-to-end
tier's pass-through provider (one place knows them).

The shapes come from the outputs index (`outputs_index/<cloud>.json`, generated from the SDKs by
`python -m sovereign_guard_tools.index`). Values are made from the inputs and the provider's config, the same for
the same resource: ids in the provider's forms (Cloud KMS key rings and keys, Scaleway Key Manager keys and buckets
keep the exact forms the pack parses),
names autonamed as Pulumi does (`<name>-<7 hex>`) when unset, self links, Cloud SQL connection names, IP addresses
and hostnames for endpoints, certificates, timestamps; the blocks of SERVER_SET. Location-like outputs only echo
what the inputs say, and key references are never invented: an output that the pack judges holds only what the
program set. Objects get their scalar fields, lists of objects one element, other lists none.

In a preview, a resource to be created has its inputs, and its id and computed outputs unknown (`previewed`).

Runs inside the program's interpreter (any Python 3.9+ with pulumi): standard library and pulumi only.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import uuid
from functools import lru_cache
from pathlib import Path

INDEX_DIR = Path(__file__).resolve().parent / "outputs_index"
MAX_DEPTH = 4
CERTIFICATE = base64.b64encode(b"-----BEGIN CERTIFICATE-----\nMIIB (placeholder made by sovereign-guard)\n"
                               b"-----END CERTIFICATE-----\n").decode()
TIMESTAMP = "2025-01-01T00:00:00Z"
# Settable blocks the service fills whether or not the program sets them, which programs read (the others stay unset
# when the program leaves them out: inventing a `clone` or `replicaConfiguration` block would change their meaning).
SERVER_SET = {
    "masterAuth": "GKE returns the cluster CA and client certificates (kubeconfigs are built from it)",
}


@lru_cache(maxsize=None)
def _index(cloud: str) -> dict:
    path = INDEX_DIR / f"{cloud}.json"
    return json.loads(path.read_text(encoding="utf-8"))["types"] if path.exists() else {}


def shapes(token: str) -> tuple:
    """(computed, settable) output shapes of a type ({} and {} for a type the index does not know)."""
    entry = _index(token.split(":", 1)[0]).get(token, {})
    return entry.get("computed", {}), entry.get("settable", {})


def _hex(seed: str, length: int) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:length]


def _collection(token: str) -> str:
    """`gcp:compute/instanceTemplate:InstanceTemplate` -> `instanceTemplates`."""
    kind = token.split(":")[-1]
    plural = kind[:-1] + "ies" if kind.endswith("y") and not kind.endswith("ey") else \
        kind + ("es" if kind.endswith(("s", "x", "sh", "ch")) else "s")
    return plural[:1].lower() + plural[1:]


def _service(token: str) -> str:
    return token.split(":", 2)[1].split("/", 1)[0].lower()


class Context:
    """What a resource's outputs are made from: its engine name and inputs, and its provider's config."""

    def __init__(self, token: str, name: str, inputs: dict, provider: dict):
        self.token, self.urn_name, self.inputs, self.provider = token, name, inputs, provider
        self.cloud = token.split(":", 1)[0]
        given = inputs.get("name")
        self.name = given if isinstance(given, str) and given else f"{name}-{_hex(token + name, 7)}"
        self.project = self._text("project") or provider.get("project") or "my-project"
        zone = self._text("zone") or (provider.get("zone") if "location" not in inputs else None)
        location = self._text("location")
        if location and _is_zone(location):
            zone = zone or location
        region = self._text("region") or (location if location and not _is_zone(location) else None) \
            or (_region_of(zone) if zone else None) or provider.get("region")
        self.zone, self.region = zone, region
        self.location = location or region or (provider.get("zone") if self.cloud == "gcp" else None)

    def _text(self, key: str):
        value = self.inputs.get(key)
        return value if isinstance(value, str) and value else None

    def seed(self, path: str) -> str:
        return f"{self.token}/{self.urn_name}/{path}"

    def scope(self) -> str:
        """`projects/<p>/zones/<z>`, `.../regions/<r>`, `.../locations/<l>` or `.../global`."""
        base = f"projects/{self.project}"
        if self._text("zone"):
            return f"{base}/zones/{self.zone}"
        if self._text("region"):
            return f"{base}/regions/{self.region}"
        if self.location and self._text("location"):
            return f"{base}/locations/{self.location}"
        return f"{base}/global"


def _is_zone(name: str) -> bool:
    return bool(re.match(r"^[a-z]+-[a-z]+\d+-[a-z]$", name))


def _region_of(zone: str) -> str:
    return zone.rsplit("-", 1)[0] if _is_zone(zone) else zone


def _ip(seed: str) -> str:
    digest = hashlib.sha256(seed.encode()).digest()
    return f"10.{digest[0]}.{digest[1]}.{digest[2] % 254 + 1}"


# leaf name pattern (case-insensitive, camelCase humps marked by `(?-i:...)`) -> value maker; the first match wins
STRINGS = [
    (r"^name$", lambda c, p: c.name),
    (r"^project$", lambda c, p: c.project),
    (r"^selflink(withid)?$", lambda c, p: _self_link(c)),
    (r"connectionname$", lambda c, p: f"{c.project}:{c.region or 'region'}:{c.name}"),
    (r"^(projectnumber|number)$", lambda c, p: str(int(_hex(c.project, 10), 16) % 10 ** 12).zfill(12)),
    (r"email(address)?$", lambda c, p: f"{c.name[:30]}@{c.project}.iam.gserviceaccount.com"),
    (r"(address|endpoint)$|^(ip|ipv4|host)$|(?-i:[a-z]Ip)$", lambda c, p: _ip(c.seed(p))),
    (r"(ipv4cidr|cidrblock|cidr|range)$", lambda c, p: _ip(c.seed(p)).rsplit(".", 1)[0] + ".0/24"),
    (r"(hostname|dnsname|fqdn|domain)$", lambda c, p: f"{c.name}.{c.region or 'global'}.internal.example"),
    (r"(uri|url|link)$", lambda c, p: f"https://{c.name}-{_hex(c.seed(p), 10)}.{_service(c.token)}.example"),
    (r"(certificate|cert|cacert|publickey|clientkey|privatekey)$", lambda c, p: CERTIFICATE),
    (r"(time|timestamp|date)$", lambda c, p: TIMESTAMP),
    (r"(etag|fingerprint|hash|checksum|md5|crc32c|sha256)$", lambda c, p: _hex(c.seed(p), 16)),
    (r"^(uid|uniqueid|id)$|(?-i:[a-z]Id)$", lambda c, p: str(uuid.uuid5(uuid.NAMESPACE_URL, c.seed(p)))),
    (r"(state|status)$", lambda c, p: "READY"),
    (r"version$", lambda c, p: "1"),
]
PATTERNS = [(re.compile(pattern, re.I), make) for pattern, make in STRINGS]


def _string(context: Context, path: str) -> str:
    leaf = path.rsplit(".", 1)[-1].replace("[]", "")
    for pattern, make in PATTERNS:
        if pattern.search(leaf):
            return make(context, path)
    return f"{context.name}-{leaf.lower()}"


def _self_link(c: Context) -> str:
    if _service(c.token) == "compute":
        return f"https://www.googleapis.com/compute/v1/{c.scope()}/{_collection(c.token)}/{c.name}"
    return f"https://{_service(c.token)}.googleapis.com/v1/{c.scope()}/{_collection(c.token)}/{c.name}"


def _place(context: Context, leaf: str):
    """A location-like output: only what the inputs say (a zone's region, a regional location); left out
    otherwise, so that the pack applies the service's own default (BigQuery's is the US, not the provider's region)
    rather than one made up here."""
    given = {k: context._text(k) for k in ("zone", "region", "location")}
    zone = given["zone"] or (given["location"] if given["location"] and _is_zone(given["location"]) else None)
    if leaf.lower() in ("zone", "availabilityzone"):
        return zone
    if leaf.lower() in ("region", "regionname"):
        return given["region"] or (_region_of(zone) if zone else None)
    if leaf.lower() == "location":
        return given["location"]
    return None


def _value(shape, context: Context, path: str, depth: int):
    """A plausible value for one shape; None when it is left out (places, keys, too deep)."""
    if isinstance(shape, dict):
        if depth >= MAX_DEPTH:
            return None
        made = {}
        for key, inner in shape.items():
            if inner == "place":
                continue  # a nested place is the program's to set
            value = _value(inner, context, f"{path}.{key}", depth + 1)
            if value is not None:
                made[key] = value
        return made
    if isinstance(shape, list):
        element = shape[0] if shape else "any"
        return [v for v in [_value(element, context, path + "[]", depth + 1)] if v is not None] \
            if isinstance(element, dict) else []
    return {"str": lambda: _string(context, path), "bool": lambda: False, "number": lambda: 1,
            "map": dict, "any": lambda: None, "key": lambda: None, "place": lambda: None}[shape]()


SCALEWAY_REGIONAL_IDS = {  # terraform-provider-scaleway's regional ids, which the pack parses: `<region>/<id>`
    "scaleway:keymanager/key:Key": "uuid", "scaleway:index/keyManagerKey:KeyManagerKey": "uuid",
    "scaleway:object/bucket:Bucket": "name", "scaleway:index/objectBucket:ObjectBucket": "name",
}


def _id(context: Context) -> str:
    c, inputs = context, context.inputs
    if c.token in SCALEWAY_REGIONAL_IDS:
        tail = c.name if SCALEWAY_REGIONAL_IDS[c.token] == "name" else str(uuid.uuid5(uuid.NAMESPACE_URL, c.seed("id")))
        return f"{c._text('region') or c.provider.get('region') or 'fr-par'}/{tail}"
    if c.token == "gcp:kms/keyRing:KeyRing":
        return f"projects/{c.project}/locations/{inputs.get('location', 'unknown')}/keyRings/{c.name}"
    if c.token == "gcp:kms/cryptoKey:CryptoKey":
        return f"{inputs.get('keyRing', 'unknown')}/cryptoKeys/{c.name}"
    if c.cloud == "gcp":
        if c.token in ("gcp:storage/bucket:Bucket", "gcp:sql/databaseInstance:DatabaseInstance"):
            return c.name
        return f"{c.scope()}/{_collection(c.token)}/{c.name}"
    return str(uuid.uuid5(uuid.NAMESPACE_URL, c.seed("id")))


def plausible_outputs(token: str, name: str, inputs: dict, config: dict, provider: dict = None) -> tuple:
    """(id, outputs) a provider could return for this resource after `pulumi up`: the inputs, plus a value for
    each computed output, and the unset name, project, location and SERVER_SET blocks (see the module docstring).

    `config` is the stack config ({"gcp:project": ...}); `provider` the inputs of an explicit provider resource,
    which take precedence over it."""
    package = token.split(":", 1)[0]
    settings = {k.split(":", 1)[1]: v for k, v in config.items() if k.startswith(package + ":")}
    settings.update({k: v for k, v in (provider or {}).items() if isinstance(v, str)})
    context = Context(token, name, inputs, settings)
    computed, settable = shapes(token)
    outputs = dict(inputs)
    for key, shape in list(computed.items()) + list(settable.items()):
        if key in outputs:
            continue
        if shape == "place":
            value = _place(context, key)
        elif key in computed or key in SERVER_SET or key in ("name", "project"):
            value = _value(shape, context, key, 0)
        else:
            value = None
        if value is not None:
            outputs[key] = value
    return _id(context), outputs


def previewed(token: str, inputs: dict) -> dict:
    """The outputs a preview shows for a resource it would create: its inputs, its id and computed outputs unknown
    (the engine's unknown sentinel, pulumi.runtime.rpc.UNKNOWN)."""
    from pulumi.runtime.rpc import UNKNOWN

    computed, _ = shapes(token)
    return {**inputs, **{key: UNKNOWN for key in ("id", *computed) if key not in inputs}}


def created(token: str, name: str, inputs: dict, config: dict, provider: dict = None) -> tuple:
    """(id, outputs) once created: plausible_outputs with the id among the outputs, as a provider returns them."""
    rid, outputs = plausible_outputs(token, name, inputs, config, provider)
    return rid, {**outputs, "id": rid}
