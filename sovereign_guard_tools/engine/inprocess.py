"""Policies served in this process: the engine's requests, no subprocess.

`InProcessPack` is `PackProcess` with its gRPC stub replaced by direct calls on an analyzer servicer (the pack's
own, `sovereign_guard.pack.analyzer()`, or the SDK's `_PolicyAnalyzerServicer` for a few policies of our own), so
deserialization, unknown proxies and secret envelopes are exactly what a pack process gets from the CLI.
"""
from __future__ import annotations

from pulumi_policy import EnforcementLevel
from pulumi_policy.policy import _PolicyAnalyzerServicer

from .analyzer import DirectStub, PackProcess


class InProcessPack(PackProcess):
    """A servicer in this process behind the PackProcess calls; `start(config)` and the analyze calls as the CLI
    makes them."""

    def __init__(self, pack_dir, servicer, **kwargs):
        super().__init__(pack_dir, **kwargs)
        self.stub = DirectStub(servicer)


def sdk_servicer(policies: list, name: str = "sovereign-guard") -> _PolicyAnalyzerServicer:
    """The SDK's own analyzer for these policies, mandatory by default as the pack is."""
    return _PolicyAnalyzerServicer(name, "0.0.1", policies, EnforcementLevel.MANDATORY)
