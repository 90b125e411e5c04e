"""Which locations a jurisdiction allows: countries, platforms, and the allow/deny lists of the config."""
from __future__ import annotations

from fnmatch import fnmatchcase
from typing import NamedTuple, Optional

from ..catalog import countries
from ..catalog.model import ANYWHERE, Location

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
