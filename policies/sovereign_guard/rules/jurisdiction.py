"""Which locations a jurisdiction allows: countries, platforms, and the allow/deny lists of the config."""
from __future__ import annotations

from difflib import get_close_matches
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, NamedTuple, Optional

from ..catalog import countries
from ..catalog.countries import ANYWHERE

if TYPE_CHECKING:
    from ..catalog.model import Location

# name -> (countries, platforms allowed (None: any), description)
PRESETS = {
    "eu": (countries.EU, None, "the EU (27 member states)"),
    "eea": (countries.EEA, None, "the EEA (EU plus Iceland, Liechtenstein, Norway)"),
    "europe": (countries.EUROPE, None, "Europe (EEA plus Switzerland and the UK)"),
    "fr-trusted": (frozenset({"FR"}), frozenset({"s3ns", "ovh"}),
                   "the French trusted cloud (Google Cloud only through S3NS, OVHcloud only in France)"),
}


class Jurisdiction(NamedTuple):  # a tuple: hashed on every cached verdict, which tuples do in C
    name: str
    countries: frozenset
    platforms: Optional[frozenset]
    description: str
    allowed: tuple = ()  # location globs: when given, the only locations allowed
    denied: tuple = ()  # location globs denied whatever their country
    allowed_override: bool = False  # the allowed globs replace the jurisdiction (allowed whatever their country)

    @classmethod
    def from_config(cls, config: dict) -> "Jurisdiction":
        spec = config.get("jurisdiction") or "eu"
        allowed = tuple(str(x).lower() for x in config.get("allowedLocations") or ())
        denied = tuple(str(x).lower() for x in config.get("deniedLocations") or ())
        override = bool(config.get("allowedLocationsOverrideJurisdiction", False))
        if isinstance(spec, str):
            found, platforms, description = PRESETS[spec]
            return cls(spec, found, platforms, description, allowed, denied, override)
        codes = frozenset(str(c).upper() for c in spec)
        listed = ", ".join(sorted(codes))
        return cls(listed, codes, None, f"the allowed countries ({listed})", allowed, denied, override)

    @property
    def s3ns_only(self) -> bool:
        return self.platforms is not None and "google" not in self.platforms

    def _matches(self, globs: tuple, location: Location) -> bool:
        return any(fnmatchcase(code, g) for g in globs for code in (location.code, *location.members))

    def judge(self, location: Location) -> Optional[str]:
        """None when the location is allowed, else the reason it is not (for the message)."""
        if self.denied and self._matches(self.denied, location):
            return "it is on the deniedLocations list"
        if self.allowed:
            if not any(fnmatchcase(location.code, g) for g in self.allowed):
                return f"it is not on the allowedLocations list ({', '.join(self.allowed)})"
            if self.allowed_override:
                return None
        if self.platforms is not None and location.platform not in self.platforms:
            return f"{describe_platform(location.platform)} is not allowed in {self.description}"
        if ANYWHERE in location.countries:
            return "the provider may place the data in any country"
        outside = sorted(location.countries - self.countries)
        if outside:
            names = ", ".join(c if countries.name(c) == c else f"{countries.name(c)} ({c})" for c in outside)
            return f"it places data in {names}, outside {self.description}"
        return None


def describe_platform(platform: str) -> str:
    return {"google": "public Google Cloud", "s3ns": "S3NS", "aws": "AWS", "azure": "Azure",
            "ovh": "OVHcloud", "scaleway": "Scaleway"}.get(platform, platform)


def parse(text: str):
    """A jurisdiction written on a command line (`eu`, `EU`, `fr,de`) as the config holds it: a preset name or a
    list of ISO 3166-1 codes. ValueError naming the closest preset or code when it is neither."""
    words = [w.strip() for w in text.split(",") if w.strip()]
    if len(words) == 1 and words[0].lower() in PRESETS:
        return words[0].lower()
    if not words:
        raise ValueError(f"{text!r}: use a preset ({', '.join(sorted(PRESETS))}) or ISO country codes like FR,DE")
    codes = [w.upper() if len(w) == 2 else w for w in words]
    fault = problem(codes)
    if fault:
        raise ValueError(fault)
    return codes


def problem(spec) -> Optional[str]:
    """Why a configured jurisdiction (a preset name or a list of codes) is not one, with the closest match; None
    when it is valid. The same check for the CLI's --jurisdiction, `locations` and policy config files."""
    if isinstance(spec, str):
        if spec in PRESETS:
            return None
        return f"{spec!r} is not a jurisdiction preset ({', '.join(sorted(PRESETS))}){_hint(spec, in_list=False)}"
    for code in spec:
        if not isinstance(code, str) or not countries.is_code(code):
            return f"{code!r} is not an ISO 3166-1 country code{_hint(str(code))}"
    return None


def _hint(word: str, in_list: bool = True) -> str:
    """'; did you mean ...?' for a word that is no country code: a preset (alone), or the code of a country whose
    name it resembles (two-letter codes are not guessed from their spelling: any two letters look alike)."""
    if word.lower() in PRESETS:
        return (f"; {word.lower()!r} is a preset: give it alone, not in a list of countries" if in_list
                else f"; did you mean {word.lower()!r}?")
    found = get_close_matches(word.lower(), sorted(PRESETS), n=1, cutoff=0.5)
    if found:
        return f"; did you mean {found[0]!r}?"
    by_name = {name.lower(): code for code, name in countries.iso3166.NAMES.items()}
    found = get_close_matches(word.lower(), sorted(by_name), n=1, cutoff=0.7) if len(word) > 2 else []
    if found:
        code = by_name[found[0]]
        return f"; did you mean {code!r} ({countries.name(code)})?"
    return ""
