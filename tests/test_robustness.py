"""Robustness: property-based tests through the SDK's own analyzer servicer, over every catalogued type and random ones.

Props carry unknown sentinels and secret envelopes at any depth, nulls, wrong types, empty, huge and unicode strings.
The pack never raises and never falls back to the SDK's "can't run policy" skip; a location or key that cannot be
read fails closed with a message naming the property and what to set; no message quotes a label, tag, metadata or
environment value, even when the resource is rejected.
"""
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from inprocess import analyze_all
from shapes import (ASSET_SIG, ASSET_SIG_KEY, STACK, catalogue_stack, merge, nest, paths_of, place, resource,
                    with_blocks)
from sovereign_guard import config, pack
from sovereign_guard.catalog import WRITTEN as SPECS, locations
from sovereign_guard.rules import residency
from sovereign_guard.catalog import iso3166
from sovereign_guard.rules.jurisdiction import PRESETS
from sovereign_guard.rules.props import EACH, SENTINELS, parse_path
from sovereign_guard_tools.engine import policy_config
from sovereign_guard_tools.engine.analyzer import Resource
from sovereign_guard_tools.engine.wire import Secret

FAST = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SENSITIVE = ("labels", "userLabels", "resourceLabels", "defaultLabels", "tags", "metadata", "annotations", "env",
             "envs", "envVars", "environmentVariables")
PARIS_KEY = "projects/keys-prod/locations/europe-west9/keyRings/data/cryptoKeys/k"
LOCATION_NAMES = sorted({loc.code for ns in locations.NAMESPACES for universe in (locations.GOOGLE, locations.S3NS)
                         for loc in locations.all_locations(ns, universe)})

# --- values and resources ------------------------------------------------------------------------------------------

unknowns = st.sampled_from(sorted(SENTINELS))
location_names = st.sampled_from(LOCATION_NAMES).flatmap(lambda code: st.sampled_from([code, code.upper()]))
key_names = st.builds("projects/{}/locations/{}/keyRings/r/cryptoKeys/k".format,
                      st.sampled_from(["acme", "keys-prod"]), location_names)
huge = st.builds(lambda text, n: text * n, st.text(min_size=1, max_size=3), st.integers(2_000, 30_000))
asset = st.builds(lambda text: {ASSET_SIG_KEY: ASSET_SIG, "text": text}, st.text(max_size=5))
numbers = st.integers(-2**53, 2**53) | st.floats(allow_nan=False, allow_infinity=False)
scalars = (st.none() | st.booleans() | numbers | st.text(max_size=12) | huge | unknowns | location_names | key_names
           | asset | st.sampled_from(["7776000s", "HSM", "ovh-eu", "ovh-ca", "s3nsapis.fr", "ENCRYPT_DECRYPT"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3) | inner.map(Secret), max_leaves=6)


def marker_blocks(marker) -> list:
    """What a label, tag, metadata or environment block may hold, with the marker in keys and values."""
    return [{marker: marker}, {"team": marker}, [marker], [{"name": "TOKEN", "value": marker}],
            {"startup-script": marker}, Secret({"team": marker}), marker]


@st.composite
def shaped(draw, parts):
    """A value reaching down `parts`, where any level may instead be unknown, secret-wrapped or of any shape."""
    how = draw(st.sampled_from(("plain",) * 5 + ("unknown", "secret", "any")))
    if how == "unknown":
        return draw(unknowns)
    if how == "any":
        return draw(values)
    if not parts:
        node = draw(scalars)
    elif parts[0] == EACH:
        node = draw(st.lists(shaped(parts[1:]), max_size=2))
    else:
        node = {parts[0]: draw(shaped(parts[1:]))}
    return Secret(node) if how == "secret" else node


@st.composite
def props_for(draw, token, marker=None):
    """Props of a type: the paths its rules read, shaped or not, and other keys; with a marker, label blocks in
    every object."""
    props = draw(st.dictionaries(st.text(max_size=8), values, max_size=2))
    for path in draw(st.lists(st.sampled_from(paths_of(token)), unique=True, max_size=5)):
        parts = parse_path(path)
        merge(props, parts[0], draw(shaped(parts[1:])))
    if marker is None:
        return props
    return with_blocks(props, draw(st.dictionaries(st.sampled_from(SENSITIVE), st.sampled_from(marker_blocks(marker)),
                                                   min_size=1, max_size=3)))


random_tokens = st.builds("{}:{}/{}:{}".format, st.sampled_from(["gcp", "ovh", "scaleway", "aws", "random", ""]),
                          st.text(max_size=6), st.text(max_size=6), st.text(max_size=6))
tokens = st.sampled_from(sorted(SPECS) + ["pulumi:providers:gcp", "pulumi:providers:ovh",
                                          "pulumi:providers:scaleway"]) | random_tokens


@st.composite
def stacks(draw, marker=None):
    """Providers and resources of any type, with property dependencies between them (cycles included)."""
    gcp, ovh = (Resource(f"pulumi:providers:{cloud}", cloud, f"{STACK}pulumi:providers:{cloud}::{cloud}",
                         draw(props_for(f"pulumi:providers:{cloud}", marker))) for cloud in ("gcp", "ovh"))
    types = draw(st.lists(tokens, min_size=1, max_size=3))
    urns = [f"{STACK}{token}::r{i}" for i, token in enumerate(types)]
    resources = [gcp, ovh]
    for i, token in enumerate(types):
        props = draw(props_for(token, marker))
        deps = {key: draw(st.lists(st.sampled_from(urns), min_size=1, max_size=2)) for key in props
                if draw(st.booleans())}
        resources.append(Resource(token, f"r{i}", urns[i], props, ovh if token.startswith("ovh") else gcp,
                                  property_dependencies=deps))
    return resources


exemptions = st.lists(st.fixed_dictionaries({
    "type": tokens.filter(lambda t: re.match(config.EXEMPT_TYPE, t) is not None)
    | st.sampled_from(["gcp:storage/*", "ovh:CloudProject/*"]),
    "name": st.text(min_size=1, max_size=10) | st.just("*"), "reason": st.text(min_size=3, max_size=20),
    "expires": st.dates().map(lambda d: d.isoformat())}), max_size=2)
globs = st.lists(st.text(min_size=1, max_size=10) | location_names | st.sampled_from(["europe-*", "*"]), max_size=3)


VALID_FIELDS = {  # a value the schema accepts, for every config field
    "jurisdiction": st.sampled_from(sorted(PRESETS))
    | st.lists(st.sampled_from(sorted(iso3166.NAMES)), min_size=1, max_size=4, unique=True),
    "allowedLocations": globs, "deniedLocations": globs, "exemptions": exemptions,
    "allowCustomerSuppliedKeys": st.booleans(),
    "allowedProtectionLevels": st.lists(st.sampled_from(["SOFTWARE", "HSM", "EXTERNAL"]), unique=True),
    "allowedKeyProjects": st.lists(st.text(min_size=1, max_size=8) | st.just("keys-*"), max_size=2),
    "trustKeysOutsideStack": st.booleans(), "allowedLocationsOverrideJurisdiction": st.booleans(),
    "reportStaleExemptions": st.booleans(),
    "maxRotationDays": st.floats(min_value=0.001, max_value=1e6),
    "trustedDestinations": st.lists(st.fixed_dictionaries({
        "destination": st.text(min_size=1, max_size=10).filter(lambda t: re.search("[^*?]", t))
        | st.sampled_from(["gs://*", "bigquery.googleapis.com/*"]),
        "reason": st.text(min_size=3, max_size=20), "expires": st.dates().map(lambda d: d.isoformat())}), max_size=2),
    "allowPublicEdgeCaching": st.booleans(),
}
assert set(VALID_FIELDS) == set(config.ALL_PROPERTIES)


@st.composite
def configs(draw):
    """Any config the schemas accept, given to every policy whose schema has the field."""
    wanted = draw(st.fixed_dictionaries({}, optional=VALID_FIELDS))
    return {p.name: {k: v for k, v in wanted.items() if k in p.config_schema.properties} for p in pack.POLICIES}


# --- the pack never raises -----------------------------------------------------------------------------------------

def long_strings(resources) -> set:
    """Every string value longer than a message may quote (80 characters), at any depth of the props."""
    found, todo = set(), [r.props for r in resources]
    while todo:
        value = todo.pop()
        if isinstance(value, Secret):
            todo.append(value.value)
        elif isinstance(value, dict):
            todo.extend(value.values())
        elif isinstance(value, list):
            todo.extend(value)
        elif isinstance(value, str) and len(value) > 100:
            found.add(value)
    return found


@FAST
@given(resources=stacks(), pack_config=configs())
def test_the_pack_never_raises_nor_falls_back_to_the_preview_skip(resources, pack_config):
    for violation in analyze_all(resources, pack_config):
        assert violation.message.strip() and violation.level in ("mandatory", "advisory")
        assert not violation.message.startswith("The policy config is invalid")
        assert not any(text in violation.message for text in long_strings(resources))  # cut, not quoted whole


# --- the pack's own config check is the schema's -------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | numbers | st.text(max_size=8) | st.sampled_from(["eu", "FR", "2030-02-30", "HSM"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["resource", "destination", "reason", "expires", "until"]), inner,
                                  max_size=4), max_leaves=6)


@FAST
@given(data=st.data())
def test_the_pack_rejects_exactly_the_configs_the_cli_schema_rejects_naming_the_field(data):
    policy = data.draw(st.sampled_from(pack.POLICIES))
    schema = policy.config_schema.properties
    props = data.draw(st.fixed_dictionaries({}, optional={k: VALID_FIELDS[k] | json_values for k in schema}))
    try:
        policy_config.reconcile([(policy.name, "mandatory", schema, [])], {policy.name: props})
        cli_error = None
    except policy_config.PolicyConfigError as error:
        cli_error = str(error)
    try:
        config.settings({**{k: v["default"] for k, v in schema.items() if "default" in v}, **props})
        pack_error = None
    except config.ConfigError as error:
        pack_error = str(error)
    assert (cli_error is None) == (pack_error is None), (cli_error, pack_error)
    if pack_error:
        field = re.match(r"\w+", pack_error).group()
        assert f"{policy.name}: {field}" in cli_error, (cli_error, pack_error)


# --- what cannot be read fails closed ------------------------------------------------------------------------------

blank = st.text(alphabet=" \t\n\u00a0\u2003", min_size=1, max_size=3)
containers = (st.lists(values, min_size=1, max_size=2)
              | st.dictionaries(st.text(max_size=5), values, min_size=1, max_size=2))


def unreadable(parts, depth, junk_text_ok):
    """A value at parts[:depth] that leaves the path unreadable: a wrong shape on the way, or garbage at the end."""
    if depth < len(parts):  # an object or a list belongs here
        wrong = (st.lists(values, min_size=1, max_size=2) if parts[depth] != EACH
                 else st.dictionaries(st.text(max_size=5), values, min_size=1, max_size=2))
        found = st.text(min_size=1, max_size=12) | location_names | key_names | numbers | st.booleans() | wrong | asset
    else:
        found = (st.text(min_size=1, max_size=12) | blank | huge | numbers | st.booleans() | containers
                 | asset).filter(junk_text_ok)
    return found.flatmap(lambda v: st.sampled_from([v, Secret(v)]))


def _render(parts) -> str:
    text = ""
    for part in parts:
        text += "[0]" if part == EACH else f"['{part}']" if "." in part or "/" in part else f".{part}" if text else part
    return text


def naming(found, policies, token, parts) -> list:
    """Mandatory violations of `policies` that start with the resource and the property path, and say what to do."""
    shown = re.escape(f'{token} "r": ') + "(the key at )?" + re.escape(_render(parts)) + r"[\s.\[=(]"
    return [v for v in found if v.policy in policies and v.level == "mandatory" and re.match(shown, v.message)
            and re.search(r"\b(set|use|name)\b", v.message, re.IGNORECASE)]


def fails_closed(found, policies, token, parts) -> None:
    """A mandatory violation names the unreadable property; nothing calls it unknown until deployment."""
    assert naming(found, policies, token, parts), found
    assert [v.message for v in found if v.policy == "preview-unknowns"] == []


@st.composite
def unreadable_locations(draw):
    """(type, location path, depth, value): the value at the path's first `depth` parts leaves it unreadable. A
    derived field's value is a setting (a storage class, a host), so any string is readable there."""
    token = draw(st.sampled_from(sorted(t for t, spec in SPECS.items() if any(f.path for f in spec.locations))))
    field = draw(st.sampled_from([f for f in SPECS[token].locations if f.path]))
    parts = parse_path(field.path)
    depth = draw(st.integers(1, len(parts)))

    def not_a_location(value) -> bool:
        return not isinstance(value, str) or not field.derived and value not in SENTINELS and residency.lookup(
            field.namespace, value, locations.GOOGLE) is None

    return token, field.path, depth, draw(unreadable(parts, depth, not_a_location))


@FAST
@given(case=unreadable_locations())
@example(case=("gcp:sql/databaseInstance:DatabaseInstance", "settings.locationPreference.zone", 1, "europe-west9-a"))
@example(case=("gcp:storage/bucket:Bucket", "customPlacementConfig.dataLocations[]", 1, "europe-west9"))
@example(case=("gcp:compute/regionDisk:RegionDisk", "replicaZones[]", 1, "europe-west9-a"))
def test_a_location_that_cannot_be_read_fails_closed(case):
    token, path, depth, garbage = case
    parts = parse_path(path)
    subject = resource(token, {parts[0]: nest(parts[1:depth], garbage)})
    fails_closed(analyze_all([subject.provider, subject]), {"data-residency"}, token, parts[:depth])


KEYED = sorted(token for token, spec in SPECS.items() if spec.cmek == "supported" and spec.keys)


@st.composite
def unreadable_keys(draw):
    """(type, key path, depth, value): the value at the path's first `depth` parts leaves it unreadable."""
    token = draw(st.sampled_from(KEYED))
    field = draw(st.sampled_from(SPECS[token].keys))
    path = (field.each + "[]." if field.each else "") + draw(st.sampled_from(field.paths))
    parts = parse_path(path)
    depth = draw(st.integers(1, len(parts)))
    return token, path, depth, draw(unreadable(parts, depth, lambda v: not isinstance(v, str) or v not in SENTINELS))


@FAST
@given(case=unreadable_keys())
@example(case=("gcp:storage/bucket:Bucket", "encryption.defaultKmsKeyName", 1, PARIS_KEY))
@example(case=("gcp:storage/bucket:Bucket", "encryption.defaultKmsKeyName", 2, 5))
@example(case=("gcp:container/cluster:Cluster", "databaseEncryption.keyName", 2, ["k"]))
@example(case=("gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", "disks[].diskEncryptionKey.kmsKeySelfLink",
               3, "0"))
@example(case=("gcp:container/cluster:Cluster", "nodePools[].nodeConfig.bootDiskKmsKey", 1,
               {"nodeConfig": {"bootDiskKmsKey": PARIS_KEY}}))
def test_a_key_that_cannot_be_read_fails_closed(case):
    token, path, depth, garbage = case
    field = next(f for f in SPECS[token].keys if path.split("[].")[-1] in f.paths)
    parts = parse_path(path)
    props = {}
    for enabled, wanted in field.enabled:
        place(props, (field.each + "[]." if field.each else "") + enabled, wanted)
    if field.when:
        place(props, field.when, {})
    merge(props, parts[0], nest(parts[1:depth], garbage))
    subject = resource(token, props)
    fails_closed(analyze_all([subject.provider, subject]), {"customer-managed-keys", "key-custody"}, token,
                 parts[:depth])


# --- messages never quote labels, tags, metadata or environment values ---------------------------------------------

@FAST
@given(data=st.data())
def test_messages_never_quote_label_tag_metadata_or_environment_values(data):
    marker = "\u27e6" + data.draw(st.text(max_size=6)) + "\u27e7"
    for violation in analyze_all(data.draw(stacks(marker)), data.draw(configs())):
        assert marker not in violation.message


MARK = "\u27e6label-value\u27e7"
BLOCKS = {"labels": {"team": MARK, MARK: "x"}, "env": [{"name": "TOKEN", "value": MARK}],
          "metadata": Secret({"startup-script": MARK})}


def test_every_catalogued_type_rejected_with_label_blocks_never_quotes_them():
    found = analyze_all(catalogue_stack(["mars-1"], BLOCKS))
    assert [v.message for v in found if MARK in v.message] == []
    rejected = {v.urn for v in found if v.level == "mandatory"}
    assert {f"{STACK}{token}::r" for token, spec in SPECS.items() if spec.locations or spec.cmek != "not-data"} \
        <= rejected


@pytest.mark.parametrize("key", [None, PARIS_KEY], ids=["blocks-at-keys", "valid-keys"])
def test_label_blocks_where_values_belong_are_never_quoted(key):
    leaves = [{"team": MARK, MARK: "x"}, [{"name": "TOKEN", "value": MARK}], Secret({"tags": [MARK]})]
    fr_trusted = {p.name: {"jurisdiction": "fr-trusted"} for p in pack.POLICIES if "jurisdiction" in
                  p.config_schema.properties}
    assert [v.message for v in analyze_all(catalogue_stack(leaves, key=key), fr_trusted) if MARK in v.message] == []


@pytest.mark.parametrize("purpose", [5, True, ["ENCRYPT_DECRYPT"], {"x": "y"}])
def test_a_crypto_key_whose_purpose_cannot_be_read_must_still_rotate(purpose):
    key = resource("gcp:kms/cryptoKey:CryptoKey", {"keyRing": PARIS_KEY.rsplit("/cryptoKeys", 1)[0],
                                                   "purpose": purpose})
    [rejected] = [v for v in analyze_all([key.provider, key]) if v.level == "mandatory"]
    assert rejected.policy == "key-rotation" and "rotationPeriod is not set" in rejected.message
