"""The offline check: run a program under mocks, drive the pack over the Analyzer protocol, collect violations."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from . import policy_config
from .engine import PackProcess, Resource, Violation
from .project import Project, ProjectError
from .wire import UNKNOWN

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PACK = REPO / "policies"


@dataclass
class StackResult:
    project: str
    stack: str
    preview: bool
    resources: list
    violations: list = field(default_factory=list)

    @property
    def mandatory(self) -> list:
        return [v for v in self.violations if v.level == "mandatory"]

    @property
    def preview_skips(self) -> list:
        return [v for v in self.violations if v.is_preview_skip]


def capture(project: Project, stack: str, preview: bool) -> list:
    """The program's registrations, run in a fresh interpreter (Pulumi's runtime state is process-wide)."""
    command = [sys.executable, "-m", "sovereign_guard_tools.mocks", str(project.root), stack]
    if preview:
        command.append("--preview")
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise ProjectError(f"the program of stack {stack!r} failed under mocks:\n{done.stderr.strip()[-3000:]}")
    return json.loads(done.stdout)


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


def outputs(resource: Resource) -> Resource:
    """The resource's state as AnalyzeStack sees it: inputs plus its id (unknown in a preview)."""
    if resource.type.startswith("pulumi:pulumi:"):
        return resource
    props = dict(resource.props, id=resource.id or UNKNOWN)
    return Resource(resource.type, resource.name, resource.urn, props, resource.provider, resource.parent,
                    resource.dependencies, resource.property_dependencies, resource.id)


def check_stack(project_dir, stack: str, *, pack_dir=DEFAULT_PACK, config_file=None, preview=True,
                progress: Optional[Callable[[int, int], None]] = None) -> StackResult:
    project = Project.load(project_dir)
    config = project.stack_config(stack)
    config_file = config_file or project.policy_config_file(stack)
    pack_config = policy_config.load(config_file) if config_file else {}
    resources = engine_resources(capture(project, stack, preview), project, stack, config)
    result = StackResult(project.name, stack, preview, resources)
    with PackProcess(pack_dir, project=project.name, stack=stack, dry_run=preview, stack_config=config) as pack:
        pack.start(pack_config)
        for index, resource in enumerate(resources, 1):
            result.violations += pack.analyze(resource)
            if progress:
                progress(index, len(resources))
        result.violations += pack.analyze_stack([outputs(r) for r in resources])
    return result
