"""pulumi-gcp resource fields that send, copy or replicate data to a destination named by reference.

A destination named by reference (a resource name, URL, self link or id) is judged where the referenced resource
is: `rules/flows.py` resolves it in the stack, else from the place the reference itself carries, else fails
closed. What counts: customer data or data derived from it (logs, messages, rows, objects, disks and their
copies, backups, findings, audio recordings, asset inventories, object metadata). What does not: notifications of
a job's status, configured payloads, sources that are only read, and the resource a child belongs to (left out,
each with its reason, in LEFT_OUT; tests/test_flows_catalog.py checks every candidate field of the SDK is decided).

Paths are engine (camelCase) input paths of pulumi-gcp 10.2.0. SDK = its input docstrings, which give each
reference's format.
"""
from __future__ import annotations

import re

from .ignored import Ignored
from .model import EdgeCache as E
from .model import FlowField as F
from .model import FlowSpec as S
from .model import Kind

SDK = "pulumi-gcp 10.2.0 (input docstrings)"
LOG_ROUTING = "https://cloud.google.com/logging/docs/routing/overview (sink destinations)"
PUBSUB_BIGQUERY = "https://cloud.google.com/pubsub/docs/bigquery"
PUBSUB_STORAGE = "https://cloud.google.com/pubsub/docs/cloudstorage"
PUBSUB_PUSH = "https://cloud.google.com/pubsub/docs/push"
TRANSFER = "https://cloud.google.com/storage-transfer/docs/reference/rest/v1/transferJobs"
DTS = ("https://cloud.google.com/bigquery/docs/dts-locations (\"The BigQuery Data Transfer Service processes and "
       "stages data in the same location as the destination BigQuery dataset\")")
SNAPSHOTS = ("https://cloud.google.com/compute/docs/disks/snapshot-settings (NEAREST_MULTI_REGION: \"Store snapshot "
             "in the nearest multi region Cloud Storage bucket, relative to the originating disk\")")
IMAGES = ("https://cloud.google.com/compute/docs/images/create-custom (\"If you do not make a selection, Compute "
          "Engine stores the image in the multi-region closest to your image's source location\")")
MACHINE_IMAGES = "https://cloud.google.com/compute/docs/machine-images (stored in the multi-region nearest the source)"
INSTANT = ("https://cloud.google.com/compute/docs/disks/instant-snapshots (\"stored in the same zone or region as "
           "the source disk\")")
ASYNC_DISKS = "https://cloud.google.com/compute/docs/disks/async-pd/about"
NETAPP_REPLICATION = "https://cloud.google.com/netapp/volumes/docs/protect-data/about-volume-replication"
NETAPP_BACKUPS = "https://cloud.google.com/netapp/volumes/docs/protect-data/about-backups"
REDIS_REPLICATION = "https://cloud.google.com/memorystore/docs/cluster/about-cross-region-replication"
VALKEY_REPLICATION = "https://cloud.google.com/memorystore/docs/valkey/about-cross-region-replication"
ALLOYDB_REPLICATION = "https://cloud.google.com/alloydb/docs/cross-region-replication/about-cross-region-replication"
SQL_REPLICAS = "https://cloud.google.com/sql/docs/mysql/replication (a replica holds a copy of its primary's data)"
BACKUP_DR = "https://cloud.google.com/backup-disaster-recovery/docs/concepts/backup-vault"
DATASTREAM = "https://cloud.google.com/datastream/docs/destinations"
DMS = "https://cloud.google.com/database-migration/docs/overview"
CLOUD_CDN = ("https://cloud.google.com/cdn/docs/overview (\"uses Google's globally distributed edge points of "
             "presence to cache external HTTP(S) load balanced content close to your users\"; no setting restricts "
             "the cache to a region)")
MEDIA_CDN = ("https://cloud.google.com/media-cdn/docs/overview (\"a global edge network ... backed by Google's global "
             "network of edge caches\"; EU data residency only as a sales-enabled private GA, no API field)")
FIREBASE_HOSTING = ("https://firebase.google.com/docs/hosting (\"Each file that you upload is cached on SSDs at CDN "
                    "edges around the world\")")
CLOUD_RUN_URL = ("https://cloud.google.com/run/docs/triggering/https-request (deterministic URL "
                 "https://SERVICE-PROJECT_NUMBER.REGION.run.app)")
FUNCTIONS_URL = ("https://cloud.google.com/functions/docs/calling/http "
                 "(https://REGION-PROJECT_ID.cloudfunctions.net/NAME)")

_P = r"(?P<project>[^/]+)"
_N = r"(?P<name>[^/]+)"
_L = r"(?P<location>[^/]+)"


def _re(*patterns: str) -> tuple:
    return tuple(re.compile(p) for p in patterns)


def _located(name: str, label: str, collection: str, types: tuple, names: tuple, source: str = SDK) -> Kind:
    """A resource named `projects/<p>/locations/<place>/<collection>/<id>`: the place is where it is."""
    return Kind(name, label, _re(rf"(?:^|/)projects/{_P}/locations/{_L}/(?:{collection})/{_N}$"), types, names,
                source=source)


KINDS = (
    Kind("gcs-bucket", "Cloud Storage bucket",
         _re(r"^gs://(?P<name>[^/]+)", r"^(?:https?://)?storage\.googleapis\.com/(?P<name>[^/]+)",
             rf"(?:^|/)projects/{_P}/buckets/{_N}$"),
         ("gcp:storage/bucket:Bucket",), ("name", "url"), source=SDK + " (bucket names, gs:// URIs)"),
    Kind("bigquery-dataset", "BigQuery dataset",
         _re(rf"(?:^|/)projects/{_P}/datasets/{_N}$", r"^bq://(?P<project>[^.]+)\.(?P<name>\w+)$",
             r"^(?P<project>[^:./]+)[:.](?P<name>\w+)$"),
         ("gcp:bigquery/dataset:Dataset",), ("datasetId",), source=SDK),
    Kind("bigquery-table", "BigQuery table",
         _re(rf"(?:^|/)projects/{_P}/datasets/(?P<parent>[^/]+)/tables/{_N}$",
             r"^bq://(?P<project>[^.]+)\.(?P<parent>\w+)\.(?P<name>[^.]+)$",
             r"^(?P<project>[^:./]+)[:.](?P<parent>\w+)\.(?P<name>[^.]+)$"),
         ("gcp:bigquery/table:Table",), ("tableId",), bare=False, via=("datasetId", "bigquery-dataset"),
         source=SDK + " (a table's data sits in its dataset's location)"),
    Kind("bigquery-project", "BigQuery dataset that Vertex AI creates in project",
         _re(r"^bq://(?P<name>[^.]+)$"), bare=False, source=SDK),
    Kind("pubsub-topic", "Pub/Sub topic",
         _re(rf"(?:^|/)projects/{_P}/(?:locations/[^/]+/)?topics/{_N}$"),
         ("gcp:pubsub/topic:Topic",), ("name",), source=SDK),
    Kind("log-bucket", "log bucket",
         _re(rf"(?:^|/)projects/{_P}/locations/{_L}/buckets/{_N}$",
             rf"(?:^|/)(?:folders|organizations|billingAccounts)/[^/]+/locations/{_L}/buckets/{_N}$"),
         ("gcp:logging/projectBucketConfig:ProjectBucketConfig", "gcp:logging/folderBucketConfig:FolderBucketConfig",
          "gcp:logging/organizationBucketConfig:OrganizationBucketConfig",
          "gcp:logging/billingAccountBucketConfig:BillingAccountBucketConfig"), ("bucketId",), bare=False,
         source=LOG_ROUTING),
    Kind("log-project", "log router of project", _re(r"^(?:logging\.googleapis\.com/)?projects/(?P<name>[^/]+)/?$"),
         bare=False, source=LOG_ROUTING + " (a project destination routes through that project's own sinks)"),
    Kind("compute-disk", "disk",
         _re(rf"(?:^|/)projects/{_P}/(?:zones|regions)/{_L}/disks/{_N}$",
             rf"^(?:zones|regions)/{_L}/disks/{_N}$"),
         ("gcp:compute/disk:Disk", "gcp:compute/regionDisk:RegionDisk"), ("name",), source=SDK),
    Kind("compute-image", "image",
         _re(rf"(?:^|/)projects/{_P}/global/images/(?:family/)?{_N}$", rf"^global/images/(?:family/)?{_N}$"),
         ("gcp:compute/image:Image",), ("name",), source=SDK),
    Kind("compute-snapshot", "snapshot",
         _re(rf"(?:^|/)projects/{_P}/global/snapshots/{_N}$", rf"^global/snapshots/{_N}$"),
         ("gcp:compute/snapshot:Snapshot",), ("name",), source=SDK),
    Kind("compute-instant-snapshot", "instant snapshot",
         _re(rf"(?:^|/)projects/{_P}/(?:zones|regions)/{_L}/instantSnapshots/{_N}$",
             rf"^(?:zones|regions)/{_L}/instantSnapshots/{_N}$"),
         ("gcp:compute/instantSnapshot:InstantSnapshot", "gcp:compute/regionInstantSnapshot:RegionInstantSnapshot"),
         ("name",), source=SDK),
    Kind("compute-instance", "VM instance",
         _re(rf"(?:^|/)projects/{_P}/zones/{_L}/instances/{_N}$", rf"^zones/{_L}/instances/{_N}$"),
         ("gcp:compute/instance:Instance", "gcp:compute/instanceFromTemplate:InstanceFromTemplate",
          "gcp:compute/instanceFromMachineImage:InstanceFromMachineImage"), ("name",), source=SDK),
    Kind("sql-instance", "Cloud SQL instance", _re(r"^(?:(?P<project>[^:/]+):)?(?P<name>[a-z][a-z0-9-]*)$"),
         ("gcp:sql/databaseInstance:DatabaseInstance",), ("name",), source=SDK + " (masterInstanceName)"),
    _located("netapp-storage-pool", "NetApp storage pool", "storagePools", ("gcp:netapp/storagePool:StoragePool",),
             ("name",)),
    _located("netapp-backup-vault", "NetApp backup vault", "backupVaults", ("gcp:netapp/backupVault:BackupVault",),
             ("name",)),
    _located("backupdr-vault", "Backup and DR vault", "backupVaults",
             ("gcp:backupdisasterrecovery/backupVault:BackupVault",), ("backupVaultId",)),
    _located("redis-cluster", "Memorystore for Redis cluster", "clusters", ("gcp:redis/cluster:Cluster",),
             ("name",)),
    _located("alloydb-cluster", "AlloyDB cluster", "clusters", ("gcp:alloydb/cluster:Cluster",), ("clusterId",)),
    _located("memorystore-instance", "Memorystore instance", "instances|instance",
             ("gcp:memorystore/instance:Instance",), ("instanceId",)),
    _located("datastream-profile", "Datastream connection profile", "connectionProfiles",
             ("gcp:datastream/connectionProfile:ConnectionProfile",), ("connectionProfileId",)),
    _located("dms-profile", "Database Migration Service connection profile", "connectionProfiles",
             ("gcp:databasemigrationservice/connectionProfile:ConnectionProfile",), ("connectionProfileId",)),
    _located("eventarc-bus", "Eventarc message bus", "messageBuses|messagesBuses",
             ("gcp:eventarc/messageBus:MessageBus",), ("messageBusId",)),
    _located("eventarc-pipeline", "Eventarc pipeline", "pipelines", ("gcp:eventarc/pipeline:Pipeline",),
             ("pipelineId",)),
    _located("workflow", "workflow", "workflows", ("gcp:workflows/workflow:Workflow",), ("name",)),
    _located("vertex-endpoint", "Vertex AI endpoint", r"endpoints|publishers/[^/]+/models",
             ("gcp:vertex/aiEndpoint:AiEndpoint",), ("name",)),
    _located("healthcare-dataset", "Healthcare dataset", "datasets", ("gcp:healthcare/dataset:Dataset",), ("name",)),
    Kind("healthcare-fhir-store", "FHIR store",
         _re(rf"(?:^|/)projects?/{_P}/locations/{_L}/datasets/(?P<parent>[^/]+)/fhirStores/{_N}$"),
         ("gcp:healthcare/fhirStore:FhirStore",), ("name",), via=("dataset", "healthcare-dataset"), source=SDK),
    Kind("https-endpoint", "HTTPS endpoint",
         _re(r"^https?://(?P<name>[^/:?#]+\.(?P<location>[a-z]+-[a-z]+\d+)\.run\.app)(?:[:/?#]|$)",
             r"^https?://(?P<name>(?P<location>[a-z]+-[a-z]+\d+)-[^/.]+\.cloudfunctions\.net)(?:[:/?#]|$)",
             r"^https?://(?P<name>[^/:?#]+)"),
         ("gcp:cloudrunv2/service:Service", "gcp:cloudfunctionsv2/function:Function",
          "gcp:cloudfunctions/function:Function"), ("uri", "url", "httpsTriggerUrl"), bare=False, hosts=True,
         source=f"{CLOUD_RUN_URL}; {FUNCTIONS_URL}"),
    Kind("posix-filesystem", "POSIX file system reached through a transfer agent pool", bare=False,
         source=TRANSFER + " (posixDataSink: an agent writes to a file system outside Google Cloud)"),
    Kind("s3-bucket", "Amazon S3 bucket", bare=False, source=SDK),
)

_SINK = ("log-bucket", "gcs-bucket", "bigquery-dataset", "pubsub-topic", "log-project")
_SUBSCRIPTION = (
    F("bigqueryConfig.table", ("bigquery-table",), "writes messages to", source=PUBSUB_BIGQUERY),
    F("cloudStorageConfig.bucket", ("gcs-bucket",), "writes messages to", source=PUBSUB_STORAGE),
    F("deadLetterPolicy.deadLetterTopic", ("pubsub-topic",), "forwards undeliverable messages to", source=SDK),
    F("pushConfig.pushEndpoint", ("https-endpoint",), "pushes messages to", source=PUBSUB_PUSH),
    F("messageTransforms[].aiInference.endpoint", ("vertex-endpoint",), "sends messages for inference to",
      source=SDK),
)


def _prefixed(prefix: str, fields: tuple) -> tuple:
    return tuple(F(prefix + f.path, f.kinds, f.verb, f.mode, f.unless, f.project, f.source) for f in fields)


def _copies(*paths_kinds, unless: str = "storageLocations", source: str) -> tuple:
    return tuple(F(path, (kind,), "copies", "copy-nearest", unless, source=source) for path, kind in paths_kinds)


def _table_ref(prefix: str, verb: str) -> F:
    """A BigQuery table reference object {projectId, datasetId, tableId}: the dataset is where its rows land."""
    return F(prefix + ".datasetId", ("bigquery-dataset",), verb, project="projectId", source=SDK)


FLOWS = (
    # --- Cloud Logging: sinks route log entries to a bucket, dataset, topic, log bucket or another project ---
    S("gcp:logging/projectSink:ProjectSink", "logging sink",
      (F("destination", _SINK, "sends logs to", source=LOG_ROUTING),), SDK),
    S("gcp:logging/folderSink:FolderSink", "folder logging sink",
      (F("destination", _SINK, "sends logs to", source=LOG_ROUTING),), SDK),
    S("gcp:logging/organizationSink:OrganizationSink", "organization logging sink",
      (F("destination", _SINK, "sends logs to", source=LOG_ROUTING),), SDK),
    S("gcp:logging/billingAccountSink:BillingAccountSink", "billing account logging sink",
      (F("destination", _SINK, "sends logs to", source=LOG_ROUTING),), SDK),
    S("gcp:storage/bucket:Bucket", "bucket",
      (F("logging.logBucket", ("gcs-bucket",), "writes its access logs to", source=SDK),), SDK),
    S("gcp:cloudbuild/trigger:Trigger", "Cloud Build trigger",
      (F("build.logsBucket", ("gcs-bucket",), "writes build logs to", source=SDK),), SDK),
    S("gcp:configdeployment/deployment:Deployment", "Infrastructure Manager deployment",
      (F("artifactsGcsBucket", ("gcs-bucket",), "writes its Terraform state, logs and artifacts to", source=SDK),),
      SDK),

    # --- Pub/Sub: subscriptions write to BigQuery, Cloud Storage, dead-letter topics and push endpoints ---
    S("gcp:pubsub/subscription:Subscription", "Pub/Sub subscription", _SUBSCRIPTION, SDK),
    S("gcp:bigqueryanalyticshub/listingSubscription:ListingSubscription", "Analytics Hub listing subscription",
      _prefixed("destinationPubsubSubscription.pubsubSubscription.", _SUBSCRIPTION[:4]), SDK),
    S("gcp:storage/notification:Notification", "bucket notification",
      (F("topic", ("pubsub-topic",), "publishes object metadata to", source=SDK),), SDK),
    S("gcp:eventarc/trigger:Trigger", "Eventarc trigger",
      (F("transport.pubsub.topic", ("pubsub-topic",), "carries events through", source=SDK),
       F("destination.workflow", ("workflow",), "delivers events to", source=SDK),
       F("destination.httpEndpoint.uri", ("https-endpoint",), "delivers events to", source=SDK)), SDK),
    S("gcp:eventarc/pipeline:Pipeline", "Eventarc pipeline",
      (F("destinations[].topic", ("pubsub-topic",), "publishes events to", source=SDK),
       F("destinations[].messageBus", ("eventarc-bus",), "publishes events to", source=SDK),
       F("destinations[].workflow", ("workflow",), "delivers events to", source=SDK),
       F("destinations[].httpEndpoint.uri", ("https-endpoint",), "delivers events to", source=SDK)), SDK),
    S("gcp:eventarc/googleApiSource:GoogleApiSource", "Eventarc Google API source",
      (F("destination", ("eventarc-bus",), "delivers events to", source=SDK),), SDK),
    S("gcp:eventarc/enrollment:Enrollment", "Eventarc enrollment",
      (F("destination", ("eventarc-pipeline",), "delivers events to", source=SDK),), SDK),
    S("gcp:cloudasset/projectFeed:ProjectFeed", "asset feed",
      (F("feedOutputConfig.pubsubDestination.topic", ("pubsub-topic",), "publishes asset changes to", source=SDK),),
      SDK),
    S("gcp:cloudasset/folderFeed:FolderFeed", "asset feed",
      (F("feedOutputConfig.pubsubDestination.topic", ("pubsub-topic",), "publishes asset changes to", source=SDK),),
      SDK),
    S("gcp:cloudasset/organizationFeed:OrganizationFeed", "asset feed",
      (F("feedOutputConfig.pubsubDestination.topic", ("pubsub-topic",), "publishes asset changes to", source=SDK),),
      SDK),
    S("gcp:diagflow/conversationProfile:ConversationProfile", "Dialogflow conversation profile",
      tuple(F(path, ("pubsub-topic",), "publishes conversation events to", source=SDK) for path in (
          "notificationConfig.topic", "newMessageEventNotificationConfig.topic",
          "newRecognitionResultNotificationConfig.topic", "humanAgentAssistantConfig.notificationConfig.topic")),
      SDK),

    # --- Transfers and exports into Cloud Storage and BigQuery ---
    S("gcp:storage/transferJob:TransferJob", "Storage Transfer job",
      (F("transferSpec.gcsDataSink.bucketName", ("gcs-bucket",), "copies objects to", source=TRANSFER),
       F("replicationSpec.gcsDataSink.bucketName", ("gcs-bucket",), "replicates objects to", source=TRANSFER),
       F("transferSpec.posixDataSink.rootDirectory", ("posix-filesystem",), "copies objects to", source=TRANSFER)),
      SDK),
    S("gcp:storage/insightsReportConfig:InsightsReportConfig", "Storage Insights report",
      (F("objectMetadataReportOptions.storageDestinationOptions.bucket", ("gcs-bucket",),
         "writes object metadata inventories to", source=SDK),), SDK),
    S("gcp:projects/usageExportBucket:UsageExportBucket", "usage export",
      (F("bucketName", ("gcs-bucket",), "writes Compute Engine usage reports to", source=SDK),), SDK),
    S("gcp:bigquery/dataTransferConfig:DataTransferConfig", "BigQuery Data Transfer config",
      (F("destinationDatasetId", ("bigquery-dataset",), "loads data into", source=DTS),), SDK),
    S("gcp:bigquery/job:Job", "BigQuery job",
      (_table_ref("copy.destinationTable", "copies tables into"),
       _table_ref("query.destinationTable", "writes query results to"),
       _table_ref("load.destinationTable", "loads data into"),
       F("extract.destinationUris[]", ("gcs-bucket",), "extracts tables to", source=SDK)), SDK),
    S("gcp:bigquery/table:Table", "BigQuery table",
      (F("biglakeConfiguration.storageUri", ("gcs-bucket",), "stores its data in", source=SDK),
       F("externalCatalogTableOptions.storageDescriptor.locationUri", ("gcs-bucket",), "stores its data in",
         source=SDK)), SDK),
    S("gcp:bigquery/dataset:Dataset", "BigQuery dataset",
      (F("externalCatalogDatasetOptions.defaultStorageLocationUri", ("gcs-bucket",), "stores its tables' data in",
         source=SDK),), SDK),
    S("gcp:biglake/icebergCatalog:IcebergCatalog", "Iceberg catalog",
      (F("defaultLocation", ("gcs-bucket",), "stores its tables in", source=SDK),), SDK),
    S("gcp:biglake/hiveCatalog:HiveCatalog", "BigLake Hive catalog",
      (F("locationUri", ("gcs-bucket",), "stores its data in", source=SDK),), SDK),
    S("gcp:biglake/hiveDatabase:HiveDatabase", "BigLake Hive database",
      (F("locationUri", ("gcs-bucket",), "stores its data in", source=SDK),), SDK),
    S("gcp:biglake/hiveTable:HiveTable", "BigLake Hive table",
      (F("storageDescriptor.locationUri", ("gcs-bucket",), "stores its data in", source=SDK),), SDK),
    S("gcp:biglake/database:Database", "BigLake database",
      (F("hiveOptions.locationUri", ("gcs-bucket",), "stores its data in", source=SDK),), SDK),
    S("gcp:biglake/table:Table", "BigLake table",
      (F("hiveOptions.storageDescriptor.locationUri", ("gcs-bucket",), "stores its data in", source=SDK),), SDK),
    S("gcp:container/cluster:Cluster", "GKE cluster",
      (F("resourceUsageExportConfig.bigqueryDestination.datasetId", ("bigquery-dataset",),
         "exports resource usage records to", source=SDK),), SDK),
    S("gcp:vertex/aiEndpoint:AiEndpoint", "Vertex AI endpoint",
      (F("predictRequestResponseLoggingConfig.bigqueryDestination.outputUri",
         ("bigquery-table", "bigquery-dataset", "bigquery-project"), "logs prediction requests and responses to",
         source=SDK),), SDK),
    S("gcp:dataplex/datascan:Datascan", "Dataplex scan",
      (F("dataProfileSpec.postScanActions.bigqueryExport.resultsTable", ("bigquery-table",),
         "exports profile results to", source=SDK),
       F("dataQualitySpec.postScanActions.bigqueryExport.resultsTable", ("bigquery-table",),
         "exports data quality results to", source=SDK)), SDK),
    S("gcp:healthcare/fhirStore:FhirStore", "FHIR store",
      (F("streamConfigs[].bigqueryDestination.datasetUri", ("bigquery-dataset",), "streams resources to",
         source=SDK),
       F("notificationConfig.pubsubTopic", ("pubsub-topic",), "publishes change notifications to", source=SDK),
       F("notificationConfigs[].pubsubTopic", ("pubsub-topic",), "publishes resources and changes to", source=SDK)),
      SDK),
    S("gcp:healthcare/dicomStore:DicomStore", "DICOM store",
      (F("streamConfigs[].bigqueryDestination.tableUri", ("bigquery-table",), "streams instance metadata to",
         source=SDK),
       F("notificationConfig.pubsubTopic", ("pubsub-topic",), "publishes change notifications to", source=SDK)),
      SDK),
    S("gcp:healthcare/hl7Store:Hl7Store", "HL7v2 store",
      (F("notificationConfig.pubsubTopic", ("pubsub-topic",), "publishes change notifications to", source=SDK),
       F("notificationConfigs[].pubsubTopic", ("pubsub-topic",), "publishes change notifications to",
         source=SDK)), SDK),
    S("gcp:healthcare/pipelineJob:PipelineJob", "Healthcare pipeline job",
      (F("mappingPipelineJob.fhirStoreDestination", ("healthcare-fhir-store",), "writes mapped resources to",
         source=SDK),
       F("reconciliationPipelineJob.fhirStoreDestination", ("healthcare-fhir-store",),
         "writes reconciled resources to", source=SDK)), SDK),
    S("gcp:apigee/datastore:Datastore", "Apigee analytics datastore",
      (F("datastoreConfig.bucketName", ("gcs-bucket",), "exports analytics data to", source=SDK),
       F("datastoreConfig.datasetName", ("bigquery-dataset",), "exports analytics data to",
         project="projectId", source=SDK)), SDK),
    S("gcp:looker/instance:Instance", "Looker instance",
      (F("periodicExportConfig.gcsUri", ("gcs-bucket",), "exports the instance to", source=SDK),), SDK),
    S("gcp:colab/notebookExecution:NotebookExecution", "Colab notebook execution",
      (F("gcsOutputUri", ("gcs-bucket",), "writes notebook outputs to", source=SDK),), SDK),
    S("gcp:colab/schedule:Schedule", "Colab schedule",
      (F("createNotebookExecutionJobRequest.notebookExecutionJob.gcsOutputUri", ("gcs-bucket",),
         "writes notebook outputs to", source=SDK),), SDK),
    S("gcp:ces/app:App", "Customer Engagement Suite app",
      (F("loggingSettings.audioRecordingConfig.gcsBucket", ("gcs-bucket",), "stores session audio recordings in",
         source=SDK),
       F("loggingSettings.bigqueryExportSettings.dataset", ("bigquery-dataset",), "exports conversation data to",
         source=SDK)), SDK),
    S("gcp:diagflow/cxAgent:CxAgent", "Dialogflow CX agent",
      (F("advancedSettings.audioExportGcsDestination.uri", ("gcs-bucket",), "exports conversation audio to",
         source=SDK),), SDK),
    S("gcp:diagflow/cxFlow:CxFlow", "Dialogflow CX flow",
      (F("advancedSettings.audioExportGcsDestination.uri", ("gcs-bucket",), "exports conversation audio to",
         source=SDK),), SDK),
    S("gcp:diagflow/cxSecuritySettings:CxSecuritySettings", "Dialogflow CX security settings",
      (F("audioExportSettings.gcsBucket", ("gcs-bucket",), "exports conversation audio to", source=SDK),), SDK),
    S("gcp:chronicle/dataExport:DataExport", "Google SecOps data export",
      (F("gcsBucket", ("gcs-bucket",), "exports security telemetry to", source=SDK),), SDK),
    S("gcp:dataloss/preventionJobTrigger:PreventionJobTrigger", "Sensitive Data Protection job trigger",
      (_table_ref("inspectJob.actions[].saveFindings.outputConfig.table", "saves findings (with quotes) to"),
       _table_ref("inspectJob.actions[].deidentify.transformationDetailsStorageConfig.table",
                  "saves transformation details to")), SDK),
    S("gcp:dataloss/preventionDiscoveryConfig:PreventionDiscoveryConfig", "Sensitive Data Protection discovery",
      (_table_ref("actions[].exportData.profileTable", "exports data profiles to"),
       _table_ref("actions[].exportData.sampleFindingsTable", "exports sample findings to")), SDK),
    S("gcp:dataloss/preventionContentPolicy:PreventionContentPolicy", "Sensitive Data Protection content policy",
      (_table_ref("loggingConfigs[].logToBigQuery", "logs inspected content verdicts to"),), SDK),
    *(S(f"gcp:securitycenter/{name}", "Security Command Center export",
        (F("dataset", ("bigquery-dataset",), "exports findings to", source=SDK),), SDK)
      for name in ("projectSccBigQueryExport:ProjectSccBigQueryExport",
                   "folderSccBigQueryExport:FolderSccBigQueryExport",
                   "organizationSccBigQueryExport:OrganizationSccBigQueryExport",
                   "v2ProjectSccBigQueryExport:V2ProjectSccBigQueryExport",
                   "v2FolderSccBigQueryExport:V2FolderSccBigQueryExport",
                   "v2OrganizationSccBigQueryExport:V2OrganizationSccBigQueryExport",
                   "v2OrganizationSccBigQueryExports:V2OrganizationSccBigQueryExports")),
    *(S(f"gcp:securitycenter/{name}", "Security Command Center notification",
        (F("pubsubTopic", ("pubsub-topic",), "publishes findings to", source=SDK),), SDK)
      for name in ("notificationConfig:NotificationConfig", "projectNotificationConfig:ProjectNotificationConfig",
                   "folderNotificationConfig:FolderNotificationConfig",
                   "v2ProjectNotificationConfig:V2ProjectNotificationConfig",
                   "v2FolderNotificationConfig:V2FolderNotificationConfig",
                   "v2OrganizationNotificationConfig:V2OrganizationNotificationConfig")),

    # --- Processing engines writing temporary, staging and backup data to Cloud Storage ---
    S("gcp:dataflow/job:Job", "Dataflow job",
      (F("tempGcsLocation", ("gcs-bucket",), "writes temporary files to", source=SDK),), SDK),
    S("gcp:dataflow/flexTemplateJob:FlexTemplateJob", "Dataflow Flex Template job",
      (F("tempLocation", ("gcs-bucket",), "writes temporary files to", source=SDK),
       F("stagingLocation", ("gcs-bucket",), "stages files in", source=SDK)), SDK),
    S("gcp:dataflow/pipeline:Pipeline", "Dataflow pipeline",
      (F("workload.dataflowFlexTemplateRequest.launchParameter.environment.tempLocation", ("gcs-bucket",),
         "writes temporary files to", source=SDK),
       F("workload.dataflowLaunchTemplateRequest.launchParameters.environment.tempLocation", ("gcs-bucket",),
         "writes temporary files to", source=SDK)), SDK),
    S("gcp:dataproc/cluster:Cluster", "Dataproc cluster",
      (F("clusterConfig.stagingBucket", ("gcs-bucket",), "stages job files and driver output in", source=SDK),
       F("clusterConfig.tempBucket", ("gcs-bucket",), "writes job history and temporary data to", source=SDK),
       F("clusterConfig.bucket", ("gcs-bucket",), "stages data in", source=SDK),
       F("virtualClusterConfig.stagingBucket", ("gcs-bucket",), "stages job files and driver output in",
         source=SDK)), SDK),
    S("gcp:dataproc/workflowTemplate:WorkflowTemplate", "Dataproc workflow template",
      (F("placement.managedCluster.config.stagingBucket", ("gcs-bucket",), "stages job files and driver output in",
         source=SDK),
       F("placement.managedCluster.config.tempBucket", ("gcs-bucket",), "writes job history and temporary data to",
         source=SDK)), SDK),
    S("gcp:dataproc/batch:Batch", "Dataproc batch",
      (F("environmentConfig.executionConfig.stagingBucket", ("gcs-bucket",), "stages workload data in",
         source=SDK),), SDK),
    S("gcp:dataproc/sessionTemplate:SessionTemplate", "Dataproc session template",
      (F("environmentConfig.executionConfig.stagingBucket", ("gcs-bucket",), "stages workload data in",
         source=SDK),), SDK),
    S("gcp:dataproc/metastoreService:MetastoreService", "Dataproc Metastore service",
      (F("scheduledBackup.backupLocation", ("gcs-bucket",), "writes its backups to", source=SDK),), SDK),
    S("gcp:composer/environment:Environment", "Composer environment",
      (F("storageConfig.bucket", ("gcs-bucket",), "keeps DAGs, logs and data in", source=SDK),
       F("config.recoveryConfig.scheduledSnapshotsConfig.snapshotLocation", ("gcs-bucket",),
         "writes environment snapshots to", source=SDK)), SDK),
    S("gcp:cloudrunv2/service:Service", "Cloud Run service",
      (F("template.volumes[].gcs.bucket", ("gcs-bucket",), "mounts and writes to", unless="readOnly",
         source=SDK),), SDK),
    S("gcp:cloudrunv2/job:Job", "Cloud Run job",
      (F("template.template.volumes[].gcs.bucket", ("gcs-bucket",), "mounts and writes to", unless="readOnly",
         source=SDK),), SDK),
    S("gcp:cloudrunv2/workerPool:WorkerPool", "Cloud Run worker pool",
      (F("template.volumes[].gcs.bucket", ("gcs-bucket",), "mounts and writes to", unless="readOnly",
         source=SDK),), SDK),
    S("gcp:hypercomputecluster/cluster:Cluster", "Cluster Director cluster",
      (F("storageResources[].config.existingBucket.bucket", ("gcs-bucket",), "mounts and writes to",
         source=SDK),), SDK),
    S("gcp:sql/databaseInstance:DatabaseInstance", "Cloud SQL instance",
      (F("settings.sqlServerAuditConfig.bucket", ("gcs-bucket",), "uploads SQL Server audit files to", source=SDK),
       F("masterInstanceName", ("sql-instance",), "is a replica of", source=SQL_REPLICAS)), SDK),
    S("gcp:oracledatabase/goldengateConnection:GoldengateConnection", "GoldenGate connection",
      (F("properties.icebergConnectionProperties.storage.googleCloudStorageIcebergStorage.bucket", ("gcs-bucket",),
         "writes Iceberg tables to", source=SDK),
       F("properties.icebergConnectionProperties.storage.amazonS3IcebergStorage.bucket", ("s3-bucket",),
         "writes Iceberg tables to", source=SDK)), SDK),

    # --- Change data capture and migrations ---
    S("gcp:datastream/stream:Stream", "Datastream stream",
      (F("destinationConfig.destinationConnectionProfile", ("datastream-profile",), "replicates data through",
         source=DATASTREAM),
       F("destinationConfig.bigqueryDestinationConfig.singleTargetDataset.datasetId", ("bigquery-dataset",),
         "replicates data to", source=DATASTREAM),
       F("destinationConfig.bigqueryDestinationConfig.blmtConfig.bucket", ("gcs-bucket",),
         "writes BigLake table data to", source=DATASTREAM)), SDK),
    S("gcp:datastream/connectionProfile:ConnectionProfile", "Datastream connection profile",
      (F("gcsProfile.bucket", ("gcs-bucket",), "writes replicated data to", source=DATASTREAM),), SDK),
    S("gcp:databasemigrationservice/migrationJob:MigrationJob", "Database Migration Service job",
      (F("destination", ("dms-profile",), "migrates the database to", source=DMS),), SDK),

    # --- Copies: snapshots and images are stored in the multi-region nearest their source unless placed ---
    S("gcp:compute/snapshot:Snapshot", "snapshot",
      _copies(("sourceDisk", "compute-disk"), ("sourceInstantSnapshot", "compute-instant-snapshot"),
              source=SNAPSHOTS), SDK),
    S("gcp:compute/image:Image", "image",
      _copies(("sourceDisk", "compute-disk"), ("sourceImage", "compute-image"), ("sourceSnapshot", "compute-snapshot"),
              source=IMAGES), SDK),
    S("gcp:compute/machineImage:MachineImage", "machine image",
      _copies(("sourceInstance", "compute-instance"), unless="", source=MACHINE_IMAGES), SDK),
    S("gcp:compute/instantSnapshot:InstantSnapshot", "instant snapshot",
      (F("sourceDisk", ("compute-disk",), "copies", "copy-same", source=INSTANT),), SDK),
    S("gcp:compute/regionInstantSnapshot:RegionInstantSnapshot", "instant snapshot",
      (F("sourceDisk", ("compute-disk",), "copies", "copy-same", source=INSTANT),), SDK),

    # --- Replication partners: a replica holds the same data as the resource it replicates ---
    S("gcp:compute/disk:Disk", "disk",
      (F("asyncPrimaryDisk.disk", ("compute-disk",), "is an asynchronous replica of", source=ASYNC_DISKS),), SDK),
    S("gcp:compute/regionDisk:RegionDisk", "regional disk",
      (F("asyncPrimaryDisk.disk", ("compute-disk",), "is an asynchronous replica of", source=ASYNC_DISKS),), SDK),
    S("gcp:compute/diskAsyncReplication:DiskAsyncReplication", "disk replication",
      (F("primaryDisk", ("compute-disk",), "replicates", source=ASYNC_DISKS),
       F("secondaryDisk.disk", ("compute-disk",), "replicates a disk to", source=ASYNC_DISKS)), SDK),
    S("gcp:netapp/volumeReplication:VolumeReplication", "NetApp volume replication",
      (F("destinationVolumeParameters.storagePool", ("netapp-storage-pool",), "replicates the volume to",
         source=NETAPP_REPLICATION),), SDK),
    S("gcp:redis/cluster:Cluster", "Memorystore for Redis cluster",
      (F("crossClusterReplicationConfig.primaryCluster.cluster", ("redis-cluster",), "is a replica of",
         source=REDIS_REPLICATION),
       F("crossClusterReplicationConfig.secondaryClusters[].cluster", ("redis-cluster",), "replicates to",
         source=REDIS_REPLICATION)), SDK),
    S("gcp:memorystore/instance:Instance", "Memorystore instance",
      (F("crossInstanceReplicationConfig.primaryInstance.instance", ("memorystore-instance",), "is a replica of",
         source=VALKEY_REPLICATION),
       F("crossInstanceReplicationConfig.secondaryInstances[].instance", ("memorystore-instance",), "replicates to",
         source=VALKEY_REPLICATION)), SDK),
    S("gcp:alloydb/cluster:Cluster", "AlloyDB cluster",
      (F("secondaryConfig.primaryClusterName", ("alloydb-cluster",), "is a secondary of",
         source=ALLOYDB_REPLICATION),), SDK),

    # --- Backups kept in a vault named by reference ---
    S("gcp:backupdisasterrecovery/backupPlan:BackupPlan", "backup plan",
      (F("backupVault", ("backupdr-vault",), "stores backups in", source=BACKUP_DR),), SDK),
    S("gcp:netapp/volume:Volume", "NetApp volume",
      (F("backupConfig.backupVault", ("netapp-backup-vault",), "stores backups in", source=NETAPP_BACKUPS),), SDK),
    S("gcp:netapp/backup:Backup", "NetApp backup",
      (F("vaultName", ("netapp-backup-vault",), "is stored in", source=NETAPP_BACKUPS),), SDK),
)

# Content cached at edge locations worldwide: data leaving the jurisdiction unless public by design
# (the data-flows policy's allowPublicEdgeCaching).
EDGE_CACHES = (
    E("gcp:compute/backendService:BackendService", "backend service", "enableCdn", "Cloud CDN", CLOUD_CDN),
    E("gcp:compute/backendBucket:BackendBucket", "backend bucket", "enableCdn", "Cloud CDN", CLOUD_CDN),
    E("gcp:compute/regionBackendService:RegionBackendService", "regional backend service", "enableCdn", "Cloud CDN",
      CLOUD_CDN),
    E("gcp:networkservices/edgeCacheService:EdgeCacheService", "Media CDN service", "", "Media CDN", MEDIA_CDN),
    E("gcp:firebase/hostingSite:HostingSite", "Firebase Hosting site", "", "Firebase Hosting", FIREBASE_HOSTING),
)

_READ = "a source that is read, not a destination data is sent to"
_PARENT = "the resource this one belongs to or configures, not a destination"
_OWN = "the resource's own id or name"
_STATUS = "notifications of a job's or resource's status (operational metadata), not customer data"
_POOL = "a worker, CA, identity or address pool: no data is sent to it"

# Candidate destination fields (see sovereign_guard_tools/index/destinations.py) deliberately not judged as flows:
# (type glob, path glob, reason, source), matched like catalog/ignored.py's rules.
LEFT_OUT = (
    Ignored("gcp:osconfig/*", "*", "OS policies and patch jobs read artifacts and scripts onto VMs", SDK),
    Ignored("gcp:agenticapplications/*", "*", "tables an agent reads for context", SDK),
    Ignored("gcp:gemini/*", "*", "tables a data agent reads for context", SDK),
    Ignored("gcp:dataloss/*", "*.storageConfig.*", "the storage an inspection job reads", SDK),
    Ignored("gcp:dataloss/*", "targets[].*", "the resources a discovery scan reads", SDK),
    Ignored("gcp:dataloss/*", "*.pubSub*.topic", _STATUS, SDK),
    Ignored("gcp:dataloss/*", "*.bigQueryField.table.*", "a dictionary table a stored info type reads", SDK),
    Ignored("gcp:dataloss/*", "*.tableId", "the table of a table reference whose datasetId is judged", SDK),
    Ignored("gcp:datastream/stream:Stream", "sourceConfig.*", _READ, SDK),
    Ignored("gcp:datastream/stream:Stream", "backfillAll.*", _READ, SDK),
    Ignored("gcp:datastream/stream:Stream", "ruleSets[].*", "source objects a rule set applies to", SDK),
    Ignored("gcp:datastream/stream:Stream", "streamId", _OWN, SDK),
    Ignored("gcp:bigquery/job:Job", "*.source*", _READ, SDK),
    Ignored("gcp:bigquery/job:Job", "extract.destinationFormat", "the file format of the extract", SDK),
    Ignored("gcp:bigquery/job:Job", "query.defaultDataset.datasetId", "the dataset unqualified names refer to", SDK),
    Ignored("gcp:bigquery/job:Job", "*.destinationTable.tableId", "the table of a table reference whose datasetId "
            "is judged", SDK),
    Ignored("gcp:bigquery/*", "datasetId", _PARENT, SDK),
    Ignored("gcp:bigquery/*", "tableId", _PARENT, SDK),
    Ignored("gcp:bigquery/dataset*", "*.datasetId", "a grant to a dataset, routine or view (access control)", SDK),
    Ignored("gcp:bigquery/dataset*", "*.tableId", "a grant to an authorized view (access control)", SDK),
    Ignored("gcp:bigquery/table:Table", "tableConstraints.*", "a foreign key's referenced table (metadata)", SDK),
    Ignored("gcp:bigquery/table:Table", "tableReplicationInfo.*", "the source a materialized view replica reads",
            SDK),
    Ignored("gcp:bigquery/biReservation:BiReservation", "preferredTables[].*", "tables BI Engine accelerates", SDK),
    Ignored("gcp:bigquery/dataTransferConfig:DataTransferConfig", "notificationPubsubTopic", _STATUS, SDK),
    Ignored("gcp:bigqueryanalyticshub/listing:Listing", "*", "the shared dataset or topic; subscribers read it in "
            "place", "https://cloud.google.com/bigquery/docs/analytics-hub-introduction"),
    Ignored("gcp:bigqueryanalyticshub/*Subscription:*", "destinationDataset.datasetReference.datasetId",
            "the id of the linked dataset the subscription creates; its location (destinationDataset.location) is "
            "judged as a place", SDK),
    Ignored("gcp:bigqueryanalyticshub/listingSubscription:ListingSubscription",
            "destinationPubsubSubscription.pubsubSubscription.name", _OWN, SDK),
    Ignored("gcp:bigtable/*", "table*", _PARENT, SDK),
    Ignored("gcp:healthcare/*", "dataset", "the Healthcare dataset the store lives in (its location is judged on the "
            "Dataset)", SDK),
    Ignored("gcp:logging/*BucketConfig:*", "bucketId", _OWN, SDK),
    Ignored("gcp:logging/linkedDataset:LinkedDataset", "*", "a BigQuery view onto a log bucket: the logs stay in "
            "the bucket", "https://cloud.google.com/logging/docs/buckets#link-bq-dataset"),
    Ignored("gcp:logging/logView:LogView", "bucket", _PARENT, SDK),
    Ignored("gcp:logging/metric:Metric", "bucketName", "the log bucket a log-based metric reads", SDK),
    Ignored("gcp:observability/*", "*", "the observability bucket itself, or a view linking it to BigQuery", SDK),
    Ignored("gcp:storage/*", "bucket", "the bucket the resource belongs to or configures, not a destination", SDK),
    Ignored("gcp:storage/batchOperationsJob:BatchOperationsJob", "bucketList.*", "the buckets a batch job changes in "
            "place", SDK),
    Ignored("gcp:storage/ftpUser:FtpUser", "*", "which bucket an FTP user may reach (access configuration)", SDK),
    Ignored("gcp:storage/insightsDatasetConfig:InsightsDatasetConfig", "*", "buckets whose metadata the Insights "
            "dataset reads; its own location is judged as a place", SDK),
    Ignored("gcp:storage/insightsReportConfig:InsightsReportConfig", "*.storageFilters.bucket", _READ, SDK),
    Ignored("gcp:storage/insightsReportConfig:InsightsReportConfig", "*.destinationPath", "the object prefix inside "
            "the destination bucket", SDK),
    Ignored("gcp:storage/notification:Notification", "bucket", _PARENT, SDK),
    Ignored("gcp:storage/transferJob:TransferJob", "*Source*", _READ, SDK),
    Ignored("gcp:storage/transferJob:TransferJob", "*.source*", _READ, SDK),
    Ignored("gcp:storage/transferJob:TransferJob", "notificationConfig.pubsubTopic", _STATUS, SDK),
    Ignored("gcp:storage/transferJob:TransferJob", "transferSpec.sinkAgentPoolName", "the agent pool that writes "
            "the POSIX sink, judged through posixDataSink.rootDirectory", SDK),
    Ignored("gcp:pubsub/*ubscription:*", "topic", "the topic the subscription reads", SDK),
    Ignored("gcp:pubsub/topic:Topic", "ingestionDataSourceSettings.*", "an ingestion source the topic reads", SDK),
    Ignored("gcp:compute/disk:Disk", "source*", "a clone or restore lives in the disk's own zone (judged as a place)",
            SDK),
    Ignored("gcp:compute/regionDisk:RegionDisk", "sourceDisk", "a clone lives in the disk's own region (judged as a "
            "place)", SDK),
    Ignored("gcp:compute/*", "*storagePool*", "a Hyperdisk storage pool in the disk's own zone", SDK),
    Ignored("gcp:compute/*nstance*", "*source*", "an image, snapshot or machine image read to create a VM in its own "
            "zone", SDK),
    Ignored("gcp:compute/*nstanceTemplate:*", "disks[].source*", "an image or snapshot read to create VM disks", SDK),
    Ignored("gcp:compute/regionInstanceGroupManager:*", "*.source*", "an image or snapshot read to create VM disks",
            SDK),
    Ignored("gcp:compute/regionBackendBucket:RegionBackendBucket", "bucketName", "serves the bucket's objects (the "
            "bucket is judged on its own; regional backend buckets have no Cloud CDN)", SDK),
    Ignored("gcp:compute/targetPool:TargetPool", "backupPool", "a failover pool of VMs for load balancing", SDK),
    Ignored("gcp:compute/regionCompositeHealthCheck:*", "healthDestination", "a health check target", SDK),
    Ignored("gcp:tpu/v2Vm:V2Vm", "dataDisks[].sourceDisk", "an existing disk attached to the TPU VM", SDK),
    Ignored("gcp:workstations/*", "*source*", "an image or snapshot read to create workstation disks", SDK),
    Ignored("gcp:filestore/backup:Backup", "sourceInstance", "the instance backed up; the backup's own location is "
            "judged as a place", SDK),
    Ignored("gcp:netapp/backup:Backup", "*source*", _READ, SDK),
    Ignored("gcp:netapp/backup:Backup", "ontapSource.storagePool", _READ, SDK),
    Ignored("gcp:netapp/volume:Volume", "storagePool", "the pool the volume lives in (in the same location, judged "
            "on the StoragePool)", SDK),
    Ignored("gcp:netapp/volume:Volume", "restoreParameters.*", _READ, SDK),
    Ignored("gcp:backupdisasterrecovery/*", "backupVaultId", "the vault's own id, or the vault a restore reads", SDK),
    Ignored("gcp:backupdisasterrecovery/restoreWorkload:*", "*", "a restore reads a backup into its own location",
            SDK),
    Ignored("gcp:redis/cluster:Cluster", "crossClusterReplicationConfig.memberships[].*", "(Output) the membership "
            "the service reports", SDK),
    Ignored("gcp:memorystore/instance:Instance", "crossInstanceReplicationConfig.memberships[].*", "(Output) the "
            "membership the service reports", SDK),
    Ignored("gcp:*", "*aPool", _POOL, SDK),
    Ignored("gcp:certificateauthority/*", "pool", _POOL, SDK),
    Ignored("gcp:*", "*orkerPool", _POOL, SDK),
    Ignored("gcp:*", "*workloadPool", _POOL, SDK),
    Ignored("gcp:*", "*.workforcePoolName", _POOL, SDK),
    Ignored("gcp:*", "*.identityPoolId", _POOL, SDK),
    Ignored("gcp:*", "*Pool*.pool", _POOL, SDK),
    Ignored("gcp:*", "*snatPool", _POOL, SDK),
    Ignored("gcp:*", "*resourcePool", _POOL, SDK),
    Ignored("gcp:*", "*scopeTenancyPool", _POOL, SDK),
    Ignored("gcp:oracledatabase/*", "*aultId", "an OCI vault or Exascale storage vault the database uses in its own "
            "region", SDK),
    Ignored("gcp:oracledatabase/*", "*exascaleDbStorageVault*", "Exascale storage the VM cluster uses in its own "
            "region", SDK),
    Ignored("gcp:oracledatabase/*", "*streamPoolId", "an OCI streaming pool a Kafka connection reads", SDK),
    Ignored("gcp:oracledatabase/goldengateDeployment:*", "properties.*.bucket", "(Output) the bucket the service "
            "reports", SDK),
    Ignored("gcp:certificateauthority/authority:Authority", "gcsBucket", "publishes CA certificates and CRLs, which "
            "are public by design", SDK),
    Ignored("gcp:cloudbuild/trigger:Trigger", "build.source.*", _READ, SDK),
    Ignored("gcp:cloudbuild/trigger:Trigger", "pubsubConfig.topic", "the topic that triggers builds (read)", SDK),
    Ignored("gcp:cloudfunctions*", "*ource*", "source code read to build the function", SDK),
    Ignored("gcp:cloudfunctionsv2/function:Function", "eventTrigger.pubsubTopic", "the topic that triggers the "
            "function (read)", SDK),
    Ignored("gcp:cloudrunv2/service:Service", "template.containers[].sourceCode.*", "source code read to build the "
            "service", SDK),
    Ignored("gcp:container/*", "*.initScript.gcsUri", "a node initialisation script read at boot", SDK),
    Ignored("gcp:container/cluster:Cluster", "notificationConfig.pubsub.topic", "cluster upgrade notifications "
            "(operational metadata)", SDK),
    Ignored("gcp:dataproc/cluster:Cluster", "virtualClusterConfig.*.nodePool", "a GKE node pool the cluster runs on",
            SDK),
    Ignored("gcp:datafusion/instance:Instance", "eventPublishConfig.topic", "pipeline events (operational "
            "metadata)", SDK),
    Ignored("gcp:dataplex/metadataFeed:MetadataFeed", "pubsubTopic", "catalog metadata change notifications", SDK),
    Ignored("gcp:dataform/*", "*", "compilation settings of SQL workflows (a place name, table prefixes)", SDK),
    Ignored("gcp:databasemigrationservice/migrationJob:MigrationJob", "objectsConfig.*", "source objects to migrate",
            SDK),
    Ignored("gcp:sourcerepo/repository:Repository", "pubsubConfigs[].topic", "repository change notifications "
            "(operational metadata)", SDK),
    Ignored("gcp:transcoder/*", "config.pubsubDestination.topic", _STATUS, SDK),
    Ignored("gcp:cloudsupport/*", "pubSubTopic", "support case notifications", SDK),
    Ignored("gcp:cloudscheduler/job:Job", "pubsubTarget.topicName", "publishes a payload written in the job's "
            "configuration, not customer data", SDK),
    Ignored("gcp:clouddeploy/*", "*", "release promotion and traffic routing settings", SDK),
    Ignored("gcp:chronicle/*", "*dataTableId", _OWN, SDK),
    Ignored("gcp:chronicle/*", "*.destinationPath", "a parser's output field path", SDK),
    Ignored("gcp:chronicle/feed:Feed", "*", "an ingestion source a feed reads", SDK),
    Ignored("gcp:agentidentity/*", "*", "an OAuth redirect URL", SDK),
    Ignored("gcp:discoveryengine/*", "*", "a search widget link or an identity pool", SDK),
    Ignored("gcp:eventarc/trigger:Trigger", "destination.gke.cluster", "a GKE service in destination.gke.location "
            "(judged as a place)", SDK),
    Ignored("gcp:networkmanagement/*", "*", "a connectivity test endpoint", SDK),
    Ignored("gcp:vmwareengine/*", "destinationPorts[]", "a firewall rule's ports", SDK),
    Ignored("gcp:gkebackup/*Channel:*", "destinationProject", "lets a backup or restore plan of another project "
            "use this project's clusters; the backups belong to that plan (its location is judged on it)", SDK),
    Ignored("gcp:firebase/storageBucket:StorageBucket", "bucketId", "the bucket Firebase is attached to, not a "
            "destination", SDK),
    Ignored("gcp:managedkafka/topic:Topic", "topicId", _OWN, SDK),
    Ignored("gcp:hypercomputecluster/cluster:Cluster", "storageResources[].config.newBucket.bucket", "the name of "
            "a bucket the cluster creates for its own storage", SDK),
    Ignored("gcp:hypercomputecluster/cluster:Cluster", "storageResources[].buckets[].bucket", "(Output) the "
            "buckets the cluster reports", SDK),
    Ignored("gcp:vertex/aiAgentAnomalyDetectionScope:*", "*", "log and observability buckets an anomaly detector "
            "reads", SDK),
    Ignored("gcp:vertex/aiEvaluationMetric:AiEvaluationMetric", "gcsUri", "a metric specification file read", SDK),
    Ignored("gcp:vertex/aiReasoningEngine:*", "*", "agent code read from Cloud Storage, memory topics (labels)", SDK),
    Ignored("gcp:ces/app:App", "audioProcessingConfig.*", "an ambient sound file read", SDK),
)
