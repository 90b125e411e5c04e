"""The pack's facts on a stack's resources, read by the pack's own `sovereign_guard.facts` on the resources exactly
as AnalyzeStack delivered them to the pack (the SDK's own servicer deserializes them, in this process)."""
from __future__ import annotations

import sys
from pathlib import Path

from pulumi_policy import PolicyConfigSchema, StackValidationPolicy

from ...engine.inprocess import InProcessPack, sdk_servicer
from ...engine.run import StackResult

POLICY = "residency-register"


def pack_module(pack_dir: Path, name: str):
    """A module of the pack's package, imported from the pack directory (or the installed package)."""
    if str(pack_dir) not in sys.path:
        sys.path.insert(0, str(pack_dir))
    return __import__(f"sovereign_guard.{name}", fromlist=[name])


def gather(result: StackResult, pack_dir: Path) -> tuple:
    """(jurisdiction description, [ResourceFacts]) for the stack, under its data-residency config."""
    facts, config = pack_module(pack_dir, "facts"), pack_module(pack_dir, "config")
    found: list = []
    settings: list = []

    def collect(args, report_violation) -> None:
        settings.append(config.settings(args.get_config()))
        found.extend(facts.stack_facts(args.resources, args.get_config()))

    policy = StackValidationPolicy(name=POLICY, description="Collects the facts of the residency register.",
                                   validate=collect,
                                   config_schema=PolicyConfigSchema(properties=config.RESIDENCY_SCHEMA))
    pack = InProcessPack(pack_dir, sdk_servicer([policy]), project=result.project, stack=result.stack,
                         dry_run=result.preview)
    residency = result.config.get("data-residency") or {}
    pack.start({POLICY: {k: v for k, v in residency.items() if k != "enforcementLevel"}})
    pack.analyze_stack(result.stack_resources)
    return settings[0].jurisdiction.description, found

