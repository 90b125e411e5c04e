"""The catalog: location names per service, and what each resource type keeps where."""
from __future__ import annotations

from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Optional

from . import gcp_resources, ovh_resources
from .model import ResourceSpec

SPECS: dict = {spec.token: spec for spec in gcp_resources.RESOURCES + ovh_resources.RESOURCES}
LOCATION_FREE = gcp_resources.LOCATION_FREE + ovh_resources.LOCATION_FREE


def spec(token: str) -> Optional[ResourceSpec]:
    return SPECS.get(token)


@lru_cache(maxsize=4096)
def is_location_free(token: str) -> bool:
    """Types with neither data nor location (IAM, networks, ...), and the engine's own types."""
    if token.startswith("pulumi:") or token.startswith("pulumi-"):
        return True
    return any(fnmatchcase(token, pattern) for pattern in LOCATION_FREE)


def cloud_of(token: str) -> str:
    """'gcp', 'ovh', or '' for types of other packages."""
    head = token.split(":", 1)[0]
    return head if head in ("gcp", "ovh") else ""
