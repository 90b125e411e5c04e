"""The config recipes in docs/recipes: valid for the pack's real schemas (over the Analyzer protocol, as the CLI
validates them) and doing what docs/config-recipes.md says."""
import datetime
import json
from pathlib import Path

import pytest

from sovereign_guard_tools.engine import policy_config
from sovereign_guard_tools.engine.analyzer import PackProcess, Resource
from sovereign_guard_tools.engine.wire import UNKNOWN

ROOT = Path(__file__).resolve().parents[1]
RECIPES = ROOT / "docs" / "recipes"
NAMES = ("eu-default", "eea", "fr-trusted", "fr-only", "exemptions", "strict")
STACK = "urn:pulumi:dev::p::"
GCP = Resource("pulumi:providers:gcp", "default", STACK + "pulumi:providers:gcp::default",
               {"project": "acme", "region": "europe-west9", "zone": "europe-west9-a"})
OVH = Resource("pulumi:providers:ovh", "default", STACK + "pulumi:providers:ovh::default", {"endpoint": "ovh-eu"})
SCALEWAY = Resource("pulumi:providers:scaleway", "default", STACK + "pulumi:providers:scaleway::default",
                    {"region": "fr-par", "zone": "fr-par-1"})


def res(token, name, props, provider=GCP, deps=None):
    return Resource(token, name, f"{STACK}{token}::{name}", props, provider, property_dependencies=deps or {})


def recipe(name: str) -> dict:
    return policy_config.load(RECIPES / f"{name}.json")


@pytest.fixture(scope="module")
def pack():
    """One pack process for every recipe: each test configures it afresh (Configure replaces the config)."""
    with PackProcess(ROOT / "policies", dry_run=True) as process:
        process.start({})
        yield process


def found(pack, config: dict, resources, stack=False) -> set:
    """(policy, resource name, level) of every violation under `config`."""
    pack.start(config)
    violations = pack.analyze_stack(resources) if stack else [v for r in resources for v in pack.analyze(r)]
    return {(v.policy, v.urn.rsplit("::", 1)[-1], v.level) for v in violations}


def test_the_recipes_are_the_documented_ones():
    assert sorted(p.stem for p in RECIPES.glob("*.json")) == sorted(NAMES)
    guide = (ROOT / "docs" / "config-recipes.md").read_text()
    for name in NAMES:
        assert f"(recipes/{name}.json)" in guide, f"docs/config-recipes.md does not link recipes/{name}.json"


@pytest.mark.parametrize("name", NAMES)
def test_recipe_validates_and_names_only_pack_policies(pack, name):
    config = recipe(name)
    pack.start(config)  # reconciles with the schemas from GetAnalyzerInfo; raises PolicyConfigError if invalid
    assert set(config) <= {p[0] for p in pack.policies} | {"all"}, "a misspelt policy name is silently ignored"


@pytest.mark.parametrize("name", NAMES)
def test_jurisdiction_is_repeated_on_every_policy_that_takes_it(pack, name):
    taking = {policy for policy, _, properties, _ in pack.policies if "jurisdiction" in properties}
    config = recipe(name)
    values = {json.dumps(entry["jurisdiction"]) for entry in config.values() if "jurisdiction" in entry}
    if values:
        assert len(values) == 1
        assert {policy for policy, entry in config.items() if "jurisdiction" in entry} == taking


def test_eu_default_spells_out_the_pack_defaults(pack):
    assert policy_config.reconcile(pack.policies, recipe("eu-default")) == policy_config.reconcile(pack.policies, {})


def test_eea_accepts_norway_where_eu_rejects_it(pack):
    oslo = res("ovh:CloudProject/volume:Volume", "oslo", {"regionName": "EU-NORTH-LZ-OSL-A"}, OVH)
    iowa = res("gcp:storage/bucket:Bucket", "iowa", {"location": "us-central1"})
    assert ("data-residency", "oslo", "mandatory") in found(pack, recipe("eu-default"), [oslo])
    eea = found(pack, recipe("eea"), [oslo, iowa])
    assert ("data-residency", "oslo", "mandatory") not in eea
    assert ("data-residency", "iowa", "mandatory") in eea


def test_fr_trusted_rejects_public_google_cloud_even_in_paris(pack):
    bucket = res("gcp:storage/bucket:Bucket", "paris", {"location": "europe-west9"})
    volume = res("ovh:CloudProject/volume:Volume", "par", {"regionName": "EU-WEST-PAR"}, OVH)
    assert ("data-residency", "paris", "mandatory") not in found(pack, recipe("eu-default"), [bucket])
    trusted = found(pack, recipe("fr-trusted"), [GCP, bucket, volume])
    assert {("data-residency", "paris", "mandatory"), ("provider-jurisdiction", "default", "mandatory")} <= trusted
    assert ("data-residency", "par", "mandatory") not in trusted


def test_fr_only_keeps_the_three_clouds_in_france(pack):
    """Paris on Google Cloud, OVHcloud and Scaleway passes; Amsterdam, the EU multi-region, Glacier from Amsterdam
    and database backups left to another region do not; Scaleway is outside fr-trusted (no SecNumCloud)."""
    resources = [
        res("gcp:storage/bucket:Bucket", "gcp-paris", {"location": "europe-west9"}),
        res("gcp:storage/bucket:Bucket", "gcp-eu", {"location": "EU"}),
        res("ovh:CloudProject/volume:Volume", "ovh-paris", {"regionName": "EU-WEST-PAR"}, OVH),
        res("ovh:CloudProject/volume:Volume", "ovh-frankfurt", {"regionName": "DE1"}, OVH),
        res("scaleway:object/bucket:Bucket", "scw-paris", {"region": "fr-par"}, SCALEWAY),
        res("scaleway:index/objectBucket:ObjectBucket", "scw-amsterdam", {"region": "nl-ams"}, SCALEWAY),
        res("scaleway:databases/instance:Instance", "scw-backups", {"region": "fr-par"}, SCALEWAY),
        res("scaleway:databases/instance:Instance", "scw-db", {"region": "fr-par", "backupSameRegion": True},
            SCALEWAY),
    ]
    rejected = {name for policy, name, level in found(pack, recipe("fr-only"), resources)
                if policy == "data-residency" and level == "mandatory"}
    assert rejected == {"gcp-eu", "ovh-frankfurt", "scw-amsterdam", "scw-backups"}
    assert {name for policy, name, level in found(pack, recipe("eu-default"), resources)
            if policy == "data-residency"} == set()
    trusted = found(pack, recipe("fr-trusted"), resources)
    assert ("data-residency", "scw-paris", "mandatory") in trusted


def test_strict_makes_the_advisory_policies_mandatory(pack):
    suffix = res("random:index/randomString:RandomString", "suffix", {"length": 4}, provider=None)
    bucket = res("gcp:storage/bucket:Bucket", "data", {"location": UNKNOWN}, deps={"location": [suffix.urn]})
    unknown_type = res("gcp:newservice/thing:Thing", "thing", {})
    assert ("preview-unknowns", "data", "advisory") in found(pack, {}, [GCP, suffix, bucket], stack=True)
    assert ("preview-unknowns", "data", "mandatory") in found(pack, recipe("strict"), [GCP, suffix, bucket],
                                                              stack=True)
    assert {name for name, level in pack.levels.items() if level != "mandatory"} == {"waivers"}
    assert ("unclassified-resources", "thing", "mandatory") in found(pack, recipe("strict"), [unknown_type])
    assert ("unclassified-resources", "thing", "advisory") in found(pack, {}, [unknown_type])


def _expiring(config: dict, days: int) -> dict:
    """The recipe with every exemption's expiry moved to today + `days`."""
    expires = (datetime.date.today() + datetime.timedelta(days=days)).isoformat()
    return {policy: {**entry, "exemptions": [{**e, "expires": expires} for e in entry.get("exemptions", [])]}
            for policy, entry in config.items()}


def test_exemption_applies_until_it_expires_and_only_to_its_policy(pack):
    objects = res("ovh:CloudProject/storage:Storage", "objects",
                  {"regionName": "EU-WEST-PAR", "encryption": {"sseAlgorithm": "AES256"}}, OVH)
    legacy = res("gcp:bigquery/dataset:Dataset", "legacy-analytics", {"location": "US"})
    config = recipe("exemptions")
    assert ("customer-managed-keys", "objects", "mandatory") in found(pack, {}, [objects])
    active = found(pack, _expiring(config, 30), [objects, legacy])
    assert ("customer-managed-keys", "objects", "mandatory") not in active
    assert ("data-residency", "legacy-analytics", "mandatory") not in active
    assert ("customer-managed-keys", "legacy-analytics", "mandatory") in active  # exempted from residency only
    pack.start(_expiring(config, -1))
    expired = [v for v in pack.analyze(objects) if v.policy == "customer-managed-keys"]
    assert expired and "expired on" in expired[0].message
