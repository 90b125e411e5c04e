"""Candidate destination fields of the pinned SDKs: input paths named like a reference to where data is sent,
copied or replicated (a bucket, dataset, table, topic, vault, pool, sink or destination, an output URI, a copy's
source, a replication partner), for people to decide: catalogued in `catalog/gcp_flows.py` / `ovh_flows.py`, or
left out there with a reason. tests/test_flows_catalog.py fails while a candidate is undecided.

`python -m sovereign_guard_tools.index.destinations` lists the undecided ones.

The net is cast by name, like the SDK index's (a `tableFormat` is no table); types without data or location
(IAM grants, ...) are skipped.
"""
from __future__ import annotations

import re
import sys

from . import generate, sdk

NOUNS = {"bucket", "buckets", "dataset", "table", "topic", "vault", "destination", "destinations", "sink", "pool"}
REFERENCE_ENDS = {"id", "name", "uri", "uris", "ids", "names"}
URI_HEADS = {"gcs", "output", "export", "destination", "storage", "location", "default"}
PARTNER_HEADS = {"primary", "secondary", "master", "replica"}
PARTNER_NOUNS = {"cluster", "disk", "instance", "clusters", "instances", "disks"}
PARTNER_LEAVES = {"disk", "cluster", "instance", "name", "uri", "topic", "messageBus", "workflow"}
PARTNER_BLOCK = re.compile(r"(?i)secondary|primary|replica|destination|sink|async")
COPY_SOURCE = re.compile(r"^source(Disk|Image|Snapshot|InstantSnapshot|Instance|MachineImage)$")
URI_LEAVES = {"tempLocation", "tempGcsLocation", "stagingLocation", "snapshotLocation", "defaultLocation",
              "backupLocation", "pushEndpoint", "streamId", "destinationServiceId"}
VALUE_KINDS = ("str", "any")
# The clouds whose destinations the flows catalog covers. Scaleway's (exports to a bucket, IoT routes, Cockpit
# exporters) are judged by data-residency's derived places (catalog/scaleway_resources.py).
CLOUDS = ("gcp", "ovh")


def words(name: str) -> list:
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)]


def is_candidate(path: str) -> bool:
    """Whether an input path is named like a reference to a destination."""
    parts = path.replace("[]", "").split(".")
    leaf, w = parts[-1], words(parts[-1])
    if not w:
        return False
    return (w[-1] in NOUNS or w[0] == "destination"
            or (len(w) >= 2 and w[-2] in NOUNS and w[-1] in REFERENCE_ENDS)
            or (w[-1] in ("uri", "uris") and w[0] in URI_HEADS)
            or bool(COPY_SOURCE.match(leaf))
            or (w[0] in PARTNER_HEADS and any(x in PARTNER_NOUNS for x in w))
            or (leaf in PARTNER_LEAVES and any(PARTNER_BLOCK.search(p) for p in parts[:-1]))
            or leaf in URI_LEAVES)


def candidates(resource_types, skip=lambda token: False) -> list:
    """(token, path) of every candidate of the given ResourceTypes whose token `skip` does not set aside."""
    return [(r.token, f.path) for r in resource_types if not skip(r.token)
            for f in r.fields if f.kind in VALUE_KINDS and is_candidate(f.path)]


def undecided(resource_types) -> list:
    """'token path' of each candidate that is neither a destination field of the pack's catalog nor left out."""
    from sovereign_guard import catalog
    from sovereign_guard.catalog import destinations, ignored

    def location_free(token: str) -> bool:
        return catalog.is_location_free(token) and token not in catalog.WRITTEN

    found = []
    for token, path in candidates(resource_types, location_free):
        spec = destinations.FLOWS.get(token)
        if not (spec and any(f.path == path for f in spec.fields)) and \
                not any(ignored.matches(rule, token, path) for rule in destinations.LEFT_OUT):
            found.append(f"{token} {path}")
    return found


def main() -> int:
    sys.path.insert(0, str(generate.INDEX_DIR.parents[2]))
    found = [line for cloud in CLOUDS for line in undecided(sdk.resource_types(generate.CLOUDS[cloud][0]))]
    print("\n".join(found) or "every candidate destination field is decided")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
