"""What a service does when a location field is unset: the named defaults of the resource catalogs."""
from __future__ import annotations

from ..catalog import locations, ovh_locations, scaleway_locations
from .props import UNKNOWN, get, is_unknown, walk

S3NS_DOMAIN = "s3nsapis.fr"


def universe(provider_props: dict) -> str:
    domain = provider_props.get("universeDomain")
    return locations.S3NS if isinstance(domain, str) and domain.strip().lower() == S3NS_DOMAIN else locations.GOOGLE


def _provider_value(provider_props: dict, key: str):
    value = provider_props.get(key)
    if is_unknown(value):
        return UNKNOWN
    return value if isinstance(value, str) and value.strip() else None


def provider_region(subject):
    """The provider's region, else the region of its zone (the provider's own fallback order)."""
    region = _provider_value(subject.provider_props, "region")
    if region is not None:
        return region, "the provider's region"
    zone = _provider_value(subject.provider_props, "zone")
    if zone is UNKNOWN:
        return UNKNOWN, "the provider's zone"
    return (locations.region_of_zone(zone), "the region of the provider's zone") if zone else (None, "")


def provider_zone(subject):
    zone = _provider_value(subject.provider_props, "zone")
    return zone, "the provider's zone"


def nearest_multi_region_of(region: str):
    """Google stores these copies in the multi-region nearest the source (Cloud SQL backups, snapshots)."""
    region = region.lower()
    for prefix, multi in (("europe-", "eu"), ("us-", "us"), ("northamerica-", "us"), ("asia-", "asia"),
                          ("u-france-", "u-france-east1")):
        if region.startswith(prefix):
            return multi
    return None


def nearest_multi_region(subject, primary_path: str):
    primary = get(subject.props, primary_path)
    if is_unknown(primary):
        return UNKNOWN, f"the multi-region nearest {primary_path}"
    if not isinstance(primary, str) or not primary:
        primary, _ = provider_region(subject)
    if primary is UNKNOWN:
        return UNKNOWN, "the multi-region nearest the provider's region"
    multi = nearest_multi_region_of(primary) if isinstance(primary, str) else None
    return multi, f"the multi-region nearest {primary!r}"


def ovh_default_backup_region(subject, primary_path: str):
    """OVHcloud keeps managed-database backups in a default off-site region chosen from the node region."""
    nodes = [v for _, v in walk(subject.props, primary_path)]
    if any(is_unknown(v) for v in nodes):
        return UNKNOWN, "the default backup region of the node region"
    for node in nodes:
        if isinstance(node, str):
            backup = ovh_locations.DATABASE_DEFAULT_BACKUP.get(node.upper())
            return backup, f"OVHcloud's default off-site backup region for {node}"
    return None, ""


def scaleway_region(subject, _primary_path: str = ""):
    """A Scaleway resource's region when unset: the provider's, else Scaleway's default fr-par (a provider that sets
    only a zone still defaults regions to fr-par)."""
    region = _provider_value(subject.provider_props, "region")
    if region is not None:
        return region, "the provider's region"
    return scaleway_locations.PROVIDER_DEFAULT_REGION, "Scaleway's default region (the provider sets none)"


def scaleway_zone(subject, _primary_path: str = ""):
    """A Scaleway resource's zone when unset: the provider's, else Scaleway's default fr-par-1."""
    zone = _provider_value(subject.provider_props, "zone")
    if zone is not None:
        return zone, "the provider's zone"
    return scaleway_locations.PROVIDER_DEFAULT_ZONE, "Scaleway's default zone (the provider sets none)"


SPECIAL_DEFAULTS = {
    "nearest-multi-region": nearest_multi_region,
    "ovh-default-backup-region": ovh_default_backup_region,
    "scaleway-region": scaleway_region,
    "scaleway-zone": scaleway_zone,
}
