"""Places a setting sends data to without naming one (catalog LocationFields with `derived`).

Each rule takes (subject, field, jurisdiction) and returns findings on `field.path`: a storage class that keeps
objects in Paris, a backup policy that ships backups to another region, a service with no published location, a
block that exports data to a host outside the cloud, nodes provisioned outside it, a volume exported to a bucket of
unnamed region. Values unknown at preview are UNKNOWN findings (judged again at update).
"""
from __future__ import annotations

import re

from ..catalog import locations, scaleway_locations
from ..catalog.scaleway_resources import EXPORT_TARGETS
from . import defaults, residency
from .outcome import FAIL, PASS, UNKNOWN, Finding, quote
from .props import MISSING, get, is_set, is_unknown, kind, top, walk

SCW = "scw:location"
SCALEWAY_HOST = re.compile(r"[./](?P<region>[a-z]{2}-[a-z]{3})\.(?:scw\.cloud|scaleway\.com)(?:[:/]|$)")
SCALEWAY_ARN = re.compile(r"^arn:scw:[a-z0-9-]+:(?P<region>[a-z]{2}-[a-z]{3}):")


def _unknown(subject, path: str, what: str) -> Finding:
    return Finding(UNKNOWN, path, f"{subject.title}: {path} can't be known until the resources it depends on exist; "
                   f"where it sends {what} is checked through its dependencies and again at update.",
                   depends=top(path))


def _unreadable(subject, path: str, value, wanted: str, what: str) -> Finding:
    """A setting of the wrong shape: where it sends the data cannot be established (fail closed)."""
    state = "not set" if _absent(value) else f"{kind(value)}, not {wanted}"
    return Finding(FAIL, path, f"{subject.title}: {path} is {state}, so where it sends {what} cannot be "
                   f"established; set it to {wanted}.")


def _absent(value) -> bool:
    return value is MISSING or value is None


def _setting(subject, field, kinds, wanted: str) -> tuple:
    """(value, None) when the field's setting is of `kinds`; else (None, findings): none when it is unset, else
    UNKNOWN at preview or a fail-closed finding for a value of the wrong shape."""
    value = get(subject.props, field.path)
    if _absent(value):
        return None, []
    if is_unknown(value):
        return None, [_unknown(subject, field.path, field.role)]
    if not isinstance(value, kinds):
        return None, [_unreadable(subject, field.path, value, wanted, field.role)]
    return value, None


def _places(subject, path: str, codes, jurisdiction, why: str, fix: str) -> Finding:
    """PASS when every Scaleway location in `codes` is allowed, else FAIL naming those that are not."""
    found = [locations.lookup(SCW, code) for code in codes]
    refused = [(loc, reason) for loc in found if (reason := jurisdiction.judge(loc)) is not None]
    shown = ", ".join(f"{loc.code} ({residency.describe(loc)})" for loc in found)
    lead = f"{path}: " if path else ""
    if not refused:
        return Finding(PASS, path, f"{lead}{why} {shown}")
    reasons = "; ".join(f"{loc.code}: {reason}" for loc, reason in refused)
    return Finding(FAIL, path, f"{subject.title}: {lead}{why} {shown}, which is not allowed ({reasons}). {fix}")


def glacier(subject, field, jurisdiction) -> list:
    """A GLACIER storage class keeps the objects in Paris whatever the bucket's region."""
    findings = []
    for path, value in walk(subject.props, field.path):
        if is_unknown(value):
            findings.append(_unknown(subject, path, field.role))
        elif isinstance(value, str) and value.strip().upper() == scaleway_locations.GLACIER_CLASS:
            findings.append(_places(
                subject, path, (scaleway_locations.GLACIER_REGION,), jurisdiction,
                f"{quote(value)} keeps {field.role} in Paris (DC4) whatever the bucket's region:",
                "Use STANDARD or ONEZONE_IA, which stay in the bucket's region."))
        elif not isinstance(value, str) and not _absent(value):
            findings.append(_unreadable(subject, path, value, "a storage class such as 'STANDARD'", field.role))
    return findings


def database_backups(subject, field, jurisdiction) -> list:
    """Managed-database logical backups go to another region than the database's unless `backupSameRegion`."""
    if get(subject.props, "disableBackup") is True:
        return []
    same = get(subject.props, field.path)
    if is_unknown(same):
        return [_unknown(subject, field.path, field.role)]
    if same is True:
        return [Finding(PASS, field.path, f"{field.path} = True: {field.role} stay in the database's region")]
    if same is not False and not _absent(same):
        return [_unreadable(subject, field.path, same, "true", field.role)]
    region = get(subject.props, "region")
    origin = ""
    if not is_set(region):
        region, origin = defaults.scaleway_region(subject)
    if is_unknown(region):
        return [_unknown(subject, "region", field.role)]
    home = locations.lookup(SCW, region) if isinstance(region, str) else None
    home_region = home.members[0] if home is not None and home.members else home.code if home else None
    others = [code for code in scaleway_locations.DATABASE_REGIONS if code != home_region]
    state = "unset" if _absent(same) else "= False"
    where = f"{quote(region)}, {origin}" if origin else quote(region)
    return [_places(subject, field.path, others, jurisdiction,
                    f"{state}, so Scaleway keeps {field.role} 'in a different region than your database' ({where}), "
                    "one of", f"Set {field.path}: true (or disableBackup: true).")]


def unlocated(subject, field, jurisdiction) -> list:
    """A service that takes no location: Scaleway chooses where the data is and does not publish it."""
    place = locations.lookup(SCW, "global")
    reason = jurisdiction.judge(place)
    if reason is None:  # 'global' on allowedLocations, overriding the jurisdiction: the risk is accepted
        return [Finding(PASS, field.path, f"{field.role} at {place.label} (allowed by allowedLocations)")]
    return [Finding(FAIL, field.path, f"{subject.title}: {field.role} at {place.label}, so it cannot be kept in "
                    f"{jurisdiction.description} ({reason}). Do without it, or record an exemption if the risk is "
                    "accepted.")]


def _scaleway_region(target: str):
    """The Scaleway region a host, URL or ARN names (`*.fr-par.scw.cloud`, `arn:scw:sqs:fr-par:...`), else None."""
    match = SCALEWAY_ARN.match(target.strip()) or SCALEWAY_HOST.search(target.strip().lower())
    return match["region"] if match and locations.lookup(SCW, match["region"]) else None


def _target(subject, path: str, target, jurisdiction, what: str) -> Finding:
    if is_unknown(target):
        return _unknown(subject, path, what)
    if not isinstance(target, str) or not target.strip():
        return _unreadable(subject, path, target, "a URL or host", what)
    region = _scaleway_region(target)
    if region is not None:
        return _places(subject, path, (region,), jurisdiction, f"sends {what} to {quote(target)}, in",
                       "Send it to a Scaleway endpoint in an allowed region.")
    return Finding(FAIL, path, f"{subject.title}: {path} = {quote(target)} sends {what} outside Scaleway, to a host "
                   "whose location and jurisdiction cannot be established. Remove it, or record an exemption with "
                   "the reason the destination is acceptable.")


def external(subject, field, jurisdiction) -> list:
    """A block that sends data to a host (`EXPORT_TARGETS`: the block's host or URL key and its default)."""
    block, findings = _setting(subject, field, dict, "an object")
    if findings is not None:
        return findings
    key, default = EXPORT_TARGETS[field.path]
    target = get(block, key)
    if _absent(target) and default:
        target = default
    return [_target(subject, f"{field.path}.{key}", target, jurisdiction, field.role)]


def subscriber(subject, field, jurisdiction) -> list:
    """A Topics and Events subscription pushes every message to its endpoint (a URL, or a Scaleway queue's ARN)."""
    endpoint = get(subject.props, field.path)
    if _absent(endpoint):
        return []
    return [_target(subject, field.path, endpoint, jurisdiction, field.role)]


def external_nodes(subject, field, jurisdiction) -> list:
    """Kubernetes Kosmos pools of node type `external` run on machines outside Scaleway."""
    node_type, findings = _setting(subject, field, str, "a node type name")
    if findings is not None:
        return findings
    if node_type.strip().lower() != "external":
        return []
    return [Finding(FAIL, field.path, f"{subject.title}: {field.path} = {quote(node_type)}: the pool's nodes are "
                    f"provisioned outside Scaleway ('from other Cloud providers'), so where {field.role} sit cannot "
                    "be established. Use a Scaleway node type (e.g. 'PRO2-S') in an allowed zone.")]


def bucket_export(subject, field, jurisdiction) -> list:
    """A volume exported to a bucket named without its region: any Object Storage region."""
    bucket, findings = _setting(subject, field, str, "a bucket name")
    if findings is not None:
        return findings
    return [_places(subject, field.path, scaleway_locations.OBJECT_STORAGE_REGIONS, jurisdiction,
                    f"writes {field.role} to bucket {quote(bucket)}, whose region is not an input: any of",
                    "Export to a bucket you can show is in an allowed region and record an exemption, or do not "
                    "export.")]


DERIVED = {
    "glacier": glacier,
    "database-backups": database_backups,
    "unlocated": unlocated,
    "external": external,
    "subscriber": subscriber,
    "external-nodes": external_nodes,
    "bucket-export": bucket_export,
}
