"""Scaleway Key Manager keys as key-custody traces them: a key of the stack (by id, by its UUID alone, by name, or at
preview through property dependencies), else what a regional key ID (`fr-par/<uuid>`) says. A key's region is its
`region`, else its provider's, else fr-par; the data it protects must be in the same region (Key Manager keys are
regional: "duplicated on all Availability Zones of the selected region")."""
from __future__ import annotations

import re
import weakref

from ..catalog.scaleway_resources import KEY_MANAGER_KEYS
from . import custody, defaults
from .outcome import quote
from .props import is_set, is_unknown

REGIONAL_ID = re.compile(r"^(?P<region>[a-z]{2}-[a-z]{3})/[0-9a-fA-F-]{36}$")
_ALIASES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # Stack -> {uuid or name: key resource}


def from_key_resource(resource, subject) -> "custody.KeyFacts":
    region = subject.props.get("region")
    if not is_set(region):
        region, _ = defaults.scaleway_region(subject)
    if is_unknown(region):
        region = custody.UNKNOWN
    return custody.KeyFacts("scaleway", region, via=f"Key Manager key {subject.title}", urn=resource.urn)


def from_value(value: str, stack) -> "custody.KeyFacts":
    """A reference that is not the id of a resource of the stack: the key's UUID or name, or a regional ID."""
    known = _aliases(stack).get(value.strip())
    if known is not None:
        return from_key_resource(known, stack.subject_of(known))
    match = REGIONAL_ID.match(value.strip())
    if match:
        return custody.KeyFacts("scaleway", match["region"], via=f"Key Manager key {quote(value)}", outside=True)
    return custody.KeyFacts("scaleway", None, via=f"{quote(value)}, which is neither a regional key ID "
                            "('<region>/<uuid>') nor a key of this stack")


def _aliases(stack) -> dict:
    """The stack's Key Manager keys by the UUID part of their id and by name (made once per stack; names are known
    at preview, ids only at update)."""
    found = _ALIASES.get(stack)
    if found is None:
        found = {}
        for resource in stack.resources:
            if resource.resource_type in KEY_MANAGER_KEYS:
                props = stack.subject_of(resource).props
                for alias in (props.get("id"), props.get("name")):
                    if isinstance(alias, str) and alias and not is_unknown(alias):
                        found.setdefault(alias.rsplit("/", 1)[-1], resource)
        _ALIASES[stack] = found
    return found
