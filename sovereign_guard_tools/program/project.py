"""A Pulumi project on disk: Pulumi.yaml (runtime options, project config), its program and its stack config files.

Config is built as the Pulumi CLI builds it for a program (github.com/pulumi/pulumi v3.272.0: `pkg/workspace/
config.go` mergeConfig, `sdk/go/common/workspace/project.go` RewriteShorthandConfigValues and ValidateConfigValue):
project config shorthand (`key: value`) is a default for the project's own keys and a value for other namespaces
(`gcp:region: europe-west9`); a stack value wins over both; a project key with neither, absent from the stack, is an
error, as is a stack value of the wrong `type` or a `secret: true` key stored in plain text. Values reach the program
as strings (objects and lists as JSON).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from .errors import ProjectError

SAMPLES = Path(__file__).resolve().parents[2]  # this checkout: its Pulumi.yaml is the sample project
SAMPLES_NAME = "sovereign-guard-samples"
TYPES = {"string": "a string", "integer": "an integer", "boolean": "true or false", "array": "a list",
         "object": "an object"}

__all__ = ["Project", "ProjectError", "StackConfig"]


@dataclass
class StackConfig:
    """A stack's config as the program gets it, with the keys that are secret and what people should know."""

    values: dict  # "ns:key" -> string (objects and lists JSON-encoded)
    secret_keys: list
    notes: list = field(default_factory=list)
    stack_file: Optional[Path] = None


@dataclass(frozen=True)
class Project:
    root: Path
    name: str
    main: Path
    config_dir: Path
    spec_file: Path
    runtime_options: dict
    config_spec: dict  # Pulumi.yaml `config:`, shorthand rewritten: key -> {type, default, value, secret, ...}

    @classmethod
    def load(cls, root) -> "Project":
        root = Path(root).resolve()
        spec_file = next((root / n for n in ("Pulumi.yaml", "Pulumi.yml") if (root / n).exists()), None)
        if spec_file is None:
            raise ProjectError(f"{root}: no Pulumi.yaml (run sovereign-guard check in a Pulumi project directory, "
                               "or give its path)")
        spec = yaml.safe_load(spec_file.read_text()) or {}
        runtime = spec.get("runtime")
        options = (runtime.get("options") or {}) if isinstance(runtime, dict) else {}
        runtime = runtime.get("name") if isinstance(runtime, dict) else runtime
        if runtime != "python":
            raise ProjectError(f"{spec_file}: runtime is {runtime!r}; only Python programs can run offline")
        config = spec.get("config")
        config_dir = spec.get("stackConfigDir") or (config if isinstance(config, str) else ".")
        return cls(root, spec["name"], (root / spec.get("main", ".")).resolve(), (root / config_dir).resolve(),
                   spec_file, dict(options), _project_config(spec["name"], config, spec_file))

    @property
    def program_dir(self) -> Path:
        return self.main if self.main.is_dir() else self.main.parent

    @property
    def is_samples(self) -> bool:
        """This repository's sample project (run with sovereign-guard's own interpreter)."""
        return self.root == SAMPLES and self.name == SAMPLES_NAME

    def stacks(self) -> list:
        """Stack names with a config file, sorted."""
        return sorted(p.name[len("Pulumi."):-len(".yaml")] for p in self.config_dir.glob("Pulumi.*.yaml"))

    def stack_file(self, stack: str) -> Path:
        return self.config_dir / f"Pulumi.{stack}.yaml"

    def stack_config(self, stack: str, require_file: bool = True) -> StackConfig:
        """The stack's config, project config applied; without a stack file (require_file=False), the project
        config alone, and a note saying so."""
        from .secrets import Secrets

        path = self.stack_file(stack)
        values, secret_keys, notes = {}, [], []
        if path.exists():
            raw_spec = yaml.safe_load(path.read_text()) or {}
            secrets = Secrets(path, raw_spec)
            for key, value in (raw_spec.get("config") or {}).items():
                full = key if ":" in key else f"{self.name}:{key}"
                plain, secret = _plain(value, secrets)
                values[full] = _text(plain)
                if secret:
                    secret_keys.append(full)
            if secret_keys and secrets.note:
                notes.append(secrets.note)
        elif require_file:
            raise ProjectError(f"no stack config {path} (stacks here: {', '.join(self.stacks()) or 'none'})")
        else:
            notes.append(f"no stack file {path.name}: checked with the project config of {self.spec_file.name} only")
        self._apply_project_config(stack, values, secret_keys, path)
        return StackConfig(values, secret_keys, notes, path if path.exists() else None)

    def _apply_project_config(self, stack: str, values: dict, secret_keys: list, path: Path) -> None:
        missing = []
        for key, spec in sorted(self.config_spec.items()):
            full = key if ":" in key else f"{self.name}:{key}"
            if full not in values:
                given = spec.get("value", spec.get("default"))
                if given is None:
                    if full.startswith(self.name + ":"):
                        missing.append(key)
                    continue
                values[full] = _text(given)
                if spec.get("secret"):
                    secret_keys.append(full)
                continue
            if spec.get("secret") and full not in secret_keys:
                raise ProjectError(f"Stack '{stack}' with configuration key '{key}' must be encrypted as it's secret "
                                   f"(pulumi config set --secret {key} ...)")
            wanted = spec.get("type")
            if wanted and full not in secret_keys and not _fits(wanted, values[full]):
                raise ProjectError(f"{path.name}: Stack '{stack}' with configuration key '{key}' must be of type "
                                   f"'{wanted}' ({TYPES.get(wanted, wanted)}), got {values[full]!r}")
        if missing:
            raise ProjectError(f"Stack '{stack}' is missing configuration value{'s' if len(missing) > 1 else ''} "
                               f"{', '.join(repr(k) for k in missing)} (declared in {self.spec_file.name} without a "
                               f"default): set it in {path.name}")

    def policy_config_file(self, stack: str):
        """The stack's `--policy-pack-config` file beside its stack file (`<stack>.policy-config.json`), if any."""
        path = self.config_dir / f"{stack}.policy-config.json"
        return path if path.exists() else None


def _project_config(name: str, config, spec_file: Path) -> dict:
    """Pulumi.yaml `config:` with shorthand rewritten as the CLI does (a default for the project's keys, a value
    for other namespaces)."""
    if not isinstance(config, dict):
        return {}
    found = {}
    for key, spec in config.items():
        own = ":" not in key or key.startswith(name + ":")
        if not isinstance(spec, dict):
            spec = {"default" if own else "value": spec}
        if "default" in spec and "value" in spec:
            raise ProjectError(f"{spec_file}: project config '{key}' cannot have both a 'default' and 'value'")
        if spec.get("type") and spec["type"] not in TYPES:
            raise ProjectError(f"{spec_file}: project config '{key}' has type {spec['type']!r}; use one of "
                               f"{', '.join(TYPES)}")
        if spec.get("type") and "default" in spec and not _fits(spec["type"], _text(spec["default"])):
            raise ProjectError(f"{spec_file}: the default value of '{key}' is not of the expected type "
                               f"'{spec['type']}'")
        found[key] = spec
    return found


def _plain(value, secrets) -> tuple:
    """(plain value, whether any part was secret): `{secure: ...}` leaves decrypted (or their placeholder)."""
    if isinstance(value, dict):
        if set(value) == {"secure"}:
            return secrets.read(value["secure"]), True
        pairs = {k: _plain(v, secrets) for k, v in value.items()}
        return {k: v for k, (v, _) in pairs.items()}, any(s for _, s in pairs.values())
    if isinstance(value, list):
        pairs = [_plain(v, secrets) for v in value]
        return [v for v, _ in pairs], any(s for _, s in pairs)
    return value, False


def _text(value) -> str:
    """A config value as the program receives it: strings as they are, other values as compact JSON with sorted
    keys, as Go marshals them (booleans lower case)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def _fits(type_name: str, text: str) -> bool:
    if type_name == "string":
        return True  # every plain stack value is a string to the CLI; objects are checked below
    try:
        value = json.loads(text)
    except ValueError:
        return False
    if type_name == "integer":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer()
    return {"boolean": bool, "array": list, "object": dict}[type_name] is type(value)
