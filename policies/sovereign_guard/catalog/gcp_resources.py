"""pulumi-gcp resource types: where each keeps its locations and its customer-managed key.

Paths are engine (camelCase) input paths checked against pulumi-gcp 10.2.0. Defaults name what the service does
when a location is unset (see model.LocationField). Sources: SDK = the pulumi-gcp 10.2.0 Python SDK docstrings.
"""
from .model import KeyField as K
from .model import LocationField as L
from .model import ResourceSpec as R

SDK = "pulumi-gcp 10.2.0"

RESOURCES = (
    R("gcp:storage/bucket:Bucket",
      locations=(L("location", "gcp:storage", source=SDK),
                 L("customPlacementConfig.dataLocations[]", "gcp:region", role="dual-region member", default="none",
                   source="https://cloud.google.com/storage/docs/locations#configurable")),
      keys=(K(("encryption.defaultKmsKeyName",), what="objects", source=SDK),),
      source=SDK),
    R("gcp:bigquery/dataset:Dataset",
      locations=(L("location", "gcp:bigquery", default="literal:us",
                   source="https://cloud.google.com/bigquery/docs/locations (unset: US multi-region)"),),
      keys=(K(("defaultEncryptionConfiguration.kmsKeyName",), what="tables", source=SDK),),
      source=SDK),
    R("gcp:sql/databaseInstance:DatabaseInstance",
      locations=(L("region", "gcp:region", default="provider-region", source=SDK),
                 L("settings.backupConfiguration.location", "gcp:storage", role="backup location",
                   default="nearest-multi-region", source="https://cloud.google.com/sql/docs/postgres/backup-recovery/backups#locations")),
      keys=(K(("encryptionKeyName",), what="database storage", source=SDK),),
      source=SDK),
    R("gcp:compute/disk:Disk",
      locations=(L("zone", "gcp:zone", default="provider-zone", source=SDK),),
      keys=(K(("diskEncryptionKey.kmsKeySelfLink",), what="disk", source=SDK),),
      raw_key_paths=("diskEncryptionKey.rawKey", "diskEncryptionKey.rsaEncryptedKey"),
      source=SDK),
    R("gcp:pubsub/topic:Topic",
      locations=(L("messageStoragePolicy.allowedPersistenceRegions[]", "gcp:region", role="message persistence region",
                   default="literal:global", source="https://cloud.google.com/pubsub/docs/resource-location-restriction"),),
      keys=(K(("kmsKeyName",), what="messages", source=SDK),),
      source=SDK),
    R("gcp:kms/keyRing:KeyRing",
      locations=(L("location", "gcp:kms", source=SDK),),
      cmek="not-data", note="a key ring holds keys, not data", source=SDK),
)

# Types that hold no data and have no location (IAM, networks, ...): glob patterns on the type token.
LOCATION_FREE = (
    "gcp:*/*IamMember:*", "gcp:*/*IamBinding:*", "gcp:*/*IamPolicy:*",
    "gcp:compute/network:Network", "gcp:compute/firewall:Firewall",
)
