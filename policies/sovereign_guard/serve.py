"""Serving the pack: pulumi-policy's analyzer, reading each resource (and each stack) once for all the policies.

pulumi-policy 1.21.0's `_PolicyAnalyzerServicer` deserializes a resource's props, options and provider once per
resource policy in Analyze, and every resource of the stack once per stack policy in AnalyzeStack: most of what a
pack of several policies costs over a pack of one. (Remediate reads the resource even when no policy remediates;
this analyzer then answers without reading it.) `SharedReadAnalyzer` keeps the SDK's behaviour call for call
(enforcement levels, remediate downgraded to mandatory, not-applicable reports, the UnknownValueError advisory, the
same args classes and proxies) but builds those objects once per request and hands them to every policy. It reads
the servicer's private state, so the pack pins pulumi-policy, and tests/test_serve.py checks that its answers are
the SDK servicer's on the same requests. Two things it adds for the pack's own policies: a resource policy with an
`applies_to(token)` is skipped for the types it says it cannot judge (before the resource is read for it), and
stack policies get `args.policy_configs`, every policy's config (the `waivers` policy reports the exemptions of the
others that matched nothing), and `args.memo`, one dict per request, where they share the walks over the stack that
several of them make (checks.py).

`serve` is what `PolicyPack.__init__` does after building its servicer: a gRPC server on 127.0.0.1:0 whose port is
the first line printed (the engine reads it), then sleep until interrupted.
"""
from __future__ import annotations

import asyncio
import sys
import threading
from concurrent import futures
from inspect import isawaitable
from types import MappingProxyType
from typing import List

import grpc
from google.protobuf import json_format
from pulumi.runtime.proto import analyzer_pb2 as proto
from pulumi.runtime.proto import analyzer_pb2_grpc
from pulumi_policy.deserialize import deserialize_properties
from pulumi_policy.policy import (_GRPC_CHANNEL_OPTIONS, EnforcementLevel, PolicyResource, ResourceValidationArgs,
                                  ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy,
                                  _NotApplicableError, _PolicyAnalyzerServicer)
from pulumi_policy.proxy import UnknownValueError, unknown_checking_proxy

_SDK = "_PolicyAnalyzerServicer__"  # the name-mangled prefix of the SDK servicer's private attributes


class SharedReadAnalyzer(_PolicyAnalyzerServicer):
    """The SDK's analyzer, with each request read once for every policy."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._levels()

    def _private(self, name: str):
        return getattr(self, _SDK + name)

    def Configure(self, request, context):
        response = super().Configure(request, context)
        self._levels()
        return response

    def _levels(self) -> None:
        """(policy, level) of the resource and of the stack policies that run, as the config sets them now, and
        whether any policy remediates."""
        policies = self._private("policies")
        self._running = {kind: [(p, level) for p in policies if (level := self._level(p, kind)) is not None]
                         for kind in (ResourceValidationPolicy, StackValidationPolicy)}
        self._remediates = any(isinstance(p, ResourceValidationPolicy) and
                               self._get_enforcement_level(p) == EnforcementLevel.REMEDIATE for p in policies)

    def Remediate(self, request, context):
        """The SDK's, unless no policy is at the remediate level: then its answer is empty whatever the resource,
        and reading the resource is skipped."""
        if self._remediates:
            return super().Remediate(request, context)
        self._configure_runtime_settings()
        return proto.RemediateResponse()

    def _run(self, policy, args, report_violation, response) -> None:
        """Call a policy's validate as the SDK does, reporting UnknownValueError and not-applicable the same way."""
        try:
            result = policy.validate(args, report_violation)
            if result is not None and isawaitable(result):
                loop = asyncio.new_event_loop()
                loop.run_until_complete(asyncio.Task(result, loop=loop))
                loop.close()
        except UnknownValueError as e:
            name, version = self._private("policy_pack_name"), self._private("policy_pack_version")
            response.diagnostics.append(proto.AnalyzeDiagnostic(
                policyName=policy.name, policyPackName=name, policyPackVersion=version,
                message=(f"can't run policy '{policy.name}' from policy pack '{name}@v{version}' during preview: "
                         f"{e.message}"),
                urn="", description=policy.description,
                enforcementLevel=self._map_enforcement_level(EnforcementLevel.ADVISORY)))
        except _NotApplicableError as e:
            response.not_applicable.append(proto.PolicyNotApplicable(policy_name=policy.name, reason=e.reason or ""))

    def _level(self, policy, kind):
        """The policy's level when it runs in this call (REMEDIATE reported as MANDATORY), else None."""
        level = self._get_enforcement_level(policy)
        if level == EnforcementLevel.DISABLED or not isinstance(policy, kind):
            return None
        return EnforcementLevel.MANDATORY if level == EnforcementLevel.REMEDIATE else level

    def Analyze(self, request, _context):
        self._configure_runtime_settings()
        response = proto.AnalyzeResponse()
        shared, tags = None, self._private("stack_tags")
        for policy, level in self._running[ResourceValidationPolicy]:
            applies_to = getattr(policy, "applies_to", None)
            if applies_to is not None and not applies_to(request.type):
                continue  # the pack's own rule says this type is none of its business: not read for it
            if not policy.has_validation():
                response.not_applicable.append(proto.PolicyNotApplicable(
                    policy_name=policy.name, reason="Policy does not implement validate"))
                continue
            if shared is None:  # read once, for every policy that runs
                shared = (unknown_checking_proxy(deserialize_properties(json_format.MessageToDict(request.properties))),
                          self._get_resource_options(request), self._get_provider_resource(request))
            props, opts, provider = shared
            report = self._create_report_violation(response, policy.name, policy.description, level, policy.severity)
            args = ResourceValidationArgs(request.type, props, request.urn, request.name, opts, provider,
                                          self._get_policy_config(policy.name), tags)
            self._run(policy, args, report, response)
        return response

    def _stack_resources(self, request) -> List[PolicyResource]:
        """The stack's resources as the SDK builds them for a stack policy, parents and dependencies linked."""
        built, links = {}, []
        for r in request.resources:
            props = unknown_checking_proxy(deserialize_properties(json_format.MessageToDict(r.properties)))
            resource = PolicyResource(r.type, props, r.urn, r.name, self._get_resource_options(r),
                                      self._get_provider_resource(r), None, [], {})
            built[r.urn] = resource
            links.append((resource, r.parent, list(r.dependencies),
                          {k: list(v.urns) for k, v in r.propertyDependencies.items()}))
        for resource, parent, dependencies, property_dependencies in links:
            if parent is not None and parent in built:
                resource.parent = built[parent]
            resource.dependencies.extend(built[d] for d in dependencies if d in built)
            for key, urns in property_dependencies.items():
                resource.property_dependencies[key] = [built[u] for u in urns if u in built]
        return [resource for resource, *_ in links]

    def AnalyzeStack(self, request, _context):
        self._configure_runtime_settings()
        response = proto.AnalyzeResponse()
        resources, memo = None, {}
        for policy, level in self._running[StackValidationPolicy]:
            if resources is None:  # read once, for every stack policy that runs
                resources = self._stack_resources(request)
            report = self._create_report_violation(response, policy.name, policy.description, level, policy.severity)
            args = StackValidationArgs(resources, self._get_policy_config(policy.name), self._private("stack_tags"))
            args.policy_configs = MappingProxyType(self._private("policy_pack_config"))  # the waivers policy reads them
            args.memo = memo  # the walks the stack policies share (checks.py)
            self._run(policy, args, report, response)
        return response


def serve(servicer) -> None:
    """Serve the analyzer on a local port, print the port first (the engine reads it), and block."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), options=_GRPC_CHANNEL_OPTIONS)
    analyzer_pb2_grpc.add_AnalyzerServicer_to_server(servicer, server)
    port = server.add_insecure_port(address="127.0.0.1:0")
    server.start()
    sys.stdout.buffer.write(f"{port}\n".encode())
    sys.stdout.buffer.flush()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop(0)
