"""The pack served in this process by its own analyzer (the SDK's servicer reading each request once, serve.py): the
engine's requests, no subprocess.

`InProcessPack` is `engine.inprocess.InProcessPack` with the pack's analyzer, so
deserialization, unknown proxies, secret envelopes and the SDK's exception handling (an UnknownValueError becomes a
"can't run policy" advisory, anything else escapes Analyze) are exactly what the CLI gets, and an exception raised
by a rule surfaces here with its traceback.
"""
from pathlib import Path

from sovereign_guard import pack
from sovereign_guard_tools.engine import inprocess

PACK_DIR = Path(__file__).resolve().parents[1] / "policies"


class InProcessPack(inprocess.InProcessPack):
    """The pack's analyzer, as `pack.build()` serves it; `start(config)` as the CLI."""

    def __init__(self, **kwargs):
        super().__init__(PACK_DIR, pack.analyzer(), **kwargs)


def analyze_all(resources, config=None) -> list:
    """Every violation for a stack, as a preview reports them: Analyze on each resource, then AnalyzeStack.

    Fails when a policy fell back to the SDK's "can't run policy" skip (a rule read an unknown through the proxy).
    """
    pack = InProcessPack()
    pack.start(config or {})
    found = [v for resource in resources for v in pack.analyze(resource)] + pack.analyze_stack(resources)
    assert [v.message for v in found if v.is_preview_skip] == []
    return found
