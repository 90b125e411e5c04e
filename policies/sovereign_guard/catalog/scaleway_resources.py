"""pulumiverse-scaleway resource types: what the generic rule cannot know about their places and keys.

Both token families are judged: the module-style tokens (`scaleway:object/bucket:Bucket`) and the deprecated
`scaleway:index/...` twins the SDK still registers (`scaleway:index/objectBucket:ObjectBucket`), which programs using
the old classes send to the engine. The twins are not written here: the SDK index names each twin's current token
(`twinOf`, generated from the SDK's own aliases) and `catalog.spec` judges a twin as its current type, so every
entry, pattern and list below is written once, for the module-style token.

Places: every `region` and `zone` input is optional; unset, the provider's applies, then Scaleway's default fr-par
/ fr-par-1 (generic.PROVIDER_DEFAULTS). The entries below add what no place field says: GLACIER objects kept in
Paris, managed-database logical backups in another region, Edge Services and Mailbox in no published location, and
features that send data out of Scaleway (Cockpit exporters, IoT routes, Topics and Events subscriptions, external
Kubernetes nodes, block snapshots exported to a bucket).

Keys: Scaleway Key Manager keys reach two data services through pulumiverse-scaleway 1.60.0: Object Storage
(SSE-KMS, set by a separate BucketServerSideEncryptionConfiguration resource, so key-custody correlates it with its
bucket in the stack) and Secret Manager (`keyId`). An object may carry its own SSE-C key (`sseCustomerKey`, a raw
key). Managed PostgreSQL/MySQL `encryptionAtRest` uses a key Scaleway holds. Every other data service offers no
customer-managed key (NO_CUSTOMER_KEY): the pack rejects it unless an exemption records the accepted risk.

Sources: SDK = pulumiverse-scaleway 1.60.0 (input types and docstrings); Scaleway documentation under
https://github.com/scaleway/docs-content; terraform-provider-scaleway (the bridged provider).
"""
from .model import KeyField as K
from .model import LocationField as L
from .model import ResourceSpec as R

SDK = "pulumiverse-scaleway 1.60.0"
SCW = "scw:location"

_DOCS = "https://github.com/scaleway/docs-content/blob/main/pages/"
_TF = "https://github.com/scaleway/terraform-provider-scaleway/blob/v2.81.0/docs/resources/"
SSE_KMS = _DOCS + "object-storage/how-to/enable-sse-kms.mdx (SSE-KMS: 'a symmetric key encryption key (KEK) via Key " \
                  "Manager' associated with a bucket)"
SSE_ONE = _DOCS + "object-storage/api-cli/enable-sse-one.mdx (SSE-ONE, `AES256`: Scaleway manages the keys)"
SSE_C = _DOCS + "object-storage/api-cli/enable-sse-c.mdx (SSE-C: the customer's key is sent with each request)"
OS_FAQ = _DOCS + "object-storage/faq.mdx (Glacier objects 'stored in Paris DC4')"
RDB_CONCEPTS = _DOCS + "managed-databases-for-postgresql-and-mysql/concepts.mdx (encryption at rest: 'The management " \
                       "of the encryption key is done by Scaleway'; 'Logical backup encryption is not currently " \
                       "available')"
RDB_BACKUPS = "https://github.com/scaleway/scaleway-cli/blob/master/internal/namespaces/rdb/v1/rdb_cli.go (backups " \
              "'stored on an offsite backend located in a different region than your database, by default')"
AVAIL = _DOCS + "account/reference-content/products-availability.mdx (Edge Services: 'Global')"
KM_CONCEPTS = _DOCS + "key-manager/concepts.mdx"
TF_SECRET = _TF + "secret.md (key_id: the Key Manager key encrypting the secret's versions)"
TF_EXPORTER = _TF + "cockpit_exporter.md ('send metrics and logs from Scaleway products to external destinations')"
TF_IOT_ROUTE = _TF + "iot_route.md"
TF_SNS_SUB = _TF + "mnq_sns_topic_subscription.md"
TF_BLOCK_SNAPSHOT = _TF + "block_snapshot.md ('export the volume as a QCOW file to Object Storage')"
TF_K8S_POOL = _TF + "k8s_pool.md (node_type `external`: nodes 'from other Cloud providers')"

KEY_MANAGER_KEY = "scaleway:keymanager/key:Key"
KEY_MANAGER_KEYS = (KEY_MANAGER_KEY, "scaleway:index/keyManagerKey:KeyManagerKey")  # and its twin, for type matches
BUCKET = "scaleway:object/bucket:Bucket"
ITEM = "scaleway:object/item:Item"
SSE_CONFIGURATION = ("scaleway:object/bucketServerSideEncryptionConfiguration:"
                     "BucketServerSideEncryptionConfiguration")


def _region(source: str = SDK) -> L:
    """The resource's region: unset, the provider's, then fr-par."""
    return L("region", SCW, role="region", default="scaleway-region", source=source)


def _zone(source: str = SDK) -> L:
    return L("zone", SCW, role="zone", default="scaleway-zone", source=source)


def _derived(path: str, rule: str, role: str, source: str) -> L:
    """A setting that sends data somewhere (rules.derived judges it); `role` names what goes there."""
    return L(path, SCW, role=role, default="none", source=source, derived=rule)


NO_KEY = "Scaleway offers no customer-managed key for this service"

# Blocks that send data to a host outside Scaleway (rules.derived.external): block -> (its host or URL, the
# provider's default when unset)
EXPORT_TARGETS = {
    "datadogDestination": ("endpoint", "https://api.datadoghq.com"),  # SDK: "Defaults to `https://api.datadoghq.com`"
    "otlpDestination": ("endpoint", ""),
    "rest": ("uri", ""),
    "database": ("host", ""),
}
EXPORT = "sends data out of Scaleway"

RESOURCES = (
    # --- Object Storage -------------------------------------------------------------------------------------------
    R(BUCKET,
      locations=(_region(),
                 _derived("lifecycleRules[].transitions[].storageClass", "glacier", "objects", OS_FAQ),
                 _derived("lifecycleRules[].noncurrentVersionTransitions[].storageClass", "glacier",
                          "noncurrent object versions", OS_FAQ)),
      cmek="correlated",
      note="the bucket has no encryption input: its default encryption is a BucketServerSideEncryptionConfiguration "
           "naming it, which key-custody finds in the stack (SSE-KMS with a Key Manager key passes; AES256 is "
           "SSE-ONE, a key Scaleway holds)",
      source=f"{SDK}; {SSE_KMS}; {SSE_ONE}"),
    R(ITEM,
      locations=(_region(), _derived("storageClass", "glacier", "the object", OS_FAQ)),
      raw_key_paths=("sseCustomerKey",),
      cmek="correlated",
      note="an object is encrypted by its bucket's default encryption (checked on the bucket by key-custody) or by "
           "its own SSE-C key (`sseCustomerKey`, a raw key: allowCustomerSuppliedKeys)",
      source=f"{SDK}; {SSE_C}"),
    R(SSE_CONFIGURATION,
      locations=(_region(),),
      keys=(K(("rules[].applyServerSideEncryptionByDefault.kmsMasterKeyId",), what="bucket's objects",
              required=False, source=SSE_KMS),),
      cmek="not-data",
      note="the default encryption of the bucket it names (`bucket`): key-custody judges it with the bucket and "
           "traces its Key Manager key",
      source=f"{SDK}; {SSE_KMS}"),

    # --- Secret Manager and Key Manager ---------------------------------------------------------------------------
    R("scaleway:secrets/secret:Secret",
      locations=(_region(),),
      keys=(K(("keyId",), what="secret data", source=TF_SECRET),),
      note="without `keyId`, Secret Manager encrypts the versions with a Key Manager key Scaleway holds",
      source=f"{SDK}; {TF_SECRET}"),
    R(KEY_MANAGER_KEY,
      locations=(_region(KM_CONCEPTS),),
      cmek="not-data",
      note="the key itself (its rotation and deletion protection are judged by key-rotation)",
      source=f"{SDK}; {KM_CONCEPTS}"),

    # --- Managed PostgreSQL / MySQL -------------------------------------------------------------------------------
    R("scaleway:databases/instance:Instance",
      locations=(_region(), _derived("backupSameRegion", "database-backups", "logical backups", RDB_BACKUPS)),
      cmek="unsupported",
      note="Scaleway offers none for Managed Databases: `encryptionAtRest` encrypts the volumes with a key Scaleway "
           "holds (LUKS), and logical backups are not encrypted",
      source=f"{SDK}; {RDB_CONCEPTS}; {RDB_BACKUPS}"),

    # --- Global, unlocated and data-exporting features ------------------------------------------------------------
    R("scaleway:edgeservices/pipeline:Pipeline",
      locations=(_derived("", "unlocated", "Edge Services ('Global') serves and caches the origin's content",
                          AVAIL),),
      cmek="unsupported",
      note="Edge Services caches copies of the origin's content at the edge; " + NO_KEY,
      source=f"{SDK}; {AVAIL}"),
    R("scaleway:mailbox/mailbox:Mailbox",
      locations=(_derived("", "unlocated", "Mailbox (no location input) keeps the mail", SDK),),
      cmek="unsupported", note="hosted mail: " + NO_KEY, source=SDK),
    R("scaleway:observability/exporter:Exporter",
      locations=(_region(),
                 _derived("datadogDestination", "external", "metrics and logs", TF_EXPORTER),
                 _derived("otlpDestination", "external", "metrics and logs", TF_EXPORTER)),
      cmek="not-data", note="a Cockpit data export " + EXPORT, source=f"{SDK}; {TF_EXPORTER}"),
    R("scaleway:iot/route:Route",
      locations=(_region(),
                 _derived("rest", "external", "every message on its topic", TF_IOT_ROUTE),
                 _derived("database", "external", "every message on its topic", TF_IOT_ROUTE)),
      cmek="not-data", note="an IoT Hub route copies messages to a bucket, a database or a REST endpoint",
      source=f"{SDK}; {TF_IOT_ROUTE}"),
    R("scaleway:mnq/snsTopicSubscription:SnsTopicSubscription",
      locations=(_region(), _derived("endpoint", "subscriber", "every message published on the topic", TF_SNS_SUB)),
      cmek="not-data", note="a Topics and Events subscription pushes messages to its endpoint",
      source=f"{SDK}; {TF_SNS_SUB}"),
    R("scaleway:kubernetes/pool:Pool",
      locations=(_region(), _zone(),
                 _derived("nodeType", "external-nodes", "the pool's workloads and volumes", TF_K8S_POOL)),
      cmek="unsupported", note="node root volumes and local storage: " + NO_KEY,
      source=f"{SDK}; {TF_K8S_POOL}"),
    R("scaleway:block/snapshot:Snapshot",
      locations=(_zone(), _derived("export.bucket", "bucket-export", "a full image of the volume", TF_BLOCK_SNAPSHOT)),
      cmek="unsupported",
      note="Scaleway offers none for Block Storage snapshots in pulumiverse-scaleway 1.60.0",
      source=f"{SDK}; {TF_BLOCK_SNAPSHOT}"),
)

# Types with neither data nor location: account, IAM, billing, DNS, and parts of a parent that carries the place.
LOCATION_FREE = (
    "scaleway:account/*:*",
    "scaleway:annotations/*:*",
    "scaleway:billing/*:*",
    "scaleway:iam/*:*",
    "scaleway:partner/*:*",
    # DNS records and zones are public; a registration's contacts go to the registries
    "scaleway:domain/*:*",
    # Edge Services stages and plan: parts of a pipeline (judged on the pipeline); a backend stage's bucket or load
    # balancer, and a TLS stage's secret, are judged where they are declared
    "scaleway:edgeservices/backendStage:BackendStage",
    "scaleway:edgeservices/cacheStage:CacheStage",
    "scaleway:edgeservices/dnsStage:DnsStage",
    "scaleway:edgeservices/headStage:HeadStage",
    "scaleway:edgeservices/plan:Plan",
    "scaleway:edgeservices/routeStage:RouteStage",
    "scaleway:edgeservices/tlsStage:TlsStage",
    "scaleway:edgeservices/wafStage:WafStage",
    # parts of a load balancer or an instance (which carry the zone); mail aliases and domains
    "scaleway:loadbalancers/acl:Acl",
    "scaleway:loadbalancers/backend:Backend",
    "scaleway:loadbalancers/certificate:Certificate",
    "scaleway:loadbalancers/frontend:Frontend",
    "scaleway:loadbalancers/route:Route",
    "scaleway:instance/securityGroupRules:SecurityGroupRules",
    "scaleway:mailbox/alias:Alias",
    "scaleway:mailbox/domain:Domain",
)

_NETWORK = "network plumbing: it carries traffic and stores no customer data at rest"
_ACCESS = "credentials, users, access rules or settings of a service whose data is checked on the service itself"
_CONFIG = "a definition or schedule (images, code references, settings); the data it uses is checked where it lives"
_SDK_DOCS = "https://pypi.org/project/pulumiverse-scaleway/1.60.0/"
# Indexed types (no hand-written entry) that hold no customer data at rest.
NO_DATA_AT_REST = (
    ("scaleway:network/*", _NETWORK, _DOCS + "vpc/concepts.mdx"),
    ("scaleway:ipam/*", _NETWORK, _DOCS + "ipam/concepts.mdx"),
    ("scaleway:interlink/*", _NETWORK, _DOCS + "interlink/concepts.mdx"),
    ("scaleway:s2svpn/*", _NETWORK, _DOCS + "site-to-site-vpn/concepts.mdx"),
    ("scaleway:loadbalancers/*", _NETWORK, _DOCS + "load-balancer/concepts.mdx"),
    ("scaleway:elasticmetal/ip*", _NETWORK, _DOCS + "elastic-metal/concepts.mdx"),
    ("scaleway:instance/ip*", _NETWORK, _DOCS + "instances/concepts.mdx"),
    ("scaleway:instance/privateNic:PrivateNic", _NETWORK, _DOCS + "instances/concepts.mdx"),
    ("scaleway:instance/securityGroup:SecurityGroup", _NETWORK, _DOCS + "instances/concepts.mdx"),
    ("scaleway:instance/placementGroup:PlacementGroup", "a placement policy for instances",
     _DOCS + "instances/concepts.mdx"),
    ("scaleway:instance/template:Template", _CONFIG, _SDK_DOCS),
    ("scaleway:instance/userData:UserData", _CONFIG + " (cloud-init given to an instance)", _SDK_DOCS),
    ("scaleway:autoscaling/group:Group", _CONFIG, _TF + "autoscaling_instance_group.md"),
    ("scaleway:autoscaling/instancePolicy:InstancePolicy", _CONFIG, _TF + "autoscaling_instance_group.md"),
    ("scaleway:autoscaling/instanceTemplate:InstanceTemplate", _CONFIG, _TF + "autoscaling_instance_group.md"),
    ("scaleway:applesilicon/runner:Runner", "registers a Mac (checked as applesilicon/server) with a CI service",
     _SDK_DOCS),
    ("scaleway:containers/container:Container", _CONFIG, _DOCS + "serverless-containers/concepts.mdx"),
    ("scaleway:functions/function:Function", _CONFIG + " (its code is kept in the function namespace's registry)",
     _DOCS + "serverless-functions/concepts.mdx"),
    *((f"scaleway:{module}/{kind}", why, f"{_DOCS}serverless-{module}/concepts.mdx")
      for module in ("containers", "functions")
      for kind, why in (("cron:Cron", _CONFIG), ("domain:Domain", _NETWORK), ("token:Token", _ACCESS),
                        ("trigger:Trigger", "consumes messages from a queue (checked where the queue is)"))),
    ("scaleway:job/definition:Definition", _CONFIG, _DOCS + "serverless-jobs/concepts.mdx"),
    ("scaleway:databases/acl:Acl", _ACCESS, _DOCS + "managed-databases-for-postgresql-and-mysql/concepts.mdx"),
    ("scaleway:databases/privilege:Privilege", _ACCESS,
     _DOCS + "managed-databases-for-postgresql-and-mysql/concepts.mdx"),
    ("scaleway:databases/user:User", _ACCESS, _DOCS + "managed-databases-for-postgresql-and-mysql/concepts.mdx"),
    ("scaleway:*/user:User", _ACCESS, _SDK_DOCS),
    ("scaleway:kubernetes/acl:Acl", _ACCESS, _DOCS + "kubernetes/concepts.mdx"),
    ("scaleway:mnq/*Credentials:*", _ACCESS, _DOCS + "queues/concepts.mdx"),
    ("scaleway:mnq/sns:Sns", "activates Topics and Events in a project", _DOCS + "topics-and-events/concepts.mdx"),
    ("scaleway:mnq/sqs:Sqs", "activates Queues in a project", _DOCS + "queues/concepts.mdx"),
    ("scaleway:observability/alertManager:AlertManager", "alerting settings and contact points",
     _DOCS + "cockpit/concepts.mdx"),
    ("scaleway:observability/token:Token", _ACCESS, _DOCS + "cockpit/concepts.mdx"),
    ("scaleway:object/bucketAcl:BucketAcl", _ACCESS + " (the bucket)", _DOCS + "object-storage/concepts.mdx"),
    ("scaleway:object/bucketPolicy:BucketPolicy", _ACCESS + " (the bucket)", _DOCS + "object-storage/concepts.mdx"),
    ("scaleway:object/bucketLockConfiguration:BucketLockConfiguration", _ACCESS + " (the bucket)",
     _DOCS + "object-storage/concepts.mdx"),
    ("scaleway:object/bucketWebsiteConfiguration:BucketWebsiteConfiguration", _ACCESS + " (the bucket)",
     _DOCS + "object-storage/concepts.mdx"),
    ("scaleway:secrets/version:Version", "a version is stored under its secret's key (`keyId`, checked on the "
     "Secret)", TF_SECRET),
    ("scaleway:keymanager/keyMaterial:KeyMaterial", "imports key material into a Key Manager key (checked as the "
     "key)", KM_CONCEPTS),
    ("scaleway:iot/device:Device", _ACCESS + " (a device's certificate)", _DOCS + "iot-hub/concepts.mdx"),
    ("scaleway:iot/network:Network", _NETWORK, _DOCS + "iot-hub/concepts.mdx"),
    ("scaleway:tem/blockedList:BlockedList", _ACCESS, _DOCS + "transactional-email/concepts.mdx"),
    ("scaleway:tem/domainValidation:DomainValidation", _ACCESS, _DOCS + "transactional-email/concepts.mdx"),
    ("scaleway:tem/webhook:Webhook", "sends email events to a Topics and Events topic (checked there)",
     _DOCS + "transactional-email/concepts.mdx"),
)

# Indexed types that hold data and name no key: Scaleway offers no customer-managed key for them (first match).
NO_CUSTOMER_KEY = (
    ("scaleway:block/*", "Scaleway offers none for Block Storage in pulumiverse-scaleway 1.60.0: the API's KMS key "
     "(2026) is not exposed by the provider", "https://github.com/scaleway/scaleway-sdk-go/pull/3074"),
    ("scaleway:databases/*", "Scaleway offers none for Managed Databases: `encryptionAtRest` uses a key Scaleway "
     "holds", RDB_CONCEPTS),
    ("scaleway:*", NO_KEY + ": its pulumiverse-scaleway 1.60.0 inputs name none (only Object Storage SSE-KMS and "
     "Secret Manager take a Key Manager key)", _SDK_DOCS),
)
