"""A Google Cloud (or S3NS) data platform whose data services each use a customer-managed Cloud KMS key.

Every key sits in a key ring in the location of the data it protects (Cloud KMS requires it), and the service
agent of each service is granted use of its own key only.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Optional

import pulumi
import pulumi_gcp as gcp

ENCRYPTER = "roles/cloudkms.cryptoKeyEncrypterDecrypter"

# Service agent emails in the Google universe ({number}: the project number); override per universe in config.
GOOGLE_SERVICE_AGENTS = {
    "storage": ("service-{number}@gs-project-accounts.iam.gserviceaccount.com",),
    "bigquery": ("bq-{number}@bigquery-encryption.iam.gserviceaccount.com",),
    "sql": ("service-{number}@gcp-sa-cloud-sql.iam.gserviceaccount.com",),
    "gke": ("service-{number}@container-engine-robot.iam.gserviceaccount.com",
            "service-{number}@compute-system.iam.gserviceaccount.com"),
    "pubsub": ("service-{number}@gcp-sa-pubsub.iam.gserviceaccount.com",),
    "secrets": ("service-{number}@gcp-sa-secretmanager.iam.gserviceaccount.com",),
    "artifacts": ("service-{number}@gcp-sa-artifactregistry.iam.gserviceaccount.com",),
    "exports": ("service-{number}@compute-system.iam.gserviceaccount.com",  # the scratch disk and its snapshot
                "service-{number}@gs-project-accounts.iam.gserviceaccount.com"),  # the archive bucket
}
SERVICES = tuple(GOOGLE_SERVICE_AGENTS)
UNSET = object()  # config gave no value: use the platform location


@dataclass(frozen=True)
class ServiceSettings:
    """One data service: where it lives (None: leave the service default) and whether it uses a CMEK."""

    location: Optional[str]
    cmek: bool = True
    options: dict = field(default_factory=dict)  # service-specific keys, see the builders below


@dataclass(frozen=True)
class GcpPlatformArgs:
    """The platform, read from the `gcp` stack config object."""

    project_number: str
    location: str
    zones: tuple
    services: dict  # service name -> ServiceSettings, only the services to build
    key_protection_level: str = "HSM"
    key_rotation_period: str = "7776000s"
    service_agents: dict = field(default_factory=dict)  # service -> tuple of email templates

    @classmethod
    def from_config(cls, raw: dict) -> "GcpPlatformArgs":
        location = raw["location"]
        services = {}
        for name, settings in (raw.get("services") or {}).items():
            if name not in SERVICES:
                raise ValueError(f"gcp.services.{name}: unknown service; use one of {', '.join(SERVICES)}")
            settings = dict(settings or {})
            where = settings.pop("location", UNSET)
            services[name] = ServiceSettings(location if where is UNSET else where,
                                             bool(settings.pop("cmek", True)), settings)
        agents = {name: (value,) if isinstance(value, str) else tuple(value)
                  for name, value in (raw.get("serviceAgents") or {}).items()}
        return cls(project_number=str(raw["projectNumber"]), location=location,
                   zones=tuple(raw.get("zones") or ()), services=services,
                   key_protection_level=raw.get("keyProtectionLevel", "HSM"),
                   key_rotation_period=raw.get("keyRotationPeriod", "7776000s"),
                   service_agents={**GOOGLE_SERVICE_AGENTS, **agents})


class GcpPlatform(pulumi.ComponentResource):
    """Key rings, per-service keys and grants, and the data services named in the args."""

    def __init__(self, name: str, args: GcpPlatformArgs, opts: Optional[pulumi.ResourceOptions] = None):
        super().__init__("sovereign-guard-samples:gcp:Platform", name, None, opts)
        self._name, self._args = name, args
        self._rings: dict = {}
        self._child = pulumi.ResourceOptions(parent=self)
        self._built: dict = {}  # resources later services send data to
        builders = {"storage": self._storage, "bigquery": self._bigquery, "sql": self._sql, "gke": self._gke,
                    "pubsub": self._pubsub, "secrets": self._secrets, "artifacts": self._artifacts,
                    "exports": self._exports}
        # `exports` sends data to what the others build, so it comes last (config objects arrive with sorted keys)
        ordered = sorted(args.services.items(), key=lambda item: item[0] == "exports")
        self.outputs = {service: builders[service](settings) for service, settings in ordered}
        self.register_outputs(self.outputs)

    # -- keys ---------------------------------------------------------------------------------------------------

    def _ring(self, location: str) -> gcp.kms.KeyRing:
        if location not in self._rings:
            self._rings[location] = gcp.kms.KeyRing(f"{self._name}-keys-{location}", location=location,
                                                    opts=self._child)
        return self._rings[location]

    def _key(self, service: str, location: Optional[str]) -> Optional[pulumi.Output]:
        """The id of a new key for `service` in `location` (the platform location when None), usable by its agent."""
        if not self._args.services[service].cmek:
            return None
        location = location or self._args.location
        suffix = "" if location == self._args.location else f"-{location}"
        key = gcp.kms.CryptoKey(
            f"{self._name}-{service}{suffix}",
            key_ring=self._ring(location).id,
            purpose="ENCRYPT_DECRYPT",
            rotation_period=self._args.key_rotation_period,
            version_template=gcp.kms.CryptoKeyVersionTemplateArgs(
                algorithm="GOOGLE_SYMMETRIC_ENCRYPTION", protection_level=self._args.key_protection_level),
            opts=self._child)
        grants = []
        for index, template in enumerate(self._args.service_agents[service]):
            grants.append(gcp.kms.CryptoKeyIAMMember(
                f"{self._name}-{service}{suffix}-agent{index or ''}",
                crypto_key_id=key.id,
                role=ENCRYPTER,
                member=f"serviceAccount:{template.format(number=self._args.project_number)}",
                opts=self._child))
        # A service checks its key access at creation: make users of the key wait for the grants.
        return pulumi.Output.all(key.id, *[grant.etag for grant in grants]).apply(lambda values: values[0])

    # -- services -----------------------------------------------------------------------------------------------

    def _storage(self, s: ServiceSettings):
        key = self._key("storage", s.location)
        bucket = gcp.storage.Bucket(
            f"{self._name}-data",
            location=s.location,
            uniform_bucket_level_access=True,
            public_access_prevention="enforced",
            versioning=gcp.storage.BucketVersioningArgs(enabled=True),
            encryption=gcp.storage.BucketEncryptionArgs(default_kms_key_name=key) if key else None,
            opts=self._child)
        self._built["bucket"] = bucket
        return bucket.url

    def _bigquery(self, s: ServiceSettings):
        key = self._key("bigquery", s.location)
        dataset = gcp.bigquery.Dataset(
            f"{self._name}-analytics",
            dataset_id=s.options.get("datasetId", f"{self._name.replace('-', '_')}_analytics"),
            location=s.location,
            default_encryption_configuration=(
                gcp.bigquery.DatasetDefaultEncryptionConfigurationArgs(kms_key_name=key) if key else None),
            opts=self._child)
        self._built["dataset"] = dataset
        self._built["table"] = gcp.bigquery.Table(
            f"{self._name}-analytics-events",
            dataset_id=dataset.dataset_id,
            table_id="events",
            deletion_protection=True,
            schema=json.dumps([{"name": "at", "type": "TIMESTAMP", "mode": "REQUIRED"},
                               {"name": "payload", "type": "JSON", "mode": "NULLABLE"}]),
            encryption_configuration=gcp.bigquery.TableEncryptionConfigurationArgs(kms_key_name=key) if key else None,
            opts=self._child)
        return dataset.id

    def _sql(self, s: ServiceSettings):
        """PostgreSQL; backups stay in `backupLocation` (default: the instance region; null: Google's choice)."""
        key = self._key("sql", s.location)
        backup_location = s.options.get("backupLocation", s.location)
        network = s.options.get("network")  # a VPC with private services access; unset: public IP, TLS only
        instance = gcp.sql.DatabaseInstance(
            f"{self._name}-postgres",
            database_version=s.options.get("version", "POSTGRES_16"),
            region=s.location,
            encryption_key_name=key,
            deletion_protection=True,
            settings=gcp.sql.DatabaseInstanceSettingsArgs(
                tier=s.options.get("tier", "db-custom-2-7680"),
                availability_type="REGIONAL",
                backup_configuration=gcp.sql.DatabaseInstanceSettingsBackupConfigurationArgs(
                    enabled=True, point_in_time_recovery_enabled=True, location=backup_location),
                ip_configuration=gcp.sql.DatabaseInstanceSettingsIpConfigurationArgs(
                    ipv4_enabled=not network, private_network=network, ssl_mode="ENCRYPTED_ONLY"),
            ),
            opts=self._child)
        return instance.connection_name

    def _gke(self, s: ServiceSettings):
        """A regional cluster with encrypted etcd secrets and node boot disks; nodes run in a separate pool."""
        key = self._key("gke", s.location)
        node_locations = list(s.options.get("nodeLocations", self._args.zones))
        node_config = gcp.container.ClusterNodeConfigArgs(boot_disk_kms_key=key, disk_type="pd-balanced")
        cluster = gcp.container.Cluster(
            f"{self._name}-gke",
            location=s.location,
            node_locations=node_locations,
            remove_default_node_pool=True,
            initial_node_count=1,
            node_config=node_config,
            database_encryption=gcp.container.ClusterDatabaseEncryptionArgs(
                state="ENCRYPTED" if key else "DECRYPTED", key_name=key),
            deletion_protection=True,
            opts=self._child)
        gcp.container.NodePool(
            f"{self._name}-gke-nodes",
            cluster=cluster.name,
            location=s.location,
            node_locations=node_locations,
            node_count=1,
            node_config=gcp.container.NodePoolNodeConfigArgs(
                machine_type=s.options.get("machineType", "e2-standard-4"),
                disk_type="pd-balanced",
                boot_disk_kms_key=key),
            opts=self._child)
        return cluster.endpoint

    def _pubsub(self, s: ServiceSettings):
        """A topic whose messages persist only in `persistenceRegions` (default: the location; []: no policy)."""
        regions = list(s.options.get("persistenceRegions", [s.location] if s.location else []))
        key = self._key("pubsub", regions[0] if regions else None)
        topic = gcp.pubsub.Topic(
            f"{self._name}-events",
            kms_key_name=key,
            message_storage_policy=gcp.pubsub.TopicMessageStoragePolicyArgs(
                allowed_persistence_regions=regions, enforce_in_transit=True) if regions else None,
            opts=self._child)
        self._built["topic"] = topic
        return topic.id

    def _secrets(self, s: ServiceSettings):
        """A secret replicated to `replicas` (default: the location), or `replication: automatic` (global key)."""
        if s.options.get("replication", "user-managed") == "automatic":
            key = self._key("secrets", "global")
            replication = gcp.secretmanager.SecretReplicationArgs(auto=gcp.secretmanager.SecretReplicationAutoArgs(
                customer_managed_encryption=gcp.secretmanager.SecretReplicationAutoCustomerManagedEncryptionArgs(
                    kms_key_name=key) if key else None))
        else:
            replicas = []
            for location in s.options.get("replicas", [s.location]):
                key = self._key("secrets", location)
                cmek = gcp.secretmanager.SecretReplicationUserManagedReplicaCustomerManagedEncryptionArgs(
                    kms_key_name=key) if key else None
                replicas.append(gcp.secretmanager.SecretReplicationUserManagedReplicaArgs(
                    location=location, customer_managed_encryption=cmek))
            replication = gcp.secretmanager.SecretReplicationArgs(
                user_managed=gcp.secretmanager.SecretReplicationUserManagedArgs(replicas=replicas))
        secret = gcp.secretmanager.Secret(f"{self._name}-db-password", secret_id=f"{self._name}-db-password",
                                          replication=replication, opts=self._child)
        return secret.id

    def _artifacts(self, s: ServiceSettings):
        key = self._key("artifacts", s.location)
        repository = gcp.artifactregistry.Repository(
            f"{self._name}-images",
            repository_id=f"{self._name}-images",
            location=s.location,
            format=s.options.get("format", "DOCKER"),
            kms_key_name=key,
            opts=self._child)
        return repository.id

    def _exports(self, s: ServiceSettings):
        """Where the platform's data is sent, copied and cached, each kept in `location` unless an option points
        it elsewhere. Needs storage, bigquery and pubsub in `services` (built before it).

        Options: `auditLogs` (the audit-log sink's destination; default the analytics dataset), `archiveBucket`
        (the nightly transfer's sink; default a new archive bucket in the location), `snapshotSource` (default a
        new disk in the first zone), `snapshotLocations` (default [location]; null: the multi-region Google picks
        near the source), `cdn` (serve the data bucket through Cloud CDN)."""
        missing = [k for k in ("bucket", "dataset", "table", "topic") if k not in self._built]
        if missing:
            raise ValueError(f"gcp.services.exports: needs storage, bigquery and pubsub too (missing {missing})")
        bucket, dataset, table, topic = (self._built[k] for k in ("bucket", "dataset", "table", "topic"))
        project, key, name = gcp.config.project, self._key("exports", s.location), self._name
        gcp.logging.ProjectSink(
            f"{name}-audit-logs",
            destination=s.options.get("auditLogs") or pulumi.Output.concat(
                "bigquery.googleapis.com/projects/", project, "/datasets/", dataset.dataset_id),
            filter='logName:"cloudaudit.googleapis.com"',
            unique_writer_identity=True,
            bigquery_options=gcp.logging.ProjectSinkBigqueryOptionsArgs(use_partitioned_tables=True),
            opts=self._child)
        gcp.pubsub.Subscription(
            f"{name}-events-to-bigquery",
            topic=topic.id,
            bigquery_config=gcp.pubsub.SubscriptionBigqueryConfigArgs(
                table=pulumi.Output.concat(project, ".", dataset.dataset_id, ".", table.table_id),
                use_table_schema=True),
            opts=self._child)
        gcp.pubsub.Subscription(
            f"{name}-events-archive",
            topic=topic.id,
            cloud_storage_config=gcp.pubsub.SubscriptionCloudStorageConfigArgs(bucket=bucket.id,
                                                                               filename_prefix="events/"),
            opts=self._child)
        archive = s.options.get("archiveBucket")
        if archive is None:
            archive = gcp.storage.Bucket(
                f"{name}-archive",
                location=s.location,
                storage_class="ARCHIVE",
                uniform_bucket_level_access=True,
                public_access_prevention="enforced",
                encryption=gcp.storage.BucketEncryptionArgs(default_kms_key_name=key) if key else None,
                opts=self._child).id
        gcp.storage.TransferJob(
            f"{name}-nightly-archive",
            description="Nightly copy of the data bucket",
            transfer_spec=gcp.storage.TransferJobTransferSpecArgs(
                gcs_data_source=gcp.storage.TransferJobTransferSpecGcsDataSourceArgs(bucket_name=bucket.id),
                gcs_data_sink=gcp.storage.TransferJobTransferSpecGcsDataSinkArgs(bucket_name=archive)),
            schedule=gcp.storage.TransferJobScheduleArgs(
                schedule_start_date=gcp.storage.TransferJobScheduleScheduleStartDateArgs(year=2026, month=1, day=1)),
            opts=self._child)
        source = s.options.get("snapshotSource")
        if source is None:
            source = gcp.compute.Disk(
                f"{name}-scratch",
                zone=self._args.zones[0] if self._args.zones else None,
                size=50,
                type="pd-balanced",
                disk_encryption_key=gcp.compute.DiskDiskEncryptionKeyArgs(kms_key_self_link=key) if key else None,
                opts=self._child).id
        snapshot = gcp.compute.Snapshot(
            f"{name}-scratch-snapshot",
            source_disk=source,
            storage_locations=s.options.get("snapshotLocations", [s.location]),
            snapshot_encryption_key=gcp.compute.SnapshotSnapshotEncryptionKeyArgs(kms_key_self_link=key) if key
            else None,
            opts=self._child)
        if s.options.get("cdn"):
            gcp.compute.BackendBucket(f"{name}-cdn", bucket_name=bucket.id, enable_cdn=True, opts=self._child)
        return snapshot.id
