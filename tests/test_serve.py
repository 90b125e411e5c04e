"""The pack's analyzer (serve.py) answers exactly as pulumi-policy's own servicer does, reading each request once:
same diagnostics, not-applicable reports and levels, for Analyze and AnalyzeStack, with unknowns, secrets,
disabled, advisory and remediate levels, an invalid config, and policies that raise UnknownValueError or declare
themselves not applicable; and the stack policies of one request walk the stack once where their settings agree."""
import inspect
import re

import pytest
from pulumi_policy import EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy
from pulumi_policy.policy import _PolicyAnalyzerServicer
from pulumi.runtime.proto import analyzer_pb2 as pb

from shapes import catalogue_stack
from sovereign_guard import pack
from sovereign_guard.rules import custody, flows
from sovereign_guard.serve import SharedReadAnalyzer
from sovereign_guard_tools.engine.analyzer import DirectStub, PackProcess
from sovereign_guard_tools.engine.wire import UNKNOWN, Secret

STRICT = {"all": "mandatory", "key-rotation": "disabled", "customer-managed-keys": "remediate",
          "data-residency": {"jurisdiction": "mars"}}  # an invalid config reaches the pack (Configure, unvalidated)
# the stack policies' settings that their shared walks read, set apart: each policy walks with its own
APART = {"key-custody": {"allowedProtectionLevels": ["HSM"], "trustKeysOutsideStack": True},
         "data-flows": {"allowPublicEdgeCaching": True, "trustedDestinations": [
             {"destination": "projects/p/datasets/*", "reason": "x", "expires": "2099-01-01"}]},
         "preview-unknowns": {"jurisdiction": "fr-trusted"}}


def _reads_unknown(args, report_violation):
    args.props["location"]  # the SDK's proxy raises UnknownValueError at preview


def _not_applicable(args, report_violation):
    args.not_applicable("not for this type")


POLICIES = pack.POLICIES + [
    ResourceValidationPolicy(name="reads-unknown", description="x", validate=_reads_unknown),
    ResourceValidationPolicy(name="not-applicable", description="x", validate=_not_applicable),
    StackValidationPolicy(name="stack-reads-unknown", description="x",
                          validate=lambda args, report: [r.props["location"] for r in args.resources]),
]


def _served(kind):
    process = PackProcess("policies")
    process.stub = DirectStub(kind(pack.PACK_NAME, "0.0.1", POLICIES, EnforcementLevel.MANDATORY))
    return process


def _configure(process, config):
    request = pb.ConfigureAnalyzerRequest()
    for name, value in config.items():
        entry = request.policyConfig[name]
        if isinstance(value, str):
            entry.enforcementLevel = {"mandatory": pb.MANDATORY, "disabled": pb.DISABLED,
                                      "remediate": pb.REMEDIATE}[value]
        else:
            entry.enforcementLevel = pb.MANDATORY
            entry.properties.update(value)
    process.stub.Configure(request)


def test_the_pack_analyzer_answers_as_the_sdk_servicer():
    leaves = ["europe-west9", "us-central1", UNKNOWN, Secret("us-east1"), 5.0, "EU-WEST-PAR"]
    resources = catalogue_stack(leaves, step=3)
    for config in ({}, STRICT, APART):
        ours, sdk = _served(SharedReadAnalyzer), _served(_PolicyAnalyzerServicer)
        for process in (ours, sdk):
            process.stub.ConfigureStack(pb.AnalyzerStackConfigureRequest(stack="dev", project="p"))
            _configure(process, config)
        expected = [_analyze(sdk, r) for r in resources]
        assert [_analyze(ours, r) for r in resources] == expected
        stack = _analyze_stack(sdk, resources)
        assert _analyze_stack(ours, resources) == stack
        analyzed = [answer[2] for answer in expected] + [stack]
        messages = [d[1] for diagnostics, _ in analyzed for d in diagnostics]
        assert any("can't run policy 'reads-unknown'" in m for m in messages)
        assert any("can't run policy 'stack-reads-unknown'" in m for m in messages)
        assert any(("not-applicable", "not for this type") in skipped for _, skipped in analyzed)
        assert len({d[0] for diagnostics, _ in analyzed for d in diagnostics}) >= 4
        if config is STRICT:  # customer-managed-keys at remediate: reported as not remediating, by both
            assert all(("customer-managed-keys", "Policy does not implement remediate") in answer[1]
                       for answer in expected)


def _diagnostics(response) -> tuple:
    return (sorted((d.policyName, d.message, d.enforcementLevel, d.urn, d.severity) for d in response.diagnostics),
            sorted((n.policy_name, n.reason) for n in response.not_applicable))


def _analyze(process, resource) -> tuple:
    """Remediate then Analyze, as the engine calls them."""
    remediated = process.stub.Remediate(process._request(resource))
    return (sorted((r.policyName, r.diagnostic) for r in remediated.remediations),
            sorted((n.policy_name, n.reason) for n in remediated.not_applicable),
            _diagnostics(process.stub.Analyze(process._request(resource))))


def _analyze_stack(process, resources) -> tuple:
    captured = []
    stub = process.stub
    process.stub = type("Capture", (), {"AnalyzeStack": lambda self, request: captured.append(request)
                                        or pb.AnalyzeResponse()})()
    process.analyze_stack(resources)
    process.stub = stub
    return _diagnostics(stub.AnalyzeStack(captured[0]))


def test_the_walks_the_stack_policies_share_read_only_the_settings_they_name():
    """A stack walk is shared between policies whose jurisdiction and `SETTINGS` agree: a setting the rule reads
    but does not name would let one policy's findings stand for another's."""
    for module in (custody, flows):
        assert set(re.findall(r'settings\.get\("(\w+)"', inspect.getsource(module))) == set(module.SETTINGS)


@pytest.mark.parametrize("config, walks", [({}, 1), ({"key-custody": {"allowedProtectionLevels": ["HSM"]}}, 2),
                                           ({"key-custody": {"trustKeysOutsideStack": False}}, 1)])
def test_key_custody_and_preview_unknowns_walk_the_keys_once_where_their_settings_agree(monkeypatch, config, walks):
    evaluated = []
    evaluate = custody.evaluate
    monkeypatch.setattr(custody, "evaluate", lambda resource, *rest: evaluated.append(resource.urn)
                        or evaluate(resource, *rest))
    resources = catalogue_stack(["europe-west9", "us-central1", UNKNOWN], step=3)
    counts = {}
    for kind in (SharedReadAnalyzer, _PolicyAnalyzerServicer):
        process = _served(kind)
        process.stub.ConfigureStack(pb.AnalyzerStackConfigureRequest(stack="dev", project="p"))
        _configure(process, config)
        evaluated.clear()
        _analyze_stack(process, resources)
        counts[kind] = len(evaluated)
    keyed = sum(custody.applies(r.type) for r in resources)
    assert keyed > 20
    assert counts == {SharedReadAnalyzer: walks * keyed, _PolicyAnalyzerServicer: 2 * keyed}
