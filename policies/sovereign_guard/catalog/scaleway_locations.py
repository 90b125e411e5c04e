"""Scaleway location codes (regions and Availability Zones), each with its city, country and source, plus the
provider's defaults and endpoints and the places data goes to without a location field naming them (Glacier,
managed-database logical backups, Edge Services). Codes are matched lower-case.

Every Scaleway region is in the EU (France, the Netherlands, Poland, Italy), so what a jurisdiction such as
`["FR"]` has to catch is a region in another country and data that leaves its region anyway:
- the GLACIER storage class keeps objects in Paris (DC4) whatever the bucket's region;
- managed PostgreSQL/MySQL logical backups go to another region than the database's unless `backupSameRegion`;
- Edge Services is a global service (its edge locations are not published), and Mailbox takes no location.

A zone's region is the zone without its trailing `-N` (scaleway-sdk-go `Zone.Region()`). The provider passes
well-formed unknown names through, so a name with no row here fails closed.
"""

SOURCES = {
    "sdk-go-locality": "https://github.com/scaleway/scaleway-sdk-go/blob/2c5cd81b052874a3bb1492a538cda3e701ed9502/"
                       "scw/locality.go (AllRegions, AllZones, Region.GetZones, Zone.Region; ParseRegion/ParseZone map "
                       "the legacy par1/ams1 to fr-par(-1)/nl-ams(-1))",
    "sdk-go-itmil": "https://github.com/scaleway/scaleway-sdk-go/pull/2946 ('feat: add support for it-mil-1', "
                    "2026-02-23: ZoneItMil1, RegionItMil)",
    "network-info": "https://github.com/scaleway/docs-content/blob/main/pages/account/support/"
                    "scaleway-network-information.mdx (validated 2026-09-29: DNS and NTP servers per Availability Zone "
                    "under France fr-par-1/2/3, Netherlands nl-ams-1/2/3, Poland pl-waw-1/2/3, Italy it-mil-1/2/3)",
    "avail": "https://github.com/scaleway/docs-content/blob/main/pages/account/reference-content/"
             "products-availability.mdx (Paris, Amsterdam, Warsaw regions; Edge Services 'Global'; Object Storage "
             "Glacier 'Paris*')",
    "blog-dp": "https://www.scaleway.com/en/blog/design-considerations-and-our-recommendations-for-data-protection/ "
               "(fr-par-1 = DC2 + DC3, fr-par-2 = DC5, fr-par-3 = DC4)",
    "os-faq": "https://github.com/scaleway/docs-content/blob/main/pages/object-storage/faq.mdx (validated "
              "2025-04-02: Glacier objects 'stored in Paris DC4', 'available from any bucket in Paris and Amsterdam'; "
              "Standard and One Zone - IA stay in the bucket's region)",
    "rdb-backups": "https://github.com/scaleway/scaleway-cli/blob/master/internal/namespaces/rdb/v1/rdb_cli.go "
                   "(Managed Database API: 'A database backup is a dated export of a Database Instance stored on an "
                   "offsite backend located in a different region than your database, by default'; rdb regions "
                   "fr-par, nl-ams, pl-waw)",
    "tf-index": "https://github.com/scaleway/terraform-provider-scaleway/blob/v2.81.0/docs/index.md (provider "
                "region: 'fr-par if none specified'; zone: 'fr-par-1 if none specified'; SCW_DEFAULT_REGION, "
                "SCW_DEFAULT_ZONE, SCW_API_URL)",
    "tf-meta": "https://github.com/scaleway/terraform-provider-scaleway/blob/v2.81.0/internal/meta/meta.go "
               "(MergeProfiles(default fr-par/fr-par-1, active scw CLI profile, provider block, environment): the "
               "environment of the machine running the provider has the last word)",
    "tf-object": "https://github.com/scaleway/terraform-provider-scaleway/blob/v2.81.0/internal/services/object/"
                 "helpers_object.go (S3 endpoint 'https://s3.' + region + '.scw.cloud')",
    "sdk-go-client": "https://github.com/scaleway/scaleway-sdk-go/blob/2c5cd81b052874a3bb1492a538cda3e701ed9502/"
                     "scw/client.go (default API URL https://api.scaleway.com)",
    "km-concepts": "https://github.com/scaleway/docs-content/blob/main/pages/key-manager/concepts.mdx (validated "
                   "2025-07-24: keys are regional, 'duplicated on all Availability Zones of the selected region'; "
                   "Key Manager in Paris, Amsterdam and Warsaw)",
    "pulumi-sdk": "pulumiverse-scaleway 1.60.0 (Provider and resource docstrings)",
}

# code -> (city, ISO country, kind, source id). The region of a zone or legacy name is in REGION_OF.
LOCATIONS = {
    # --- Regions ---
    "fr-par": ("Paris", "FR", "region", "sdk-go-locality"),
    "nl-ams": ("Amsterdam", "NL", "region", "sdk-go-locality"),
    "pl-waw": ("Warsaw", "PL", "region", "sdk-go-locality"),
    "it-mil": ("Milan", "IT", "region", "sdk-go-itmil"),  # country: network-info ("Italy"); city from the code
    # --- Availability Zones ---
    "fr-par-1": ("Paris, zone 1", "FR", "zone", "network-info"),  # DC2 and DC3 (blog-dp)
    "fr-par-2": ("Paris, zone 2", "FR", "zone", "network-info"),  # DC5 (blog-dp)
    "fr-par-3": ("Paris, zone 3", "FR", "zone", "network-info"),  # DC4 (blog-dp), the Glacier site
    "nl-ams-1": ("Amsterdam, zone 1", "NL", "zone", "network-info"),
    "nl-ams-2": ("Amsterdam, zone 2", "NL", "zone", "network-info"),
    "nl-ams-3": ("Amsterdam, zone 3", "NL", "zone", "network-info"),
    "pl-waw-1": ("Warsaw, zone 1", "PL", "zone", "network-info"),
    "pl-waw-2": ("Warsaw, zone 2", "PL", "zone", "network-info"),
    "pl-waw-3": ("Warsaw, zone 3", "PL", "zone", "network-info"),
    "it-mil-1": ("Milan, zone 1", "IT", "zone", "network-info"),  # also sdk-go-itmil
    "it-mil-2": ("Milan, zone 2", "IT", "zone", "network-info"),  # not in sdk-go @2c5cd81: the provider may reject it
    "it-mil-3": ("Milan, zone 3", "IT", "zone", "network-info"),
    # --- Legacy names a resource's region or zone still accepts (ParseRegion/ParseZone) ---
    "par1": ("Paris (legacy name of fr-par / fr-par-1)", "FR", "legacy", "sdk-go-locality"),
    "ams1": ("Amsterdam (legacy name of nl-ams / nl-ams-1)", "NL", "legacy", "sdk-go-locality"),
    # --- No location: Edge Services ('Global') and Mailbox (no location input): Scaleway chooses, unpublished ---
    "global": ("locations Scaleway chooses and does not publish", "*", "global", "avail"),
}

# zone or legacy name -> its region (Zone.Region(); legacy names as ParseRegion reads them)
REGION_OF = {code: code.rsplit("-", 1)[0] for code, row in LOCATIONS.items() if row[2] == "zone"}
REGION_OF.update({"par1": "fr-par", "ams1": "nl-ams"})

# What applies when neither a resource nor its provider names a location (tf-index, tf-meta). A provider with only a
# zone still sends regional resources to fr-par: the fr-par default is merged before the provider's settings.
PROVIDER_DEFAULT_REGION = "fr-par"
PROVIDER_DEFAULT_ZONE = "fr-par-1"
# Where the provider takes its region and zone when its block leaves them unset (tf-meta; the Pulumi SDK also fills
# an explicit Provider's region and zone from the first variable, pulumi-sdk).
PROVIDER_ENV = {"region": ("SCW_DEFAULT_REGION", "SCW_REGION", "SCALEWAY_REGION"), "zone": ("SCW_DEFAULT_ZONE",)}
API_URL = "https://api.scaleway.com"  # sdk-go-client
S3_ENDPOINT = "https://s3.{region}.scw.cloud"  # tf-object

# Object Storage GLACIER class: kept in Paris (DC4) whatever the bucket's region (os-faq).
GLACIER_CLASS = "GLACIER"
GLACIER_REGION = "fr-par"
# Regions of services whose data may be sent to "another region" or to a bucket named without its region.
DATABASE_REGIONS = ("fr-par", "nl-ams", "pl-waw")  # rdb-backups
OBJECT_STORAGE_REGIONS = ("fr-par", "nl-ams", "pl-waw")  # avail

# Offered first when a message suggests compliant locations.
SUGGEST_FIRST = ("fr-par", "fr-par-1", "fr-par-2", "nl-ams", "nl-ams-1", "pl-waw", "pl-waw-1")
