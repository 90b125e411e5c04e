"""The destination catalog: per type token the fields that name where its data goes (gcp_flows.py, ovh_flows.py),
the kinds of destination they reference, and the types that cache content at edge locations worldwide."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional
from urllib.parse import urlsplit

from . import gcp_flows, ovh_flows
from .model import Kind

FLOWS = {spec.token: spec for spec in gcp_flows.FLOWS + ovh_flows.FLOWS}
EDGES = {edge.token: edge for edge in gcp_flows.EDGE_CACHES + ovh_flows.EDGE_CACHES}
KINDS = {kind.name: kind for kind in gcp_flows.KINDS + ovh_flows.KINDS}
LEFT_OUT = gcp_flows.LEFT_OUT + ovh_flows.LEFT_OUT


def _by_type() -> dict:
    found: dict = {}
    for kind in KINDS.values():
        for token in kind.types:
            found.setdefault(token, []).append(kind)
    return {token: tuple(kinds) for token, kinds in found.items()}


KINDS_BY_TYPE = _by_type()  # token -> the kinds a resource of that type can be referenced as
TOPS = {token: frozenset(f.path.split(".", 1)[0].split("[", 1)[0] for f in spec.fields)
        for token, spec in FLOWS.items()}  # token -> top-level properties that can name a destination


def applies(token: str) -> bool:
    """Whether a type can send data anywhere: the data-flows policy skips the others unread."""
    return token in FLOWS or token in EDGES


class Ref(NamedTuple):
    """A destination reference as read: its kind, short name, project, the place it carries, its parent's name."""

    kind: Kind
    value: str
    name: str
    project: str = ""
    location: str = ""
    parent: str = ""


def parse(value: str, kinds: tuple, project: str = "") -> Optional[Ref]:
    """The Ref a value reads as, trying each kind's patterns in order, then a bare name of the first kind; None
    when it reads as none of them."""
    for name in kinds:
        kind = KINDS[name]
        for pattern in kind.patterns:
            match = pattern.search(value)
            if match:
                groups = {k: v for k, v in match.groupdict().items() if v}
                return Ref(kind, value, groups.get("name", ""), groups.get("project", project),
                           groups.get("location", ""), groups.get("parent", ""))
    first = KINDS[kinds[0]]
    if first.bare and value and not any(c in value for c in "/: "):
        return Ref(first, value, value, project)
    return None


def keys(kind: Kind, value: str) -> tuple:
    """The names a resource's property value answers to: the value, and the short name it reads as (for an
    HTTPS endpoint: its host)."""
    if kind.hosts:
        host = urlsplit(value).hostname
        return (host,) if host else ()
    ref = parse(value, (kind.name,))
    return (value, ref.name) if ref is not None and ref.name and ref.name != value else (value,)


@lru_cache(maxsize=None)
def field_types(field) -> frozenset:
    """The type tokens a field's value may come from at preview: its kinds' types and those they live in."""
    types = set()
    for name in field.kinds:
        kind = KINDS[name]
        types.update(kind.types)
        if kind.via:
            types.update(KINDS[kind.via[1]].types)
    return frozenset(types)
