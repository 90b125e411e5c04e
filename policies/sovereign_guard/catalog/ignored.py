"""SDK index paths that are named like a place or a key but are neither, each with a reason and a source.

The index generator casts a wide net by name (a time zone is named like a zone); these rules take the catch
back. A rule is (type token glob, path glob, reason, source), matched case-sensitively on the full token and on the
path without its "!" marker. Paths that only feed another rule (a Cloud Storage URI, judged as a data flow) are
listed too, so that the residency rule does not read a URI as a place (those written to are data-flows' fields:
tests/test_flows_catalog.py checks each is in catalog/gcp_flows.py). tests/test_index.py fails on a rule that no
longer matches anything, so the list shrinks with the SDKs.
"""
from __future__ import annotations

from fnmatch import fnmatchcase
from functools import lru_cache
from typing import NamedTuple, Optional

GCP_SDK = "pulumi-gcp 10.2.0 (input docstrings)"
OVH_SDK = "pulumi-ovh 2.22.0 (input docstrings)"


class Ignored(NamedTuple):
    types: str
    path: str
    reason: str
    source: str


RULES = (
    # --- not places -------------------------------------------------------------------------------------------------
    Ignored("gcp:*", "*imeZone", "a time zone (IANA name) for schedules, not a place", GCP_SDK),
    Ignored("gcp:*", "*.apiKeyConfig.requestLocation", "where an API key goes in an HTTP request (header or query)",
            GCP_SDK),
    Ignored("gcp:apihub/pluginInstance:PluginInstance", "authConfig.apiKeyConfig.httpElementLocation",
            "where an API key goes in an HTTP request (header or query)", GCP_SDK),
    Ignored("gcp:compute/*nstanceGroupManager:*", "instanceLifecyclePolicy.onRepair.allowChangingZone",
            "a YES/NO switch for repairs, not a zone", GCP_SDK),
    Ignored("gcp:dataplex/asset:Asset", "dataplexZone", "a Dataplex zone is a logical grouping of a lake, not a place",
            "https://cloud.google.com/dataplex/docs/introduction#terminology"),
    Ignored("gcp:networkconnectivity/serviceConnectionPolicy:ServiceConnectionPolicy",
            "pscConfig.producerInstanceLocation", "an enum (CUSTOM_RESOURCE_HIERARCHY_LEVELS), not a place", GCP_SDK),
    Ignored("gcp:identityplatform/config:Config", "multiTenant.defaultTenantLocation",
            "the organization or folder new tenant projects go under, not a place", GCP_SDK),
    Ignored("gcp:identityplatform/config:Config", "smsRegionConfig.*Regions[]",
            "country codes allowed to receive sign-in SMS, not where data is kept", GCP_SDK),
    Ignored("gcp:gkeonprem/*", "vcenter.datacenter", "the name of a vSphere datacenter object on the customer's own "
            "premises, not a cloud location", GCP_SDK),
    Ignored("gcp:compute/interconnect:Interconnect", "remoteLocation",
            "a colocation facility for a cross-cloud Interconnect; carries traffic, stores no data", GCP_SDK),
    Ignored("gcp:compute/rolloutPlan:RolloutPlan", "*.locationSelector.includedLocations[]",
            "which zones a rollout wave targets; stores no data", GCP_SDK),
    Ignored("gcp:osconfig/*", "*.includedLocations[]", "which zones an OS policy targets; stores no data", GCP_SDK),
    Ignored("gcp:osconfig/*", "*.zones[]", "an instance filter of an OS policy or patch job; stores no data", GCP_SDK),
    Ignored("gcp:migrationcenter/preferenceSet:PreferenceSet", "*.preferredRegions[]",
            "planning preferences for migration reports; no data is placed there", GCP_SDK),
    Ignored("gcp:oracledatabase/autonomousDatabase:AutonomousDatabase", "properties.supportedCloneRegions[]",
            "regions where clones could be made, not where this database is", GCP_SDK),
    Ignored("gcp:container/cluster:Cluster", "fleet.membershipLocation",
            "where the fleet membership record (metadata) lives, not cluster data", GCP_SDK),
    Ignored("gcp:*", "*awsV4Authentication.originRegion", "the AWS region used to sign requests to an origin "
            "(SigV4), not where data is kept", GCP_SDK),
    Ignored("gcp:chronicle/feed:Feed", "details.*.region", "the AWS region of an ingestion source, read from, not "
            "written to", GCP_SDK),
    Ignored("ovh:IpLoadBalancing/httpFrontend:HttpFrontend", "redirectLocation", "an HTTP redirect URL", OVH_SDK),
    Ignored("ovh:*", "planOptions[].configurations[]", "the configurations of an order's add-on options; the "
            "datacentre is a configuration of the main plan", "https://github.com/ovh/terraform-provider-ovh/blob/"
            "master/docs/resources/dedicated_server.md (plan_option)"),
    Ignored("ovh:IpLoadBalancing/loadBalancer:LoadBalancer", "plan.configurations[]", "the order of an IP Load "
            "Balancer names no datacentre; its frontends and farms carry the zones traffic is served from",
            "https://github.com/ovh/terraform-provider-ovh/blob/master/docs/resources/iploadbalancing.md"),
    # --- Cloud Storage URIs: where data is written, judged by data-flows (catalog/gcp_flows.py), not place names ----
    Ignored("gcp:dataflow/*", "*empLocation", "a gs:// URI for temporary files: the bucket is judged by data-flows, "
            "not read as a place name", GCP_SDK),
    Ignored("gcp:dataflow/*", "*tagingLocation", "a gs:// URI for staged files: the bucket is judged by data-flows, "
            "not read as a place name", GCP_SDK),
    Ignored("gcp:dataflow/job:Job", "tempGcsLocation", "a gs:// URI for temporary files: the bucket is judged by "
            "data-flows, not read as a place name", GCP_SDK),
    Ignored("gcp:storage/batchOperationsJob:BatchOperationsJob", "*.manifestLocation",
            "a gs:// URI of a manifest file (read, not a place name)", GCP_SDK),
    Ignored("gcp:storage/transferJob:TransferJob", "transferSpec.awsS3CompatibleDataSource.region",
            "the region of an S3-compatible source the job reads from, not where data is written", GCP_SDK),
    Ignored("gcp:storage/transferJob:TransferJob", "transferSpec.transferManifest.location",
            "a gs:// URI of a manifest file listing what to transfer (read, not a place name)", GCP_SDK),
    Ignored("gcp:cloudrunv2/service:Service", "*.sourceLocation", "a gs:// URI of source code to build (read, not "
            "a place name)", GCP_SDK),
    Ignored("gcp:biglake/icebergCatalog:IcebergCatalog", "defaultLocation", "a gs:// URI of the catalog's default "
            "storage: the bucket is judged by data-flows, not read as a place name", GCP_SDK),
    Ignored("gcp:dataproc/metastoreService:MetastoreService", "scheduledBackup.backupLocation", "a gs:// URI where "
            "backups are written: the bucket is judged by data-flows, not read as a place name", GCP_SDK),
    Ignored("gcp:composer/environment:Environment", "config.recoveryConfig.scheduledSnapshotsConfig.snapshotLocation",
            "a gs:// URI where snapshots are written: the bucket is judged by data-flows, not read as a place name",
            GCP_SDK),
    # --- not data keys -----------------------------------------------------------------------------------------------
    Ignored("gcp:*", "*.kmsKeyServiceAccount", "the service account that uses the key, not a key", GCP_SDK),
    Ignored("gcp:*", "*.kmsKeyVersion", "the key version used (an output of the service), not the key setting",
            GCP_SDK),
    Ignored("gcp:*", "*.kmsKeyVersionName", "the key version in use (an output), not the key setting", GCP_SDK),
    Ignored("gcp:*", "*.kmsKeyNameVersion", "the key version in use (an output), not the key setting", GCP_SDK),
    Ignored("gcp:*", "*.kmsKeyActiveVersion", "the key version in use (an output), not the key setting", GCP_SDK),
    Ignored("gcp:*", "*.kmsKeyState", "the key's availability (an output), not the key setting", GCP_SDK),
    Ignored("gcp:*", "source*EncryptionKey.kmsKeySelfLink", "the key that decrypts the source image, snapshot or "
            "disk being read; the new resource's own key is named elsewhere", GCP_SDK),
    Ignored("gcp:*", "*.source*EncryptionKey.kmsKeySelfLink", "the key that decrypts the source image, snapshot or "
            "disk being read; the new resource's own key is named elsewhere", GCP_SDK),
    Ignored("gcp:compute/instanceFromMachineImage:InstanceFromMachineImage",
            "sourceMachineImageEncryptionKey.kmsKeyName", "the key that decrypts the source machine image",
            GCP_SDK),
    Ignored("gcp:dataloss/*", "*.kmsWrapped.cryptoKeyName", "a KMS-wrapped key used to transform (de-identify) "
            "values in flight, not to store data", "https://cloud.google.com/sensitive-data-protection/docs/"
            "create-wrapped-key"),
    Ignored("gcp:certificateauthority/authority:Authority", "keySpec.cloudKmsKeyVersion",
            "the CA's signing key (a key version), not a key that encrypts stored data", GCP_SDK),
    Ignored("gcp:kms/*", "cryptoKey", "the Cloud KMS key the KMS resource itself belongs to or uses", GCP_SDK),
    Ignored("ovh:Okms/*", "okmsId", "the OKMS domain the KMS resource itself belongs to (key-custody follows it from "
            "the keys that data stores name)", OVH_SDK),
    Ignored("gcp:kms/cryptoKey:CryptoKey", "cryptoKeyBackend", "the EKM connection backing an external key",
            GCP_SDK),
    Ignored("gcp:applicationintegration/client:Client", "cloudKmsConfig.kmsRing",
            "the key ring part of a key named in parts; its location (kmsLocation) is judged", GCP_SDK),
    Ignored("gcp:applicationintegration/client:Client", "cloudKmsConfig.kmsProjectId",
            "the project part of a key named in parts", GCP_SDK),
    Ignored("gcp:applicationintegration/client:Client", "cloudKmsConfig.key",
            "the key id part of a key named in parts; its location (cloudKmsConfig.kmsLocation) is judged",
            GCP_SDK),
    Ignored("gcp:container/azureCluster:AzureCluster", "controlPlane.databaseEncryption.keyId",
            "an Azure Key Vault key of GKE on Azure: Cloud KMS custody does not apply (the cluster's azureRegion "
            "is judged as its place)", GCP_SDK),
    Ignored("gcp:discoveryengine/cmekConfig:CmekConfig", "cmekConfigId", "the id of the config resource, not a key",
            GCP_SDK),
    Ignored("gcp:container/aws*", "*.kmsKeyArn", "an AWS KMS key of GKE on AWS: Cloud KMS custody does not apply "
            "(the cluster's awsRegion is judged as its place)", GCP_SDK),
    Ignored("gcp:storage/transferJob:TransferJob", "*.metadataOptions.kmsKey", "an enum saying how each object's "
            "key is carried over (KMS_KEY_DESTINATION_BUCKET_DEFAULT, KMS_KEY_PRESERVE), not a key name", GCP_SDK),
    Ignored("gcp:dataproc/cluster:Cluster", "clusterConfig.securityConfig.kerberosConfig.kmsKeyUri",
            "the key that decrypts Kerberos passwords, not a key for stored data", GCP_SDK),
)


def matches(rule: Ignored, token: str, path: str) -> bool:
    """Globs on the token and the path; `[]` in a path glob is the literal list marker, not a character class."""
    return fnmatchcase(token, rule.types) and fnmatchcase(path, rule.path.replace("[]", "[[]]"))


@lru_cache(maxsize=None)
def reason(token: str, path: str) -> Optional[str]:
    """Why an indexed path is not judged, or None when it is."""
    return next((rule.reason for rule in RULES if matches(rule, token, path)), None)
