"""Engine-shaped resources from a program's captured registrations: default providers as the engine adds them,
outputs as AnalyzeStack sees them, and where in the user's files each resource was declared."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Optional

from ..engine.analyzer import Resource
from ..paths import relative
from .default_providers import default_provider, engine_inputs
from .project import Project, StackConfig


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
            key = (item["type"].split(":", 1)[0], item["version"], item["pluginDownloadURL"])
            if key not in defaults:
                defaults[key] = default_provider(*key, project.name, stack, config)
                ordered.append(defaults[key])
            provider = defaults[key]
        props = item["props"]
        if item["custom"] and item["type"].startswith("pulumi:providers:"):
            props = engine_inputs(props, item["version"], item["pluginDownloadURL"])
        resource = Resource(item["type"], item["name"], item["urn"], props, provider, item["parent"],
                            tuple(item["dependencies"]), item["propertyDependencies"], item["outputs"])
        by_urn[resource.urn] = resource
        ordered.append(resource)
    return ordered


def stack_outputs(resources: list) -> list:
    """The stack's state as AnalyzeStack sees it: a provider's inputs, a component's (or the stack's) registered
    outputs, a custom resource's outputs (its inputs, id and computed values, unknown in a preview)."""
    return [r if r.outputs is None else replace(r, props=r.outputs) for r in resources]


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
    registered = {item["urn"] for item in captured}
    for r in resources:
        if r.urn in sources:
            continue
        if r.type == "pulumi:pulumi:Stack":
            sources[r.urn] = (relative(project.spec_file), _line_of(project.spec_file, r"name\s*:"))
        elif r.type.startswith("pulumi:providers:") and r.urn not in registered and config.stack_file:
            package = r.type.rsplit(":", 1)[-1]
            line = _line_of(config.stack_file, rf"\s+{re.escape(package)}:")
            sources[r.urn] = (relative(config.stack_file), line)
    return sources
