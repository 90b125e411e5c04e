"""pulumi-ovh resource types: where each keeps its region and whether it can use an OKMS key.

Paths are engine (camelCase) input paths checked against pulumi-ovh 2.22.0 (its `@pulumi.getter(name=...)`
names; `[]` marks a list). Every location field takes the names of the `ovh:location` namespace. Defaults name
what OVHcloud does when a field is unset (see model.LocationField).

Keys: only Public Cloud block volumes take a customer-held key (an OKMS service key, `encryption.kms`). Every
other type that stores data is `cmek="unsupported"`, its note saying what OVHcloud offers instead; the pack
rejects those unless an exemption records the accepted risk. Types with a region but no data at rest (networks,
gateways, load balancers, the KMS itself) are `cmek="not-data"`.

Gaps the inputs cannot close:
- Child resources (node pools, databases and topics of a cluster, OKMS keys, EFS / NAS-HA shares, snapshots of a
  share) have no region of their own: `locations=()`, and the parent carries the region.
- Ordered services (dedicated servers, VPS, EFS, private SQL, vRack Services) take their location as a
  label/value pair inside the order plan (`plans[].configurations[]`): a location field with `labels` reads the
  value of the documented label (order codes such as `bhs`, `WAW`, `gra3`, `eu-west-gra`); an order without that
  label fails closed. IP load balancers' order plans name no location label; their frontends and farms carry
  a `zone`.
- Logs Data Platform, NAS-HA, Managed Rancher and email accounts name no location in their inputs at all.

Sources: SDK = the pulumi-ovh 2.22.0 Python SDK (input types and docstrings); OVHcloud documentation under
https://github.com/ovh/docs; terraform-provider-ovh documentation for the order labels.
"""
from .model import KeyField as K
from .model import LocationField as L
from .model import ResourceSpec as R

SDK = "pulumi-ovh 2.22.0"
OVH = "ovh:location"

_DOCS = "https://github.com/ovh/docs/blob/develop/pages/"
_TF = "https://github.com/ovh/terraform-provider-ovh/blob/master/docs/resources/"
DB_BACKUPS = _DOCS + "public_cloud/public_cloud_databases/databases_05_automated_backups/guide.en-gb.md"
DB_SECURITY = _DOCS + "public_cloud/public_cloud_databases/information_01_security_overview/guide.en-gb.md"
S3_SSE = _DOCS + "storage_and_backup/object_storage/s3_encrypt_your_objects_with_sse_c/guide.en-gb.md"
MKS_ARCH = _DOCS + ("public_cloud/containers_orchestration/managed_kubernetes/understanding-mks-architecture/"
                    "guide.en-gb.md")
MPR_FAQ = _DOCS + ("public_cloud/containers_orchestration/managed_private_registry/managed-private-registry-faq/"
                   "guide.en-gb.md")
TF_SERVER = _TF + "dedicated_server.md"
TF_VPS = _TF + "vps.md"
TF_EFS = _TF + "storage_efs.md"
TF_PRIVATE_SQL = _TF + "hosting_privatedatabase.md"
TF_VRACKSERVICES = _TF + "vrackservices.md"


def _at(path: str, role: str = "location", default: str = "required", source: str = SDK) -> L:
    """A location field of the `ovh:location` namespace."""
    return L(path, OVH, role=role, default=default, source=source)


def _az(path: str = "availabilityZone") -> L:
    """An optional availability zone inside the resource's region: unset adds no location."""
    return L(path, OVH, role="availability zone", default="none", source=SDK)


def _order(path: str, label: str, source: str) -> L:
    """The datacentre or region an order plan names: the value of its configuration labelled `label`."""
    return L(path, OVH, role="datacentre" if "datacenter" in label or label == "dc" else "region",
             labels=(label,), source=source)


OKMS_KEY = "OKMS (OVHcloud KMS) service key"
NETWORK = "network plumbing: it carries traffic and stores no customer data at rest"
INSTANCE_DISKS = ("instance boot and local disks: OVHcloud offers no customer-held key for them (the SDK has no "
                  "key setting); only attached block volumes can use an OKMS key")
NO_KEY_SETTING = "the SDK has no encryption or key setting and OVHcloud documents no customer-held key for it"

RESOURCES = (
    # --- Public Cloud block storage -----------------------------------------------------------------------------
    R("ovh:CloudProject/volume:Volume",
      locations=(_at("regionName"), _az()),
      keys=(K(("encryption.kms.serviceKeyId",), what="volume", source=SDK),),
      note="customer-managed keys (OKMS) only in 3-AZ regions; without `encryption.kms` the volume uses "
           "OVHcloud-managed keys",
      source=SDK),
    R("ovh:index/cloudStorageBlockVolume:CloudStorageBlockVolume",
      locations=(_at("region"), _az()),
      keys=(K(("encryption.kms.serviceKeyId",), what="volume", source=SDK),),
      note="customer-managed key = an OKMS service key in `encryption.kms` (set at creation only)",
      source=SDK),
    R("ovh:CloudProject/volumeBackup:VolumeBackup",
      locations=(_at("regionName"),),
      cmek="unsupported",
      note="volume backups: " + NO_KEY_SETTING + " (whether a backup of an OKMS-encrypted volume keeps that key "
           "is not documented)",
      source=SDK),
    R("ovh:index/cloudStorageBlockVolumeBackup:CloudStorageBlockVolumeBackup",
      locations=(_at("region"),),
      cmek="unsupported",
      note="volume backups: " + NO_KEY_SETTING + " (whether a backup of an OKMS-encrypted volume keeps that key "
           "is not documented)",
      source=SDK),
    R("ovh:index/cloudStorageBlockVolumeSnapshot:CloudStorageBlockVolumeSnapshot",
      locations=(_at("region"), _az()),
      cmek="unsupported",
      note="volume snapshots: " + NO_KEY_SETTING + " (whether a snapshot of an OKMS-encrypted volume keeps that "
           "key is not documented)",
      source=SDK),

    # --- Public Cloud object storage (S3) ------------------------------------------------------------------------
    R("ovh:CloudProject/storage:Storage",
      locations=(_at("regionName"),
                 _at("replication.rules[].destination.region", role="replication destination", default="none")),
      cmek="unsupported",
      note="Object Storage encrypts only with OVHcloud-managed keys (SSE-OMK: `encryption.sseAlgorithm: AES256`) "
           "or with SSE-C keys sent on each request, which the pack cannot see; it cannot use an OKMS key",
      source=f"{SDK}; {S3_SSE}"),
    R("ovh:index/cloudStorageObjectBucket:CloudStorageObjectBucket",
      locations=(_at("region"),),
      cmek="unsupported",
      note="Object Storage encrypts only with OVHcloud-managed keys (`encryption.algorithm: AES256`) or with "
           "SSE-C keys sent on each request, which the pack cannot see; it cannot use an OKMS key",
      source=f"{SDK}; {S3_SSE}"),
    R("ovh:index/cloudProjectStorageObjectBucketLifecycleConfiguration:"
      "CloudProjectStorageObjectBucketLifecycleConfiguration",
      locations=(_at("regionName"),),
      cmek="not-data", note="lifecycle rules of a bucket (`containerName`); the bucket holds the data",
      source=SDK),
    R("ovh:index/cloudProjectStorageReplicationJob:CloudProjectStorageReplicationJob",
      locations=(_at("regionName"),),
      cmek="not-data",
      note="runs the bucket's own replication rules; the destinations are checked on the bucket "
           "(`replication.rules[].destination.region`)",
      source=SDK),
    R("ovh:CloudProject/regionStoragePresign:RegionStoragePresign",
      locations=(_at("regionName"),),
      cmek="not-data", note="a presigned URL for one object; the bucket holds the data",
      source=SDK),

    # --- Public Cloud file storage --------------------------------------------------------------------------------
    R("ovh:index/cloudStorageFileShare:CloudStorageFileShare",
      locations=(_at("region"), _az()),
      cmek="unsupported",
      note="File Storage: `encryption.enabled` turns on LUKS with a key OVHcloud holds (the SDK takes no key); "
           "there is no customer-held (OKMS) key option",
      source=SDK),
    R("ovh:index/cloudStorageFileShareSnapshot:CloudStorageFileShareSnapshot",
      cmek="unsupported",
      note="file share snapshot: " + NO_KEY_SETTING + "; no region of its own, it stays in its share's "
           "(`shareId`)",
      source=SDK),
    R("ovh:index/cloudProjectFileStorageShare:CloudProjectFileStorageShare",
      locations=(_at("regionName"), _az()),
      cmek="unsupported", note="File Storage share: " + NO_KEY_SETTING,
      source=SDK),
    R("ovh:index/cloudStorageFileShareNetwork:CloudStorageFileShareNetwork",
      locations=(_at("region"),),
      cmek="not-data", note="share network: " + NETWORK,
      source=SDK),
    R("ovh:index/cloudProjectFileStorageShareNetwork:CloudProjectFileStorageShareNetwork",
      locations=(_at("regionName"), _az()),
      cmek="not-data", note="share network: " + NETWORK,
      source=SDK),

    # --- Public Cloud compute -------------------------------------------------------------------------------------
    R("ovh:CloudProject/instance:Instance",
      locations=(_at("region"), _az()),
      cmek="unsupported", note=INSTANCE_DISKS,
      source=SDK),
    R("ovh:index/cloudInstance:CloudInstance",
      locations=(_at("region"), _az()),
      cmek="unsupported", note=INSTANCE_DISKS,
      source=SDK),
    R("ovh:CloudProject/instanceSnapshot:InstanceSnapshot",
      cmek="unsupported",
      note="instance snapshot: " + NO_KEY_SETTING + "; no region input, it stays in its instance's region "
           "(`instanceId`; `region` is an output only)",
      source=SDK),
    R("ovh:index/cloudInstanceSnapshot:CloudInstanceSnapshot",
      locations=(_at("region"),),
      cmek="unsupported", note="instance snapshot: " + NO_KEY_SETTING,
      source=SDK),
    R("ovh:CloudProject/workflowBackup:WorkflowBackup",
      locations=(_at("regionName"),),
      cmek="unsupported", note="scheduled instance backups (images): " + NO_KEY_SETTING,
      source=SDK),
    R("ovh:index/cloudInstanceGroup:CloudInstanceGroup",
      locations=(_at("region"),),
      cmek="not-data", note="a placement group of instances; the instances hold the data",
      source=SDK),

    # --- Managed Kubernetes ---------------------------------------------------------------------------------------
    R("ovh:CloudProject/kube:Kube",
      locations=(_at("region"),),
      cmek="unsupported",
      note="Managed Kubernetes: OVHcloud operates etcd and its encryption at rest; there is no customer-held "
           "(OKMS) key option",
      source=f"{SDK}; {MKS_ARCH}"),
    R("ovh:CloudProject/kubeNodePool:KubeNodePool",
      cmek="unsupported",
      note="node pool: its nodes are Public Cloud instances, and " + INSTANCE_DISKS + "; no region of its own, "
           "its nodes run in its cluster's region (`kubeId`), `availabilityZones[]` being zones of that region",
      source=f"{SDK}; {MKS_ARCH}"),
    R("ovh:index/cloudProjectKubeLogSubscription:CloudProjectKubeLogSubscription",
      cmek="not-data",
      note="forwards a cluster's logs to a Logs Data Platform stream (`streamId`); the stream's cluster, which "
           "may be in another region, is not checked here",
      source=SDK),

    # --- Managed Rancher ------------------------------------------------------------------------------------------
    R("ovh:CloudProject/rancher:Rancher",
      cmek="unsupported",
      note="Managed Rancher (cluster configuration and credentials): " + NO_KEY_SETTING + "; the SDK has no "
           "region input either, OVHcloud chooses where it runs",
      source=SDK),

    # --- Managed Private Registry ---------------------------------------------------------------------------------
    R("ovh:CloudProject/containerRegistry:ContainerRegistry",
      locations=(_at("region"),),
      cmek="unsupported",
      note="Managed Private Registry keeps images on OVHcloud Object Storage of its region; " + NO_KEY_SETTING,
      source=f"{SDK}; {MPR_FAQ}"),

    # --- Managed databases ----------------------------------------------------------------------------------------
    R("ovh:CloudProject/database:Database",
      locations=(_at("nodes[].region"),
                 _at("backupRegions[]", role="backup region", default="ovh-default-backup-region",
                     source=DB_BACKUPS)),
      cmek="unsupported",
      note="managed databases encrypt nodes (LUKS) and backups with keys OVHcloud generates; OVHcloud states "
           "that you cannot bring your own keys",
      source=f"{SDK}; {DB_SECURITY}"),
    R("ovh:CloudProjectDatabase/databaseInstance:DatabaseInstance",
      cmek="unsupported",
      note="a database of a managed cluster: stored with the keys OVHcloud generates for the cluster "
           "(`clusterId`), you cannot bring your own; no region of its own, it is in the cluster's",
      source=f"{SDK}; {DB_SECURITY}"),
    R("ovh:CloudProjectDatabase/kafkaTopic:KafkaTopic",
      cmek="unsupported",
      note="a Kafka topic of a managed cluster: stored with the keys OVHcloud generates for the cluster "
           "(`clusterId`), you cannot bring your own; no region of its own, it is in the cluster's",
      source=f"{SDK}; {DB_SECURITY}"),
    R("ovh:CloudProjectDatabase/integration:Integration",
      cmek="not-data",
      note="connects two database services (`sourceServiceId` -> `destinationServiceId`, e.g. MirrorMaker); both "
           "are checked as clusters",
      source=SDK),
    R("ovh:CloudProjectDatabase/logSubscription:LogSubscription",
      cmek="not-data",
      note="forwards a cluster's logs to a Logs Data Platform stream (`streamId`); the stream's cluster, which "
           "may be in another region, is not checked here",
      source=SDK),

    # --- Public Cloud networking ----------------------------------------------------------------------------------
    R("ovh:CloudProject/networkPrivate:NetworkPrivate",
      locations=(_at("regions[]"),),
      cmek="not-data",
      note="private network: unset `regions` means every Public Cloud region (SDK), so it must be set; " + NETWORK,
      source=SDK),
    R("ovh:CloudProject/networkPrivateSubnet:NetworkPrivateSubnet",
      locations=(_at("region"),),
      cmek="not-data", note=NETWORK, source=SDK),
    R("ovh:CloudProject/networkPrivateSubnetV2:NetworkPrivateSubnetV2",
      locations=(_at("region"),),
      cmek="not-data", note=NETWORK, source=SDK),
    R("ovh:CloudProject/regionNetwork:RegionNetwork",
      locations=(_at("regionName"),),
      cmek="not-data", note=NETWORK, source=SDK),
    R("ovh:index/cloudNetworkPrivateVrack:CloudNetworkPrivateVrack",
      locations=(_at("region"),),
      cmek="not-data", note=NETWORK, source=SDK),
    R("ovh:index/cloudNetworkPrivateVrackSubnet:CloudNetworkPrivateVrackSubnet",
      locations=(_at("region"), _az()),
      cmek="not-data", note=NETWORK, source=SDK),
    R("ovh:CloudProject/gateway:Gateway",
      locations=(_at("region"),),
      cmek="not-data", note=NETWORK, source=SDK),
    R("ovh:CloudProject/gatewayInterface:GatewayInterface",
      cmek="not-data", note="no region of its own: an interface of its gateway (`id`), which carries the region; "
                            + NETWORK, source=SDK),
    R("ovh:index/cloudGateway:CloudGateway",
      locations=(_at("region"), _az()),
      cmek="not-data", note=NETWORK, source=SDK),
    R("ovh:index/cloudFloatingIp:CloudFloatingIp",
      locations=(_at("region"), _az()),
      cmek="not-data", note=NETWORK, source=SDK),
    R("ovh:index/cloudSecurityGroup:CloudSecurityGroup",
      locations=(_at("region"),),
      cmek="not-data", note="firewall rules: " + NETWORK, source=SDK),
    R("ovh:CloudProject/projectRegion:ProjectRegion",
      locations=(_at("region"),),
      cmek="not-data", note="enables a region in the project; stores nothing itself", source=SDK),
    R("ovh:index/cloudQuota:CloudQuota",
      cmek="not-data",
      note="`regions[].region` only selects the quota profile of each region; it places nothing, so it is not "
           "judged as a location",
      source=SDK),

    # --- Public Cloud load balancers (traffic, and TLS termination, in their region) ------------------------------
    R("ovh:CloudProject/loadBalancer:LoadBalancer",
      locations=(_at("regionName"),),
      cmek="not-data", note="load balancer: processes traffic in its region, stores no customer data at rest",
      source=SDK),
    R("ovh:index/cloudLoadbalancer:CloudLoadbalancer",
      locations=(_at("region"), _az()),
      cmek="not-data", note="load balancer: processes traffic in its region, stores no customer data at rest",
      source=SDK),
    R("ovh:CloudProject/regionLoadBalancerLogSubscription:RegionLoadBalancerLogSubscription",
      locations=(_at("regionName"),),
      cmek="not-data",
      note="forwards load-balancer logs to a Logs Data Platform stream (`streamId`); the stream's cluster, which "
           "may be in another region, is not checked here",
      source=SDK),

    # --- OpenStack Key Manager (Barbican) -------------------------------------------------------------------------
    R("ovh:index/cloudKeyManagerSecret:CloudKeyManagerSecret",
      locations=(_at("region"), _az()),
      cmek="unsupported",
      note="Barbican secret (payload: certificates, passphrases, keys) kept by OVHcloud's OpenStack Key Manager; "
           "no OKMS or other customer-held key option",
      source=SDK),
    R("ovh:index/cloudKeyManagerContainer:CloudKeyManagerContainer",
      locations=(_at("region"), _az()),
      cmek="not-data", note="groups references to Barbican secrets (`secretRefs[]`); the secrets hold the data",
      source=SDK),

    # --- OVHcloud KMS (OKMS) --------------------------------------------------------------------------------------
    R("ovh:Okms/okms:Okms",
      locations=(_at("region"),),
      cmek="not-data",
      note="the KMS domain itself: it holds keys and secrets, not workload data; `region` is where the keys sit",
      source=SDK),
    R("ovh:Okms/serviceKey:ServiceKey",
      cmek="not-data",
      note=f"an {OKMS_KEY}: no region of its own, it lives in its domain's region (`okmsId`)",
      source=SDK),
    R("ovh:Okms/serviceKeyJWK:ServiceKeyJWK",
      raw_key_paths=("keys[].d", "keys[].k", "keys[].p", "keys[].q", "keys[].dp", "keys[].dq", "keys[].qi"),
      cmek="not-data",
      note=f"imports key material (JWK) as an {OKMS_KEY}: no region of its own, it lives in its domain's region "
           "(`okmsId`); private members (d, k, p, q, dp, dq, qi) are raw key material that lands in Pulumi state",
      source=SDK),
    R("ovh:Okms/credential:Credential",
      cmek="not-data",
      note="an access certificate for an OKMS domain (`okmsId`): no region of its own, it inherits the domain's",
      source=SDK),
    R("ovh:Okms/secret:Secret",
      cmek="not-data",
      note="a secret stored inside an OKMS domain (`okmsId`) and protected by it: no region of its own, it "
           "inherits the domain's",
      source=SDK),

    # --- Logs Data Platform (Dbaas logs) --------------------------------------------------------------------------
    R("ovh:Dbaas/logsCluster:LogsCluster",
      cmek="not-data",
      note="network settings of an existing Logs Data Platform cluster; its region is an output only, so the "
           "location of the logs cannot be checked from inputs",
      source=SDK),
    R("ovh:Dbaas/logsInput:LogsInput",
      cmek="not-data",
      note="a Logstash/Flowgger input that processes logs into a stream (`streamId`) of the Logs Data Platform "
           "service (`serviceName`); no region input",
      source=SDK),
    R("ovh:Dbaas/logsOutputGraylogStream:LogsOutputGraylogStream",
      cmek="unsupported",
      note="Logs Data Platform stream: no customer-held key for indexed logs; `encryptionKeysIds[]` (customer PGP "
           "keys, not OKMS) only encrypts cold-storage archives; no region input, the service's cluster decides",
      source=SDK),
    R("ovh:Dbaas/logsOutputOpenSearchIndex:LogsOutputOpenSearchIndex",
      cmek="unsupported",
      note="Logs Data Platform OpenSearch index: " + NO_KEY_SETTING + "; no region input, the service's cluster "
           "decides",
      source=SDK),

    # --- Enterprise File Storage (EFS) ----------------------------------------------------------------------------
    R("ovh:index/storageEfs:StorageEfs",
      cmek="unsupported",
      note="Enterprise File Storage: " + NO_KEY_SETTING + "; its region is the `region` label of the order plan "
           "(e.g. eu-west-gra)",
      locations=(_order("plans[].configurations[]", "region", TF_EFS),),
      source=f"{SDK}; {TF_EFS}"),
    R("ovh:index/storageEfsShare:StorageEfsShare",
      cmek="unsupported",
      note="EFS volume: " + NO_KEY_SETTING + "; no region of its own, it is in its service's (`serviceName`)",
      source=SDK),
    R("ovh:index/storageEfsShareSnapshot:StorageEfsShareSnapshot",
      cmek="unsupported",
      note="EFS volume snapshot: " + NO_KEY_SETTING + "; no region of its own, it is in its service's",
      source=SDK),

    # --- NAS-HA ---------------------------------------------------------------------------------------------------
    R("ovh:Dedicated/nasHAPartition:NasHAPartition",
      cmek="unsupported",
      note="NAS-HA partition: " + NO_KEY_SETTING + "; the NAS-HA is ordered outside Pulumi (`serviceName`) and "
           "no input names its datacentre",
      source=SDK),
    R("ovh:Dedicated/nasHAPartitionSnapshot:NasHAPartitionSnapshot",
      cmek="unsupported",
      note="NAS-HA partition snapshots (a schedule; snapshots stay on the NAS): " + NO_KEY_SETTING,
      source=SDK),

    # --- Bare metal and VPS ---------------------------------------------------------------------------------------
    R("ovh:Dedicated/server:Server",
      cmek="unsupported",
      note="dedicated server: its disks have no provider-side customer-held key option, and encryption inside the "
           "OS is invisible to the pack; its datacentre is the `dedicated_datacenter` label of the order plan "
           "(e.g. bhs; the `region` label is a macro-region such as europe/canada)",
      locations=(_order("plans[].configurations[]", "dedicated_datacenter", TF_SERVER),),
      source=f"{SDK}; {TF_SERVER}"),
    R("ovh:Vps/vps:Vps",
      cmek="unsupported",
      note="VPS: its disks have no customer-held key option, and encryption inside the OS is invisible to the "
           "pack; its datacentre is the `vps_datacenter` label of the order plan (e.g. WAW; `zone` is an "
           "output the API does not take)",
      locations=(_order("plans[].configurations[]", "vps_datacenter", TF_VPS),),
      source=f"{SDK}; {TF_VPS}"),

    # --- Web Cloud ------------------------------------------------------------------------------------------------
    R("ovh:Hosting/privateDatabase:PrivateDatabase",
      cmek="unsupported",
      note="Web Cloud private SQL: " + NO_KEY_SETTING + "; its datacentre is the `dc` label of the order plan "
           "(e.g. gra3)",
      locations=(_order("plan.configurations[]", "dc", TF_PRIVATE_SQL),),
      source=f"{SDK}; {TF_PRIVATE_SQL}"),
    R("ovh:Hosting/privateDatabaseDb:PrivateDatabaseDb",
      cmek="unsupported",
      note="private SQL database: " + NO_KEY_SETTING + "; no region of its own, it is in its service's "
           "datacentre (`serviceName`)",
      source=SDK),
    R("ovh:index/emailDomainAccount:EmailDomainAccount",
      cmek="unsupported",
      note="email domain mailbox: " + NO_KEY_SETTING + "; no location input",
      source=SDK),

    # --- vRack and vRack Services ---------------------------------------------------------------------------------
    R("ovh:index/vrackservices:Vrackservices",
      cmek="not-data",
      note="vRack Services: its region is the `region_name` label of the order plan (e.g. eu-west-lim); " + NETWORK,
      locations=(_order("plans[].configurations[]", "region_name", TF_VRACKSERVICES),),
      source=f"{SDK}; {TF_VRACKSERVICES}"),
    R("ovh:Vrack/ipAddress:IpAddress",
      locations=(_at("region", default="none"),),
      cmek="not-data", note="routes an IP block in the vRack (optionally to a region); " + NETWORK,
      source=SDK),
    R("ovh:index/vrackPublicRoutingPriority:VrackPublicRoutingPriority",
      locations=(_at("region"), _az("availabilityZones[].name")),
      cmek="not-data", note=NETWORK, source=SDK),

    # --- IP Load Balancing (traffic, and TLS termination, in a zone; `all` = every zone of the service) -----------
    R("ovh:IpLoadBalancing/loadBalancer:LoadBalancer",
      cmek="not-data",
      note="IP Load Balancer service: its zones are chosen in the order plan, not in inputs; its frontends and "
           "farms carry `zone`; it processes traffic and stores no customer data at rest",
      source=SDK),
    R("ovh:IpLoadBalancing/httpFrontend:HttpFrontend",
      locations=(_at("zone"),),
      cmek="not-data", note="processes (and may decrypt TLS) traffic in its zone; stores no customer data at rest",
      source=SDK),
    R("ovh:IpLoadBalancing/tcpFrontend:TcpFrontend",
      locations=(_at("zone"),),
      cmek="not-data", note="processes (and may decrypt TLS) traffic in its zone; stores no customer data at rest",
      source=SDK),
    R("ovh:IpLoadBalancing/udpFrontend:UdpFrontend",
      locations=(_at("zone"),),
      cmek="not-data", note="processes traffic in its zone; stores no customer data at rest",
      source=SDK),
    R("ovh:IpLoadBalancing/httpFarm:HttpFarm",
      locations=(_at("zone"),),
      cmek="not-data", note="forwards traffic from its zone to backends; stores no customer data at rest",
      source=SDK),
    R("ovh:IpLoadBalancing/tcpFarm:TcpFarm",
      locations=(_at("zone"),),
      cmek="not-data", note="forwards traffic from its zone to backends; stores no customer data at rest",
      source=SDK),
    R("ovh:IpLoadBalancing/udpFarm:UdpFarm",
      locations=(_at("zone"),),
      cmek="not-data", note="forwards traffic from its zone to backends; stores no customer data at rest",
      source=SDK),
)

# Types with neither data at rest nor a location (accounts, IAM, users and ACLs of a service, SSH keys, DNS,
# billing, network attachments, sub-objects of a load balancer): fnmatch globs on the type token.
LOCATION_FREE = (
    # Account, IAM and billing
    "ovh:Me/*:*",
    "ovh:Iam/*:*",
    "ovh:index/iamResourceTags:IamResourceTags",
    "ovh:SavingsPlan/*:*",
    "ovh:CloudProject/project:Project",
    "ovh:CloudProject/alerting:Alerting",
    # Public Cloud users, S3 credentials and policies, SSH public keys (cloudProjectSshKey's optional region only
    # scopes a public key)
    "ovh:CloudProject/user:User",
    "ovh:CloudProject/s3Credential:S3Credential",
    "ovh:CloudProject/s3Policy:S3Policy",
    "ovh:index/cloudSSHKey:CloudSSHKey",
    "ovh:index/clousSSHKey:ClousSSHKey",  # deprecated alias of CloudSSHKey
    "ovh:index/cloudProjectSshKey:CloudProjectSshKey",
    # Failover IP attachment (`geoLoc` is where the IP geolocates, not where data sits)
    "ovh:CloudProject/failoverIpAttach:FailoverIpAttach",
    # Access control of Kubernetes, registries, file shares and Barbican
    "ovh:CloudProject/kubeIpRestrictions:KubeIpRestrictions",
    "ovh:CloudProject/kubeOidc:KubeOidc",
    "ovh:CloudProject/containerRegistryIPRestrictionsManagement:ContainerRegistryIPRestrictionsManagement",
    "ovh:CloudProject/containerRegistryIPRestrictionsRegistry:ContainerRegistryIPRestrictionsRegistry",
    "ovh:CloudProject/containerRegistryOIDC:ContainerRegistryOIDC",
    "ovh:CloudProject/containerRegistryUser:ContainerRegistryUser",
    "ovh:index/cloudProjectContainerregistryIam:CloudProjectContainerregistryIam",
    "ovh:index/cloudStorageFileShareAcl:CloudStorageFileShareAcl",
    "ovh:index/cloudKeyManagerSecretConsumer:CloudKeyManagerSecretConsumer",
    "ovh:index/cloudKeyManagerContainerConsumer:CloudKeyManagerContainerConsumer",
    # Managed-database users, ACLs, metrics credentials and settings (the data is checked on the cluster)
    "ovh:CloudProjectDatabase/*:*User",
    "ovh:index/cloudProjectDatabase*User:CloudProjectDatabase*User",
    "ovh:CloudProjectDatabase/*:*Acl",
    "ovh:CloudProjectDatabase/*:*Prometheus",
    "ovh:CloudProjectDatabase/opensearchPattern:OpensearchPattern",
    "ovh:CloudProjectDatabase/postgresSqlConnectionPool:PostgresSqlConnectionPool",
    # Public Cloud load balancer sub-objects (the load balancer carries the region)
    "ovh:index/cloudLoadbalancerListener:CloudLoadbalancerListener",
    "ovh:index/cloudLoadbalancerPool:CloudLoadbalancerPool",
    "ovh:index/cloudLoadbalancerPoolMember:CloudLoadbalancerPoolMember",
    "ovh:index/cloudLoadbalancerL7policy:CloudLoadbalancerL7policy",
    # IP Load Balancing sub-objects (frontends and farms carry the zone); Ssl holds a TLS certificate and key
    "ovh:IpLoadBalancing/*FarmServer:*",
    "ovh:IpLoadBalancing/*Route:*",
    "ovh:IpLoadBalancing/*RouteRule:*",
    "ovh:IpLoadBalancing/refresh:Refresh",
    "ovh:IpLoadBalancing/ssl:Ssl",
    "ovh:IpLoadBalancing/vrackNetwork:VrackNetwork",
    # Logs Data Platform access control and aliases; customer PGP public keys for archives
    "ovh:Dbaas/logsRole:LogsRole",
    "ovh:Dbaas/logsRolePermissionStream:LogsRolePermissionStream",
    "ovh:Dbaas/logsToken:LogsToken",
    "ovh:Dbaas/logsOutputOpenSearchAlias:LogsOutputOpenSearchAlias",
    "ovh:index/dbaasLogsEncryptionKey:DbaasLogsEncryptionKey",
    # Dedicated servers, NAS-HA and Cloud Disk Array: network, tasks and access lists
    "ovh:Dedicated/serverNetworking:ServerNetworking",
    "ovh:Dedicated/serverRebootTask:ServerRebootTask",
    "ovh:Dedicated/serverReinstallTask:ServerReinstallTask",
    "ovh:Dedicated/serverUpdate:ServerUpdate",
    "ovh:Dedicated/nasHAPartitionAccess:NasHAPartitionAccess",
    "ovh:Dedicated/cephAcl:CephAcl",
    "ovh:index/dedicatedServerVirtualMac:DedicatedServerVirtualMac",
    # Web Cloud private SQL access control; EFS access lists
    "ovh:Hosting/privateDatabaseAllowlist:PrivateDatabaseAllowlist",
    "ovh:Hosting/privateDatabaseUser:PrivateDatabaseUser",
    "ovh:Hosting/privateDatabaseUserGrant:PrivateDatabaseUserGrant",
    "ovh:index/hostingPrivatedatabaseWebhostingNetwork:HostingPrivatedatabaseWebhostingNetwork",
    "ovh:index/storageEfsShareAcl:StorageEfsShareAcl",
    # Domains and DNS
    "ovh:Domain/*:*",
    "ovh:index/domainZoneDynhostRecord:DomainZoneDynhostRecord",
    # IP blocks, firewall, mitigation, reverse DNS
    "ovh:Ip/*:*",
    # vRack attachments (ipAddress, which can name a region, is catalogued above)
    "ovh:Vrack/vrack:Vrack",
    "ovh:Vrack/cloudProject:CloudProject",
    "ovh:Vrack/dedicatedCloudDatacenter:DedicatedCloudDatacenter",
    "ovh:Vrack/dedicatedServer:DedicatedServer",
    "ovh:Vrack/dedicatedServerInterface:DedicatedServerInterface",
    "ovh:Vrack/ipLoadbalancing:IpLoadbalancing",
    "ovh:Vrack/ipV6:IpV6",
    "ovh:Vrack/oVHcloudConnect:OVHcloudConnect",
    "ovh:Vrack/vrackDedicatedCloud:VrackDedicatedCloud",
    "ovh:Vrack/vrackservices:Vrackservices",
    "ovh:index/vrackIpv6RoutedSubrange:VrackIpv6RoutedSubrange",
    # OVHcloud Connect PoP configuration
    "ovh:index/ovhcloudConnectPop*:OvhcloudConnectPop*",
)

# Indexed types (no hand-written entry) that hold no customer data at rest (see gcp_resources.NO_DATA_AT_REST).
NO_DATA_AT_REST = (
    ("ovh:IpLoadBalancing/*", "IP Load Balancer frontends and farms route traffic; they store no customer data",
     "https://github.com/ovh/docs/tree/develop/pages/network/load_balancer"),
)
