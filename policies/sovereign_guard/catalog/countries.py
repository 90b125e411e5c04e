"""Country sets behind the jurisdictions, with their sources."""

from . import iso3166

ANYWHERE = "*"  # country marker: the provider may place the data in any country (e.g. Google's `global`)

EU_SOURCE = "https://european-union.europa.eu/principles-countries-history/eu-countries_en (27 member states)"
EEA_SOURCE = "https://eur-lex.europa.eu/EN/legal-content/glossary/european-economic-area-eea.html (EU + IS, LI, NO)"
EUROPE_SOURCE = "Sovereign Guard preset: EEA plus Switzerland (adequacy decision 2000/518/EC) and the UK (adequacy decision 2021/1772)"

EU = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)
EEA = EU | {"IS", "LI", "NO"}
EUROPE = EEA | {"CH", "GB"}

NAMES = {
    "AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "CY": "Cyprus", "CZ": "Czechia", "DE": "Germany",
    "DK": "Denmark", "EE": "Estonia", "ES": "Spain", "FI": "Finland", "FR": "France", "GR": "Greece",
    "HR": "Croatia", "HU": "Hungary", "IE": "Ireland", "IT": "Italy", "LT": "Lithuania", "LU": "Luxembourg",
    "LV": "Latvia", "MT": "Malta", "NL": "Netherlands", "PL": "Poland", "PT": "Portugal", "RO": "Romania",
    "SE": "Sweden", "SI": "Slovenia", "SK": "Slovakia", "IS": "Iceland", "LI": "Liechtenstein", "NO": "Norway",
    "CH": "Switzerland", "GB": "United Kingdom", "US": "United States", "CA": "Canada",
}


def name(code: str) -> str:
    """A country's English name (ISO 3166-1 for those outside NAMES), or its code when no table knows it."""
    return NAMES.get(code) or iso3166.NAMES.get(code, code)


def is_code(code: str) -> bool:
    """Whether a string is an assigned ISO 3166-1 alpha-2 code (upper case)."""
    return code in iso3166.NAMES
