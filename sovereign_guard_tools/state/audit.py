"""`sovereign-guard audit`: a deployed stack, read from `pulumi stack export`, judged by the pack over the protocol.

Deployment format (`apitype.ResourceV3`, github.com/pulumi/pulumi sdk/go/common/apitype/core.go): resources carry
`inputs`, `outputs`, `provider` (`<provider urn>::<id>`), `parent`, `dependencies`, `propertyDependencies`, `delete`
(an old copy pending deletion) and, from recent CLIs, `sourcePosition` (`project:///<path>#<line>[,<column>]`).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Optional

from ..engine.analyzer import Resource
from ..engine.run import StackResult, default_pack, pack_config, run_pack
from ..paths import relative
from ..engine.wire import SECRET_SIG, SECRET_SIG_KEY, Secret, unreadable_secret
from ..program.project import ProjectError

UNREADABLE_SECRET = unreadable_secret("export with --show-secrets to judge it")


def _value(value):
    """Export values -> wire values: secrets become Secret envelopes; one still encrypted keeps a placeholder
    that is no valid location or key, so a data-bearing field hidden in it fails closed."""
    if isinstance(value, dict):
        if value.get(SECRET_SIG_KEY) == SECRET_SIG:
            if "plaintext" in value:
                return Secret(_value(json.loads(value["plaintext"])))
            return Secret(UNREADABLE_SECRET)
        return {k: _value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def _source(position: str, root: Optional[Path]):
    """`project:///stacks/app.py#12,5` -> ("stacks/app.py" relative to the working directory, 12)."""
    if not position.startswith("project://") or root is None:
        return None
    path, _, where = position[len("project://"):].partition("#")
    line = where.split(",")[0]
    return (relative(root / path.lstrip("/")), int(line)) if line.isdigit() else None


def load(path, project_root=None) -> StackResult:
    """The export's live resources (pending deletions left out) as the engine presents them to a pack."""
    try:
        state = json.loads(Path(path).read_text(encoding="utf-8"))
        items = state["deployment"].get("resources") or []
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ProjectError(f"{path}: not a `pulumi stack export` file ({error})") from None
    by_urn: dict = {}
    resources, sources = [], {}
    for item in items:
        if item.get("delete"):
            continue
        urn = item["urn"]
        props = _value({**(item.get("inputs") or {}), **(item.get("outputs") or {})})
        provider = by_urn.get((item.get("provider") or "").rsplit("::", 1)[0])
        resource = Resource(item["type"], urn.rsplit("::", 1)[-1], urn, props, provider, item.get("parent", ""),
                            tuple(item.get("dependencies") or ()), item.get("propertyDependencies") or {})
        by_urn[urn] = resource
        resources.append(resource)
        source = _source(item.get("sourcePosition", ""), project_root and Path(project_root))
        if source:
            sources[urn] = source
    stack = next((r for r in resources if r.type == "pulumi:pulumi:Stack"), None)
    if stack is None:
        raise ProjectError(f"{path}: no pulumi:pulumi:Stack resource; is this an export of an empty stack?")
    parts = stack.urn.split("::")
    return StackResult(parts[1], parts[0].rsplit(":", 1)[-1], "audit", resources, sources=sources,
                       origin=relative(path))


def audit_state(path, *, pack_dir=None, config_file=None, project_root=None, jurisdiction=None,
                progress: Optional[Callable[[int, int], None]] = None) -> StackResult:
    """Judge a deployed stack: Analyze on each resource's deployed values, then AnalyzeStack, as in `pulumi up`."""
    result = load(path, project_root)
    return run_pack(result, pack_dir=pack_dir or default_pack(), config=pack_config(config_file),
                    stack_config={}, stack_outputs=result.resources, progress=progress, jurisdiction=jurisdiction)
