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
                                 UNKNOWN_STRING_VALUE)

SENTINELS = frozenset({UNKNOWN_ARCHIVE_VALUE, UNKNOWN_ARRAY_VALUE, UNKNOWN_ASSET_VALUE, UNKNOWN_BOOLEAN_VALUE,
                       UNKNOWN_NUMBER_VALUE, UNKNOWN_OBJECT_VALUE, UNKNOWN_STRING_VALUE})


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


UNKNOWN = _Marker("UNKNOWN")  # known only after the resource it depends on exists
MISSING = _Marker("MISSING")  # not set


def is_unknown(value) -> bool:
    return value is UNKNOWN or (isinstance(value, str) and value in SENTINELS)


def raw(value):
    """Plain dicts and lists from SDK proxies (or plain data), with unknown sentinels kept as UNKNOWN."""
    if isinstance(value, str):
        return UNKNOWN if value in SENTINELS else value
    if isinstance(value, Mapping):
        target = value["__target"] if type(value).__name__ == "_DictProxy" else value
        return {k: raw(v) for k, v in target.items()}
    if isinstance(value, Sequence) and not isinstance(value, (bytes, bytearray)):
        target = value["__target"] if type(value).__name__ == "_ListProxy" else value
        return [raw(v) for v in target]
    return value


_SEGMENT = re.compile(r"\['([^']*)'\]|\[\]|([^.\[\]]+)")


@lru_cache(maxsize=None)
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


def walk(props, path: str):
    """Every (concrete path, value) the path reaches. Values may be UNKNOWN or MISSING.

    A missing or empty list under `[]` yields nothing (no elements); a missing object yields MISSING at the
    first absent segment's full path.
    """
    return list(_walk(props, parse_path(path), 0, ""))


def _walk(node, parts: tuple, i: int, where: str):
    if i == len(parts):
        yield where, node
        return
    part = parts[i]
    if node is UNKNOWN:
        yield where, UNKNOWN
        return
    if part == EACH:
        if isinstance(node, list):
            for index, element in enumerate(node):
                yield from _walk(element, parts, i + 1, _render(where, index))
        elif node is not MISSING and node is not None:
            yield where, node  # wrong shape: let the rule judge (and fail closed) on the value itself
        return
    if isinstance(node, dict):
        child = node.get(part, MISSING)
        if child is None:
            child = MISSING
        yield from _walk(child, parts, i + 1, _render(where, part))
    elif node is MISSING:
        rest = where
        for p in parts[i:]:
            if p == EACH:
                return
            rest = _render(rest, p)
        yield rest, MISSING
    else:
        yield _render(where, part), node  # wrong shape: a scalar where an object belongs


def get(props, path: str):
    """The single value at a path without `[]` (MISSING, UNKNOWN or the value)."""
    found = walk(props, path)
    return found[0][1] if found else MISSING


def is_set(value) -> bool:
    return value is not MISSING and value is not None and value != "" and value != [] and value != {}
