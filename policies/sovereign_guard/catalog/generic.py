"""Generic location and key fields for the SDK index's paths that the hand-written catalog does not describe.

Every indexed path is judged unless `ignored.py` says, with a reason, that it names no place or no data key:
- a place is read in the cloud's generic namespace (for Google Cloud: region, zone and multi-region names, and
  resource paths such as `projects/p/locations/X/...`, `zones/X`, `regions/X`);
- when unset: a top-level optional Google `region`/`zone` falls back to the provider's (as the upstream provider
  does), a Scaleway one to the provider's and then to Scaleway's default (fr-par / fr-par-1), a top-level optional `location` is "unpinned" (the service chooses: denied on a type that stores data),
  a required one fails closed, and a nested field adds no place when unset (its block is optional, names a secondary
  place, or is rejected by the provider's Check without it);
- a key path is required when its nearest block that is not itself an encryption setting is set (at the top level:
  always), each element of a list needing its own key; on a hand-written type, a path its spec does not name is
  traced (key-custody) but not required, until a person decides.

PLACE_ROLES and KEY_WHATS name the leaves the generic rule was reviewed for (and the words messages use); a path
with another leaf is still judged, as a "location" or "data", and tests/test_index.py asks for a decision.
"""
from __future__ import annotations

import re

from .model import KeyField, LocationField

TF_REGION = ("https://github.com/hashicorp/terraform-provider-google/tree/main/google/tpgresource "
             "(GetRegion / ReplaceVars {{region}}: resource region, else provider region)")
TF_ZONE = ("https://github.com/hashicorp/terraform-provider-google/tree/main/google/tpgresource "
           "(GetZone / ReplaceVars {{zone}}: resource zone, else provider zone)")

SCW_DEFAULTS = ("https://github.com/scaleway/terraform-provider-scaleway/blob/v2.81.0/internal/meta/extractors.go "
                "(ExtractRegion / ExtractZone: resource region or zone, else the provider's, else fr-par / fr-par-1)")

NAMESPACE = {"gcp": "gcp:any", "ovh": "ovh:location", "scaleway": "scw:location"}
PROVIDER_DEFAULTS = {  # cloud -> {top-level leaf: default when unset}
    "gcp": {"region": ("provider-region", TF_REGION), "zone": ("provider-zone", TF_ZONE)},
    "scaleway": {"region": ("scaleway-region", SCW_DEFAULTS), "zone": ("scaleway-zone", SCW_DEFAULTS)},
}
UNPINNED_LEAVES = ("location", "locations", "region", "regionName")

PLACE_ROLES = {  # leaf -> the word messages use for it
    "location": "location", "locations": "location", "region": "region", "regions": "region", "zone": "zone",
    "zones": "zone", "locationId": "location", "regionName": "region", "availabilityZone": "availability zone",
    "availabilityZones": "availability zone", "datacenter": "datacenter",
    "nodeLocation": "node location", "nodeLocations": "node zone", "replicaZones": "replica zone",
    "replicaZone": "replica zone", "replicaLocations": "replica location", "secondaryLocation": "secondary location",
    "secondaryZone": "failover zone", "preferredZone": "zone", "preferredLocation": "preferred location",
    "storageLocation": "storage location", "storageLocations": "storage location",
    "defaultStorageLocation": "default storage location", "backupLocation": "backup location",
    "backupRegion": "backup region", "snapshotLocation": "snapshot location", "primaryLocation": "primary location",
    "defaultLocation": "default location", "restrictedLocations": "allowed location",
    "analyticsRegion": "analytics region", "apiConsumerDataLocation": "API consumer data location",
    "triggerRegion": "trigger region", "workerRegion": "worker region", "workerZone": "worker zone",
    "gceZone": "zone", "alternativeLocationId": "replica zone", "distributionPolicyZones": "instance zone",
    "autoProvisioningLocations": "auto-provisioning zone", "allowedPersistenceRegions": "message persistence region",
    "dataLocations": "dual-region member", "clusterLocation": "cluster location",
    "vertexLocation": "Vertex AI location", "dataAffinityRegions": "data affinity region",
    "dataExchangeLocation": "data exchange location", "membershipLocation": "fleet membership location",
    "gcpOracleZone": "Oracle zone", "producerInstanceLocation": "producer location",
    "defaultTenantLocation": "default tenant location", "supportedCloneRegions": "clone region",
    "flexShieldingRegions": "shielding region", "kmsLocation": "key location",
    "unenrollLocation": "unenrolment location", "contentCloudRegion": "threat-analysis content region",
    "wildfireRegion": "WildFire analysis region",
    "bucketRegion": "bucket region", "monoAzZone": "single-zone deployment zone",
    # places in another cloud: their names are not catalogued, so they fail closed with what to set
    "awsRegion": "AWS region", "azureRegion": "Azure region", "azureAvailabilityZone": "Azure availability zone",
}
KEY_WHATS = {  # leaf -> what the key protects, for messages
    "kmsKeyName": "data", "kmsKey": "data", "kmsKeySelfLink": "disk", "cryptoKeyName": "data",
    "kmsKeyNames": "data", "cryptoKey": "data", "encryptionKey": "data", "encryptionKeyName": "data",
    "customerManagedKey": "data", "customerManagedEncryptionKey": "data", "defaultKmsKeyName": "data",
    "bootDiskKmsKey": "boot disks", "diskEncryptionKeyName": "disks", "kmsConfig": "data",
    "cmekKeyName": "data", "gcpKmsEncryptionKey": "backups", "cloudKmsKey": "data", "kmsKeyUri": "data",
    "gcePdKmsKeyName": "persistent disks", "serviceKeyId": "volume",
    "apiConsumerDataEncryptionKeyName": "API consumer data", "controlPlaneEncryptionKeyName": "control plane data",
    "runtimeDatabaseEncryptionKeyName": "runtime database", "controlPlaneDiskEncryptionKey": "control plane disks",
    "gkeopsEtcdBackupEncryptionKey": "etcd backups", "keyReference": "data",
}
_ENCRYPTION_BLOCK = re.compile(r"(?i)encrypt|kms|cmek|key")


def leaf(path: str) -> str:
    return path.rsplit(".", 1)[-1].removesuffix("[]")


def _words(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", lambda m: " " + m.group(1).lower(), name).removesuffix("s")


def location_field(cloud: str, indexed, source: str) -> LocationField:
    """The generic LocationField of one IndexPath."""
    name = leaf(indexed.path)
    role = PLACE_ROLES.get(name) or _words(name)
    if not indexed.top_level:  # an optional block, or a secondary place; a block missing a required one fails Check
        default, why = "none", source
    elif indexed.required:
        default, why = "required", source
    elif name in PROVIDER_DEFAULTS.get(cloud, {}):
        default, why = PROVIDER_DEFAULTS[cloud][name]
    elif name in UNPINNED_LEAVES:
        default, why = "unpinned", source
    else:
        default, why = "none", source
    return LocationField(indexed.path, NAMESPACE[cloud], role=role, default=default, source=why)


def key_fields(indexed_paths, source: str, required: bool) -> tuple:
    """Generic KeyFields, one per key path (a singular and a plural spelling in one block are alternatives); list
    elements each need their own key."""
    groups: dict = {}
    for indexed in indexed_paths:
        each, _, rest = indexed.path.rpartition("[].")
        block = rest.rpartition(".")[0]
        groups.setdefault((each, block, leaf(rest).removesuffix("s")), []).append(rest)  # kmsKeyName | kmsKeyNames[]
    fields = []
    for (each, block, _), paths in groups.items():
        when = _data_block(block)
        what = KEY_WHATS.get(leaf(paths[0])) or "data"
        fields.append(KeyField(tuple(paths), what=what if not when else f"{what} of {when}", each=each,
                               when=when if required else "", required=required, source=source))
    return tuple(fields)


def _data_block(block: str) -> str:
    """The nearest enclosing block that is not itself an encryption setting ('' at the top level)."""
    parts = block.split(".") if block else []
    while parts and _ENCRYPTION_BLOCK.search(parts[-1]):
        parts.pop()
    return ".".join(parts)
