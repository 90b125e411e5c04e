"""Google Cloud location names, per service, with the source of every fact.

Update this file when Google adds a region: add it to REGIONS (city, ISO country, zone letters, source id);
the consistency tests check the rest. Multi-locations list their member regions, or the countries Google names.
"""
from .countries import EU

SOURCES = {
    # Regions and zones
    "gcp-regions": "https://cloud.google.com/compute/docs/regions-zones (Available regions and zones table: every zone "
                   "name with its city and country, 2026 version; region list cross-checked with "
                   "https://cloud.google.com/bigquery/docs/locations)",
    "gcp-private-regions": "https://cloud.google.com/datastore/docs/locations (us-central2 = 'Oklahoma, private Google "
                           "Cloud region') and https://cloud.google.com/spanner/docs/instance-configurations (Oklahoma: "
                           "us-central2); zone us-central2-b seen only in public TPU scripts (third-party)",
    "gcp-global": "https://cloud.google.com/kms/docs/locations (location types: resources in 'global' are served from "
                  "zones spread around the world)",
    # Cloud Storage
    "gcs-locations": "https://cloud.google.com/storage/docs/locations (multi-regions US/EU/ASIA; predefined dual-regions "
                     "ASIA1, EUR4, EUR5, EUR7, EUR8, NAM4; configurable dual-region codes; tables read through a public "
                     "2026 digest quoting the page)",
    # BigQuery
    "bq-locations": "https://cloud.google.com/bigquery/docs/locations (multi-regions EU = europe-west1 or europe-west4, "
                    "US = us-central1, us-west1 or us-central2; BigQuery Omni locations table)",
    # Cloud KMS
    "kms-locations": "https://cloud.google.com/kms/docs/locations (Americas table: ca, nam3, nam4, nam6-nam12, us)",
    "kms-europe": "https://cloud.google.com/kms/docs/locations (2025-08-18 version, footnote 1: resources in the "
                  "'europe' multi-region are not stored in europe-west2 (London) or europe-west6 (Zurich))",
    "kms-dual-regions": "https://cloud.google.com/kms/docs/locations?hl=zh-cn (older version: dual-regional asia1 = "
                        "Tokyo + Osaka (+ Seoul), eur4 = Finland + Netherlands (+ Belgium), nam4 = Iowa + South "
                        "Carolina (+ Oklahoma); quoted in research notes, not re-read)",
    "kms-eur-unverified": "UNVERIFIED: Google's EMEA table of Cloud KMS locations was not readable; a third-party EU "
                          "residency guide says KMS eur5-eur8 include London or Zurich (third-party). Members below "
                          "mirror the Spanner/Cloud Storage locations of the same name, choosing the non-EU reading.",
    # Artifact Registry
    "ar-locations": "https://cloud.google.com/artifact-registry/docs/repositories/repo-locations (multi-regions exist; "
                    "names asia/europe/us from the pulumi-gcp 10.2.0 Repository docstring; member countries not read)",
    # Spanner
    "spanner-configs": "https://cloud.google.com/spanner/docs/instance-configurations (dual-region and multi-region base "
                       "configurations with read-write, read-only and witness regions; read through a public copy)",
    "spanner-gcloud": "`gcloud spanner instance-configs list` output published in a 2026 public tutorial (third-party): "
                      "dual-region-canada1 'Canada Dual Region', nam22, nam23 'United States (Iowa/Las Vegas/Dallas)'",
    # Firestore / Datastore
    "firestore-locations": "https://cloud.google.com/firestore/native/docs/locations and "
                           "https://cloud.google.com/datastore/docs/locations (multi-regions eur3, nam5, nam7 with "
                           "read-write and witness regions)",
    # App Engine
    "appengine-locations": "https://cloud.google.com/appengine/docs/locations (europe-west and us-central are called "
                           "europe-west1 and us-central1 elsewhere); ids EUROPE_WEST/US_CENTRAL also in the App Engine "
                           "Java API enum CloudDatastoreRemoteServiceConfig.AppId.Location",
    # Cloud Logging
    "logging-locations": "https://cloud.google.com/logging/docs/region-support (log buckets in global, eu or us) and "
                         "https://cloud.google.com/stackdriver/docs/observability/observability-bucket-locations "
                         "(eu: any data center within the European Union; us: within the United States)",
    # S3NS
    "s3ns": "https://documentation.s3ns.fr (S3NS trusted cloud: one region u-france-east1 with three zones "
            "u-france-east1-a, -b, -c; 'Cloud de Confiance regions and zones' page)",
    "s3ns-global": "https://documentation.s3ns.fr/docs/overview/tpc-key-differences ('global' exists but contains only "
                   "u-france-east1; no other multi-regions)",
}

# region -> (city, ISO country, zone letters, source id)
# Zone letters are the standard zones of the region. AI zones (e.g. us-west4-ai2b) are not listed: unknown zone names
# fail closed in the rules.
REGIONS = {
    # Africa
    "africa-south1": ("Johannesburg", "ZA", "abc", "gcp-regions"),
    # Asia Pacific
    "asia-east1": ("Changhua County", "TW", "abc", "gcp-regions"),
    "asia-east2": ("Hong Kong", "HK", "abc", "gcp-regions"),
    "asia-northeast1": ("Tokyo", "JP", "abc", "gcp-regions"),
    "asia-northeast2": ("Osaka", "JP", "abc", "gcp-regions"),
    "asia-northeast3": ("Seoul", "KR", "abc", "gcp-regions"),
    "asia-south1": ("Mumbai", "IN", "abc", "gcp-regions"),
    "asia-south2": ("Delhi", "IN", "abc", "gcp-regions"),
    "asia-southeast1": ("Jurong West", "SG", "abc", "gcp-regions"),
    "asia-southeast2": ("Jakarta", "ID", "abc", "gcp-regions"),
    "asia-southeast3": ("Bangkok", "TH", "abc", "gcp-regions"),
    "australia-southeast1": ("Sydney", "AU", "abc", "gcp-regions"),
    "australia-southeast2": ("Melbourne", "AU", "abc", "gcp-regions"),
    # Europe (EU member states)
    "europe-central2": ("Warsaw", "PL", "abc", "gcp-regions"),
    "europe-north1": ("Hamina", "FI", "abc", "gcp-regions"),
    "europe-north2": ("Stockholm", "SE", "abc", "gcp-regions"),
    "europe-southwest1": ("Madrid", "ES", "abc", "gcp-regions"),
    "europe-west1": ("St. Ghislain", "BE", "bcd", "gcp-regions"),
    "europe-west3": ("Frankfurt", "DE", "abc", "gcp-regions"),
    "europe-west4": ("Eemshaven", "NL", "abc", "gcp-regions"),
    "europe-west8": ("Milan", "IT", "abc", "gcp-regions"),
    "europe-west9": ("Paris", "FR", "abc", "gcp-regions"),
    "europe-west10": ("Berlin", "DE", "abc", "gcp-regions"),
    "europe-west12": ("Turin", "IT", "abc", "gcp-regions"),
    # Europe outside the EU
    "europe-west2": ("London", "GB", "abc", "gcp-regions"),
    "europe-west6": ("Zurich", "CH", "abc", "gcp-regions"),
    # Middle East (outside Europe)
    "me-central1": ("Doha", "QA", "abc", "gcp-regions"),
    "me-central2": ("Dammam", "SA", "abc", "gcp-regions"),
    "me-west1": ("Tel Aviv", "IL", "abc", "gcp-regions"),
    # North America
    "northamerica-northeast1": ("Montréal", "CA", "abc", "gcp-regions"),
    "northamerica-northeast2": ("Toronto", "CA", "abc", "gcp-regions"),
    "northamerica-south1": ("Querétaro", "MX", "abc", "gcp-regions"),
    "us-central1": ("Council Bluffs, Iowa", "US", "abcf", "gcp-regions"),
    "us-east1": ("Moncks Corner, South Carolina", "US", "bcd", "gcp-regions"),
    "us-east4": ("Ashburn, Virginia", "US", "abc", "gcp-regions"),
    "us-east5": ("Columbus, Ohio", "US", "abc", "gcp-regions"),
    "us-south1": ("Dallas, Texas", "US", "abc", "gcp-regions"),
    "us-west1": ("The Dalles, Oregon", "US", "abc", "gcp-regions"),
    "us-west2": ("Los Angeles, California", "US", "abc", "gcp-regions"),
    "us-west3": ("Salt Lake City, Utah", "US", "abc", "gcp-regions"),
    "us-west4": ("Las Vegas, Nevada", "US", "abc", "gcp-regions"),
    # South America
    "southamerica-east1": ("Osasco (São Paulo)", "BR", "abc", "gcp-regions"),
    "southamerica-west1": ("Santiago", "CL", "abc", "gcp-regions"),
    # Not a public region: Google's private Oklahoma region, a member/witness of Spanner, Firestore, BigQuery US and
    # KMS multi-regions. Zone letters unverified (only us-central2-b, a TPU zone, is seen in public code).
    "us-central2": ("Oklahoma (private region)", "US", "abc", "gcp-private-regions"),
}

# S3NS trusted cloud (universe domain s3nsapis.fr): same shape as REGIONS.
S3NS_REGIONS = {
    "u-france-east1": ("Paris area (S3NS)", "FR", "abc", "s3ns"),  # zones -a, -b, -c verified on documentation.s3ns.fr
}

# Countries of the public Asian regions (Google names the ASIA multi-regions only as "data centers in Asia").
_ASIA = ("HK", "ID", "IN", "JP", "KR", "SG", "TH", "TW")

# namespace -> {code: (label, kind, members (region codes), countries (when Google names countries), source id
#                      [, platform: "aws" | "azure" when the data sits in another cloud, e.g. BigQuery Omni])}
MULTI_LOCATIONS = {
    "gcp:storage": {
        # Multi-regions
        "us": ("US multi-region (data centers in the United States)", "multi-region", (), ("US",), "gcs-locations"),
        "eu": ("EU multi-region (data centers in EU member states)", "multi-region", (), tuple(sorted(EU)),
               "gcs-locations"),
        "asia": ("ASIA multi-region (data centers in Asia)", "multi-region", (), _ASIA, "gcs-locations"),
        # Predefined dual-regions
        "asia1": ("ASIA1 dual-region (Tokyo + Osaka)", "dual-region", ("asia-northeast1", "asia-northeast2"), (),
                  "gcs-locations"),
        # Older Google docs: EUR4 object metadata may also be stored in europe-west1 (Belgium, EU).
        "eur4": ("EUR4 dual-region (Finland + Netherlands)", "dual-region", ("europe-north1", "europe-west4"), (),
                 "gcs-locations"),
        "eur5": ("EUR5 dual-region (Belgium + London)", "dual-region", ("europe-west1", "europe-west2"), (),
                 "gcs-locations"),
        "eur7": ("EUR7 dual-region (London + Frankfurt)", "dual-region", ("europe-west2", "europe-west3"), (),
                 "gcs-locations"),
        "eur8": ("EUR8 dual-region (Frankfurt + Zurich)", "dual-region", ("europe-west3", "europe-west6"), (),
                 "gcs-locations"),
        # Older Google docs: NAM4 object metadata may also be stored in Oklahoma.
        "nam4": ("NAM4 dual-region (Iowa + South Carolina)", "dual-region", ("us-central1", "us-east1"), (),
                 "gcs-locations"),
        # Configurable dual-region location codes (with customPlacementConfig.dataLocations); members are the regions
        # Google lists as eligible for each code. EU/US/ASIA double as multi-regions above.
        "au": ("AU configurable dual-region (Australia)", "dual-region",
               ("australia-southeast1", "australia-southeast2"), ("AU",), "gcs-locations"),
        "ca": ("CA configurable dual-region (Canada)", "dual-region",
               ("northamerica-northeast1", "northamerica-northeast2"), ("CA",), "gcs-locations"),
        "de": ("DE configurable dual-region (Germany)", "dual-region", ("europe-west3", "europe-west10"), ("DE",),
               "gcs-locations"),
        "in": ("IN configurable dual-region (India)", "dual-region", ("asia-south1", "asia-south2"), ("IN",),
               "gcs-locations"),
        "it": ("IT configurable dual-region (Italy)", "dual-region", ("europe-west8", "europe-west12"), ("IT",),
               "gcs-locations"),
    },
    "gcp:bigquery": {
        # Multi-regions: Google stores the data in one region it picks among the listed ones.
        "us": ("US multi-region (us-central1, us-west1 or us-central2)", "multi-region",
               ("us-central1", "us-west1", "us-central2"), ("US",), "bq-locations"),
        "eu": ("EU multi-region (europe-west1 or europe-west4)", "multi-region", ("europe-west1", "europe-west4"),
               tuple(sorted(EU)), "bq-locations"),
        # BigQuery Omni: data resides in the customer's AWS or Azure account, in that cloud's region.
        "aws-us-east-1": ("BigQuery Omni AWS US East (N. Virginia)", "omni", (), ("US",), "bq-locations", "aws"),
        "aws-us-west-2": ("BigQuery Omni AWS US West (Oregon)", "omni", (), ("US",), "bq-locations", "aws"),
        "aws-ap-northeast-2": ("BigQuery Omni AWS Asia Pacific (Seoul)", "omni", (), ("KR",), "bq-locations", "aws"),
        "aws-ap-southeast-2": ("BigQuery Omni AWS Asia Pacific (Sydney)", "omni", (), ("AU",), "bq-locations", "aws"),
        "aws-eu-west-1": ("BigQuery Omni AWS Europe (Ireland)", "omni", (), ("IE",), "bq-locations", "aws"),
        "aws-eu-central-1": ("BigQuery Omni AWS Europe (Frankfurt)", "omni", (), ("DE",), "bq-locations", "aws"),
        "azure-eastus2": ("BigQuery Omni Azure East US 2 (Virginia)", "omni", (), ("US",), "bq-locations", "azure"),
    },
    "gcp:kms": {
        # Multi-regions named by country or area
        "us": ("KMS us multi-region (multiple regions in the United States)", "multi-region", (), ("US",),
               "kms-locations"),
        "ca": ("KMS ca multi-region (multiple regions in Canada)", "multi-region", (), ("CA",), "kms-locations"),
        # Every current European region except London and Zurich is in an EU member state.
        "europe": ("KMS europe multi-region (excludes London and Zurich)", "multi-region", (), tuple(sorted(EU)),
                   "kms-europe"),
        "asia": ("KMS asia multi-region (multiple regions in Asia)", "multi-region", (), _ASIA, "kms-locations"),
        # North American multi-regions (members from Google's place names)
        "nam3": ("KMS nam3 (Northern Virginia, South Carolina)", "multi-region", ("us-east4", "us-east1"), (),
                 "kms-locations"),
        "nam4": ("KMS nam4 (Iowa, South Carolina, Oklahoma)", "multi-region", ("us-central1", "us-east1", "us-central2"),
                 (), "kms-locations"),
        "nam6": ("KMS nam6 (Iowa, South Carolina)", "multi-region", ("us-central1", "us-east1"), (), "kms-locations"),
        "nam7": ("KMS nam7 (Iowa, Northern Virginia, Oklahoma)", "multi-region",
                 ("us-central1", "us-east4", "us-central2"), (), "kms-locations"),
        "nam8": ("KMS nam8 (Los Angeles, Oregon, Salt Lake City)", "multi-region", ("us-west2", "us-west1", "us-west3"),
                 (), "kms-locations"),
        "nam9": ("KMS nam9 (Northern Virginia, Iowa)", "multi-region", ("us-east4", "us-central1"), (), "kms-locations"),
        "nam10": ("KMS nam10 (Iowa, Salt Lake City, Oklahoma)", "multi-region",
                  ("us-central1", "us-west3", "us-central2"), (), "kms-locations"),
        "nam11": ("KMS nam11 (Iowa, South Carolina, Oklahoma)", "multi-region",
                  ("us-central1", "us-east1", "us-central2"), (), "kms-locations"),
        "nam12": ("KMS nam12 (Iowa, Northern Virginia, Oklahoma, Oregon)", "multi-region",
                  ("us-central1", "us-east4", "us-central2", "us-west1"), (), "kms-locations"),
        # Dual-regions (third replica location from the older page)
        "asia1": ("KMS asia1 dual-region (Tokyo, Osaka; + Seoul)", "dual-region",
                  ("asia-northeast1", "asia-northeast2", "asia-northeast3"), (), "kms-dual-regions"),
        "eur4": ("KMS eur4 dual-region (Finland, Netherlands; + Belgium)", "dual-region",
                 ("europe-north1", "europe-west4", "europe-west1"), (), "kms-dual-regions"),
        # European multi-regions: UNVERIFIED (EMEA table not read). Members mirror Spanner eur3/eur5/eur6 and Cloud
        # Storage EUR7/EUR8, whichever reading includes a non-EU region, so the rules fail closed.
        "eur3": ("KMS eur3 (unverified: Belgium, Netherlands, Finland)", "multi-region",
                 ("europe-west1", "europe-west4", "europe-north1"), (), "kms-eur-unverified"),
        "eur5": ("KMS eur5 (unverified: London, Belgium, Netherlands)", "multi-region",
                 ("europe-west2", "europe-west1", "europe-west4"), (), "kms-eur-unverified"),
        "eur6": ("KMS eur6 (unverified: Netherlands, Frankfurt, Zurich)", "multi-region",
                 ("europe-west4", "europe-west3", "europe-west6"), (), "kms-eur-unverified"),
        "eur7": ("KMS eur7 (unverified: London, Frankfurt)", "multi-region", ("europe-west2", "europe-west3"), (),
                 "kms-eur-unverified"),
        "eur8": ("KMS eur8 (unverified: Frankfurt, Zurich)", "multi-region", ("europe-west3", "europe-west6"), (),
                 "kms-eur-unverified"),
    },
    "gcp:artifactregistry": {
        "us": ("Artifact Registry us multi-region", "multi-region", (), ("US",), "ar-locations"),
        # UNVERIFIED membership: London and Zurich added so the rules fail closed until Google's table is read.
        "europe": ("Artifact Registry europe multi-region (members unverified)", "multi-region", (),
                   tuple(sorted(EU | {"GB", "CH"})), "ar-locations"),
        "asia": ("Artifact Registry asia multi-region", "multi-region", (), _ASIA, "ar-locations"),
    },
    "gcp:spanner": {
        # Dual-region configurations: two read-write + one witness replica in each of the two regions.
        "dual-region-australia1": ("Spanner dual-region Australia (Sydney, Melbourne)", "configuration",
                                   ("australia-southeast1", "australia-southeast2"), (), "spanner-configs"),
        "dual-region-germany1": ("Spanner dual-region Germany (Berlin, Frankfurt)", "configuration",
                                 ("europe-west10", "europe-west3"), (), "spanner-configs"),
        "dual-region-india1": ("Spanner dual-region India (Mumbai, Delhi)", "configuration",
                               ("asia-south1", "asia-south2"), (), "spanner-configs"),
        "dual-region-japan1": ("Spanner dual-region Japan (Tokyo, Osaka)", "configuration",
                               ("asia-northeast1", "asia-northeast2"), (), "spanner-configs"),
        # Members unverified: only the display name "Canada Dual Region" is known; both Canadian regions assumed.
        "dual-region-canada1": ("Spanner dual-region Canada (members unverified)", "configuration",
                                ("northamerica-northeast1", "northamerica-northeast2"), ("CA",), "spanner-gcloud"),
        # Multi-region configurations: read-write, then read-only, then witness regions.
        "asia1": ("Spanner asia1 (Tokyo, Osaka; witness Seoul)", "configuration",
                  ("asia-northeast1", "asia-northeast2", "asia-northeast3"), (), "spanner-configs"),
        "asia2": ("Spanner asia2 (Mumbai, Delhi, Singapore)", "configuration",
                  ("asia-south1", "asia-south2", "asia-southeast1"), (), "spanner-configs"),
        "eur3": ("Spanner eur3 (Belgium, Netherlands; witness Finland)", "configuration",
                 ("europe-west1", "europe-west4", "europe-north1"), (), "spanner-configs"),
        "eur5": ("Spanner eur5 (London, Belgium; witness Netherlands)", "configuration",
                 ("europe-west2", "europe-west1", "europe-west4"), (), "spanner-configs"),
        "eur6": ("Spanner eur6 (Netherlands, Frankfurt; witness Zurich)", "configuration",
                 ("europe-west4", "europe-west3", "europe-west6"), (), "spanner-configs"),
        "eur7": ("Spanner eur7 (Milan, Frankfurt; witness Turin)", "configuration",
                 ("europe-west8", "europe-west3", "europe-west12"), (), "spanner-configs"),
        "nam3": ("Spanner nam3 (Northern Virginia, South Carolina; witness Iowa)", "configuration",
                 ("us-east4", "us-east1", "us-central1"), (), "spanner-configs"),
        "nam6": ("Spanner nam6 (Iowa, South Carolina; read-only Oregon, Los Angeles; witness Oklahoma)",
                 "configuration", ("us-central1", "us-east1", "us-west1", "us-west2", "us-central2"), (),
                 "spanner-configs"),
        "nam7": ("Spanner nam7 (Iowa, Northern Virginia; witness Oklahoma)", "configuration",
                 ("us-central1", "us-east4", "us-central2"), (), "spanner-configs"),
        "nam8": ("Spanner nam8 (Los Angeles, Oregon; witness Salt Lake City)", "configuration",
                 ("us-west2", "us-west1", "us-west3"), (), "spanner-configs"),
        "nam9": ("Spanner nam9 (Northern Virginia, Iowa; read-only Oregon; witness South Carolina)", "configuration",
                 ("us-east4", "us-central1", "us-west1", "us-east1"), (), "spanner-configs"),
        "nam10": ("Spanner nam10 (Iowa, Salt Lake City; witness Oklahoma)", "configuration",
                  ("us-central1", "us-west3", "us-central2"), (), "spanner-configs"),
        "nam11": ("Spanner nam11 (Iowa, South Carolina; witness Oklahoma)", "configuration",
                  ("us-central1", "us-east1", "us-central2"), (), "spanner-configs"),
        "nam12": ("Spanner nam12 (Iowa, Northern Virginia; read-only Oregon; witness Oklahoma)", "configuration",
                  ("us-central1", "us-east4", "us-west1", "us-central2"), (), "spanner-configs"),
        "nam13": ("Spanner nam13 (Oklahoma, Iowa; witness Salt Lake City)", "configuration",
                  ("us-central2", "us-central1", "us-west3"), (), "spanner-configs"),
        "nam14": ("Spanner nam14 (Northern Virginia, Montréal; witness South Carolina)", "configuration",
                  ("us-east4", "northamerica-northeast1", "us-east1"), (), "spanner-configs"),
        "nam15": ("Spanner nam15 (Dallas, Northern Virginia; witness Iowa)", "configuration",
                  ("us-south1", "us-east4", "us-central1"), (), "spanner-configs"),
        "nam16": ("Spanner nam16 (Iowa, Northern Virginia; witness Columbus)", "configuration",
                  ("us-central1", "us-east4", "us-east5"), (), "spanner-configs"),
        # Members unverified: nam22 has no description; assumed somewhere in North America.
        "nam22": ("Spanner nam22 (members unverified)", "configuration", (), ("US", "CA", "MX"), "spanner-gcloud"),
        # Members from the display name "United States (Iowa/Las Vegas/Dallas)" only (third-party listing).
        "nam23": ("Spanner nam23 (Iowa, Las Vegas, Dallas; roles unverified)", "configuration",
                  ("us-central1", "us-west4", "us-south1"), (), "spanner-gcloud"),
        "nam-eur-asia1": ("Spanner nam-eur-asia1 (Iowa, Oklahoma; read-only Belgium, Taiwan; witness South Carolina)",
                          "configuration", ("us-central1", "us-central2", "europe-west1", "asia-east1", "us-east1"),
                          (), "spanner-configs"),
        "nam-eur-asia3": ("Spanner nam-eur-asia3 (Iowa, South Carolina; read-only Belgium, Netherlands, Taiwan; "
                          "witness Oklahoma)", "configuration",
                          ("us-central1", "us-east1", "europe-west1", "europe-west4", "asia-east1", "us-central2"),
                          (), "spanner-configs"),
    },
    "gcp:firestore": {
        "eur3": ("Firestore eur3 (Belgium, Netherlands; witness Finland)", "multi-region",
                 ("europe-west1", "europe-west4", "europe-north1"), (), "firestore-locations"),
        "nam5": ("Firestore nam5 (Iowa, Oklahoma; witness South Carolina)", "multi-region",
                 ("us-central1", "us-central2", "us-east1"), (), "firestore-locations"),
        "nam7": ("Firestore nam7 (Iowa, Northern Virginia; witness Oklahoma)", "multi-region",
                 ("us-central1", "us-east4", "us-central2"), (), "firestore-locations"),
    },
    "gcp:appengine": {
        # App Engine location ids that are not region names.
        "europe-west": ("App Engine europe-west (= europe-west1, Belgium)", "multi-region", ("europe-west1",), (),
                        "appengine-locations"),
        "us-central": ("App Engine us-central (= us-central1, Iowa)", "multi-region", ("us-central1",), (),
                       "appengine-locations"),
    },
    "gcp:logging": {
        "eu": ("Cloud Logging eu multi-region (data centers within the European Union)", "multi-region", (),
               tuple(sorted(EU)), "logging-locations"),
        "us": ("Cloud Logging us multi-region (data centers within the United States)", "multi-region", (), ("US",),
               "logging-locations"),
    },
}

# `global` in each universe: Google picks any of its locations; S3NS has only u-france-east1.
GLOBAL = ("global", "global", ("*",), "gcp-global")
S3NS_GLOBAL = ("global (S3NS: u-france-east1 only)", "global", ("FR",), "s3ns-global")

# Data location -> the Cloud KMS location its key must be in, where the names differ (a regional resource uses a
# key in its own region; a zonal one, its zone's region). Source: kms-cmek-locations.
KMS_LOCATION_FOR = {
    "eu": "europe", "us": "us", "asia": "asia",  # Cloud Storage / BigQuery multi-regions
    "eur3": "europe", "nam5": "us", "nam7": "us",  # Firestore multi-regions
    # Cloud Storage dual-regions take a key in their associated multi-region (asia1, eur4, nam4 in themselves):
    # configurable DE and IT pairs and EUR5/7/8 sit in the EU multi-region (gcs-cmek-locations; the association of
    # the country codes and of EUR5/7/8 is inferred from that rule, no Google sentence names them).
    "de": "europe", "it": "europe", "eur5": "europe", "eur7": "europe", "eur8": "europe",
    "ca": "ca",
}
SOURCES["gcs-cmek-locations"] = ("https://cloud.google.com/storage/docs/encryption/customer-managed-keys#restrictions "
                                 "(regional: same region; most dual-regions: the associated multi-region; asia1, eur4, "
                                 "nam4: the same dual-region), as quoted in https://cloud.google.com/docs/security/"
                                 "security-best-practices-genai/common-controls (COM-CO-2.3)")
SOURCES["kms-cmek-locations"] = ("https://cloud.google.com/kms/docs/locations#location-compatibility and "
                                 "https://cloud.google.com/firestore/docs/use-cmek (nam5 uses KMS us)")

# Offered first when a message suggests compliant locations (Paris, then the large EU sites), the rest follow
# in catalog order.
SUGGEST_FIRST = ("europe-west9", "europe-west1", "europe-west3", "europe-west4", "eu", "europe", "eur4",
                 "u-france-east1")
