"""Plays the Pulumi engine's side of the Analyzer protocol against a real pack process.

The pack is started as the CLI (3.221+) starts it: `<python> -u -m pulumi.policy <engine> <abs pack dir>` with
cwd = the pack dir and PULUMI_* variables set; the first stdout line is its gRPC port.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import grpc
import yaml
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.proto import analyzer_pb2 as pb
from pulumi.runtime.proto import analyzer_pb2_grpc

from . import policy_config
from .wire import to_struct

MAX_MESSAGE = 400 * 1024 * 1024
LEVEL_NAMES = {pb.ADVISORY: "advisory", pb.MANDATORY: "mandatory", pb.DISABLED: "disabled", pb.REMEDIATE: "remediate"}
LEVEL_VALUES = {v: k for k, v in LEVEL_NAMES.items()}
SEVERITIES = {1: "low", 2: "medium", 3: "high", 4: "critical"}
PREVIEW_SKIP = "can't run policy"


@dataclass(frozen=True)
class Resource:
    """A resource as the engine presents it: type, name, URN, props, provider, parent and dependencies."""

    type: str
    name: str
    urn: str
    props: dict
    provider: Optional["Resource"] = None
    parent: str = ""
    dependencies: tuple = ()
    property_dependencies: dict = field(default_factory=dict)  # prop -> [urn]
    outputs: Optional[dict] = None  # the state AnalyzeStack sees, when it differs from props (None: props)


@dataclass(frozen=True)
class Violation:
    policy: str
    message: str
    level: str
    urn: str
    severity: str = ""

    @property
    def is_preview_skip(self) -> bool:
        return PREVIEW_SKIP in self.message


def pack_python(pack_dir: Path) -> str:
    """The interpreter the CLI would use: `<pack>/<virtualenv>/bin/python` when set and present, else ours."""
    spec = yaml.safe_load((pack_dir / "PulumiPolicy.yaml").read_text()) or {}
    runtime = spec.get("runtime") if isinstance(spec.get("runtime"), dict) else {}
    venv = (runtime.get("options") or {}).get("virtualenv")
    if venv:
        candidate = pack_dir / venv / "bin" / "python"
        if candidate.exists():
            return str(candidate)
    return sys.executable


class DirectStub:
    """An Analyzer stub calling a servicer in this process (no channel, no context): for in-process tests."""

    def __init__(self, servicer):
        self._servicer = servicer

    def __getattr__(self, name):
        method = getattr(self._servicer, name)
        return lambda request: method(request, None)


class PackProcess:
    """A running pack and a gRPC client speaking the engine's side. Use as a context manager."""

    def __init__(self, pack_dir, *, project="sovereign-guard", stack="dev", dry_run=True, stack_config=None,
                 organization="organization", python=None, secret_keys=()):
        self.pack_dir = Path(pack_dir).resolve()
        self.python = python or pack_python(self.pack_dir)
        self.project, self.stack, self.dry_run = project, stack, dry_run
        self.stack_config = stack_config or {}
        self.secret_keys = tuple(secret_keys)  # stack config keys that were secrets (ConfigureStack says which)
        self.organization = organization
        self.policies: list = []
        self.levels: dict = {}

    def __enter__(self) -> "PackProcess":
        config = json.dumps(self.stack_config, separators=(",", ":"), sort_keys=True)  # as Go marshals a map
        env = dict(os.environ, PULUMI_CONFIG=config, PULUMI_PROJECT=self.project, PULUMI_STACK=self.stack,
                   PULUMI_DRY_RUN="true" if self.dry_run else "false", PULUMI_ORGANIZATION=self.organization)
        self._stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [self.python, "-u", "-m", "pulumi.policy", "127.0.0.1:0", str(self.pack_dir)],
            cwd=self.pack_dir, env=env, stdout=subprocess.PIPE, stderr=self._stderr)
        line = self.process.stdout.readline().decode().strip()
        if not line.isdigit():
            self.close()
            raise RuntimeError(f"policy pack did not print its port (got {line!r}): {self.stderr()}")
        self.channel = grpc.insecure_channel(f"127.0.0.1:{line}", options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE), ("grpc.max_send_message_length", MAX_MESSAGE)])
        self.stub = analyzer_pb2_grpc.AnalyzerStub(self.channel)
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stderr(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace")

    def close(self) -> None:
        if getattr(self, "channel", None) is not None:
            self._cancel()
            self.channel.close()
            self.channel = None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()

    def _cancel(self) -> None:
        """Cancel, as the engine does before it stops the pack (the Python SDK does not implement it)."""
        try:
            self.stub.Cancel(empty_pb2.Empty())
        except grpc.RpcError as error:
            if error.code() not in (grpc.StatusCode.UNIMPLEMENTED, grpc.StatusCode.UNAVAILABLE):
                raise

    def start(self, config: Optional[dict] = None, tags: Optional[dict] = None, jurisdiction=None) -> dict:
        """ConfigureStack, GetPluginInfo, GetAnalyzerInfo, Configure: the CLI's start-up sequence.

        `config` is a parsed --policy-pack-config ({policy: {...}}); it is reconciled with the schema defaults
        (and `jurisdiction`, when given, set on every policy that takes one) and validated as the CLI does
        (PolicyConfigError on failure). Returns the analyzer info as a dict.
        """
        self.stub.ConfigureStack(pb.AnalyzerStackConfigureRequest(
            stack=self.stack, project=self.project, organization=self.organization, dry_run=self.dry_run,
            config=self.stack_config, config_secret_keys=sorted(self.secret_keys), tags=tags or {}))
        self.plugin_version = self.stub.GetPluginInfo(empty_pb2.Empty()).version
        info = self.stub.GetAnalyzerInfo(empty_pb2.Empty())
        self.policies = [(p.name, LEVEL_NAMES[p.enforcementLevel],
                          json_format.MessageToDict(p.configSchema.properties) if p.HasField("configSchema") else {},
                          list(p.configSchema.required) if p.HasField("configSchema") else [])
                         for p in info.policies]
        reconciled = policy_config.reconcile(self.policies, config or {}, jurisdiction)
        request = pb.ConfigureAnalyzerRequest()
        for name, (level, props) in reconciled.items():
            entry = request.policyConfig[name]
            entry.enforcementLevel = LEVEL_VALUES[level]
            entry.properties.CopyFrom(json_format.ParseDict(props, struct_pb2.Struct()))
            self.levels[name] = level
        self.stub.Configure(request)
        return json_format.MessageToDict(info)

    @staticmethod
    def _provider(resource: Resource):
        if resource.provider is None:
            return None
        p = resource.provider
        return pb.AnalyzerProviderResource(type=p.type, properties=to_struct(p.props), urn=p.urn, name=p.name)

    def _request(self, resource: Resource, skip_internal: bool = True) -> pb.AnalyzeRequest:
        request = pb.AnalyzeRequest(type=resource.type, properties=to_struct(resource.props, skip_internal),
                                    urn=resource.urn, name=resource.name,
                                    options=pb.AnalyzerResourceOptions(parent=resource.parent))
        provider = self._provider(resource)
        if provider is not None:
            request.provider.CopyFrom(provider)
        return request

    def analyze(self, resource: Resource) -> list:
        """Remediate then Analyze, as the engine does for each resource; returns the violations."""
        self.stub.Remediate(self._request(resource, skip_internal=False))
        return self._violations(self.stub.Analyze(self._request(resource)), resource.urn)

    def analyze_stack(self, resources) -> list:
        request = pb.AnalyzeStackRequest()
        for r in resources:
            item = request.resources.add(type=r.type, properties=to_struct(r.props), urn=r.urn, name=r.name,
                                         parent=r.parent, dependencies=list(r.dependencies),
                                         options=pb.AnalyzerResourceOptions(parent=r.parent))
            provider = self._provider(r)
            if provider is not None:
                item.provider.CopyFrom(provider)
            for prop, urns in r.property_dependencies.items():
                item.propertyDependencies[prop].urns.extend(urns)
        return self._violations(self.stub.AnalyzeStack(request), "")

    @staticmethod
    def _violations(response, default_urn: str) -> list:
        return [Violation(d.policyName, d.message.removeprefix(d.description + "\n"),
                          LEVEL_NAMES[d.enforcementLevel], d.urn or default_urn, SEVERITIES.get(d.severity, ""))
                for d in response.diagnostics]
