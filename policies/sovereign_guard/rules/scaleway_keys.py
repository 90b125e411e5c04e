"""Scaleway Key Manager keys as key-custody traces them: a key of the stack (by id, by its UUID alone, by name, or at
preview through property dependencies), else what a regional key ID (`fr-par/<uuid>`) says. A key's region is its
`region`, else its provider's, else fr-par; the data it protects must be in the same region (Key Manager keys are
regional: "duplicated on all Availability Zones of the selected region")."""
from __future__ import annotations

import re

from ..catalog.scaleway_locations import LOCATIONS
from ..catalog.scaleway_resources import KEY_MANAGER_KEYS
from . import custody, defaults
from .outcome import quote
from .props import is_set, is_unknown

REGIONAL_ID = re.compile(r"^(?P<region>[a-z]{2}-[a-z]{3})/[0-9a-fA-F-]{36}$")
REGIONS = tuple(code for code, row in LOCATIONS.items() if row[2] == "region")


def from_key_resource(resource, subject) -> "custody.KeyFacts":
    region = subject.props.get("region")
    if not is_set(region):
        region, _ = defaults.scaleway_region(subject)
    if is_unknown(region):
        region = custody.UNKNOWN
    return custody.KeyFacts("scaleway", region, via=f"Key Manager key {subject.title}", urn=resource.urn)


def from_value(value: str, stack) -> "custody.KeyFacts":
    """A reference that is not the id of a resource of the stack: a key's name, its UUID alone, or a regional ID."""
    known = _in_stack(value.strip(), stack)
    if known is not None:
        return from_key_resource(known, stack.subject_of(known))
    match = REGIONAL_ID.match(value.strip())
    if match:
        return custody.KeyFacts("scaleway", match["region"], via=f"Key Manager key {quote(value)}", outside=True)
    return custody.KeyFacts("scaleway", None, via=f"{quote(value)}, which is neither a regional key ID "
                            "('<region>/<uuid>') nor a key of this stack")


def _in_stack(value: str, stack):
    """The stack's Key Manager key with that name (known at preview) or id, the UUID alone matching its regional
    id (known at update)."""
    for token in KEY_MANAGER_KEYS:
        for alias in (value, *(f"{region}/{value}" for region in REGIONS)):
            found = stack.named(token, alias)
            if found:
                return found[0]
    return None
