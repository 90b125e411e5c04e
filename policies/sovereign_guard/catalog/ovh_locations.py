"""OVHcloud location codes (Public Cloud regions and zones, Local Zones, object storage, OKMS, databases,
Kubernetes, registry), each with its country and source. Codes are matched case-insensitively.

Beware codenames that look European and are not: `eu-west-eri` (UK1) is in London, `eu-west-lz-zrh` in Zurich,
`eu-north-lz-osl` in Oslo.
"""

SOURCES = {
    "ovh-regions": "https://www.ovhcloud.com/en/public-cloud/regions-availability/",
}

# code -> (city, ISO country, kinds (space separated), source id)
LOCATIONS = {
    "EU-WEST-PAR": ("Paris", "FR", "region-3az object-storage okms kube", "ovh-regions"),
    "GRA7": ("Gravelines", "FR", "region-1az kube", "ovh-regions"),
    "UK1": ("Erith (London)", "GB", "region-1az kube", "ovh-regions"),
    "BHS5": ("Beauharnois", "CA", "region-1az kube", "ovh-regions"),
}

# endpoint name -> (legal entity, ISO country of the contracting entity, API base URL, source id)
ENDPOINTS = {
    "ovh-eu": ("OVH SAS", "FR", "https://eu.api.ovh.com/1.0", "ovh-regions"),
    "ovh-ca": ("OVH Hosting Inc.", "CA", "https://ca.api.ovh.com/1.0", "ovh-regions"),
    "ovh-us": ("OVH US LLC", "US", "https://api.us.ovhcloud.com/1.0", "ovh-regions"),
}
