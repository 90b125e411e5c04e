"""Engine-shaped resources from a program's captured registrations: default providers as the engine adds them,
outputs as AnalyzeStack sees them, and where in the user's files each resource was declared."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from ..engine.analyzer import Resource
from ..engine.wire import UNKNOWN
from ..paths import relative
from .project import Project, StackConfig


def _default_provider(package: str, project: Project, stack: str, config: dict) -> Resource:
    props = {key.split(":", 1)[1]: _config_value(value) for key, value in config.items()
             if key.startswith(package + ":")}
    return Resource(f"pulumi:providers:{package}", "default", f"urn:pulumi:{stack}::{project.name}::"
                    f"pulumi:providers:{package}::default", props)


def _config_value(value: str):
    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    return parsed if isinstance(parsed, (dict, list)) else value


def engine_resources(captured: list, project: Project, stack: str, config: dict) -> list:
    """Engine-shaped resources in registration order, with the default providers the engine would create."""
    by_urn: dict = {}
    ordered: list = []
    defaults: dict = {}
    for item in captured:
        provider = None
        if item["provider"]:
            provider = by_urn.get(item["provider"].rsplit("::", 1)[0])
        elif item["custom"] and not item["type"].startswith("pulumi:"):
            package = item["type"].split(":", 1)[0]
            if package not in defaults:
                defaults[package] = _default_provider(package, project, stack, config)
                ordered.append(defaults[package])
            provider = defaults[package]
        resource = Resource(item["type"], item["name"], item["urn"], item["props"], provider, item["parent"],
                            tuple(item["dependencies"]), item["propertyDependencies"], item.get("id", ""))
        by_urn[resource.urn] = resource
        ordered.append(resource)
    return ordered


def stack_outputs(resources: list, captured: list) -> list:
    """Each resource's state as AnalyzeStack sees it: its outputs (at preview, its inputs: outputs are unknown)
    and its id (unknown in a preview)."""
    outputs = {item["urn"]: item.get("outputs", item["props"]) for item in captured}
    found = []
    for r in resources:
        if r.type.startswith("pulumi:pulumi:"):
            found.append(r)
            continue
        props = dict(outputs.get(r.urn, r.props), id=r.id or UNKNOWN)
        found.append(Resource(r.type, r.name, r.urn, props, r.provider, r.parent, r.dependencies,
                              r.property_dependencies, r.id))
    return found


def _line_of(path: Path, pattern: str) -> Optional[int]:
    """The first line of a YAML file that starts with the pattern (a key), for reports to point at."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((i for i, line in enumerate(lines, 1) if re.match(pattern, line)), None)


def sources(resources: list, captured: list, project: Project, config: StackConfig) -> dict:
    """urn -> (file, line): the program line that declared each resource; the root Stack points at Pulumi.yaml
    and a default provider at its config in the stack file (where its region and zone are set)."""
    sources = {item["urn"]: (relative(item["source"][0]), item["source"][1])
               for item in captured if item.get("source")}
    for r in resources:
        if r.urn in sources:
            continue
        if r.type == "pulumi:pulumi:Stack":
            sources[r.urn] = (relative(project.spec_file), _line_of(project.spec_file, r"name\s*:"))
        elif r.type.startswith("pulumi:providers:") and r.name == "default" and config.stack_file:
            package = r.type.rsplit(":", 1)[-1]
            line = _line_of(config.stack_file, rf"\s+{re.escape(package)}:")
            sources[r.urn] = (relative(config.stack_file), line)
    return sources
