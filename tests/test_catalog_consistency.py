"""The catalog is consistent: every fact has a country and a source, every reference resolves."""
import re

import pytest

from sovereign_guard import catalog
from sovereign_guard.catalog import countries, gcp_locations, locations, ovh_locations, scaleway_locations
from sovereign_guard.catalog.model import ANYWHERE
from sovereign_guard.rules import defaults, derived
from sovereign_guard.rules.jurisdiction import PRESETS, Jurisdiction
from sovereign_guard.rules.props import parse_path

ISO = re.compile(r"^[A-Z]{2}$")


def test_every_gcp_region_has_city_country_zones_and_source():
    for table in (gcp_locations.REGIONS, gcp_locations.S3NS_REGIONS):
        for code, (city, country, letters, source) in table.items():
            assert code == code.lower() and city
            assert ISO.match(country), code
            assert letters and letters.isalpha(), code
            assert source in gcp_locations.SOURCES, code


def test_every_multi_location_member_and_source_resolves():
    for namespace, table in gcp_locations.MULTI_LOCATIONS.items():
        assert namespace in locations.NAMESPACES
        for code, entry in table.items():
            label, kind, members, where, source = entry[:5]
            assert code == code.lower() and label and kind
            assert members or where, f"{namespace} {code} names no member and no country"
            assert all(m in gcp_locations.REGIONS or m in gcp_locations.S3NS_REGIONS for m in members), code
            assert all(c == ANYWHERE or ISO.match(c) for c in where), code
            assert source in gcp_locations.SOURCES


def test_every_ovh_location_and_endpoint_has_country_and_source():
    kinds = {"region-1az", "region-3az", "legacy", "az", "local-zone", "object-storage", "okms", "database", "kube",
             "registry", "datacenter"}
    lowered = [code.lower() for code in ovh_locations.LOCATIONS]
    assert len(lowered) == len(set(lowered)), "codes collide once lower-cased"
    for code, (city, country, kind, source) in ovh_locations.LOCATIONS.items():
        assert city and ISO.match(country), code
        assert set(kind.split()) <= kinds, code
        assert source in ovh_locations.SOURCES, code
    for name, (entity, country, url, source) in ovh_locations.ENDPOINTS.items():
        assert entity and ISO.match(country) and url.startswith("https://") and source in ovh_locations.SOURCES
    for region, backup in ovh_locations.DATABASE_DEFAULT_BACKUP.items():
        assert locations.lookup("ovh:location", region) and locations.lookup("ovh:location", backup)


def test_every_scaleway_location_has_country_source_and_region():
    for code, (city, country, kind, source) in scaleway_locations.LOCATIONS.items():
        assert code == code.lower() and city and source in scaleway_locations.SOURCES, code
        assert ISO.match(country) or (country == ANYWHERE and kind == "global"), code
        assert kind in ("region", "zone", "legacy", "global"), code
        if kind in ("zone", "legacy"):
            assert scaleway_locations.LOCATIONS[scaleway_locations.REGION_OF[code]][1] == country, code
    regions = {code for code, row in scaleway_locations.LOCATIONS.items() if row[2] == "region"}
    assert regions == {"fr-par", "nl-ams", "pl-waw", "it-mil"}
    assert {locations.lookup("scw:location", code).countries for code in regions} == {
        frozenset({c}) for c in ("FR", "NL", "PL", "IT")}
    assert set(scaleway_locations.DATABASE_REGIONS + scaleway_locations.OBJECT_STORAGE_REGIONS
               + (scaleway_locations.GLACIER_REGION, scaleway_locations.PROVIDER_DEFAULT_REGION)) <= regions
    assert scaleway_locations.REGION_OF[scaleway_locations.PROVIDER_DEFAULT_ZONE] == "fr-par"
    assert locations.lookup("scw:location", "PAR1").members == ("fr-par",)
    assert locations.lookup("scw:location", "ams1").countries == {"NL"}


def test_look_alike_names_resolve_to_their_real_country():
    assert locations.lookup("ovh:location", "uk1").countries == {"GB"}
    assert locations.lookup("ovh:location", "eu-west-lz-zrh-a").countries == {"CH"}
    assert locations.lookup("gcp:region", "europe-west2").countries == {"GB"}
    assert locations.lookup("gcp:storage", "eur8").countries == {"DE", "CH"}
    assert locations.lookup("gcp:kms", "global").countries == {ANYWHERE}
    assert locations.lookup("gcp:kms", "global", locations.S3NS).countries == {"FR"}


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_jurisdiction_resolves(name):
    jurisdiction = Jurisdiction.from_config({"jurisdiction": name})
    assert jurisdiction.countries and jurisdiction.description
    assert jurisdiction.countries <= set(countries.NAMES)


def test_jurisdiction_sets():
    assert len(countries.EU) == 27 and countries.EU < countries.EEA < countries.EUROPE
    assert countries.EUROPE - countries.EEA == {"CH", "GB"}


def test_resource_specs_are_well_formed():
    tokens = [spec.token for module in catalog.CATALOGS for spec in module.RESOURCES]
    assert len(tokens) == len(set(tokens))
    known_defaults = {"required", "none", "provider-region", "provider-zone", "provider-location"}
    for spec in catalog.WRITTEN.values():
        assert spec.cmek in ("supported", "unsupported", "not-data", "correlated"), spec.token
        assert spec.cmek != "supported" or spec.keys, f"{spec.token}: supports keys but names no key field"
        assert spec.cmek != "unsupported" or spec.note, f"{spec.token}: say what the service offers"
        for field in spec.locations:
            assert field.namespace in locations.NAMESPACES, spec.token
            assert field.source, f"{spec.token}.{field.path} has no source"
            assert not field.derived or field.derived in derived.DERIVED, f"{spec.token}: {field.derived}"
            assert parse_path(field.path) or field.derived, spec.token
            default = field.default
            assert (default in known_defaults or default in defaults.SPECIAL_DEFAULTS
                    or (default.startswith("literal:") and locations.lookup(field.namespace, default[8:])
                        or default in ("literal:global",))), f"{spec.token}.{field.path}: {default}"
        for key in spec.keys:
            assert key.paths and all(parse_path(p) for p in key.paths), spec.token
        assert not catalog.is_location_free(spec.token), f"{spec.token} is both catalogued and location-free"
