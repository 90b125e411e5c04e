"""The destination catalog is complete against the pinned SDKs and consistent: every candidate destination field is
catalogued or left out with a reason, every catalogued path is a real input of its type, every entry has a source,
and the references the SDK docstrings document read as the resource and place they name."""
import importlib

import pytest

from sovereign_guard.catalog import destinations, ignored, index
from sovereign_guard.catalog.destinations import EDGES, FLOWS, KINDS, LEFT_OUT
from sovereign_guard_tools.index import destinations as candidates
from test_index import _exists, _indexed, _input_paths


def test_every_candidate_destination_field_is_catalogued_or_left_out_with_a_reason(sdk_types):
    undecided = [line for cloud in candidates.CLOUDS for line in candidates.undecided(sdk_types[cloud].values())]
    assert undecided == [], ("add these to catalog/gcp_flows.py or ovh_flows.py (FLOWS), or to their LEFT_OUT with a "
                             "reason:\n" + "\n".join(undecided))


def test_every_left_out_rule_still_matches_a_candidate(sdk_types):
    found = [(t, p) for cloud in candidates.CLOUDS for t, p in candidates.candidates(sdk_types[cloud].values())]
    stale = [rule for rule in LEFT_OUT if not any(ignored.matches(rule, t, p) for t, p in found)]
    assert stale == []
    assert all(rule.reason and rule.source for rule in LEFT_OUT)


def _has_output(resource_type, name: str) -> bool:
    """Whether the resource class has an output property of that engine name (ids, self links, URLs)."""
    module, _, cls = resource_type.python_class.rpartition(".")
    found = getattr(importlib.import_module(module), cls)
    return any(getattr(getattr(value, "fget", None), "_pulumi_name", None) == name for value in vars(found).values())


def test_every_catalogued_path_is_an_input_of_its_type(sdk_types):
    wrong = []
    for token, spec in FLOWS.items():
        found = sdk_types[token.split(":", 1)[0]].get(token)
        assert found is not None, f"{token} is not a type of the pinned SDK"
        known, maps = _input_paths(found), {f.path for f in found.fields if f.kind == "map"}
        for field in spec.fields:
            head = field.path.rpartition(".")[0]
            siblings = [f"{head}.{s}" if head else s for s in (field.unless, field.project) if s]
            wrong += [f"{token} {p}" for p in [field.path, *siblings] if not _exists(p, known, maps)]
    for token, edge in EDGES.items():
        found = sdk_types[token.split(":", 1)[0]].get(token)
        assert found is not None and (not edge.when or edge.when in _input_paths(found)), token
    for kind in KINDS.values():  # each name a property of one of the kind's types, each type named by one of them
        named = {}
        for token in kind.types:
            found = sdk_types[token.split(":", 1)[0]].get(token)
            assert found is not None, f"{kind.name}: {token} is not a type of the pinned SDK"
            named[token] = {n for n in kind.names if n in _input_paths(found) or _has_output(found, n)}
        wrong += [f"{kind.name} {name}" for name in kind.names if not any(name in n for n in named.values())]
        wrong += [f"{kind.name} {token} has none of {kind.names}" for token, n in named.items() if kind.names and not n]
        if kind.via:
            assert kind.via[1] in KINDS and all(_exists(kind.via[0], _input_paths(sdk_types["gcp"][t]), set())
                                                for t in kind.types)
    assert wrong == []


def test_every_field_names_known_kinds_and_has_a_source():
    for spec in FLOWS.values():
        assert spec.what and spec.source.startswith(("https://", "pulumi-"))
        for field in spec.fields:
            assert field.kinds and all(k in KINDS for k in field.kinds), (spec.token, field.path)
            assert field.source.startswith(("https://", "pulumi-")) and field.verb, (spec.token, field.path)
            assert field.mode in ("destination", "copy-nearest", "copy-same")
    assert all(kind.source.startswith(("https://", "pulumi-")) and kind.label for kind in KINDS.values())
    assert all(edge.source.startswith("https://") and edge.service for edge in EDGES.values())


def test_uris_set_aside_as_data_flows_are_judged_by_data_flows():
    """catalog/ignored.py keeps gs:// URIs written to out of the residency rule: each is a flow field instead."""
    set_aside = [(token, p.path) for token, category, p in _indexed() if category == "locations"
                 and "data-flows" in (ignored.reason(token, p.path) or "")]
    assert set_aside, "ignored.py names no URI judged by data-flows"
    missing = [f"{t} {p}" for t, p in set_aside if not any(f.path == p for f in FLOWS.get(t, FLOWS_NONE).fields)]
    assert missing == []


FLOWS_NONE = type("NoFlows", (), {"fields": ()})


DOCUMENTED = [  # (field kinds, a reference as the SDK docstring documents it, (kind, name, project, location, parent))
    (("log-bucket", "gcs-bucket", "bigquery-dataset", "pubsub-topic", "log-project"),
     "storage.googleapis.com/my-bucket", ("gcs-bucket", "my-bucket", "", "", "")),
    (("log-bucket", "gcs-bucket", "bigquery-dataset", "pubsub-topic", "log-project"),
     "bigquery.googleapis.com/projects/p1/datasets/audit", ("bigquery-dataset", "audit", "p1", "", "")),
    (("log-bucket", "gcs-bucket", "bigquery-dataset", "pubsub-topic", "log-project"),
     "pubsub.googleapis.com/projects/p1/topics/t", ("pubsub-topic", "t", "p1", "", "")),
    (("log-bucket", "gcs-bucket", "bigquery-dataset", "pubsub-topic", "log-project"),
     "logging.googleapis.com/projects/p1/locations/global/buckets/b", ("log-bucket", "b", "p1", "global", "")),
    (("log-bucket", "gcs-bucket", "bigquery-dataset", "pubsub-topic", "log-project"),
     "logging.googleapis.com/projects/p1", ("log-project", "p1", "", "", "")),
    (("bigquery-table",), "p1.ds.events", ("bigquery-table", "events", "p1", "", "ds")),
    (("bigquery-table",), "p1:ds.events", ("bigquery-table", "events", "p1", "", "ds")),
    (("bigquery-table",), "//bigquery.googleapis.com/projects/p1/datasets/ds/tables/t",
     ("bigquery-table", "t", "p1", "", "ds")),
    (("bigquery-table", "bigquery-dataset", "bigquery-project"), "bq://p1.ds", ("bigquery-dataset", "ds", "p1", "", "")),
    (("bigquery-table", "bigquery-dataset", "bigquery-project"), "bq://p1", ("bigquery-project", "p1", "", "", "")),
    (("bigquery-dataset",), "projects/p1/datasets/ds", ("bigquery-dataset", "ds", "p1", "", "")),
    (("bigquery-dataset",), "p1:ds", ("bigquery-dataset", "ds", "p1", "", "")),
    (("bigquery-dataset",), "ds", ("bigquery-dataset", "ds", "", "", "")),
    (("gcs-bucket",), "gs://bucket/path/to/temp", ("gcs-bucket", "bucket", "", "", "")),
    (("gcs-bucket",), "archive-eu", ("gcs-bucket", "archive-eu", "", "", "")),
    (("compute-disk",), "https://www.googleapis.com/compute/v1/projects/p1/zones/us-central1-a/disks/d",
     ("compute-disk", "d", "p1", "us-central1-a", "")),
    (("compute-disk",), "regions/europe-west9/disks/d", ("compute-disk", "d", "", "europe-west9", "")),
    (("compute-image",), "projects/debian-cloud/global/images/family/debian-12",
     ("compute-image", "debian-12", "debian-cloud", "", "")),
    (("netapp-storage-pool",), "projects/p1/locations/us-east4/storagePools/pool",
     ("netapp-storage-pool", "pool", "p1", "us-east4", "")),
    (("redis-cluster",), "projects/p1/locations/us-east1/clusters/c", ("redis-cluster", "c", "p1", "us-east1", "")),
    (("alloydb-cluster",), "projects/p1/locations/us-central1/clusters/c",
     ("alloydb-cluster", "c", "p1", "us-central1", "")),
    (("memorystore-instance",), "projects/p1/locations/us-east1/instance/i",
     ("memorystore-instance", "i", "p1", "us-east1", "")),
    (("healthcare-fhir-store",), "project/p1/locations/eu/datasets/d/fhirStores/f",
     ("healthcare-fhir-store", "f", "p1", "eu", "d")),
    (("sql-instance",), "p1:primary-db", ("sql-instance", "primary-db", "p1", "", "")),
    (("https-endpoint",), "https://push-123456.europe-west9.run.app/events",
     ("https-endpoint", "push-123456.europe-west9.run.app", "", "europe-west9", "")),
    (("https-endpoint",), "https://us-central1-p1.cloudfunctions.net/hook",
     ("https-endpoint", "us-central1-p1.cloudfunctions.net", "", "us-central1", "")),
    (("https-endpoint",), "https://example.com/push", ("https-endpoint", "example.com", "", "", "")),
]


@pytest.mark.parametrize("kinds, value, expected", DOCUMENTED, ids=[case[1] for case in DOCUMENTED])
def test_documented_references_read_as_what_they_name(kinds, value, expected):
    ref = destinations.parse(value, kinds)
    assert (ref.kind.name, ref.name, ref.project, ref.location, ref.parent) == expected


def test_what_reads_as_no_reference():
    assert destinations.parse("not a bucket", ("gcs-bucket",)) is None
    assert destinations.parse("projects/p/zones/z/instances/i", ("log-bucket", "gcs-bucket")) is None
    assert destinations.parse("/mnt/export", ("posix-filesystem",)) is None


def test_kind_index_covers_every_indexed_type_of_its_kinds():
    assert all(token in index.tokens(token.split(":", 1)[0]) for kind in KINDS.values() for token in kind.types)
