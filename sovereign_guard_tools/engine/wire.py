"""Engine-shaped values on the wire: unknown sentinels and secret envelopes, as the Pulumi engine marshals them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from google.protobuf import json_format, struct_pb2

UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
SECRET_SIG_KEY, SECRET_SIG = "4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270"


class Unknown:
    """A value not known until deployment (an output of a resource not created yet)."""

    def __repr__(self) -> str:
        return "<unknown>"


UNKNOWN = Unknown()


@dataclass(frozen=True)
class Secret:
    value: Any


def unreadable_secret(how: str) -> str:
    """The value that stands for a secret the tools cannot read: no valid location or key name, so a judged field
    holding it fails closed, and the pack's message quotes it, which says why and what to do."""
    return f"[encrypted secret: {how}]"


def to_wire(value):
    """Plain Python data (with UNKNOWN and Secret) -> JSON-able engine shape."""
    if value is UNKNOWN or isinstance(value, Unknown):
        return UNKNOWN_STRING
    if isinstance(value, Secret):
        return {SECRET_SIG_KEY: SECRET_SIG, "value": to_wire(value.value)}
    if isinstance(value, dict):
        return {str(k): to_wire(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_wire(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)


def to_struct(props: dict, skip_internal: bool = True) -> struct_pb2.Struct:
    """Top-level `__*` keys are dropped, as the engine does for Analyze and AnalyzeStack (SkipInternalKeys);
    Remediate gets them (`skip_internal=False`)."""
    clean = {k: v for k, v in props.items() if not (skip_internal and k.startswith("__"))}
    return json_format.ParseDict(to_wire(clean), struct_pb2.Struct())
