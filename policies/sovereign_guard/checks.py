"""What the pack's policies do: parse their config, read each resource as the rules see it, run the rules, report
the failing findings minus those an exemption waives. pack.py imports this module on the first policy call, so that
a start-up (the engine waits on it) loads only the policies' metadata, not the rules and catalogs."""
from __future__ import annotations

import functools
import gc
import json

from . import config
from .rules import bucket_encryption, custody, exemptions, flows, keys, providers, residency, rotation, waivers
from .rules.dependencies import resolve, subject_of
from .rules.outcome import FAIL, UNKNOWN


def _report(policy: str, args, findings, subject, settings, report_violation, urn=None) -> None:
    """Report failing findings, minus those an active exemption covers (recorded for the `waivers` policy); an
    expired exemption is named in the message."""
    failing = [f for f in findings if f.outcome == FAIL]
    if not failing:
        return
    active, expired = exemptions.find(settings.exemptions, subject.urn, subject.name, subject.token)
    if active is not None:
        for finding in failing:
            waivers.waive(args, policy, subject.urn, finding.message, active)
        return
    for finding in failing:
        message = finding.message
        if expired is not None:
            message += (f" (The {policy} exemption #{expired.number} for {expired.scope} expired on "
                        f"{expired.expires.isoformat()} and no longer applies: fix the resource or renew the "
                        "exemption with a new expiry.)")
        if urn is None:
            report_violation(message)
        else:
            report_violation(message, urn)


def _settings(args, report_violation):
    """The policy's parsed config; None when its schema rejects it (sent to the pack without the CLI's check): then
    the policy checks nothing and reports that instead, which blocks the deployment rather than passing it."""
    try:
        return config.settings(args.get_config())
    except config.ConfigError as error:
        report_violation(f"The policy config is invalid, so this policy checks nothing: {error}. Fix it in the "
                         "--policy-pack-config file (the Pulumi CLI validates it against the policy's schema).")
        return None


# resource policy -> (does it apply to a type? (the others are skipped unread), its findings on a resource)
RESOURCE_RULES = {
    "data-residency": (residency.applies, lambda subject, s: residency.evaluate(subject, s.jurisdiction)),
    "provider-jurisdiction": (providers.applies, lambda subject, s: providers.evaluate(subject, s.jurisdiction)),
    "customer-managed-keys": (keys.applies, lambda subject, s: keys.evaluate(
        subject, bool(s.get("allowCustomerSuppliedKeys", False)))),
    "unclassified-resources": (keys.is_unclassified, lambda subject, s: keys.unclassified(subject)),
    "key-rotation": (rotation.applies, lambda subject, s: rotation.evaluate(
        subject, float(s.get("maxRotationDays", 365)))),
}


def resource_validator(policy: str):
    """A resource policy's validate: parsed config, raw props, the rule's failing findings reported."""
    applies, rule = RESOURCE_RULES[policy]

    def validate(args, report_violation) -> None:
        if applies(args.resource_type) and (settings := _settings(args, report_violation)) is not None:
            subject = subject_of(args)
            _report(policy, args, rule(subject, settings), subject, settings, report_violation)
    return validate


# walk -> the settings it reads besides the jurisdiction (the rules use them as true/false or `or []`)
_WALK_READS = {"locations": (), "keys": custody.SETTINGS, "flows": flows.SETTINGS}


def _walk(args, name: str, settings, walk) -> list:
    """A walk over the stack, `walk()`'s items, made once per AnalyzeStack request for every stack policy whose
    settings give the same findings (the jurisdiction and the settings the walk reads; exemptions apply after). The
    pack's analyzer hands the stack policies of one request the same `args.memo` (preview-unknowns walks the stack
    as dependent-locations, key-custody and data-flows do); without it (the SDK's servicer), each walks alone."""
    memo = getattr(args, "memo", None)
    if memo is None:
        return list(walk())
    reads = json.dumps([settings.get(k) or None for k in _WALK_READS[name]], sort_keys=True)
    key = (name, settings.jurisdiction, reads)
    if key not in memo:
        memo[key] = list(walk())
    return memo[key]


def _stack(args) -> custody.Stack:
    """The stack's resources by id and name, and their subjects, shared like the walks."""
    memo = getattr(args, "memo", None)
    if memo is None:
        return custody.Stack(args.resources, subject_of)
    if "stack" not in memo:
        memo["stack"] = custody.Stack(args.resources, subject_of)
    return memo["stack"]


def _key_findings(args, settings, stack) -> list:
    """(resource, subject, finding) for every key reference in the stack, then each Scaleway bucket's encryption."""
    def walk():
        for resource in args.resources:
            if custody.applies(resource.resource_type):
                subject = stack.subject_of(resource)
                for finding in custody.evaluate(resource, subject, stack, settings):
                    yield resource, subject, finding
        yield from bucket_encryption.findings(args.resources, stack)
    return _walk(args, "keys", settings, walk)


def _stack_policy(policy: str):
    """A stack policy's validate: its parsed config (an invalid one is reported by _settings), then `check(args,
    settings, report_violation)` with the cyclic garbage collector paused. The SDK has just built every resource
    of the stack (hundreds of thousands of objects), and each collection the policy's allocations trigger would scan
    them all again: a third of the policy's time at 10,000 resources, growing faster than the stack. The policies
    make no reference cycles, so nothing waits for the collector, which resumes afterwards."""
    def wrap(check):
        @functools.wraps(check)
        def validate(args, report_violation) -> None:
            settings = _settings(args, report_violation)
            if settings is None:
                return
            resume = gc.isenabled()
            gc.disable()
            try:
                check(args, settings, report_violation)
            finally:
                if resume:
                    gc.enable()
        return validate
    return wrap


@_stack_policy("key-custody")
def validate_custody(args, settings, report_violation) -> None:
    for resource, subject, finding in _key_findings(args, settings, _stack(args)):
        _report("key-custody", args, [finding], subject, settings, report_violation, resource.urn)


def _location_rule(subject, jurisdiction):
    if providers.applies(subject.token):
        return providers.evaluate(subject, jurisdiction)
    return residency.evaluate(subject, jurisdiction)


def _unknown_locations(args, settings, stack) -> list:
    """(resource, subject, finding, outcome, why) for every location unknown in the stack's values."""
    def walk():
        cache: dict = {}  # URN -> location findings
        evaluate = lambda resource: _location_rule(stack.subject_of(resource), settings.jurisdiction)  # noqa: E731
        for resource in args.resources:
            token = resource.resource_type
            if not (providers.applies(token) or residency.applies(token)) or not (
                    resource.property_dependencies or residency.may_name_resources(token)):
                continue  # no location at all, or no unknown to follow
            if resource.urn not in cache:
                cache[resource.urn] = evaluate(resource)
            for finding in cache[resource.urn]:
                if finding.outcome == UNKNOWN and (finding.depends in resource.property_dependencies or finding.refers):
                    outcome, why = resolve(resource, finding, evaluate, cache, named=stack.named)
                    yield resource, stack.subject_of(resource), finding, outcome, why
    return _walk(args, "locations", settings, walk)


def _flows(args, settings, stack) -> list:
    """(resource, subject, finding, trust) for every destination and edge cache of the stack (rules/flows.py)."""
    return _walk(args, "flows", settings, lambda: flows.findings(args.resources, settings, stack))


@_stack_policy("dependent-locations")
def validate_dependent_locations(args, settings, report_violation) -> None:
    for resource, subject, finding, outcome, why in _unknown_locations(args, settings, _stack(args)):
        if outcome == FAIL:
            lead = (f"{finding.path} names the {finding.refers[0].rsplit(':', 1)[-1]} {finding.refers[1]!r}"
                    if finding.refers else f"{finding.path} is not known yet")
            failed = finding._replace(outcome=FAIL, message=f"{subject.title}: {lead}, but {why}")
            _report("dependent-locations", args, [failed], subject, settings, report_violation, resource.urn)


@_stack_policy("data-flows")
def validate_flows(args, settings, report_violation) -> None:
    for resource, subject, finding, trust in _flows(args, settings, _stack(args)):
        if finding.outcome == FAIL and trust is not None:
            waivers.waive(args, "data-flows", resource.urn, finding.message, trust)
        elif finding.outcome == FAIL:
            _report("data-flows", args, [finding], subject, settings, report_violation, resource.urn)


@_stack_policy("preview-unknowns")
def validate_preview_unknowns(args, settings, report_violation) -> None:
    stack = _stack(args)
    for resource, subject, finding, outcome, why in _unknown_locations(args, settings, stack):
        if outcome == UNKNOWN:
            report_violation(f"{subject.title}: {finding.path} can't be known during preview (it depends on "
                             f"{why or 'values computed at deployment'}); data-residency enforces it at update.",
                             resource.urn)
    for resource, subject, finding in _key_findings(args, settings, stack):
        if finding.outcome == UNKNOWN:
            report_violation(f"{finding.message} key-custody enforces it at update.", resource.urn)
    for resource, subject, finding, _ in _flows(args, settings, stack):
        if finding.outcome == UNKNOWN:
            report_violation(f"{finding.message} data-flows enforces it at update.", resource.urn)


def validate_waivers(args, report_violation) -> None:
    """Every finding an exemption waived in this run, and (from the configs of the other policies, which the pack's
    analyzer hands this policy) every exemption that matched no resource."""
    settings = _settings(args, report_violation)
    configured = {}
    if settings is None or settings.get("reportStaleExemptions", True):
        for policy, given in (getattr(args, "policy_configs", None) or {}).items():
            try:
                configured[policy] = config.settings(given).exemptions
            except config.ConfigError:
                continue  # the policy reports its invalid config itself
    waivers.report(args, args.resources, report_violation, configured)
