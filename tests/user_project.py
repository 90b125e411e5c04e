"""Temporary Pulumi projects as users have them, outside this repository: their own Pulumi.yaml, stack files,
secrets and virtualenv. The virtualenvs are made once per session: a real `python -m venv` whose site-packages
reach this environment's pulumi and provider SDKs through a .pth file (never sovereign-guard itself, whose editable
install is a .pth hook that such a path does not run), plus a module that only the project's virtualenv has."""
from __future__ import annotations

import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import yaml

ONLY_IN_THE_PROJECT_VENV = "acme_naming"  # the programs import it: they run only with the project's virtualenv


def make_venv(path: Path, with_sdks: bool) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    site = next(path.glob("lib/python*/site-packages"))
    if with_sdks:
        (site / "user_sdks.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
        (site / f"{ONLY_IN_THE_PROJECT_VENV}.py").write_text(
            'def name(kind: str) -> str:\n    return f"acme-{kind}"\n')
    return path


def make_project(root: Path, program: str, *, name: str = "app", config: dict = None, options: dict = None,
                 stacks: dict = None, venv: Path = None) -> Path:
    """A project directory: Pulumi.yaml (runtime options, project config), __main__.py, stack files (name ->
    YAML text or dict), and `venv` linked to a session virtualenv when given."""
    root.mkdir(parents=True, exist_ok=True)
    runtime = {"name": "python"}
    if options or venv:
        runtime["options"] = dict(options or {}, **({"virtualenv": "venv"} if venv else {}))
    spec = {"name": name, "runtime": runtime, "description": "a user's infrastructure"}
    if config:
        spec["config"] = config
    (root / "Pulumi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    (root / "__main__.py").write_text(textwrap.dedent(program).lstrip())
    (root / "requirements.txt").write_text("pulumi>=3\npulumi-gcp>=9\n")
    for stack, text in (stacks or {}).items():
        (root / f"Pulumi.{stack}.yaml").write_text(text if isinstance(text, str) else yaml.safe_dump(text))
    if venv:
        (root / "venv").symlink_to(venv, target_is_directory=True)
    return root


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)
