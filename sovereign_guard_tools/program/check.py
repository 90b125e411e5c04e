"""The offline check: run a program under mocks, drive the pack over the Analyzer protocol, collect violations."""
from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from dataclasses import replace
from pathlib import Path
from typing import Callable, Optional

from ..engine.analyzer import Resource
from ..engine.run import REPO, StackResult, default_pack, pack_config, relative, run_pack
from .default_providers import default_provider, engine_inputs
from .project import Project, ProjectError


def capture(project: Project, stack: str, preview: bool) -> list:
    """The program's registrations, run in a fresh interpreter (Pulumi's runtime state is process-wide)."""
    command = [sys.executable, "-m", "sovereign_guard_tools.program.mocks", str(project.root), stack]
    if preview:
        command.append("--preview")
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise ProjectError(f"the program of stack {stack!r} failed under mocks:\n{done.stderr.strip()[-3000:]}")
    return json.loads(done.stdout)


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


def outputs(resource: Resource) -> Resource:
    """The resource's state as AnalyzeStack sees it: a provider's inputs, a component's (or the stack's) registered
    outputs, a custom resource's outputs (its inputs, id and computed values, unknown in a preview)."""
    return resource if resource.outputs is None else replace(resource, props=resource.outputs)


def _sources(captured: list, project: Project) -> dict:
    """urn -> (file, line) of each registration made by the program itself (not by an SDK: Pulumi places an explicit
    provider at the provider SDK's own constructor, which may sit in a virtualenv inside the project)."""
    installed = Path(sysconfig.get_paths()["purelib"]).resolve()
    sources = {}
    for item in captured:
        where = Path(item["source"][0]).resolve() if item.get("source") else None
        if where and where.is_relative_to(project.root) and not where.is_relative_to(installed):
            sources[item["urn"]] = (relative(item["source"][0]), item["source"][1])
    return sources


def _entry_file(project: Project) -> Path:
    return project.main / "__main__.py" if project.main.is_dir() else project.main


def check_stack(project_dir, stack: str, *, pack_dir=None, config_file=None, preview=True,
                progress: Optional[Callable[[int, int], None]] = None) -> StackResult:
    """Run the stack's program under mocks and drive the pack with its registrations."""
    project = Project.load(project_dir)
    config = project.stack_config(stack)
    config_file = config_file or project.policy_config_file(stack)
    captured = capture(project, stack, preview)
    resources = engine_resources(captured, project, stack, config)
    result = StackResult(project.name, stack, "preview" if preview else "update", resources,
                         sources=_sources(captured, project), origin=relative(_entry_file(project)))
    return run_pack(result, pack_dir=pack_dir or default_pack(), config=pack_config(config_file),
                    stack_config=config, stack_outputs=[outputs(r) for r in resources], progress=progress)
