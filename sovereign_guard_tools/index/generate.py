"""The SDK index: per resource type token of each pinned provider SDK, every input path that names a place, a
customer-managed key, a customer-supplied raw key or an order plan's configuration.

Written to `policies/sovereign_guard/catalog/index/<cloud>.json`, one line per type so a provider bump reads as a
reviewable diff. The pack reads it (never the SDKs); `tests/test_index.py` regenerates it and fails when it is stale
or when a path is neither judged nor deliberately ignored (`catalog/ignored.py`).

The names are found by their shape, so this casts a wide net (a time zone is named like a zone); the pack's ignore
list says, with a reason, which of them are not places or keys.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from . import sdk

CLOUDS = {  # cloud -> (Python module, distribution on PyPI)
    "gcp": ("pulumi_gcp", "pulumi-gcp"),
    "ovh": ("pulumi_ovh", "pulumi-ovh"),
    "scaleway": ("pulumiverse_scaleway", "pulumiverse-scaleway"),
}
INDEX_DIR = Path(__file__).resolve().parents[2] / "policies" / "sovereign_guard" / "catalog" / "index"

PLACE = re.compile(r"^(location|locations|region|regions|zone|zones|datacenter|locationId|regionName|"
                   r"availabilityZone|availabilityZones)$|[a-z0-9](Location|Locations|Region|Regions|Zone|Zones|"
                   r"LocationId|Datacenter)$")
KEY = re.compile(r"(?i)kms|cmek|cryptokey|^(encryptionKey|encryptionKeyName|customerManagedKey|serviceKeyId|"
                 r"okmsId)$|EncryptionKey(Name)?$")
RAW_KEY = re.compile(r"^(rawKey|rawKeyWo|rsaEncryptedKey|rsaEncryptedKeyWo|diskEncryptionKeyRaw|"
                     r"diskEncryptionKeyRsa|sseCustomerKey)$")
KEY_IN_KEY_BLOCK = re.compile(r"(?i)(encrypt|kms|cmek|crypto)[a-z]*\.(keyReference|keyName|keyId|key)$")
CUSTOMER_ENCRYPTION = re.compile(r"(^|\.)customerEncryption\.encryptionKey$")  # Cloud Storage CSEK on objects
ORDER_CONFIGURATIONS = re.compile(r"(^|\.)(plan|plans\[\]|planOptions\[\])\.configurations\[\]$")
VALUE_KINDS = ("str", "any")


def _leaf(path: str) -> str:
    return path.rsplit(".", 1)[-1].removesuffix("[]")


def classify(fields) -> dict:
    """{category: [path, ...]} for one type; a trailing "!" marks a path its object requires."""
    found: dict = {}
    for field in fields:
        leaf = _leaf(field.path)
        category = None
        if field.kind == "object" and ORDER_CONFIGURATIONS.search(field.path):
            category = "orders"
        elif field.kind in VALUE_KINDS:
            if RAW_KEY.match(leaf) or CUSTOMER_ENCRYPTION.search(field.path):
                category = "rawKeys"
            elif PLACE.search(leaf):
                category = "locations"
            elif KEY.search(leaf) or KEY_IN_KEY_BLOCK.search(field.path.replace("[]", "")):
                category = "keys"
        if category:
            found.setdefault(category, []).append(field.path + ("!" if field.required else ""))
    return found


def entries(resource_types) -> dict:
    """{token: entry}: each type's classified paths; a deprecated twin (an older token still registered, which the
    current class names as its alias) also names the current token, `twinOf`."""
    types = {r.token: classify(r.fields) for r in resource_types}
    for r in resource_types:
        for alias in r.aliases:
            if alias in types and alias != r.token:
                types[alias]["twinOf"] = r.token
    return types


def build(cloud: str) -> dict:
    module, distribution = CLOUDS[cloud]
    types = entries(sdk.resource_types(module))
    return {"package": distribution, "version": sdk.package_version(distribution),
            "generatedBy": "python -m sovereign_guard_tools.index", "types": types}


def render(index: dict) -> str:
    """JSON with one type per line, sorted, so that a new SDK version shows as a line-by-line diff."""
    head = {k: v for k, v in index.items() if k != "types"}
    lines = [json.dumps(head, sort_keys=True)[:-1] + ', "types": {']
    items = sorted(index["types"].items())
    for i, (token, entry) in enumerate(items):
        lines.append(f"  {json.dumps(token)}: {json.dumps(entry, sort_keys=True)}{',' if i < len(items) - 1 else ''}")
    lines.append("}}")
    return "\n".join(lines) + "\n"


def path_of(cloud: str) -> Path:
    return INDEX_DIR / f"{cloud}.json"
