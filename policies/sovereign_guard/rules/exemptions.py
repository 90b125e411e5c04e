"""Exemptions from the policy config: a type (token or glob) with a name or URN glob, a reason, and an expiry date.

An exemption never reaches across types: `legacy-analytics*` for BigQuery datasets does not waive a Spanner instance
of the same name. The schema refuses globs that match every resource.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from fnmatch import translate
from typing import Optional


@dataclass(frozen=True, slots=True)
class Exemption:
    number: int  # 1-based position in the policy's list, for reports
    type: str
    name: str
    urn: str
    reason: str
    expires: datetime.date

    @property
    def scope(self) -> str:
        """The resources it names, for people: `gcp:bigquery/dataset:Dataset named "legacy-*"`."""
        return f'{self.type} {"named" if self.name else "with URN"} "{self.name or self.urn}"'

    def matches(self, urn: str, name: str, token: str) -> bool:
        return _glob(self.type).match(token) is not None and (
            _glob(self.name).match(name) is not None if self.name else _glob(self.urn).match(urn) is not None)


_GLOBS: dict = {}


def _glob(pattern: str):
    """The compiled fnmatch glob (case-sensitive, as tokens and names are)."""
    found = _GLOBS.get(pattern)
    if found is None:
        found = _GLOBS[pattern] = re.compile(translate(pattern))
    return found


def parse(config: dict) -> tuple:
    return tuple(Exemption(i, str(item["type"]), str(item.get("name", "")), str(item.get("urn", "")),
                           str(item["reason"]), datetime.date.fromisoformat(str(item["expires"])))
                 for i, item in enumerate(config.get("exemptions") or (), 1))


def find(exemptions: tuple, urn: str, name: str, token: str, today: Optional[datetime.date] = None):
    """(active exemption, expired exemption) for a resource: see `first_active`."""
    return first_active(exemptions, lambda exemption: exemption.matches(urn, name, token), today)


def first_active(waivers, matches, today: Optional[datetime.date] = None):
    """(active, expired) among waivers with an `expires` date (exemptions, trusted destinations) that `matches`:
    the first active match wins; else the last expired one."""
    expired = None
    for waiver in waivers:
        if matches(waiver):
            today = today or datetime.date.today()  # only when there is a match: most resources have none
            if waiver.expires >= today:
                return waiver, None
            expired = waiver
    return None, expired
