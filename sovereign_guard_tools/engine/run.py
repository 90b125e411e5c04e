"""One run of the pack over a stack's resources, as the CLI drives it: start-up, Remediate+Analyze, AnalyzeStack."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from . import policy_config, waivers
from .analyzer import PackProcess

REPO = Path(__file__).resolve().parents[2]
DEFAULT_PACK = REPO / "policies"
INSTALLED_PACK = {  # the pack's two entry files, for an installed (non-checkout) sovereign-guard
    "PulumiPolicy.yaml": "description: Sovereign Guard (installed)\nruntime: python\n",
    "__main__.py": "from sovereign_guard.pack import build\n\nbuild()\n",
}


def default_pack() -> Path:
    """This checkout's `policies/`, or, when installed from a wheel, a pack directory serving the installed rules."""
    if (DEFAULT_PACK / "PulumiPolicy.yaml").exists():
        return DEFAULT_PACK
    pack = Path(tempfile.gettempdir()) / f"sovereign-guard-pack-{os.getuid()}"
    pack.mkdir(exist_ok=True)
    for name, text in INSTALLED_PACK.items():
        if not (pack / name).exists() or (pack / name).read_text() != text:
            (pack / name).write_text(text)
    return pack


@dataclass
class StackResult:
    """One stack's verdict: its resources, the violations, the pack's policies, where each resource was declared."""

    project: str
    stack: str
    mode: str  # "preview", "update" or "audit"
    resources: list
    violations: list = field(default_factory=list)
    policies: list = field(default_factory=list)  # GetAnalyzerInfo policies, with their configured level
    sources: dict = field(default_factory=dict)  # urn -> (path relative to the working directory, line)
    origin: str = ""  # the file results point at when a resource has no source line (program or state file)
    notes: list = field(default_factory=list)  # what people should know about how the stack was read
    config: dict = field(default_factory=dict)  # the parsed --policy-pack-config the pack was started with
    stack_resources: list = field(default_factory=list)  # the resources as AnalyzeStack saw them (with outputs)
    waived: list = field(default_factory=list)  # waivers.Waiver: findings exemptions waived
    stale: list = field(default_factory=list)  # waivers.StaleExemption: exemptions that matched no resource

    @property
    def preview(self) -> bool:
        return self.mode == "preview"

    @property
    def mandatory(self) -> list:
        return [v for v in self.violations if v.level == "mandatory"]

    @property
    def preview_skips(self) -> list:
        return [v for v in self.violations if v.is_preview_skip]


@contextmanager
def started_pack(result: StackResult, *, pack_dir, config: dict, stack_config: dict, jurisdiction=None,
                 secret_keys=()):
    """A pack process after the CLI's start-up sequence (ConfigureStack .. Configure), the result's policies set."""
    result.config = config
    with PackProcess(pack_dir, project=result.project, stack=result.stack, dry_run=result.preview,
                     stack_config=stack_config, secret_keys=secret_keys) as pack:
        info = pack.start(config, jurisdiction=jurisdiction)
        result.policies = [dict(p, enforcementLevel=pack.levels[p["name"]]) for p in info.get("policies", [])]
        yield pack


def judge(pack: PackProcess, result: StackResult, stack_outputs: list,
          progress: Optional[Callable[[int, int], None]] = None) -> StackResult:
    """Remediate+Analyze per resource, then AnalyzeStack, as the engine does; the violations go to the result."""
    result.stack_resources = list(stack_outputs)
    for index, resource in enumerate(result.resources, 1):
        result.violations += pack.analyze(resource)
        if progress:
            progress(index, len(result.resources))
    result.violations += pack.analyze_stack(stack_outputs)
    result.violations, result.waived, result.stale = waivers.split(result.violations)
    return result


def run_pack(result: StackResult, *, pack_dir, config: dict, stack_config: dict, stack_outputs: list,
             progress: Optional[Callable[[int, int], None]] = None, jurisdiction=None) -> StackResult:
    """Drive the pack as the CLI does: start-up, Remediate+Analyze per resource, then AnalyzeStack."""
    with started_pack(result, pack_dir=pack_dir, config=config, stack_config=stack_config,
                      jurisdiction=jurisdiction) as pack:
        return judge(pack, result, stack_outputs, progress)


def pack_config(config_file) -> dict:
    return policy_config.load(config_file) if config_file else {}
