"""The offline check: run a program under mocks, drive the pack over the Analyzer protocol, collect violations.

The program runs in its own interpreter (`interpreter.py`), all the stacks asked for in one process (`mocks.py`),
while this process imports the engine side (gRPC, the protocol, half a second) and starts the first pack; a capture
is kept in a cache keyed by everything it depends on (`cache.py`). Only light modules are imported before the
program starts.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from ..paths import relative
from . import cache, interpreter
from .project import Project, ProjectError

if TYPE_CHECKING:
    from ..engine.run import StackResult

RUNNER = Path(__file__).resolve().parent / "runner.py"
NO_PULUMI = 3  # runner.py's exit code when the interpreter cannot import pulumi
MISSING_MODULE = re.compile(r"ModuleNotFoundError: No module named '([^']+)'")


class Capture:
    """The program's registrations for some stacks: started at once, read when first needed."""

    def __init__(self, project: Project, configs: dict, preview: bool, use_cache: bool = True):
        self.project, self.configs, self.preview = project, configs, preview
        self.python = interpreter.resolve(project)
        self.job = {"project": project.name, "root": str(project.root), "main": str(project.main),
                    "preview": preview,
                    "stacks": [{"stack": s, "config": c.values, "secretKeys": c.secret_keys}
                               for s, c in configs.items()]}
        self.key = cache.key(project, self.python.python, self.job) if use_cache else None
        self.results = cache.load(self.key) if self.key else None
        self.process = None
        if self.results is None:
            self.process = subprocess.Popen([self.python.python, str(RUNNER)], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                            cwd=project.root)
            self.process.stdin.write(json.dumps(self.job))
            self.process.stdin.close()
            self.process.stdin = None  # written: communicate() only reads

    def close(self) -> None:
        """Stop the program if it still runs (the check failed before reading it)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.communicate()

    def _wait(self) -> dict:
        out, err = self.process.communicate()
        code = self.process.returncode
        if code == NO_PULUMI:
            raise ProjectError(f"{err.strip()}: the program's environment has no pulumi. "
                               f"{self.python.missing('pulumi')}")
        try:
            results = json.loads(out)["stacks"]
        except (ValueError, KeyError):
            raise ProjectError(f"the program could not be run with {self.python.python} (exit code {code}):\n"
                               f"{err.strip()}") from None
        if self.key and all("captured" in r for r in results.values()):
            cache.store(self.key, results)
        return results

    def stack(self, stack: str) -> list:
        if self.results is None:
            self.results = self._wait()
        found = self.results[stack]
        if "error" in found:
            raise ProjectError(self._failure(stack, found["error"]))
        return found["captured"]

    def _failure(self, stack: str, trace: str) -> str:
        text = f"the program of stack {stack!r} failed under mocks ({self.python.python}):\n{trace}"
        missing = MISSING_MODULE.search(trace)
        if missing:
            text += "\n\n" + self.python.missing(missing.group(1))
        return text


def check_stacks(project_dir, stacks=None, *, pack_dir=None, config_file=None, preview=True, jurisdiction=None,
                 progress: Optional[Callable[[int, int], None]] = None, use_cache: bool = True,
                 require_stack_file: bool = True) -> list:
    """Run the program for the given stacks (default: every stack with a config file) in one process, and drive
    the pack with each stack's registrations. Returns a StackResult per stack, in order."""
    project = Project.load(project_dir)
    stacks = list(stacks or project.stacks())
    if not stacks:
        raise ProjectError(f"{project.config_dir}: no stack config file (Pulumi.<stack>.yaml); name a stack with "
                           "--stack to check with the project config alone")
    configs = {s: project.stack_config(s, require_file=require_stack_file) for s in stacks}
    capture = Capture(project, configs, preview, use_cache)
    try:
        return _judge_stacks(project, configs, capture, pack_dir, config_file, preview, jurisdiction, progress)
    finally:
        capture.close()


def _judge_stacks(project, configs, capture, pack_dir, config_file, preview, jurisdiction, progress) -> list:
    # imported while the program runs (see the module docstring)
    from ..engine.run import StackResult, default_pack, judge, pack_config, started_pack
    from .resources import engine_resources, sources, stack_outputs

    results = []
    for stack, config in configs.items():
        policy_config = pack_config(config_file or project.policy_config_file(stack))
        result = StackResult(project.name, stack, "preview" if preview else "update", [],
                             origin=relative(project.spec_file), notes=list(config.notes))
        with started_pack(result, pack_dir=pack_dir or default_pack(), config=policy_config,
                          stack_config=config.values, jurisdiction=jurisdiction,
                          secret_keys=config.secret_keys) as pack:
            captured = capture.stack(stack)  # the first stack's pack starts while the program runs
            result.resources = engine_resources(captured, project, stack, config.values)
            result.sources = sources(result.resources, captured, project, config)
            judge(pack, result, stack_outputs(result.resources), progress)
        results.append(result)
    return results


def check_stack(project_dir, stack: str, *, pack_dir=None, config_file=None, preview=True, jurisdiction=None,
                progress: Optional[Callable[[int, int], None]] = None, use_cache: bool = True) -> StackResult:
    """Run one stack's program under mocks and drive the pack with its registrations."""
    return check_stacks(project_dir, [stack], pack_dir=pack_dir, config_file=config_file, preview=preview,
                        jurisdiction=jurisdiction, progress=progress, use_cache=use_cache)[0]
