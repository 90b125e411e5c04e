"""The three outcomes of a rule, and the resource a rule looks at."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"


class Finding(NamedTuple):  # a tuple: the rules make one or more per resource, and tuples are the cheapest to make
    """One judged property: pass, fail, or cannot know yet (an unknown value at preview)."""

    outcome: str
    path: str
    message: str
    depends: str = ""  # top-level property whose dependencies can resolve an UNKNOWN


@dataclass(frozen=True, slots=True)
class Subject:
    """A resource as the rules see it: raw props (unknowns as props.UNKNOWN), and its provider's props."""

    token: str
    name: str
    urn: str
    props: dict
    provider_props: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f'{self.token} "{self.name}"'


def verdict(findings) -> str:
    """fail if any finding fails, else unknown if any cannot be known yet, else pass."""
    outcomes = {f.outcome for f in findings}
    return FAIL if FAIL in outcomes else UNKNOWN if UNKNOWN in outcomes else PASS
