"""Google Cloud location names, per service, with the source of every fact.

Update this file when Google adds a region: add it to REGIONS (city, ISO country, zone letters, source id);
the consistency tests check the rest. Multi-locations list their member regions, or the countries Google names.
"""
from .countries import EU

SOURCES = {
    "gcp-regions": "https://cloud.google.com/about/locations (region, city, country)",
    "gcs-locations": "https://cloud.google.com/storage/docs/locations",
    "s3ns": "https://documentation.s3ns.fr (S3NS trusted cloud: one region u-france-east1)",
}

# region -> (city, ISO country, zone letters, source id)
REGIONS = {
    "europe-west9": ("Paris", "FR", "abc", "gcp-regions"),
    "europe-west2": ("London", "GB", "abc", "gcp-regions"),
    "us-central1": ("Council Bluffs, Iowa", "US", "abcf", "gcp-regions"),
}

# S3NS trusted cloud (universe domain s3nsapis.fr): same shape as REGIONS.
S3NS_REGIONS = {
    "u-france-east1": ("Paris area (S3NS)", "FR", "abc", "s3ns"),
}

# namespace -> {code: (label, kind, members (region codes), countries (when Google names countries), source id
#                      [, platform: "aws" | "azure" when the data sits in another cloud, e.g. BigQuery Omni])}
MULTI_LOCATIONS = {
    "gcp:storage": {
        "eu": ("EU multi-region", "multi-region", (), tuple(sorted(EU)), "gcs-locations"),
    },
}

# `global` in each universe: Google picks any of its locations; S3NS has only u-france-east1.
GLOBAL = ("global", "global", ("*",), "gcs-locations")
S3NS_GLOBAL = ("global (S3NS: u-france-east1 only)", "global", ("FR",), "s3ns")
