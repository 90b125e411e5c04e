"""Reading engine-shaped props without tripping the SDK's unknown-value check.

The SDK wraps props in proxies that raise on unknown values, which would make it skip the whole policy at
preview. The rules read the raw values instead, and treat an unknown as a value of its own: UNKNOWN.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from pulumi_policy.proxy import (UNKNOWN_ARCHIVE_VALUE, UNKNOWN_ARRAY_VALUE, UNKNOWN_ASSET_VALUE,
                                 UNKNOWN_BOOLEAN_VALUE, UNKNOWN_NUMBER_VALUE, UNKNOWN_OBJECT_VALUE,
                                 UNKNOWN_STRING_VALUE, _DictProxy, _ListProxy)

SENTINELS = frozenset({UNKNOWN_ARCHIVE_VALUE, UNKNOWN_ARRAY_VALUE, UNKNOWN_ASSET_VALUE, UNKNOWN_BOOLEAN_VALUE,
                       UNKNOWN_NUMBER_VALUE, UNKNOWN_OBJECT_VALUE, UNKNOWN_STRING_VALUE})
_SCALARS = frozenset({bool, int, float, type(None)})


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


UNKNOWN = _Marker("UNKNOWN")  # known only after the resource it depends on exists
MISSING = _Marker("MISSING")  # not set


class Malformed:
    """A value of the wrong shape on a path's way (a string where an object belongs): the path cannot be read."""

    __slots__ = ("at", "found", "wanted")

    def __init__(self, at: str, value, wanted: str):
        self.at, self.found, self.wanted = at, kind(value), wanted

    def __repr__(self) -> str:
        return f"{self.at} is {self.found}, not {self.wanted}"


def kind(value) -> str:
    """What a value is, for messages that must not quote it."""
    if isinstance(value, Malformed):
        return repr(value)
    if isinstance(value, str):
        return "a string" if value.strip() else "a blank string"
    for types, name in ((bool, "a boolean"), ((int, float), "a number"), (list, "a list"), (dict, "an object")):
        if isinstance(value, types):
            return name
    return f"a {type(value).__name__}"


def is_unknown(value) -> bool:
    return value is UNKNOWN or (isinstance(value, str) and value in SENTINELS)


def raw(value):
    """Plain dicts and lists from SDK proxies (or plain data), with unknown sentinels kept as UNKNOWN."""
    cls = type(value)  # exact types first: this runs on every value of every resource a policy reads
    if cls is str:
        return UNKNOWN if value in SENTINELS else value
    if cls is _DictProxy or cls is dict:
        plain = {}
        for k, v in (value["__target"] if cls is _DictProxy else value).items():
            kind_ = type(v)  # leaves inline: most values are strings
            if kind_ is str:
                plain[k] = UNKNOWN if v in SENTINELS else v
            elif kind_ in _SCALARS:
                plain[k] = v
            else:
                plain[k] = raw(v)
        return plain
    if cls is _ListProxy or cls is list:
        return [raw(v) for v in (value["__target"] if cls is _ListProxy else value)]
    if cls in _SCALARS:
        return value
    if isinstance(value, str):
        return UNKNOWN if value in SENTINELS else value
    if isinstance(value, Mapping):
        return {k: raw(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, (bytes, bytearray)):
        return [raw(v) for v in value]
    return value


def raw_get(props, key: str):
    """raw(props).get(key), unwrapping only that value."""
    return raw((props["__target"] if type(props) is _DictProxy else props).get(key))


_SEGMENT = re.compile(r"\['([^']*)'\]|\[\]|([^.\[\]]+)")


@lru_cache(maxsize=None)
def top(path: str) -> str:
    """The top-level property a path starts in (`encryption.kmsKeyName` -> `encryption`, `disks[].key` -> `disks`):
    the key of the engine's property dependencies."""
    return path.split(".", 1)[0].split("[", 1)[0]


def parse_path(path: str) -> tuple:
    """`a.b[].c['x.y']` -> ('a', 'b', [], 'c', 'x.y'), with [] meaning "each element"."""
    parts: list = []
    for quoted, name in ((m.group(1), m.group(2)) for m in _SEGMENT.finditer(path)):
        if quoted is not None:
            parts.append(quoted)
        elif name is not None:
            parts.append(name)
        else:
            parts.append(EACH)
    return tuple(parts)


EACH = "[]"


def _render(prefix: str, part) -> str:
    if isinstance(part, int):
        return f"{prefix}[{part}]"
    if "." in part or "/" in part:
        return f"{prefix}['{part}']"
    return f"{prefix}.{part}" if prefix else part


def walk(props, path: str, base: str = ""):
    """Every (concrete path, value) the path reaches. Values may be UNKNOWN, MISSING or Malformed.

    A missing or empty list under `[]` yields nothing (no elements); a missing object yields MISSING at the
    first absent segment's full path; a value of the wrong shape on the way yields Malformed. `base` is the
    path of `props` itself (a list element's), prefixed to the paths yielded.
    """
    parts, name = _plan(base, path)
    node = props
    for part in parts:  # the common cases first: objects all the way down to a value or to an unset key
        if type(node) is not dict or part == EACH:
            found: list = []
            _walk(props, parts, 0, base, found)
            return found
        node = node.get(part)
        if node is None:
            return [] if name is None else [(name, MISSING)]
    return [(name, node)]


@lru_cache(maxsize=4096)
def _plan(base: str, path: str) -> tuple:
    """(the path's parts, its concrete name under `base`, None when it goes through a list)."""
    parts = parse_path(path)
    return parts, _rest(base, parts, 0)


def _walk(node, parts: tuple, i: int, where: str, found: list) -> None:
    """Append to `found` what parts[i:] reach from `node` (at `where`)."""
    while i < len(parts):
        part = parts[i]
        if node is UNKNOWN:
            found.append((where, UNKNOWN))
            return
        if part == EACH:
            if isinstance(node, list):
                for index, element in enumerate(node):
                    _walk(element, parts, i + 1, _render(where, index), found)
            elif node is not MISSING and node is not None:
                found.append((where, Malformed(where, node, "a list")))
            return
        if isinstance(node, dict):
            child = node.get(part, MISSING)
            node = MISSING if child is None else child
            where = _render(where, part)
            i += 1
        elif node is MISSING:
            rest = _rest(where, parts, i)
            if rest is not None:
                found.append((rest, MISSING))
            return
        else:
            found.append((_rest(where, parts, i) or _render(where, part), Malformed(where, node, "an object")))
            return
    found.append((where, node))


def _rest(where: str, parts: tuple, i: int):
    """The path from `where` through parts[i:]; None when it goes through a list (no elements to name)."""
    for p in parts[i:]:
        if p == EACH:
            return None
        where = _render(where, p)
    return where


def get(props, path: str):
    """The single value at a path without `[]` (MISSING, UNKNOWN or the value)."""
    found = walk(props, path)
    return found[0][1] if found else MISSING


def is_set(value) -> bool:
    return value is not MISSING and value is not None and value != "" and value != [] and value != {}
