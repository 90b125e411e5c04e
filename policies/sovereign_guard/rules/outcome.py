"""The three outcomes of a rule, and the resource a rule looks at."""
from __future__ import annotations

from typing import NamedTuple

import re

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
QUOTE_LIMIT = 80
NAME_LIMIT = 300  # a Cloud KMS key name is at most ~230 characters (project 30, location, ring and key 63 each)
RESOURCE_NAME = re.compile(r"[A-Za-z0-9._~:-]+(/[A-Za-z0-9._~:-]+)+")


def quote(value) -> str:
    """A value as messages show it: repr, cut to QUOTE_LIMIT characters so a huge value cannot flood a report; a
    resource name (`projects/p/locations/l/...`) is shown whole up to NAME_LIMIT, since its end names the key."""
    shown = repr(value)
    limit = NAME_LIMIT if isinstance(value, str) and RESOURCE_NAME.fullmatch(value) else QUOTE_LIMIT
    return shown if len(shown) <= limit else shown[:limit - 5] + "...'"


class Finding(NamedTuple):  # tuples are the cheapest immutable records to make: there is one per resource and rule
    """One judged property: pass, fail, or cannot know yet (an unknown value at preview)."""

    outcome: str
    path: str
    message: str
    depends: str = ""  # top-level property whose dependencies can resolve an UNKNOWN
    refers: tuple = ()  # (type token, name) of a same-stack resource an UNKNOWN value names (by name)


class Subject(NamedTuple):
    """A resource as the rules see it: raw props (unknowns as props.UNKNOWN), and its provider's props."""

    token: str
    name: str
    urn: str
    props: dict
    provider_props: dict

    @property
    def title(self) -> str:
        return f'{self.token} "{self.name}"'
