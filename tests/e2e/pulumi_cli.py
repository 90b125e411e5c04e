"""The real Pulumi CLI on a copy of the sample project, without a cloud and without touching the repository.

A workspace holds a project (its Pulumi.yaml with the program's virtualenv set to this interpreter's and the
pass-through provider registered for each package as a local plugin), a local file backend, the passphrase
secrets provider and its own PULUMI_HOME. Violations are read from the CLI's own text output.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
E2E = Path(__file__).resolve().parent
PROVIDER = E2E / "provider" / "pulumi-resource"
RECORDING_PACK = E2E / "recording_pack"
PACKAGES = ("gcp", "ovh", "scaleway")  # a pass-through provider each: the packages the sample programs use
PASSPHRASE = "sovereign-guard-e2e"
CANT_RUN = "can't run policy"
# `- [mandatory] [severity: high]  key-custody  (gcp:storage:Bucket: leaky-data)`; no parenthesis without a URN
VIOLATION = re.compile(r"^\s+- \[(?P<level>\w+)\] (?:\[severity: \w+\]\s+)?(?P<policy>\S+)"
                       r"(?:\s+\((?P<type>\S+): (?P<name>.+)\))?\s*$")

requires_cli = pytest.mark.skipif(
    shutil.which("pulumi") is None,
    reason="no `pulumi` on PATH: build it with `PATH=\"$(bash scripts/install-pulumi-cli.sh):$PATH\"` "
           "(as .ci/run does) to run the end-to-end tier")
requires_venv = pytest.mark.skipif(
    sys.prefix == sys.base_prefix,
    reason="the end-to-end tier runs the sample program in this interpreter's virtualenv: run it from one")


@dataclass(frozen=True)
class Run:
    """One CLI command: its exit code and output (stdout and stderr together, as a user sees them)."""

    returncode: int
    output: str

    def violations(self, level: str = "mandatory") -> set:
        """{(policy, resource name)} of the violations of `level` the CLI printed ("" for no resource)."""
        found = set()
        for line in self.output.splitlines():
            match = VIOLATION.match(line)
            if match and match["level"] == level:
                found.add((match["policy"], match["name"] or ""))
        return found


class Workspace:
    """A project made from `spec` (its Pulumi.yaml) and `files`, its stacks on a local file backend."""

    def __init__(self, root: Path, spec: dict, files: dict):
        self.root = root
        self.project = root / "project"
        self.plugins = root / "plugins"
        (root / "state").mkdir(parents=True)
        (root / "home").mkdir()
        self.plugins.mkdir()
        for package in PACKAGES:
            (self.plugins / f"pulumi-resource-{package}").symlink_to(PROVIDER)
        self.project.mkdir(exist_ok=True)
        for name, text in files.items():
            (self.project / name).write_text(text)
        spec = dict(spec, plugins={"providers": [{"name": p, "path": str(self.plugins)} for p in PACKAGES]})
        spec["runtime"] = {"name": "python", "options": {"toolchain": "pip", "virtualenv": sys.prefix}}
        (self.project / "Pulumi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PULUMI_")}
        self.env.update(PULUMI_HOME=str(root / "home"), PULUMI_BACKEND_URL=(root / "state").as_uri(),
                        PULUMI_CONFIG_PASSPHRASE=PASSPHRASE, PULUMI_SKIP_UPDATE_CHECK="true",
                        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION="true",
                        SOVEREIGN_GUARD_E2E_PYTHON=sys.executable)
        self.stacks: set = set()

    @classmethod
    def samples(cls, root: Path) -> "Workspace":
        """The sample project (Pulumi.yaml, stacks/), its program run in this interpreter's virtualenv."""
        shutil.copytree(REPO / "stacks", root / "project" / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
        return cls(root, yaml.safe_load((REPO / "Pulumi.yaml").read_text()), {})

    def policy_config(self, stack: str):
        """The stack's `--policy-pack-config` file beside its stack file, if any."""
        spec = yaml.safe_load((self.project / "Pulumi.yaml").read_text())
        path = self.project / spec.get("stackConfigDir", ".") / f"{stack}.policy-config.json"
        return path if path.exists() else None

    def pulumi(self, *args, env=None) -> Run:
        done = subprocess.run(["pulumi", *args, "--non-interactive", "--color", "never"], cwd=self.project,
                              env={**self.env, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=600)
        return Run(done.returncode, done.stdout)

    def init(self, stack: str) -> None:
        """`pulumi stack init` once, with the passphrase secrets provider."""
        if stack not in self.stacks:
            run = self.pulumi("stack", "init", stack, "--secrets-provider", "passphrase")
            assert run.returncode == 0, run.output
            self.stacks.add(stack)

    def _run(self, command: str, stack: str, pack: Path, config, env, extra=()) -> Run:
        self.init(stack)
        args = [command, "--stack", stack, "--policy-pack", str(pack), *extra]
        if config is not None:
            args += ["--policy-pack-config", str(config)]
        return self.pulumi(*args, env=env)

    def preview(self, stack: str, pack: Path, config=None, env=None) -> Run:
        return self._run("preview", stack, pack, config, env)

    def up(self, stack: str, pack: Path, config=None, env=None, skip_preview=False) -> Run:
        return self._run("up", stack, pack, config, env, ["--yes"] + (["--skip-preview"] if skip_preview else []))


def readme_pack_setup() -> str:
    """The README's command that creates the pack's own virtualenv (section "Use it with the Pulumi CLI")."""
    readme = (REPO / "README.md").read_text()
    return next(line for line in readme.splitlines() if line.startswith("python3 -m venv policies/venv"))


def make_pack(root: Path) -> Path:
    """A copy of policies/ in `root`, its own virtualenv made there by the README's command."""
    shutil.copytree(REPO / "policies", root / "policies", ignore=shutil.ignore_patterns("__pycache__", "venv"))
    done = subprocess.run(["bash", "-c", readme_pack_setup()], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "policies"
