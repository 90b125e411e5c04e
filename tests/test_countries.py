"""The ISO 3166-1 table the pack names countries and checks jurisdiction codes with is pycountry's (pinned)."""
import pycountry

from sovereign_guard.catalog import countries, iso3166


def test_the_iso_table_is_pycountrys():
    expected = {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    assert iso3166.NAMES == expected


def test_every_country_of_the_catalogs_has_a_name():
    assert countries.name("JP") == "Japan" and countries.name("IN") == "India"
    assert countries.name("NL") == "Netherlands" and countries.name("ZZ") == "ZZ"
    assert all(countries.is_code(code) for code in countries.EUROPE | set(countries.NAMES))
