"""Which Python runs a project's program, found as Pulumi's Python language host finds it, and what to install where
when the program's dependencies are missing.

Pulumi (sdk/python/toolchain in github.com/pulumi/pulumi/sdk/v3 v3.272.0, `ResolveToolchain`): `runtime.options.
toolchain` is `pip` (the default), `poetry` or `uv`; unset, a `uv.lock` or else a `poetry.lock` found from the
program's directory upwards picks uv or poetry. pip: `<root>/<virtualenv>/bin/python` when `virtualenv` is set,
else `PULUMI_PYTHON_CMD` or `python3` on PATH. poetry: the environment `poetry env info --path` names. uv: the
`virtualenv` option (relative to the project root), else `UV_PROJECT_ENVIRONMENT` or `.venv` beside the nearest
`uv.lock` (else `pyproject.toml`). Pulumi creates and syncs missing environments (`pulumi install`); the offline
check never changes the user's environment: it says what to run instead.

Without a virtualenv option the program runs with sovereign-guard's own interpreter (which is `python3` when both
are installed in the active environment), or `PULUMI_PYTHON_CMD` when set.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..paths import relative
from .project import Project, ProjectError


@dataclass(frozen=True)
class Interpreter:
    python: str
    toolchain: str  # pip | poetry | uv
    virtualenv: str  # the environment's directory, "" for a plain interpreter
    install: str  # the command that installs the program's dependencies into it

    def missing(self, module: str) -> str:
        """What to tell a user whose program cannot import `module`."""
        where = f"the virtualenv {self.virtualenv}" if self.virtualenv else f"the interpreter {self.python}"
        return (f"the program imports {module!r}, which is not installed in {where} (toolchain {self.toolchain}). "
                f"Install the program's dependencies there: {self.install}")


def _searchup(start: Path, name: str):
    for directory in (start, *start.parents):
        if (directory / name).exists():
            return directory
    return None


def toolchain(project: Project) -> str:
    named = project.runtime_options.get("toolchain")
    if named:
        if named not in ("pip", "poetry", "uv"):
            raise ProjectError(f"{project.spec_file}: runtime.options.toolchain {named!r} is not pip, poetry or uv")
        return named
    if _searchup(project.program_dir, "uv.lock"):
        return "uv"
    if _searchup(project.program_dir, "poetry.lock"):
        return "poetry"
    return "pip"


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _requirements(project: Project) -> str:
    """The project's requirements.txt, relative to the working directory when inside it (as people type it)."""
    found = next((d / "requirements.txt" for d in (project.program_dir, project.root)
                  if (d / "requirements.txt").exists()), project.root / "requirements.txt")
    return relative(found)


def resolve(project: Project) -> Interpreter:
    """The program's interpreter; ProjectError saying what to run when its environment does not exist yet."""
    if project.is_samples:
        return Interpreter(sys.executable, "pip", "", "pip install -r requirements.txt")
    chain = toolchain(project)
    venv_option = project.runtime_options.get("virtualenv")
    if chain == "pip":
        if not venv_option:
            python = shutil.which(os.environ["PULUMI_PYTHON_CMD"]) if os.environ.get("PULUMI_PYTHON_CMD") else None
            python = python or sys.executable
            return Interpreter(python, "pip", "", f"{python} -m pip install -r {_requirements(project)}")
        venv = (project.root / venv_option).resolve()
        install = f"{_venv_python(venv)} -m pip install -r {_requirements(project)} (or `pulumi install`)"
        if not _venv_python(venv).exists():
            raise ProjectError(f"{project.spec_file}: runtime.options.virtualenv is {venv_option!r}, but {venv} does "
                               f"not exist; create it: python3 -m venv {venv} && {install}")
        return Interpreter(str(_venv_python(venv)), "pip", str(venv), install)
    if chain == "poetry":
        return _poetry(project)
    return _uv(project, venv_option)


def _poetry(project: Project) -> Interpreter:
    install = f"cd {project.program_dir} && poetry install"
    poetry = shutil.which("poetry")
    if poetry is None:
        raise ProjectError(f"{project.spec_file}: the toolchain is poetry, but `poetry` is not on PATH; install "
                           "poetry, then: " + install)
    found = subprocess.run([poetry, "env", "info", "--path"], cwd=project.program_dir, capture_output=True,
                           text=True)
    venv = Path(found.stdout.strip()) if found.returncode == 0 and found.stdout.strip() else None
    if venv is None or not _venv_python(venv).exists():
        raise ProjectError(f"{project.spec_file}: poetry has no environment for {project.program_dir} yet; "
                           f"create it: {install}")
    return Interpreter(str(_venv_python(venv)), "poetry", str(venv), install)


def _uv(project: Project, venv_option) -> Interpreter:
    if venv_option:
        venv = (project.root / venv_option).resolve()
        base = project.root
    else:
        base = _searchup(project.root, "uv.lock") or _searchup(project.root, "pyproject.toml") or project.root
        named = os.environ.get("UV_PROJECT_ENVIRONMENT")
        venv = (base / named).resolve() if named else base / ".venv"
    install = f"cd {base} && uv sync"
    if not _venv_python(venv).exists():
        raise ProjectError(f"{project.spec_file}: the toolchain is uv, but its environment {venv} does not exist; "
                           f"create it: {install}")
    return Interpreter(str(_venv_python(venv)), "uv", str(venv), install)
