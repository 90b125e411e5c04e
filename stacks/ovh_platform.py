"""An OVHcloud Public Cloud platform: an OKMS domain whose service keys encrypt the block volumes, plus an
instance, an object storage container and a managed PostgreSQL, all in one (3-AZ) region.

OVHcloud offers customer-managed keys (OKMS) for block volumes only; the instance's local disk, the object
storage container (SSE with OVHcloud keys) and the managed database are recorded as accepted risks in the policy
config instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import pulumi
import pulumi_ovh as ovh

UNSET = object()  # config gave no value: use the platform default


def _pick(settings: dict, key: str, default):
    value = settings.get(key, UNSET)
    return default if value is UNSET else value


@dataclass(frozen=True)
class VolumeSettings:
    name: str
    size_gb: int
    region: str
    zone: Optional[str]


@dataclass(frozen=True)
class OvhPlatformArgs:
    """The platform, read from the `ovh` stack config object."""

    service_name: str  # the Public Cloud project id
    region: str  # compute/volume/database region name, e.g. EU-WEST-PAR
    zone: Optional[str]  # availability zone of a 3-AZ region, e.g. eu-west-par-a
    kms_region: str  # OKMS region, e.g. eu-west-par
    subsidiary: str = "FR"
    volumes: tuple = ()
    instance: Optional[dict] = None  # flavorId, imageId, sshKeyName (+ region/zone overrides)
    storage: Optional[dict] = None  # region override
    database: Optional[dict] = None  # version, plan, flavor, nodes, backupRegions (+ region override)

    @classmethod
    def from_config(cls, raw: dict) -> "OvhPlatformArgs":
        region, zone = raw["region"], raw.get("zone")
        volumes = tuple(VolumeSettings(v["name"], int(v.get("sizeGb", 100)), _pick(v, "region", region),
                                       _pick(v, "zone", zone)) for v in raw.get("volumes") or ())
        kms = raw.get("kms") or {}
        return cls(service_name=raw["serviceName"], region=region, zone=zone,
                   kms_region=kms.get("region", region.lower()), subsidiary=kms.get("subsidiary", "FR"),
                   volumes=volumes, instance=raw.get("instance"), storage=raw.get("storage"),
                   database=raw.get("database"))


class OvhPlatform(pulumi.ComponentResource):
    """OKMS domain and keys, encrypted volumes, and the optional instance, storage and database."""

    def __init__(self, name: str, args: OvhPlatformArgs, opts: Optional[pulumi.ResourceOptions] = None):
        super().__init__("sovereign-guard-samples:ovh:Platform", name, None, opts)
        self._name, self._args = name, args
        self._child = pulumi.ResourceOptions(parent=self)
        self.okms = ovh.okms.Okms(f"{name}-kms", region=args.kms_region, ovh_subsidiary=args.subsidiary,
                                  display_name=f"{name} keys", opts=self._child)
        self.volumes = [self._volume(v) for v in args.volumes]
        outputs = {"okms": self.okms.id, "volumes": [v.id for v in self.volumes]}
        if args.instance is not None:
            outputs["instance"] = self._instance(args.instance).id
        if args.storage is not None:
            outputs["storage"] = self._storage(args.storage).virtual_host
        if args.database is not None:
            outputs["database"] = self._database(args.database).id
        self.outputs = outputs
        self.register_outputs(outputs)

    def _volume(self, v: VolumeSettings) -> ovh.cloudproject.Volume:
        """A LUKS volume whose key is a 256-bit OKMS service key of its own."""
        key = ovh.okms.ServiceKey(f"{self._name}-{v.name}-key", okms_id=self.okms.id, name=f"{self._name}-{v.name}",
                                  type="oct", size=256, operations=["encrypt", "decrypt"], opts=self._child)
        return ovh.cloudproject.Volume(
            f"{self._name}-{v.name}",
            service_name=self._args.service_name,
            region_name=v.region,
            availability_zone=v.zone,
            size=v.size_gb,
            encryption=ovh.cloudproject.VolumeEncryptionArgs(
                encrypted=True,
                kms=ovh.cloudproject.VolumeEncryptionKmsArgs(domain_id=self.okms.id, service_key_id=key.id)),
            opts=self._child)

    def _instance(self, settings: dict) -> ovh.cloudproject.Instance:
        return ovh.cloudproject.Instance(
            f"{self._name}-app",
            service_name=self._args.service_name,
            region=_pick(settings, "region", self._args.region),
            availability_zone=_pick(settings, "zone", self._args.zone),
            billing_period="hourly",
            flavor=ovh.cloudproject.InstanceFlavorArgs(flavor_id=settings["flavorId"]),
            boot_from=ovh.cloudproject.InstanceBootFromArgs(image_id=settings["imageId"]),
            ssh_key=ovh.cloudproject.InstanceSshKeyArgs(name=settings["sshKeyName"]),
            network=ovh.cloudproject.InstanceNetworkArgs(public=True),
            opts=self._child)

    def _storage(self, settings: dict) -> ovh.cloudproject.Storage:
        return ovh.cloudproject.Storage(
            f"{self._name}-objects",
            service_name=self._args.service_name,
            region_name=_pick(settings, "region", self._args.region),
            encryption=ovh.cloudproject.StorageEncryptionArgs(sse_algorithm="AES256"),
            versioning=ovh.cloudproject.StorageVersioningArgs(status="enabled"),
            opts=self._child)

    def _database(self, settings: dict) -> ovh.cloudproject.Database:
        """PostgreSQL with identical nodes in one region; backups in `backupRegions` (default: that region)."""
        region = _pick(settings, "region", self._args.region)
        return ovh.cloudproject.Database(
            f"{self._name}-postgres",
            service_name=self._args.service_name,
            engine="postgresql",
            version=str(settings.get("version", "17")),
            plan=settings.get("plan", "production"),
            flavor=settings.get("flavor", "b3-8"),
            nodes=[ovh.cloudproject.DatabaseNodeArgs(region=region) for _ in range(int(settings.get("nodes", 3)))],
            backup_regions=settings.get("backupRegions", [region]),
            deletion_protection=True,
            opts=self._child)
