"""The three outcomes of a rule, and the resource a rule looks at."""
from __future__ import annotations

from typing import NamedTuple

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
QUOTE_LIMIT = 80


def quote(value) -> str:
    """A value as messages show it: repr, cut to QUOTE_LIMIT characters so a huge value cannot flood a report."""
    shown = repr(value)
    return shown if len(shown) <= QUOTE_LIMIT else shown[:QUOTE_LIMIT - 5] + "...'"


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


def verdict(findings) -> str:
    """fail if any finding fails, else unknown if any cannot be known yet, else pass."""
    outcomes = {f.outcome for f in findings}
    return FAIL if FAIL in outcomes else UNKNOWN if UNKNOWN in outcomes else PASS
