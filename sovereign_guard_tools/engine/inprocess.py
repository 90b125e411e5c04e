"""Policies served in this process by pulumi-policy's own analyzer servicer: the engine's requests, no subprocess.

`InProcessPack` is `PackProcess` with its gRPC stub replaced by direct calls on the SDK's `_PolicyAnalyzerServicer`,
so deserialization, unknown proxies and secret envelopes are exactly what a pack process gets from the CLI.
"""
from __future__ import annotations

from pulumi_policy import EnforcementLevel
from pulumi_policy.policy import _PolicyAnalyzerServicer

from .analyzer import DirectStub, PackProcess


class InProcessPack(PackProcess):
    """`policies` behind the SDK servicer in this process; `start(config)` and the analyze calls as the CLI makes."""

    def __init__(self, pack_dir, policies, name: str = "sovereign-guard", **kwargs):
        super().__init__(pack_dir, **kwargs)
        self.stub = DirectStub(_PolicyAnalyzerServicer(name, "0.0.1", policies, EnforcementLevel.MANDATORY))
