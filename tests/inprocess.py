"""The pack served in this process by pulumi-policy's own analyzer servicer: the engine's requests, no subprocess.

`InProcessPack` is `engine.InProcessPack` with the pack's policies, so deserialization, unknown proxies, secret
envelopes and the SDK's exception handling (an UnknownValueError becomes a "can't run policy" advisory, anything
else escapes Analyze) are exactly the CLI's, and an exception raised by a rule surfaces here with its traceback.
"""
from pathlib import Path

from sovereign_guard import pack
from sovereign_guard_tools.engine import inprocess

PACK_DIR = Path(__file__).resolve().parents[1] / "policies"


class InProcessPack(inprocess.InProcessPack):
    """The pack's policies behind the SDK servicer, as `pack.build()` serves them; `start(config)` as the CLI."""

    def __init__(self, **kwargs):
        super().__init__(PACK_DIR, pack.POLICIES, pack.PACK_NAME, **kwargs)


def analyze_all(resources, config=None) -> list:
    """Every violation for a stack, as a preview reports them: Analyze on each resource, then AnalyzeStack.

    Fails when a policy fell back to the SDK's "can't run policy" skip (a rule read an unknown through the proxy).
    """
    pack = InProcessPack()
    pack.start(config or {})
    found = [v for resource in resources for v in pack.analyze(resource)] + pack.analyze_stack(resources)
    assert [v.message for v in found if v.is_preview_skip] == []
    return found
