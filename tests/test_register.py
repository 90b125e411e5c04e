"""The residency register: its rows, counts and countries against the sample stacks (read back from the HTML with a
real HTML parser), the CSV and JSON against their schemas, --compare, and the examples committed under docs/."""
import csv
import io
import json
from html.parser import HTMLParser

import jsonschema
import pytest

from sovereign_guard_tools import cli
from sovereign_guard_tools.engine.run import REPO, default_pack
from sovereign_guard_tools.program.check import check_stack
from sovereign_guard_tools.reports import register
from sovereign_guard_tools.reports.register import examples, html, model, tables
from sovereign_guard_tools.state.audit import audit_state

EXPORTS = REPO / "tests" / "data" / "exports"


class Page(HTMLParser):
    """The parts of a register page the tests read: sections, summary cards, map tiles, table rows and cells,
    change rows, and every URL a tag would load. Text inside <details>, <small> and <dt> is left out."""

    SKIPPED = ("details", "small", "dt")

    def __init__(self, text: str):
        super().__init__()
        self.stacks, self.changes, self.urls = {}, [], []
        self._target, self._skip, self._row = None, 0, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]
        if "data-stack" in a:
            self.stack = self.stacks[a["data-stack"]] = {"cards": {}, "tiles": {}, "rows": {}}
        elif "data-fact" in a:
            self._target = self.stack["cards"].setdefault(a["data-fact"], [])
        elif tag == "g" and "data-country" in a:
            self.stack["tiles"][a["data-country"]] = int(a["data-count"])
        elif tag == "tr" and "data-urn" in a:
            self._row = self.stack["rows"][a["data-urn"]] = {"data-verdict": a["data-verdict"]}
        elif tag == "tr" and "data-kind" in a:
            self._row = None
            self.changes.append([])
        elif tag == "td" and "data-col" in a:
            self._target = self._row.setdefault(a["data-col"], [])
        elif tag == "td" and self._row is None and self.changes:
            self._target = []
            self.changes[-1].append(self._target)
        if tag in self.SKIPPED:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self._skip -= 1
        if tag in ("td", "dd"):
            self._target = None

    def handle_data(self, data):
        if self._target is not None and not self._skip:
            self._target.append(data)


def text(parts) -> str:
    return "".join(parts).strip()


@pytest.fixture(scope="module")
def samples():
    """{stack: register document} of each sample stack, as the docs examples make them."""
    return {stack: register.build([check_stack(REPO, stack)], default_pack(), examples.GENERATED_AT)
            for stack in examples.SAMPLES}


def page(document) -> dict:
    parsed = Page(html.render(document))
    assert parsed.urls == []  # self-contained: nothing to fetch
    (stack,) = parsed.stacks.values()
    return stack


def test_gcp_paris_lists_every_data_store_in_paris_under_its_own_hsm_key(samples):
    shown = page(samples["gcp-paris"])
    stores = {text(r["resource"]): r for r in shown["rows"].values() if text(r["category"]) == "data store"}
    assert set(stores) == {"gcp-paris-data", "gcp-paris-analytics", "gcp-paris-analytics-events", "gcp-paris-postgres",
                           "gcp-paris-gke", "gcp-paris-gke-nodes", "gcp-paris-events", "gcp-paris-db-password",
                           "gcp-paris-images", "gcp-paris-archive", "gcp-paris-scratch", "gcp-paris-scratch-snapshot"}
    located = {name: row for name, row in stores.items() if name != "gcp-paris-analytics-events"}
    assert {text(r["country"]) for r in located.values()} == {"France"}
    assert {text(r["city"]) for r in located.values()} == {"Paris", "Paris, zone a"}  # the scratch disk is zonal
    assert text(stores["gcp-paris-postgres"]["replicas_backups_flows"]) == \
        "backup location: europe-west9 (Paris; France)"
    assert text(stores["gcp-paris-gke"]["replicas_backups_flows"]) == \
        "node zone: europe-west9-a (Paris, zone a; France) | node zone: europe-west9-b (Paris, zone b; France)"
    assert {text(r["key_protection"]) for r in stores.values()} == {"HSM"}
    assert {text(r["key_rotation"]) for r in stores.values()} == {"every 90 days"}
    assert text(stores["gcp-paris-data"]["key"]) == "gcp-paris-storage"
    assert text(stores["gcp-paris-data"]["key_location"]) == "europe-west9 (Paris)"
    assert {r["data-verdict"] for r in shown["rows"].values()} == {"compliant"}
    assert text(shown["cards"]["Data stores"]) == "12"
    assert text(shown["cards"]["Under customer-managed keys"]) == "100% (12 of 12)"
    assert text(shown["cards"]["Violations"]) == "0"
    assert {code: n for code, n in shown["tiles"].items() if n} == {"FR": 11}  # the table lives in its dataset


def test_leaky_rows_carry_the_pack_verdicts_and_the_countries_they_leak_to(samples):
    document = samples["leaky"]
    shown = page(document)
    rows = {text(r["resource"]): r for r in shown["rows"].values() if text(r["category"]) != "provider"}
    providers = {text(r["type"]): r for r in shown["rows"].values() if text(r["category"]) == "provider"}
    expected = json.loads((REPO / "stacks" / "leaky.expected.json").read_text())
    assert {name for name, r in rows.items() if r["data-verdict"] == "violation"} | \
        {text(r["resource"]) for r in providers.values() if r["data-verdict"] == "violation"} == \
        {e["resource"] for e in expected}
    assert sum(len(r["findings"]) for r in document["stacks"][0]["rows"]) == len(expected) == 32
    assert text(shown["cards"]["Violations"]) == "32"
    assert (text(rows["leaky-data"]["city"]), text(rows["leaky-data"]["country"])) == \
        ("Council Bluffs, Iowa", "United States")
    assert text(rows["leaky-postgres"]["country"]) == "United Kingdom"
    assert text(rows["leaky-postgres"]["their_countries"]).count(";") == 26  # the EU multi-region: 27 countries
    assert text(rows["leaky-events"]["country"]) == "any country"
    assert text(rows["leaky-analytics"]["key_country"]) == "France"  # the key stayed in Paris, the data did not
    assert text(rows["leaky-images"]["keys_held"]) == "provider-managed"
    assert text(rows["leaky-objects"]["keys_held"]) == "provider-managed (no customer-managed key offered)"
    assert text(providers["pulumi:providers:ovh"]["country"]) == "Canada"  # the OVH API's contracting entity
    assert providers["pulumi:providers:ovh"]["data-verdict"] == "violation"
    assert text(providers["pulumi:providers:gcp"]["city"]) == "Paris"
    data = next(r for r in document["stacks"][0]["rows"] if r["resource"] == "leaky-data")
    assert tables.flat(document["stacks"][0], data)["policies"] == \
        "data-residency (mandatory); key-custody (mandatory)"
    assert {code: n for code, n in shown["tiles"].items() if n} == {"FR": 8, "GB": 2, "US": 2}  # 5 Scaleway Paris
    assert text(shown["cards"]["Data stores"]) == "16"
    assert text(shown["cards"]["Under customer-managed keys"]) == "56% (9 of 16)"  # of Scaleway's: the media bucket
    assert text(rows["leaky-media"]["keys_held"]) == "customer-managed"  # its encryption configuration's SSE-KMS
    assert text(rows["leaky-logs"]["keys_held"]) == "provider-managed"  # SSE-ONE (AES256)
    assert text(providers["pulumi:providers:scaleway"]["platform"]) == "Scaleway"
    summary = document["stacks"][0]["summary"]
    assert [(c["name"], c["dataStores"], c["outsideJurisdiction"]) for c in summary["countries"]] == \
        [("France", 8, False), ("United Kingdom", 2, True), ("United States", 2, True)]
    assert summary["areas"] == [{"name": "EU multi-region (data centers in EU member states)", "dataStores": 2},
                                {"name": "global", "dataStores": 2}]


def test_rows_are_the_resources_the_pack_judges_and_every_violation_has_its_row(samples):
    for stack, document in samples.items():
        rows = document["stacks"][0]["rows"]
        result = check_stack(REPO, stack)
        assert {v.urn for v in result.violations} <= {r["urn"] for r in rows}
        listed = {r["urn"] for r in rows}
        wanted = {r.urn for r in result.resources if r.type.split(":")[0] in ("gcp", "ovh")
                  and not r.type.endswith(("IAMMember", "IAMBinding"))}
        assert wanted <= listed, stack
        assert {r["category"] for r in rows} <= {"data store", "key", "provider", "no data at rest", "other"}
        assert [r["resource"] for r in rows if r["category"] == "other"] == \
            (["leaky-cdn"] if stack == "leaky" else [])  # a location-free type the pack faults (a Cloud CDN backend)


def test_csv_and_json_validate_against_their_schemas_and_agree_with_the_html(samples):
    row_schema = jsonschema.Draft202012Validator(tables.schema(tables.CSV_SCHEMA))
    doc_schema = jsonschema.Draft202012Validator(tables.schema(tables.JSON_SCHEMA))
    for document in samples.values():
        doc_schema.validate(json.loads(tables.to_json(document)))
        reader = csv.DictReader(io.StringIO(tables.to_csv(document)))
        assert reader.fieldnames == list(tables.schema(tables.CSV_SCHEMA)["properties"])
        rows = list(reader)
        for row in rows:
            row_schema.validate(row)
        shown = page(document)["rows"]
        assert [r["urn"] for r in rows] == list(shown)
        for row in rows:
            for column, cell in shown[row["urn"]].items():
                if column != "data-verdict":
                    assert text(cell) == row[column], (row["urn"], column)


def test_a_row_outside_the_schema_is_rejected():
    validator = jsonschema.Draft202012Validator(tables.schema(tables.CSV_SCHEMA))
    good = {name: "" for name in tables.columns()} | {"category": "data store", "keys_held": "customer-managed",
                                                     "verdict": "compliant"}
    validator.validate(good)
    for bad in ({"verdict": "fine"}, {"waiver_expires": "next year"}, {"extra": "x"}):
        assert not validator.is_valid(good | bad)


def test_waived_findings_show_as_waived_with_reason_and_expiry(samples):
    document = samples["ovh-paris"]
    rows = {text(r["resource"]): r for r in page(document)["rows"].values()}
    assert {name for name, r in rows.items() if r["data-verdict"] == "waived"} == \
        {"ovh-paris-app", "ovh-paris-objects", "ovh-paris-postgres"}
    objects = rows["ovh-paris-objects"]
    assert text(objects["verdict"]) == "waived"
    assert text(objects["waiver_reason"]).startswith("Object Storage encrypts with OVHcloud-managed keys only")
    assert text(objects["waiver_expires"]) == "2027-06-30"
    assert text(objects["keys_held"]) == "provider-managed (no customer-managed key offered)"
    assert document["stacks"][0]["summary"]["waivers"] == 3
    assert text(page(document)["cards"]["Waivers"]) == "3"


def test_compare_names_the_dataset_that_moved_from_paris_to_iowa_and_the_key_it_lost(tmp_path, capsys):
    old, new, page_file = tmp_path / "v1.json", tmp_path / "v2.json", tmp_path / "v2.html"
    assert cli.main(["register", "--state", str(EXPORTS / "analytics-v1.json"), "--json", str(old),
                     "--generated-at", "2026-03-02"]) == 0
    assert cli.main(["register", "--state", str(EXPORTS / "analytics-v2.json"), "--compare", str(old),
                     "--json", str(new), "--html", str(page_file), "--generated-at", "2026-04-06"]) == 0
    assert "3 changes since" in capsys.readouterr().out
    document = json.loads(new.read_text())
    jsonschema.validate(document, tables.schema(tables.JSON_SCHEMA))
    assert [(c["kind"], c["resource"], c["before"], c["after"]) for c in document["changes"]] == [
        ("moved", "events", "location: europe-west9 (Paris; France)",
         "location: us-central1 (Council Bluffs, Iowa; United States)"),
        ("key removed", "events", "events (europe-west9, HSM)", ""),
        ("verdict changed", "events", "compliant", "violation"),
    ]
    shown = Page(page_file.read_text())
    assert [[text(cell) for cell in row[:3]] for row in shown.changes] == [
        ["moved", "analytics/prod", "events"], ["key removed", "analytics/prod", "events"],
        ["verdict changed", "analytics/prod", "events"]]


def test_compare_sees_new_stores_waivers_and_removals():
    rows = lambda *items: {"stacks": [{"project": "p", "stack": "s", "rows": list(items)}]}  # noqa: E731
    base = {"resource": "a", "urn": "u:a", "category": "data store", "places": [], "keys": [], "waivers": [],
            "verdict": "compliant"}
    waived = dict(base, waivers=[{"policy": "customer-managed-keys", "reason": "accepted", "expires": "2027-01-01"}],
                  verdict="waived")
    added = dict(base, resource="b", urn="u:b")
    found = [(c["kind"], c["resource"]) for c in register.compare.changes(rows(base), rows(waived, added))]
    assert found == [("new data store", "b"), ("new waiver", "a"), ("verdict changed", "a")]
    assert [(c["kind"], c["resource"]) for c in register.compare.changes(rows(base, added), rows(base))] == \
        [("removed", "b")]


def test_the_examples_under_docs_are_up_to_date():
    wanted = examples.rendered()
    stale = [name for name, content in wanted.items()
             if not (examples.DOCS / name).exists() or (examples.DOCS / name).read_text(encoding="utf-8") != content]
    stale += [path.name for path in examples.DOCS.iterdir() if path.name not in wanted]
    assert stale == [], "run `python -m sovereign_guard_tools.reports.register.examples` and commit docs/register/"


def test_register_command_writes_the_three_formats(tmp_path, capsys):
    assert cli.main(["register", str(REPO), "--stack", "ovh-paris", "--output-dir", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ovh-paris.csv", "ovh-paris.html", "ovh-paris.json"]
    out = capsys.readouterr().out
    assert "ovh-paris: 5 data stores in France; 40% under customer-managed keys; 0 violations, 3 waivers" in out
    document = json.loads((tmp_path / "ovh-paris.json").read_text())
    assert document["generatedAt"].endswith("Z")
    assert model.VERDICTS == tuple(document["stacks"][0]["summary"]["verdicts"])


def test_the_cli_names_every_register_format():
    assert cli.REGISTER_FORMATS == tuple(register.RENDERERS)
