"""OVHcloud location codes (Public Cloud regions and zones, Local Zones, object storage, OKMS, databases,
Kubernetes, registry), each with its country and source, plus the API endpoints, the default off-site backup
region of managed databases and the OKMS key-backup regions. Codes are matched case-insensitively, so one row
serves `EU-WEST-PAR` (compute, upper-case) and `eu-west-par` (object storage / OKMS, lower-case).

Beware codenames that look European and are not: `eu-west-eri` / `UK1` / `UK` are in Erith (London, GB),
`eu-west-lz-zrh` in Zurich (CH), `eu-north-lz-osl` in Oslo (NO, EEA but not EU), `eu-west-lz-mnc` in
Manchester (GB). Managed databases in `BHS` (Canada) back up to `SBG` (France) by default, and the `ovh-ca`
endpoint contracts with a Canadian company even for resources in GRA.

Rows marked "unverified" or "(third-party)" were not found in an official OVHcloud source; a wrong code is
harmless (it is never matched), a wrong country is not, so every country below is at least corroborated.
"""

SOURCES = {
    # Official OVHcloud documentation (github.com/ovh/docs)
    "ovh-mks": "https://github.com/ovh/docs/blob/develop/pages/public_cloud/containers_orchestration/"
               "managed_kubernetes/datacenters-nodes-storage-flavors/guide.en-gb.md (updated 2026-02-03)",
    "ovh-pci-regions": "https://github.com/ovh/docs/blob/develop/pages/platform/public-cloud/"
                       "security_group_private_network/guide.en-gb.md (region list with cities, 2022-08-25)",
    "ovh-s3": "https://github.com/ovh/docs/blob/develop/pages/storage_and_backup/object_storage/s3_location/"
              "guide.en-gb.md (updated 2026-02-03)",
    "ovh-kms": "https://github.com/ovh/docs/blob/develop/pages/manage_and_operate/kms/architecture-overview/"
               "guide.en-gb.md (updated 2025-06-18)",
    "ovh-db-backups": "https://github.com/ovh/docs/blob/develop/pages/public_cloud/public_cloud_databases/"
                      "databases_05_automated_backups/guide.en-gb.md (updated 2024-05-15)",
    "ovh-mpr": "https://github.com/ovh/docs/blob/develop/pages/public_cloud/containers_orchestration/"
               "managed_private_registry/managed-private-registry-faq/guide.en-gb.md (updated 2024-04-17)",
    "ovh-codenames": "ovh/docs 'BGP Service Configuration' guide (2025-02-21), Available Regions table: region "
                     "codename -> city, country, 1-AZ/3-AZ (file path not resolved)",
    # OVHcloud code
    "ovh-manager-db": "https://github.com/ovh/manager/blob/master/packages/manager/apps/pci-databases-analytics/"
                      "src/lib/flagHelper.tsx (region -> country flag; lists codes, not availability)",
    "ovh-manager-s3": "https://github.com/ovh/manager/blob/master/packages/manager/apps/pci-object-storage/"
                      "src/lib/flagHelper.tsx (region -> country flag; lists codes, not availability)",
    "ovh-manager-pci": "ovh/manager Public Cloud instance front-end test data (regions GRA11, RBX-A, EU-WEST-PAR "
                       "+ eu-west-par-a/b/c, EU-SOUTH-MIL + eu-south-mil-a/b/c, EU-WEST-LZ-BRU-A/MRS-A, "
                       "EU-CENTRAL-LZ-PRG-A, EU-SOUTH-LZ-MIL-A, 'Manchester (EU-WEST-LZ-MNC-A)'; file paths not "
                       "resolved)",
    "ovh-api-enum": "OVH API schema coreTypes.RegionCodenameEnum and API v2 CommonRegionEnum (Local Zone and region "
                    "codenames), as rendered in public API docs/types found by code search (third-party copies of "
                    "the OVH schema; repository not resolved)",
    "go-ovh": "https://github.com/ovh/go-ovh/blob/master/ovh/ovh.go (Endpoints map)",
    "ovh-datacenters": "OVH API schema dedicated/server.json, model dedicated.DatacenterEnum (bhs1-7, dc1, eri1, "
                       "gra1-2, gsw, hil1, lim1, p19, rbx-hz, rbx1-8, sbg1-4, sgp1, syd1, vin1, waw1; a public copy "
                       "imported from https://ca.api.kimsufi.com/1.0/dedicated/server.json); dc1 and gsw have no "
                       "known city and are left out (they fail closed)",
    "ovh-campuses": "OVH API schema ip.CampusEnum (BHS ERI GRA HIL LIM MIL PAR RBX SBG SGP SYD VIN WAW YNM YYZ), as "
                    "rendered in public API type copies (third-party); cities from the OVHcloud datacentre map",

    "pulumi-ovh": "pulumi-ovh 2.22.0 (SDK docstrings: EU-WEST-LZ-LUX-A, eu-west-par-a/b/c)",
    # Legal entities
    "ovh-sas": "OVH SAS general conditions: 'OVH, SAS, a French company ... 2 rue Kellermann 59100 Roubaix, "
               "RCS Roubaix B 424 761 419'",
    "ovh-hosting-inc": "https://www.ovhcloud.com/en/terms-and-conditions/privacy-policy/ ('OVH Hosting Inc. and "
                       "companies within the OVH Group, excluding entities located in the United States')",
    "ovh-us-llc": "https://us.ovhcloud.com/legal/service-descriptions ('OVH US LLC, a Delaware limited liability "
                  "company')",
    # Third-party corroboration only
    "third-party-regions": "(third-party) public cloud price/region catalogues found by code search, listing OVH "
                           "Public Cloud codes (CA-EAST-TOR, AP-SOUTHEAST-SYD(-2), AP-SOUTH-MUM-1, RBX-A, "
                           "RBX-ARCHIVE, SBG7 ...)",
    "third-party-lz": "(third-party) region catalogues found by code search mapping OVH Local Zone codenames to "
                      "city and country (eu-west-lz-zrh Zurich CH, eu-west-lz-mnc Manchester GB, "
                      "eu-north-lz-osl Oslo NO ...); the codename itself is in ovh-api-enum",
}

# code -> (city, ISO country, kinds (space separated), source id)
LOCATIONS = {
    # --- Public Cloud compute regions, 1-AZ (OpenStack region names, upper-case) ---
    "GRA5": ("Gravelines", "FR", "region-1az kube", "ovh-mks"),
    "GRA7": ("Gravelines", "FR", "region-1az kube", "ovh-mks"),  # also MPR compute for GRA (ovh-mpr)
    "GRA9": ("Gravelines", "FR", "region-1az kube", "ovh-mks"),
    "GRA11": ("Gravelines", "FR", "region-1az kube", "ovh-mks"),
    "SBG5": ("Strasbourg", "FR", "region-1az kube", "ovh-mks"),
    "SBG7": ("Strasbourg", "FR", "region-1az", "ovh-pci-regions"),
    "DE1": ("Frankfurt (datacentre in Limburg an der Lahn)", "DE", "region-1az kube", "ovh-mks"),
    "WAW1": ("Warsaw", "PL", "region-1az kube", "ovh-mks"),
    "UK1": ("Erith (London)", "GB", "region-1az kube", "ovh-mks"),
    "BHS5": ("Beauharnois (Montreal area)", "CA", "region-1az kube", "ovh-mks"),
    "SGP1": ("Singapore", "SG", "region-1az kube", "ovh-mks"),
    "SYD1": ("Sydney", "AU", "region-1az kube", "ovh-mks"),
    "EU-WEST-RBX": ("Roubaix", "FR", "region-1az okms kube", "ovh-mks"),  # okms: ovh-kms
    "RBX-A": ("Roubaix", "FR", "region-1az", "ovh-manager-pci"),  # also in third-party-regions
    "AP-SOUTH-MUM": ("Mumbai", "IN", "region-1az object-storage kube database", "ovh-mks"),  # s3: ovh-s3; database: ovh-manager-db only
    "AP-SOUTH-MUM-1": ("Mumbai", "IN", "region-1az", "third-party-regions"),  # unverified code
    "CA-EAST-TOR": ("Toronto", "CA", "region-1az object-storage okms", "ovh-s3"),  # okms: ovh-kms; compute code (upper-case) third-party only
    "AP-SOUTHEAST-SYD": ("Sydney", "AU", "region-1az object-storage okms", "ovh-s3"),  # okms: ovh-kms; compute code third-party only
    "AP-SOUTHEAST-SYD-2": ("Sydney", "AU", "region-1az", "third-party-regions"),  # unverified code
    "US-EAST-VA-1": ("Vint Hill, Virginia", "US", "region-1az kube", "ovh-mks"),  # OVHcloud US (ovh-us) only
    "US-WEST-OR-1": ("Hillsboro, Oregon", "US", "region-1az kube", "ovh-mks"),  # OVHcloud US (ovh-us) only

    # --- Public Cloud compute regions, 3-AZ, and their availability zones ---
    "EU-WEST-PAR": ("Paris", "FR", "region-3az object-storage okms kube database", "ovh-mks"),  # s3: ovh-s3; okms: ovh-kms; database: ovh-manager-db only
    "EU-SOUTH-MIL": ("Milan", "IT", "region-3az object-storage kube database", "ovh-mks"),  # s3: ovh-s3; database: ovh-manager-db only
    "eu-west-par-a": ("Paris, zone a", "FR", "az", "pulumi-ovh"),
    "eu-west-par-b": ("Paris, zone b", "FR", "az", "pulumi-ovh"),
    "eu-west-par-c": ("Paris, zone c", "FR", "az", "pulumi-ovh"),
    "eu-south-mil-a": ("Milan, zone a", "IT", "az", "ovh-manager-pci"),
    "eu-south-mil-b": ("Milan, zone b", "IT", "az", "ovh-manager-pci"),
    "eu-south-mil-c": ("Milan, zone c", "IT", "az", "ovh-manager-pci"),
    "ca-east-tor-a": ("Toronto, zone a", "CA", "az", "third-party-regions"),  # unverified: seen in bare-metal availability output

    # --- Legacy Public Cloud regions (older projects) ---
    "GRA1": ("Gravelines", "FR", "legacy", "ovh-pci-regions"),
    "GRA3": ("Gravelines", "FR", "legacy", "ovh-pci-regions"),
    "SBG1": ("Strasbourg", "FR", "legacy", "ovh-mks"),  # named as an "older region" in the MKS guide
    "SBG3": ("Strasbourg", "FR", "legacy", "ovh-mks"),  # unverified code (pattern of GRA3/BHS3)
    "BHS1": ("Beauharnois", "CA", "legacy", "ovh-pci-regions"),
    "BHS3": ("Beauharnois", "CA", "legacy", "ovh-pci-regions"),

    # --- Macro-region codes: object storage, managed databases, private registry ---
    "GRA": ("Gravelines", "FR", "object-storage database registry", "ovh-s3"),  # database: ovh-db-backups; registry: ovh-mpr
    "SBG": ("Strasbourg", "FR", "object-storage database", "ovh-s3"),  # database: ovh-db-backups
    "RBX": ("Roubaix", "FR", "object-storage database", "ovh-s3"),  # database: ovh-manager-db only
    "DE": ("Frankfurt (datacentre in Limburg an der Lahn)", "DE", "object-storage database registry", "ovh-s3"),  # database: ovh-db-backups; registry: ovh-mpr
    "UK": ("Erith (London)", "GB", "object-storage database", "ovh-s3"),  # database: ovh-db-backups
    "WAW": ("Warsaw", "PL", "object-storage database", "ovh-s3"),  # database: ovh-db-backups
    "BHS": ("Beauharnois", "CA", "object-storage database registry", "ovh-s3"),  # database: ovh-db-backups; registry: ovh-mpr
    "SGP": ("Singapore", "SG", "object-storage database", "ovh-s3"),  # database: ovh-manager-db only
    "SYD": ("Sydney", "AU", "object-storage", "third-party-regions"),  # unverified code (S3 doc uses ap-southeast-syd)
    "RBX-ARCHIVE": ("Roubaix (Cold Archive ingestion; archived in France)", "FR", "object-storage", "third-party-regions"),  # unverified
    "PAR": ("Paris", "FR", "object-storage", "ovh-manager-s3"),  # front-end macro-region name; API value unverified
    "TOR": ("Toronto", "CA", "object-storage", "ovh-manager-s3"),  # front-end macro-region name; API value unverified
    "US-EAST-VA": ("Vint Hill, Virginia", "US", "registry object-storage database", "ovh-mpr"),  # object storage per MPR FAQ; database: ovh-manager-db only; OVHcloud US
    "US-WEST-OR": ("Hillsboro, Oregon", "US", "object-storage database", "ovh-manager-s3"),  # database: ovh-manager-db; availability unverified; OVHcloud US

    # --- Datacentre sites of ordered services (dedicated servers `dedicated_datacenter`, VPS `vps_datacenter`,
    # private SQL `dc`): a site code, or a numbered datacentre of the site (`rbx8`, `gra3`, `rbx-hz`), read as its
    # site (catalog.locations.ovh_site). Sites also named above (GRA, RBX, SBG, BHS, WAW, SGP, SYD) are not repeated.
    "LIM": ("Limburg an der Lahn", "DE", "datacenter", "ovh-datacenters"),
    "ERI": ("Erith (London)", "GB", "datacenter", "ovh-datacenters"),
    "HIL": ("Hillsboro, Oregon", "US", "datacenter", "ovh-datacenters"),  # OVHcloud US
    "VIN": ("Vint Hill, Virginia", "US", "datacenter", "ovh-datacenters"),  # OVHcloud US
    "YNM": ("Mumbai", "IN", "datacenter", "ovh-campuses"),
    "YYZ": ("Toronto", "CA", "datacenter", "ovh-campuses"),
    "P19": ("Paris (19th arrondissement, inferred from the code)", "FR", "datacenter", "ovh-datacenters"),

    # --- Region codenames (API v2 /location, OKMS, EFS, vRack services, backup vaults; lower-case) ---
    "eu-west-gra": ("Gravelines", "FR", "region-1az", "ovh-codenames"),
    "eu-west-sbg": ("Strasbourg", "FR", "region-1az okms", "ovh-kms"),
    "eu-west-lim": ("Limburg an der Lahn", "DE", "region-1az", "ovh-codenames"),
    "eu-central-waw": ("Warsaw", "PL", "region-1az", "ovh-codenames"),
    "eu-west-eri": ("Erith (London)", "GB", "region-1az", "ovh-codenames"),
    "ca-east-bhs": ("Beauharnois", "CA", "region-1az okms", "ovh-kms"),
    "ap-southeast-sgp": ("Singapore", "SG", "region-1az okms", "ovh-kms"),
    "us-east-vin": ("Vint Hill, Virginia", "US", "region-1az", "ovh-api-enum"),
    "us-west-hil": ("Hillsboro, Oregon", "US", "region-1az", "ovh-api-enum"),
    "eu-west-rbx-snc": ("Roubaix (SecNumCloud)", "FR", "region-1az", "ovh-api-enum"),  # kind approximate: SNC private cloud
    "eu-west-sbg-snc": ("Strasbourg (SecNumCloud)", "FR", "region-1az", "ovh-api-enum"),  # kind approximate
    "eu-west-gra-snc": ("Gravelines (SecNumCloud)", "FR", "region-1az", "ovh-api-enum"),  # kind approximate

    # --- Local Zones, EU: Public Cloud region (<CODENAME>-A) and codename ---
    "EU-WEST-LZ-BRU-A": ("Brussels", "BE", "local-zone", "ovh-manager-pci"),
    "eu-west-lz-bru": ("Brussels", "BE", "local-zone", "ovh-api-enum"),
    "EU-WEST-LZ-MRS-A": ("Marseille", "FR", "local-zone", "ovh-manager-pci"),
    "eu-west-lz-mrs": ("Marseille", "FR", "local-zone", "ovh-api-enum"),
    "EU-CENTRAL-LZ-PRG-A": ("Prague", "CZ", "local-zone", "ovh-manager-pci"),
    "eu-central-lz-prg": ("Prague", "CZ", "local-zone", "ovh-api-enum"),
    "eu-east-lz-prg": ("Prague", "CZ", "local-zone", "ovh-api-enum"),  # older enum spelling of the Prague codename
    "EU-WEST-LZ-LUX-A": ("Luxembourg", "LU", "local-zone", "pulumi-ovh"),
    "eu-west-lz-lux": ("Luxembourg", "LU", "local-zone", "ovh-api-enum"),
    "EU-SOUTH-LZ-MIL-A": ("Milan", "IT", "local-zone", "ovh-manager-pci"),
    "eu-south-lz-mil": ("Milan", "IT", "local-zone", "ovh-api-enum"),
    "EU-SOUTH-LZ-MAD-A": ("Madrid", "ES", "local-zone", "third-party-lz"),  # code from pattern, unverified
    "eu-south-lz-mad": ("Madrid", "ES", "local-zone", "ovh-api-enum"),
    "EU-WEST-LZ-AMS-A": ("Amsterdam", "NL", "local-zone", "third-party-lz"),  # code from pattern, unverified
    "eu-west-lz-ams": ("Amsterdam", "NL", "local-zone", "ovh-api-enum"),
    "EU-WEST-LZ-VIE-A": ("Vienna", "AT", "local-zone", "third-party-lz"),  # code from pattern, unverified
    "eu-west-lz-vie": ("Vienna", "AT", "local-zone", "ovh-api-enum"),
    "EU-WEST-LZ-DLN-A": ("Dublin", "IE", "local-zone", "third-party-lz"),  # code from pattern; city unverified
    "eu-west-lz-dln": ("Dublin", "IE", "local-zone", "ovh-api-enum"),  # city unverified
    "EU-SOUTH-LZ-LIS-A": ("Lisbon", "PT", "local-zone", "third-party-lz"),  # code from pattern, unverified
    "eu-south-lz-lis": ("Lisbon", "PT", "local-zone", "ovh-api-enum"),
    "EU-NORTH-LZ-CPH-A": ("Copenhagen", "DK", "local-zone", "third-party-lz"),  # code from pattern, unverified
    "eu-north-lz-cph": ("Copenhagen", "DK", "local-zone", "ovh-api-enum"),
    "EU-NORTH-LZ-HEL-A": ("Helsinki", "FI", "local-zone", "third-party-lz"),  # code from pattern, unverified
    "eu-north-lz-hel": ("Helsinki", "FI", "local-zone", "ovh-api-enum"),
    "EU-NORTH-LZ-STO-A": ("Stockholm", "SE", "local-zone", "third-party-lz"),  # code from pattern, unverified
    "eu-north-lz-sto": ("Stockholm", "SE", "local-zone", "ovh-api-enum"),
    "EU-CENTRAL-LZ-BUH-A": ("Bucharest", "RO", "local-zone", "third-party-lz"),  # code from pattern, unverified
    "eu-central-lz-buh": ("Bucharest", "RO", "local-zone", "ovh-api-enum"),
    "EU-CENTRAL-LZ-SOF-A": ("Sofia", "BG", "local-zone", "third-party-lz"),  # code from pattern, unverified
    "eu-central-lz-sof": ("Sofia", "BG", "local-zone", "ovh-api-enum"),

    # --- Local Zones with an "eu-" codename OUTSIDE the EU (traps) ---
    "EU-WEST-LZ-ZRH-A": ("Zurich", "CH", "local-zone", "third-party-lz"),  # code seen only as a third-party hostname
    "eu-west-lz-zrh": ("Zurich", "CH", "local-zone", "third-party-lz"),
    "EU-NORTH-LZ-OSL-A": ("Oslo", "NO", "local-zone", "third-party-lz"),  # code from pattern, unverified
    "eu-north-lz-osl": ("Oslo", "NO", "local-zone", "third-party-lz"),
    "EU-WEST-LZ-MNC-A": ("Manchester", "GB", "local-zone", "ovh-manager-pci"),
    "eu-west-lz-mnc": ("Manchester", "GB", "local-zone", "third-party-lz"),

    # --- Local Zones outside Europe (codes from pattern, cities third-party; all non-EU) ---
    "US-EAST-LZ-ATL-A": ("Atlanta", "US", "local-zone", "third-party-lz"),
    "us-east-lz-atl": ("Atlanta", "US", "local-zone", "ovh-api-enum"),
    "US-EAST-LZ-BOS-A": ("Boston", "US", "local-zone", "third-party-lz"),
    "us-east-lz-bos": ("Boston", "US", "local-zone", "ovh-api-enum"),
    "US-EAST-LZ-CHI-A": ("Chicago", "US", "local-zone", "third-party-lz"),
    "us-east-lz-chi": ("Chicago", "US", "local-zone", "ovh-api-enum"),
    "US-EAST-LZ-DAL-A": ("Dallas", "US", "local-zone", "third-party-lz"),
    "us-east-lz-dal": ("Dallas", "US", "local-zone", "ovh-api-enum"),
    "US-EAST-LZ-MIA-A": ("Miami", "US", "local-zone", "third-party-lz"),
    "us-east-lz-mia": ("Miami", "US", "local-zone", "ovh-api-enum"),
    "US-EAST-LZ-NYC-A": ("New York", "US", "local-zone", "third-party-lz"),
    "us-east-lz-nyc": ("New York", "US", "local-zone", "ovh-api-enum"),
    "US-CENTRAL-LZ-SLC-A": ("Salt Lake City", "US", "local-zone", "third-party-lz"),
    "us-central-lz-slc": ("Salt Lake City", "US", "local-zone", "ovh-api-enum"),
    "US-CENTRAL-LZ-STL-A": ("St. Louis", "US", "local-zone", "third-party-lz"),
    "us-central-lz-stl": ("St. Louis", "US", "local-zone", "ovh-api-enum"),
    "US-WEST-LZ-DEN-A": ("Denver", "US", "local-zone", "third-party-lz"),
    "us-west-lz-den": ("Denver", "US", "local-zone", "ovh-api-enum"),
    "US-WEST-LZ-LAX-A": ("Los Angeles", "US", "local-zone", "third-party-lz"),
    "us-west-lz-lax": ("Los Angeles", "US", "local-zone", "ovh-api-enum"),
    "US-WEST-LZ-PAO-A": ("Palo Alto", "US", "local-zone", "third-party-lz"),
    "us-west-lz-pao": ("Palo Alto", "US", "local-zone", "ovh-api-enum"),
    "US-WEST-LZ-PHX-A": ("Phoenix", "US", "local-zone", "third-party-lz"),
    "us-west-lz-phx": ("Phoenix", "US", "local-zone", "ovh-api-enum"),
    "US-WEST-LZ-SEA-A": ("Seattle", "US", "local-zone", "third-party-lz"),
    "us-west-lz-sea": ("Seattle", "US", "local-zone", "ovh-api-enum"),
    "ME-SOUTH-LZ-DXB-A": ("Dubai", "AE", "local-zone", "third-party-lz"),
    "me-south-lz-dxb": ("Dubai", "AE", "local-zone", "ovh-api-enum"),
    "AF-NORTH-LZ-RBA-A": ("Rabat", "MA", "local-zone", "third-party-lz"),
    "af-north-lz-rba": ("Rabat", "MA", "local-zone", "ovh-api-enum"),
    "AF-CENTRAL-LZ-ABJ-A": ("Abidjan", "CI", "local-zone", "third-party-lz"),
    "af-central-lz-abj": ("Abidjan", "CI", "local-zone", "ovh-api-enum"),
    "AP-SOUTH-LZ-AKL-A": ("Auckland", "NZ", "local-zone", "third-party-lz"),
    "ap-south-lz-akl": ("Auckland", "NZ", "local-zone", "ovh-api-enum"),
    "AP-SOUTH-LZ-BLR-A": ("Bangalore", "IN", "local-zone", "third-party-lz"),
    "ap-south-lz-blr": ("Bangalore", "IN", "local-zone", "ovh-api-enum"),
    "SA-CENTRAL-LZ-MEX-A": ("Mexico City", "MX", "local-zone", "third-party-lz"),
    "sa-central-lz-mex": ("Mexico City", "MX", "local-zone", "ovh-api-enum"),
    "SA-EAST-LZ-SAO-A": ("Sao Paulo", "BR", "local-zone", "third-party-lz"),
    "sa-east-lz-sao": ("Sao Paulo", "BR", "local-zone", "ovh-api-enum"),
    "SA-WEST-LZ-BUE-A": ("Buenos Aires", "AR", "local-zone", "third-party-lz"),
    "sa-west-lz-bue": ("Buenos Aires", "AR", "local-zone", "ovh-api-enum"),
    "SA-WEST-LZ-SCL-A": ("Santiago", "CL", "local-zone", "third-party-lz"),
    "sa-west-lz-scl": ("Santiago", "CL", "local-zone", "ovh-api-enum"),
    # ap-south-lz-icd is in coreTypes.RegionCodenameEnum but its city/country is unknown: left out (fails closed).
}

# endpoint name -> (legal entity, ISO country of the contracting entity, API base URL, source id)
# URLs are the current go-ovh table; older go-ovh releases used https://eu.api.ovh.com/1.0 and
# https://ca.api.ovh.com/1.0 for ovh-eu / ovh-ca (same services), so match either when mapping a URL back.
ENDPOINTS = {
    "ovh-eu": ("OVH SAS", "FR", "https://api.eu.ovhcloud.com/1.0", "go-ovh"),  # entity: ovh-sas (EU subsidiaries, e.g. GB, unverified)
    "ovh-ca": ("OVH Hosting Inc.", "CA", "https://api.ca.ovhcloud.com/1.0", "go-ovh"),  # entity: ovh-hosting-inc (also serves WE/WS/APAC customers)
    "ovh-us": ("OVH US LLC", "US", "https://api.us.ovhcloud.com/1.0", "go-ovh"),  # entity: ovh-us-llc
    "kimsufi-eu": ("OVH SAS", "FR", "https://eu.api.kimsufi.com/1.0", "go-ovh"),  # entity unverified (OVH SAS brand)
    "kimsufi-ca": ("OVH Hosting Inc.", "CA", "https://ca.api.kimsufi.com/1.0", "go-ovh"),  # entity unverified
    "soyoustart-eu": ("OVH SAS", "FR", "https://eu.api.soyoustart.com/1.0", "go-ovh"),  # entity unverified (OVH SAS brand)
    "soyoustart-ca": ("OVH Hosting Inc.", "CA", "https://ca.api.soyoustart.com/1.0", "go-ovh"),  # entity unverified
}

# older API base URLs (go-ovh before the api.<plate>.ovhcloud.com hosts) -> endpoint name
LEGACY_ENDPOINT_URLS = {
    "https://eu.api.ovh.com/1.0": "ovh-eu",
    "https://ca.api.ovh.com/1.0": "ovh-ca",
}

# managed-database node region -> default off-site backup region, applied when `backupRegions` is unset
# (source: ovh-db-backups, "Default location" table). Other regions (EU-WEST-PAR, EU-SOUTH-MIL, SGP, ...) have no
# documented default: treat an unset `backupRegions` there as unknown.
DATABASE_DEFAULT_BACKUP = {
    "GRA": "SBG",
    "BHS": "SBG",  # Canadian data copied to France
    "DE": "GRA",
    "SBG": "GRA",
    "UK": "GRA",
    "WAW": "GRA",
}

# OKMS region -> the two regions holding its 5-minute database backups (kept 30 days), as listed in ovh-kms
# "Backup location". The doc also says key material is replicated to "a third database, in a different region"
# without naming it; for CA and AP regions the list includes the KMS region itself, as written in the doc.
OKMS_BACKUP_REGIONS = {
    "eu-west-rbx": ("eu-west-sbg", "eu-west-gra"),
    "eu-west-sbg": ("eu-west-rbx", "eu-west-gra"),
    "eu-west-par": ("eu-west-gra", "eu-west-sbg"),
    "ca-east-bhs": ("ca-east-bhs", "ca-east-tor"),
    "ca-east-tor": ("ca-east-bhs", "ca-east-tor"),
    "ap-southeast-sgp": ("ap-southeast-sgp", "ap-southeast-syd"),
    "ap-southeast-syd": ("ap-southeast-sgp", "ap-southeast-syd"),
}

# Offered first when a message suggests compliant locations (Paris 3-AZ, then Gravelines/Strasbourg/Frankfurt).
SUGGEST_FIRST = ("eu-west-par", "eu-west-par-a", "gra", "gra11", "sbg", "sbg5", "de", "de1", "eu-west-rbx")
