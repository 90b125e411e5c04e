"""Exemptions from the policy config: a glob on URN, name or type, a reason, and an expiry date."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Optional


@dataclass(frozen=True, slots=True)
class Exemption:
    resource: str
    reason: str
    expires: datetime.date

    def matches(self, urn: str, name: str, token: str) -> bool:
        return any(fnmatchcase(candidate, self.resource) for candidate in (urn, name, token))


def parse(config: dict) -> tuple:
    found = []
    for item in config.get("exemptions") or ():
        found.append(Exemption(str(item["resource"]), str(item["reason"]),
                               datetime.date.fromisoformat(str(item["expires"]))))
    return tuple(found)


def find(exemptions: tuple, urn: str, name: str, token: str, today: Optional[datetime.date] = None):
    """(active exemption, expired exemption): the first active match wins; else the last expired one."""
    expired = None
    for exemption in exemptions:
        if exemption.matches(urn, name, token):
            today = today or datetime.date.today()  # only when there is a match: most resources have none
            if exemption.expires >= today:
                return exemption, None
            expired = exemption
    return None, expired
