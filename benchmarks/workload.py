"""Engine-shaped benchmark stacks: Google Cloud and OVHcloud platforms, compliant and leaky, with their keys.

A stack is a list of `engine.Resource`s in registration order, as the engine hands them to the analyzer: the stack
and its providers first, then per platform a component resource and its children: a key ring (or OKMS domain), its
keys, and the data services that reference them, by full key name or, at preview, as unknowns resolved through
property dependencies.
"""
from __future__ import annotations

import random
from dataclasses import replace

from sovereign_guard_tools.engine.analyzer import Resource
from sovereign_guard_tools.engine.wire import UNKNOWN, Secret

EU_REGIONS = ("europe-west9", "europe-west1", "europe-west3", "europe-west4", "europe-north1", "europe-southwest1")
LEAKY_REGIONS = ("us-central1", "europe-west2", "asia-northeast1", "europe-west6")
OVH_EU = ("EU-WEST-PAR", "GRA11", "SBG5", "DE1", "WAW1")
OVH_LEAKY = ("UK1", "BHS5")
ROTATION = "7776000s"


def _urn(token: str, name: str) -> str:
    return f"urn:pulumi:bench::sovereign::{token}::{name}"


def _resource(token, name, props, provider=None, deps=None, parent="", preview=True) -> Resource:
    deps = deps or {}
    return Resource(token, name, _urn(token, name), props, provider, parent,
                    tuple(sorted({urn for urns in deps.values() for urn in urns})), deps,
                    "" if preview else f"{name}-id")


def providers() -> dict:
    """The providers a stack uses: compliant defaults and a few leaky explicit ones."""
    def provider(package, name, props):
        return _resource(f"pulumi:providers:{package}", name, props)
    return {
        "gcp": provider("gcp", "default", {"project": "acme-data", "region": "europe-west9",
                                           "zone": "europe-west9-a"}),
        "gcp-eu": provider("gcp", "eu", {"project": "acme-eu", "region": "europe-west1", "zone": "europe-west1-b"}),
        "gcp-us": provider("gcp", "us", {"project": "acme-us", "region": "us-central1"}),
        "gcp-bare": provider("gcp", "bare", {"project": "acme-bare"}),
        "ovh": provider("ovh", "default", {"endpoint": "ovh-eu"}),
        "ovh-ca": provider("ovh", "ca", {"endpoint": "ovh-ca"}),
        "ovh-env": provider("ovh", "env", {}),
    }


def _key_name(project: str, location: str, ring: str, key: str = "") -> str:
    name = f"projects/{project}/locations/{location}/keyRings/{ring}"
    return f"{name}/cryptoKeys/{key}" if key else name


def _gcp_platform(i: int, rng: random.Random, prov: dict, preview: bool) -> list:
    """A data platform: key ring, per-service keys and grants, and the services (one in five leaks)."""
    leaky = rng.random() < 0.2
    region = rng.choice(LEAKY_REGIONS if leaky and rng.random() < 0.5 else EU_REGIONS)
    provider = prov["gcp-us" if leaky and rng.random() < 0.3 else rng.choice(("gcp", "gcp-eu"))]
    project, p = f"keys-{i % 7}", f"p{i}"
    zones = [f"{region}-{z}" for z in ("bcd" if region == "europe-west1" else "abc")]
    ring = _resource("gcp:kms/keyRing:KeyRing", f"{p}-ring", {"location": region, "project": project,
                                                              "name": f"{p}-ring"}, provider, preview=preview)
    out = [ring]

    def key(service: str):
        """(value the service names the key by, its property dependency) for a new key in the ring."""
        props = {"keyRing": UNKNOWN if preview else _key_name(project, region, f"{p}-ring"),
                 "name": f"{p}-{service}", "purpose": "ENCRYPT_DECRYPT",
                 "rotationPeriod": ROTATION if not leaky or rng.random() < 0.5 else "63072000s",
                 "versionTemplate": {"algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION",
                                     "protectionLevel": rng.choice(("HSM", "SOFTWARE"))}}
        crypto_key = _resource("gcp:kms/cryptoKey:CryptoKey", f"{p}-{service}", props, provider,
                               {"keyRing": [ring.urn]} if preview else {}, preview=preview)
        grant = _resource("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", f"{p}-{service}-agent",
                          {"cryptoKeyId": UNKNOWN if preview else f"{p}-{service}-id",
                           "role": "roles/cloudkms.cryptoKeyEncrypterDecrypter",
                           "member": f"serviceAccount:service-{i}@gs-project-accounts.iam.gserviceaccount.com"},
                          provider, {"cryptoKeyId": [crypto_key.urn]} if preview else {}, preview=preview)
        out.extend((crypto_key, grant))
        if preview:
            return UNKNOWN, [crypto_key.urn]
        return _key_name(project, region, f"{p}-ring", f"{p}-{service}"), []

    def add(token, name, props, deps=None):
        out.append(_resource(token, f"{p}-{name}", props, provider, deps, preview=preview))

    value, deps = key("storage")
    encryption = {"defaultKmsKeyName": value} if not leaky or rng.random() < 0.5 else None
    location = region.upper() if rng.random() < 0.7 else rng.choice(("EU", "EUR4"))
    add("gcp:storage/bucket:Bucket", "data", {
        "name": f"{p}-data", "location": location, "uniformBucketLevelAccess": True,
        "publicAccessPrevention": "enforced",
        "versioning": {"enabled": True}, "labels": {"team": "data", "env": "prod"},
        **({"encryption": encryption} if encryption else {})},
        {"encryption": deps} if encryption else None)
    add("gcp:storage/bucket:Bucket", "archive", {  # in the data bucket's location: unknown at preview
        "location": UNKNOWN if preview else location, "storageClass": "ARCHIVE",
        **({"encryption": encryption} if encryption else {})},
        {"location": [_urn("gcp:storage/bucket:Bucket", f"{p}-data")], "encryption": deps} if preview else None)
    value, deps = key("bigquery")
    add("gcp:bigquery/dataset:Dataset", "analytics", {
        "datasetId": f"{p}_analytics", **({} if leaky and rng.random() < 0.5 else {"location": region}),
        "defaultEncryptionConfiguration": {"kmsKeyName": value}}, {"defaultEncryptionConfiguration": deps})
    add("gcp:bigquery/table:Table", "events", {
        "datasetId": UNKNOWN if preview else f"{p}_analytics", "tableId": "events", "deletionProtection": True,
        "schema": '[{"name": "at", "type": "TIMESTAMP"}]', "encryptionConfiguration": {"kmsKeyName": value}},
        {"encryptionConfiguration": deps})
    value, deps = key("sql")
    add("gcp:sql/databaseInstance:DatabaseInstance", "postgres", {
        "databaseVersion": "POSTGRES_16", "region": region, "encryptionKeyName": value, "deletionProtection": True,
        "settings": {"tier": "db-custom-2-7680", "availabilityType": "REGIONAL",
                     "backupConfiguration": {"enabled": True, "location": region},
                     "ipConfiguration": {"ipv4Enabled": False, "sslMode": "ENCRYPTED_ONLY"}},
        "rootPassword": Secret("s3cr3t")}, {"encryptionKeyName": deps})
    value, deps = key("gke")
    add("gcp:container/cluster:Cluster", "gke", {
        "location": region, "nodeLocations": zones, "removeDefaultNodePool": True, "initialNodeCount": 1,
        "nodeConfig": {"bootDiskKmsKey": value, "diskType": "pd-balanced"},
        "databaseEncryption": {"state": "ENCRYPTED", "keyName": value}},
        {"nodeConfig": deps, "databaseEncryption": deps})
    add("gcp:container/nodePool:NodePool", "gke-nodes", {
        "cluster": UNKNOWN if preview else f"{p}-gke", "location": region, "nodeLocations": zones, "nodeCount": 1,
        "nodeConfig": {"machineType": "e2-standard-4", "bootDiskKmsKey": value}}, {"nodeConfig": deps})
    zone, zone_deps = zones[0], {}
    if i % 5 == 0:  # a zone drawn by a random shuffle: unknown at preview, even through its dependency
        shuffle = _resource("random:index/randomShuffle:RandomShuffle", f"{p}-zone", {
            "inputs": zones, "resultCount": 1.0}, preview=preview)
        out.append(shuffle)
        zone, zone_deps = (UNKNOWN, {"zone": [shuffle.urn]}) if preview else (zones[1], {})
    add("gcp:compute/disk:Disk", "scratch", {"zone": zone, "size": 100, "type": "pd-ssd",
                                             "diskEncryptionKey": {"kmsKeySelfLink": value}},
        {"diskEncryptionKey": deps, **zone_deps})
    add("gcp:compute/snapshot:Snapshot", "scratch-snapshot", {  # a copy of the disk (its self link), stored near it
        "sourceDisk": UNKNOWN if preview else f"projects/acme-data/zones/{zone}/disks/{p}-scratch",
        "snapshotEncryptionKey": {"kmsKeySelfLink": value}},
        {"snapshotEncryptionKey": deps, **({"sourceDisk": [_urn("gcp:compute/disk:Disk", f"{p}-scratch")]}
                                           if preview else {})})
    value, deps = key("pubsub")
    add("gcp:pubsub/topic:Topic", "events", {
        "kmsKeyName": value, "messageStoragePolicy": {"allowedPersistenceRegions": [region]}}, {"kmsKeyName": deps})
    add("gcp:pubsub/subscription:Subscription", "events-sub", {"topic": UNKNOWN if preview else f"{p}-events"})
    add("gcp:pubsub/subscription:Subscription", "events-archive", {  # a flow to the data bucket, by name
        "topic": UNKNOWN if preview else f"{p}-events",
        "cloudStorageConfig": {"bucket": UNKNOWN if preview else f"{p}-data", "filenamePrefix": "events/"}},
        {"cloudStorageConfig": [_urn("gcp:storage/bucket:Bucket", f"{p}-data")]} if preview else None)
    add("gcp:logging/projectSink:ProjectSink", "audit-logs", {  # a flow to the analytics dataset, by name
        "destination": f"bigquery.googleapis.com/projects/{provider.props['project']}/datasets/{p}_analytics",
        "uniqueWriterIdentity": True})
    add("gcp:secretmanager/secret:Secret", "db-password", {
        "secretId": f"{p}-db-password",
        "replication": {"userManaged": {"replicas": [{"location": region, "customerManagedEncryption": {
            "kmsKeyName": value}}]}}}, {"replication": deps})
    add("gcp:artifactregistry/repository:Repository", "images", {
        "repositoryId": f"{p}-images", "format": "DOCKER", "location": region,
        **({} if leaky else {"kmsKeyName": _key_name(project, region, f"{p}-ring", f"{p}-storage")})})
    add("gcp:compute/subnetwork:Subnetwork", "subnet", {"ipCidrRange": "10.0.0.0/24", "region": region,
                                                        "network": UNKNOWN if preview else "vpc"})
    add("gcp:serviceaccount/account:Account", "runner", {"accountId": f"{p}-runner"})
    if leaky:
        add("gcp:dataplex/lake:Lake", "lake", {"location": region})
        add("gcp:vertexnew/aiModelGarden:AiModelGarden", "unclassified", {"location": region})
    return out


def _ovh_platform(i: int, rng: random.Random, prov: dict, preview: bool) -> list:
    """An OKMS domain, service keys encrypting block volumes, an instance, object storage and a database."""
    leaky = rng.random() < 0.2
    region = rng.choice(OVH_LEAKY if leaky and rng.random() < 0.5 else OVH_EU)
    provider = prov[rng.choice(("ovh-ca", "ovh-env")) if leaky and rng.random() < 0.3 else "ovh"]
    p = f"o{i}"
    okms = _resource("ovh:Okms/okms:Okms", f"{p}-kms", {"region": "eu-west-par", "ovhSubsidiary": "FR",
                                                        "displayName": f"{p} keys"}, provider, preview=preview)
    out = [okms]
    for v in range(2):
        key = _resource("ovh:Okms/serviceKey:ServiceKey", f"{p}-vol{v}-key", {
            "okmsId": UNKNOWN if preview else f"{p}-kms-id", "name": f"{p}-vol{v}", "type": "oct", "size": 256,
            "operations": ["encrypt", "decrypt"]}, provider, {"okmsId": [okms.urn]} if preview else {},
            preview=preview)
        kms = {"domainId": UNKNOWN if preview else f"{p}-kms-id",
               "serviceKeyId": UNKNOWN if preview else f"{p}-vol{v}-key-id"}
        volume = _resource("ovh:CloudProject/volume:Volume", f"{p}-vol{v}", {
            "serviceName": "pcs-123", "regionName": region, "size": 100,
            **({"encryption": {"encrypted": True, "kms": kms}} if not leaky or v == 0 else {})},
            provider, {"encryption": [okms.urn, key.urn]} if preview else {}, preview=preview)
        out.extend((key, volume))
    out.append(_resource("ovh:CloudProject/instance:Instance", f"{p}-vm", {
        "serviceName": "pcs-123", "region": region, "billingPeriod": "hourly", "flavor": {"flavorId": "b3-8"},
        "bootFrom": {"imageId": "debian-12"}, "network": {"public": True}}, provider, preview=preview))
    out.append(_resource("ovh:CloudProject/storage:Storage", f"{p}-objects", {
        "serviceName": "pcs-123", "regionName": region, "encryption": {"sseAlgorithm": "AES256"}},
        provider, preview=preview))
    out.append(_resource("ovh:CloudProject/database:Database", f"{p}-db", {
        "serviceName": "pcs-123", "engine": "postgresql", "version": "17", "plan": "production", "flavor": "b3-8",
        "nodes": [{"region": region} for _ in range(3)], **({} if leaky else {"backupRegions": [region]})},
        provider, preview=preview))
    return out


def stack(size: int, preview: bool = True, seed: int = 7) -> list:
    """`size` resources: the stack, its providers, then Google Cloud and OVHcloud platforms (2:1), each a component
    resource and its children, until the size is met."""
    rng = random.Random(seed)
    root = _resource("pulumi:pulumi:Stack", "sovereign-bench", {})
    prov = providers()
    out = [root, *prov.values()]
    i = 0
    while len(out) < size:
        cloud, build = ("ovh", _ovh_platform) if i % 3 == 2 else ("gcp", _gcp_platform)
        component = _resource(f"sovereign:{cloud}:Platform", f"platform-{i}", {}, parent=root.urn)
        out.append(component)
        out.extend(replace(r, parent=component.urn) for r in build(i, rng, prov, preview))
        i += 1
    return out[:size]
