"""A Pulumi project on disk: Pulumi.yaml, its program directory and its stack config files."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml


class ProjectError(ValueError):
    """The project or stack cannot be read (exit code 2)."""


@dataclass(frozen=True)
class Project:
    root: Path
    name: str
    main: Path
    config_dir: Path

    @classmethod
    def load(cls, root) -> "Project":
        root = Path(root).resolve()
        spec_file = next((root / n for n in ("Pulumi.yaml", "Pulumi.yml") if (root / n).exists()), None)
        if spec_file is None:
            raise ProjectError(f"{root}: no Pulumi.yaml")
        spec = yaml.safe_load(spec_file.read_text()) or {}
        runtime = spec.get("runtime")
        runtime = runtime.get("name") if isinstance(runtime, dict) else runtime
        if runtime != "python":
            raise ProjectError(f"{spec_file}: runtime is {runtime!r}; only Python programs can run offline")
        return cls(root, spec["name"], (root / spec.get("main", ".")).resolve(),
                   (root / spec.get("stackConfigDir", ".")).resolve())

    def stacks(self) -> list:
        """Stack names with a config file, sorted."""
        return sorted(p.name[len("Pulumi."):-len(".yaml")] for p in self.config_dir.glob("Pulumi.*.yaml"))

    def stack_config(self, stack: str) -> dict:
        """{"ns:key": string value} as the engine passes config to programs (objects as compact JSON, keys sorted)."""
        path = self.config_dir / f"Pulumi.{stack}.yaml"
        if not path.exists():
            raise ProjectError(f"no stack config {path} (stacks here: {', '.join(self.stacks()) or 'none'})")
        raw = (yaml.safe_load(path.read_text()) or {}).get("config") or {}
        config = {}
        for key, value in raw.items():
            full = key if ":" in key else f"{self.name}:{key}"
            if isinstance(value, dict) and "secure" in value:
                raise ProjectError(f"{path}: {key} is an encrypted secret; the offline check cannot decrypt it")
            config[full] = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"), sort_keys=True)
        return config

    def policy_config_file(self, stack: str):
        """The stack's `--policy-pack-config` file beside its stack file (`<stack>.policy-config.json`), if any."""
        path = self.config_dir / f"{stack}.policy-config.json"
        return path if path.exists() else None
