"""A Scaleway platform: Key Manager keys, Object Storage buckets encrypted with SSE-KMS (a
BucketServerSideEncryptionConfiguration per bucket), Secret Manager secrets under a Key Manager key, and the optional
managed PostgreSQL, block volumes, Edge Services pipeline and Cockpit export, all through one explicit provider.

Scaleway offers customer-managed keys only for Object Storage (SSE-KMS) and Secret Manager: the managed database
(whose `encryptionAtRest` key Scaleway holds) and block volumes are recorded as accepted risks in the policy config
instead. `legacyTokens: true` builds every resource that has one with its deprecated class (`scaleway.ObjectBucket`
rather than `scaleway.object.Bucket`), which registers the older `scaleway:index/...` type token.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pulumi
import pulumiverse_scaleway as scaleway

# resource -> (current class, deprecated class still registering its `scaleway:index/...` token)
CLASSES = {
    "key": (scaleway.keymanager.Key, scaleway.KeyManagerKey),
    "bucket": (scaleway.object.Bucket, scaleway.ObjectBucket),
    "secret": (scaleway.secrets.Secret, scaleway.Secret),
    "database": (scaleway.databases.Instance, scaleway.DatabaseInstance),
    "volume": (scaleway.block.Volume, scaleway.BlockVolume),
    "pipeline": (scaleway.edgeservices.Pipeline, scaleway.EdgeServicesPipeline),
}


@dataclass(frozen=True)
class ScalewayPlatformArgs:
    """The platform, read from the `scaleway` stack config object."""

    region: str  # e.g. fr-par
    zone: str  # e.g. fr-par-1
    api_url: Optional[str] = None  # a non-default API endpoint (never needed on Scaleway itself)
    legacy_tokens: bool = False
    rotation_period: str = "2160h"  # Key Manager: a Go duration
    unprotected_keys: bool = False
    buckets: tuple = ()  # {name, encryption: aws:kms | AES256 | none, glacierAfterDays}
    secrets: tuple = ()  # {name, key: true|false}
    database: Optional[dict] = None  # engine, nodeType, backupSameRegion
    volumes: tuple = ()  # {name, sizeGb, zone}
    edge: bool = False
    export: Optional[dict] = None  # {datadogApiKey} or {otlpEndpoint}

    @classmethod
    def from_config(cls, raw: dict) -> "ScalewayPlatformArgs":
        keys = raw.get("keys") or {}
        return cls(region=raw["region"], zone=raw["zone"], api_url=raw.get("apiUrl"),
                   legacy_tokens=bool(raw.get("legacyTokens", False)),
                   rotation_period=keys.get("rotationPeriod", "2160h"),
                   unprotected_keys=bool(keys.get("unprotected", False)),
                   buckets=tuple(raw.get("buckets") or ()), secrets=tuple(raw.get("secrets") or ()),
                   database=raw.get("database"), volumes=tuple(raw.get("volumes") or ()),
                   edge=bool(raw.get("edge", False)), export=raw.get("export"))


class ScalewayPlatform(pulumi.ComponentResource):
    """Keys, encrypted buckets and secrets, and the optional database, volumes, Edge Services and export."""

    def __init__(self, name: str, args: ScalewayPlatformArgs, opts: Optional[pulumi.ResourceOptions] = None):
        super().__init__("sovereign-guard-samples:scaleway:Platform", name, None, opts)
        self._name, self._args = name, args
        self.provider = scaleway.Provider(f"{name}-scaleway", region=args.region, zone=args.zone,
                                          api_url=args.api_url, opts=pulumi.ResourceOptions(parent=self))
        self._child = pulumi.ResourceOptions(parent=self, provider=self.provider)
        outputs = {"buckets": [self._bucket(b).name for b in args.buckets],
                   "secrets": [self._secret(s).id for s in args.secrets]}
        if args.database is not None:
            outputs["database"] = self._database(args.database).id
        outputs["volumes"] = [self._volume(v).id for v in args.volumes]
        if args.edge:
            outputs["edge"] = self._class("pipeline")(f"{name}-edge", name=f"{name}-edge", opts=self._child).id
        if args.export is not None:
            outputs["export"] = self._export(args.export).id
        self.outputs = outputs
        self.register_outputs(outputs)

    def _class(self, kind: str):
        current, deprecated = CLASSES[kind]
        return deprecated if self._args.legacy_tokens else current

    def _key(self, purpose: str):
        """A symmetric Key Manager key (AES-256-GCM) that rotates and is deletion-protected unless configured not."""
        return self._class("key")(
            f"{self._name}-{purpose}-key", name=f"{self._name}-{purpose}", usage="symmetric_encryption",
            algorithm="aes_256_gcm", region=self._args.region,
            rotation_policy={"rotation_period": self._args.rotation_period} if self._args.rotation_period else None,
            unprotected=self._args.unprotected_keys or None, opts=self._child)

    def _bucket(self, settings: dict):
        """A bucket and, unless `encryption: none`, its default encryption: SSE-KMS with a key of its own."""
        name = f"{self._name}-{settings['name']}"
        lifecycle = None
        if settings.get("glacierAfterDays") is not None:
            lifecycle = [{"enabled": True, "id": "archive",
                          "transitions": [{"days": int(settings["glacierAfterDays"]), "storage_class": "GLACIER"}]}]
        bucket = self._class("bucket")(name, name=name, region=self._args.region, versioning={"enabled": True},
                                       lifecycle_rules=lifecycle, opts=self._child)
        encryption = settings.get("encryption", "aws:kms")
        if encryption != "none":
            default = {"sse_algorithm": encryption}
            if encryption == "aws:kms":
                default["kms_master_key_id"] = self._key(settings["name"]).id
            scaleway.object.BucketServerSideEncryptionConfiguration(
                f"{name}-encryption", bucket=bucket.name, region=self._args.region,
                rules=[{"apply_server_side_encryption_by_default": default, "bucket_key_enabled": True}],
                opts=self._child)
        return bucket

    def _secret(self, settings: dict):
        key = self._key(settings["name"]).id if settings.get("key", True) else None
        return self._class("secret")(f"{self._name}-{settings['name']}", name=settings["name"],
                                     region=self._args.region, key_id=key, opts=self._child)

    def _database(self, settings: dict):
        """PostgreSQL, encrypted at rest (with a key Scaleway holds) and backed up in its own region by default."""
        return self._class("database")(
            f"{self._name}-rdb", name=f"{self._name}-rdb", region=self._args.region,
            engine=settings.get("engine", "PostgreSQL-16"), node_type=settings.get("nodeType", "DB-PRO2-XXS"),
            is_ha_cluster=True, encryption_at_rest=True,
            backup_same_region=settings.get("backupSameRegion", True), opts=self._child)

    def _volume(self, settings: dict):
        return self._class("volume")(f"{self._name}-{settings['name']}", name=settings["name"], iops=5000,
                                     size_in_gb=int(settings.get("sizeGb", 50)),
                                     zone=settings.get("zone", self._args.zone), opts=self._child)

    def _export(self, settings: dict):
        """A Cockpit export of every product's metrics and logs to Datadog or an OTLP endpoint."""
        datadog = {"api_key": settings["datadogApiKey"]} if "datadogApiKey" in settings else None
        otlp = {"endpoint": settings["otlpEndpoint"]} if "otlpEndpoint" in settings else None
        return scaleway.observability.Exporter(
            f"{self._name}-export", datasource_id=settings.get("datasourceId", "fr-par/metrics"),
            region=self._args.region, datadog_destination=datadog, otlp_destination=otlp, opts=self._child)
