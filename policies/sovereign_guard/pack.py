"""The Sovereign Guard policy pack: policy definitions (name, description, severity, config schema) and entry point."""
from __future__ import annotations

import functools
import gc

from pulumi_policy import (EnforcementLevel, PolicyConfigSchema, ResourceValidationPolicy, Severity,
                           StackValidationPolicy)

from . import config
from .rules import bucket_encryption, custody, exemptions, flows, keys, providers, residency, rotation, waivers
from .rules.dependencies import resolve, subject_of
from .rules.outcome import FAIL, UNKNOWN
from .serve import SharedReadAnalyzer, serve

PACK_NAME = "sovereign-guard"


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


def _learn(policy: str, args) -> None:
    """Tell the run's ledger this policy's exemptions, once per run (stale ones are reported by `waivers`)."""
    if not waivers.knows(args, policy):
        try:
            waivers.learn(args, policy, config.settings(args.get_config()).exemptions)
        except config.ConfigError:
            waivers.learn(args, policy, ())  # the policy itself reports the invalid config


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


def _resource_validator(policy: str):
    """A resource policy's validate: parsed config, raw props, the rule's failing findings reported."""
    applies, rule = RESOURCE_RULES[policy]

    def validate(args, report_violation) -> None:
        _learn(policy, args)
        if applies(args.resource_type) and (settings := _settings(args, report_violation)) is not None:
            subject = subject_of(args)
            _report(policy, args, rule(subject, settings), subject, settings, report_violation)
    return validate


def _key_findings(args, settings, stack):
    """(resource, subject, finding) for every key reference in the stack, then each Scaleway bucket's encryption."""
    for resource in args.resources:
        if custody.applies(resource.resource_type):
            subject = stack.subject_of(resource)
            for finding in custody.evaluate(resource, subject, stack, settings):
                yield resource, subject, finding
    yield from bucket_encryption.findings(args.resources, stack)


def _stack_policy(policy: str):
    """A stack policy's validate: its parsed config (an invalid one is reported by _settings), then `check(args,
    settings, report_violation)` with the cyclic garbage collector paused. The SDK has just built every resource
    of the stack (hundreds of thousands of objects), and each collection the policy's allocations trigger would scan
    them all again: a third of the policy's time at 10,000 resources, growing faster than the stack. The policies
    make no reference cycles, so nothing waits for the collector, which resumes afterwards."""
    def wrap(check):
        @functools.wraps(check)
        def validate(args, report_violation) -> None:
            _learn(policy, args)
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
    for resource, subject, finding in _key_findings(args, settings, custody.Stack(args.resources, subject_of)):
        _report("key-custody", args, [finding], subject, settings, report_violation, resource.urn)


def _location_rule(subject, jurisdiction):
    if providers.applies(subject.token):
        return providers.evaluate(subject, jurisdiction)
    return residency.evaluate(subject, jurisdiction)


def _unknown_locations(args, settings, stack):
    """(resource, subject, finding, outcome, why) for every location unknown in the stack's values."""
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


@_stack_policy("dependent-locations")
def validate_dependent_locations(args, settings, report_violation) -> None:
    stack = custody.Stack(args.resources, subject_of)
    for resource, subject, finding, outcome, why in _unknown_locations(args, settings, stack):
        if outcome == FAIL:
            lead = (f"{finding.path} names the {finding.refers[0].rsplit(':', 1)[-1]} {finding.refers[1]!r}"
                    if finding.refers else f"{finding.path} is not known yet")
            failed = finding._replace(outcome=FAIL, message=f"{subject.title}: {lead}, but {why}")
            _report("dependent-locations", args, [failed], subject, settings, report_violation, resource.urn)


@_stack_policy("data-flows")
def validate_flows(args, settings, report_violation) -> None:
    for resource, subject, finding, trust in flows.findings(args.resources, settings):
        if finding.outcome == FAIL and trust is not None:
            waivers.waive(args, "data-flows", resource.urn, finding.message, trust)
        elif finding.outcome == FAIL:
            _report("data-flows", args, [finding], subject, settings, report_violation, resource.urn)


@_stack_policy("preview-unknowns")
def validate_preview_unknowns(args, settings, report_violation) -> None:
    stack = custody.Stack(args.resources, subject_of)  # one set of subjects for both walks over the stack
    for resource, subject, finding, outcome, why in _unknown_locations(args, settings, stack):
        if outcome == UNKNOWN:
            report_violation(f"{subject.title}: {finding.path} can't be known during preview (it depends on "
                             f"{why or 'values computed at deployment'}); data-residency enforces it at update.",
                             resource.urn)
    for resource, subject, finding in _key_findings(args, settings, stack):
        if finding.outcome == UNKNOWN:
            report_violation(f"{finding.message} key-custody enforces it at update.", resource.urn)
    for resource, subject, finding, _ in flows.findings(args.resources, settings, stack):
        if finding.outcome == UNKNOWN:
            report_violation(f"{finding.message} data-flows enforces it at update.", resource.urn)


def validate_waivers(args, report_violation) -> None:
    """Every finding an exemption waived in this run, and every exemption that matched no resource."""
    settings = _settings(args, report_violation)
    stale = settings is None or settings.get("reportStaleExemptions", True)
    waivers.report(args, args.resources, report_violation, stale=stale)


RESIDENCY_SCHEMA = PolicyConfigSchema(properties=config.RESIDENCY_SCHEMA)
KEYS_SCHEMA = PolicyConfigSchema(properties=config.KEYS_SCHEMA)
CUSTODY_SCHEMA = PolicyConfigSchema(properties=config.CUSTODY_SCHEMA)
ROTATION_SCHEMA = PolicyConfigSchema(properties=config.ROTATION_SCHEMA)
FLOWS_SCHEMA = PolicyConfigSchema(properties=config.FLOWS_SCHEMA)
EXEMPTIONS_SCHEMA = PolicyConfigSchema(properties={"exemptions": config.EXEMPTIONS})

POLICIES = [
    ResourceValidationPolicy(
        name="data-residency",
        display_name="Data residency",
        description="Every Google Cloud, OVHcloud and Scaleway resource that holds or processes data, including its "
                    "replicas, backups and other secondary locations, is located inside the jurisdiction.",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.CRITICAL,
        config_schema=RESIDENCY_SCHEMA,
        validate=_resource_validator("data-residency"),
        remediation_steps="Set the location named in the message to one of the suggested locations, or record an "
                          "accepted risk in `exemptions` with a reason and an expiry.",
    ),
    ResourceValidationPolicy(
        name="provider-jurisdiction",
        display_name="Provider jurisdiction",
        description="The Google provider's default region and zone are inside the jurisdiction (and under fr-trusted "
                    "its universe domain is S3NS); the OVH provider names an explicit API endpoint whose legal "
                    "entity is in the jurisdiction; the Scaleway provider sets its region and zone inside the "
                    "jurisdiction and keeps Scaleway's API and S3 endpoints.",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.HIGH,
        config_schema=RESIDENCY_SCHEMA,
        validate=_resource_validator("provider-jurisdiction"),
        remediation_steps="Set gcp:region/gcp:zone (and gcp:universeDomain for S3NS), ovh:endpoint or "
                          "scaleway:region/scaleway:zone in the stack config, or on the explicit provider.",
    ),
    StackValidationPolicy(
        name="dependent-locations",
        display_name="Locations through dependencies",
        description="A location that is unknown during preview because it comes from another resource is judged "
                    "through the engine's property dependencies, so a preview already rejects it.",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.CRITICAL,
        config_schema=RESIDENCY_SCHEMA,
        validate=validate_dependent_locations,
    ),
    StackValidationPolicy(
        name="data-flows",
        display_name="Data flows",
        description="Data a resource sends, copies or replicates elsewhere stays inside the jurisdiction: logging "
                    "sinks, subscriptions, transfers, exports, snapshots and images, replicas and backup vaults are "
                    "judged where their destination is (a resource of the stack, also through property "
                    "dependencies at preview, or the place its reference carries); a destination that cannot be "
                    "placed fails unless trusted; edge caches (Cloud CDN, Media CDN, Firebase Hosting) fail unless "
                    "allowed for public content.",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.CRITICAL,
        config_schema=FLOWS_SCHEMA,
        validate=validate_flows,
        remediation_steps="Keep the destination named in the message in the jurisdiction (or set the copy's "
                          "storage location); list a destination outside the stack that you vouch for in "
                          "`trustedDestinations`, or record an accepted risk in `exemptions`.",
    ),
    StackValidationPolicy(
        name="preview-unknowns",
        display_name="Unknown at preview",
        description="Names each location, key or destination that cannot be known during preview even through "
                    "its dependencies; data-residency, key-custody and data-flows enforce them at update.",
        enforcement_level=EnforcementLevel.ADVISORY,
        severity=Severity.LOW,
        config_schema=RESIDENCY_SCHEMA,
        validate=validate_preview_unknowns,
    ),
    ResourceValidationPolicy(
        name="customer-managed-keys",
        display_name="Customer-managed keys",
        description="Every data store is encrypted with a key the customer holds (Cloud KMS, OVHcloud KMS or "
                    "Scaleway Key Manager): not provider-managed keys, not customer-supplied raw keys, and not a "
                    "service that offers no customer-managed key unless the risk is recorded as an exemption.",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.HIGH,
        config_schema=KEYS_SCHEMA,
        validate=_resource_validator("customer-managed-keys"),
        remediation_steps="Set the key field named in the message to a Cloud KMS key (or an OKMS service key, or a "
                          "Key Manager key) in the data's location, or record an accepted risk in `exemptions`.",
    ),
    ResourceValidationPolicy(
        name="unclassified-resources",
        display_name="Unclassified resource types",
        description="A Google Cloud, OVHcloud or Scaleway resource type the Sovereign Guard catalog does not know, "
                    "so new provider releases do not slip through unseen.",
        enforcement_level=EnforcementLevel.ADVISORY,
        severity=Severity.MEDIUM,
        config_schema=EXEMPTIONS_SCHEMA,
        validate=_resource_validator("unclassified-resources"),
    ),
    ResourceValidationPolicy(
        name="key-rotation",
        display_name="Key rotation",
        description="Cloud KMS and Scaleway Key Manager symmetric keys rotate automatically at most every "
                    "maxRotationDays days, and Key Manager keys keep their deletion protection.",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.MEDIUM,
        config_schema=ROTATION_SCHEMA,
        validate=_resource_validator("key-rotation"),
    ),
    StackValidationPolicy(
        name="key-custody",
        display_name="Key custody",
        description="Every key reference resolves to a key ring, OKMS domain or Key Manager key inside the "
                    "jurisdiction, not in global, in the same location as the data, at an allowed protection level "
                    "and in an allowed key project; keys created in the same stack are followed through property "
                    "dependencies. A Scaleway bucket is encrypted by a BucketServerSideEncryptionConfiguration of "
                    "the stack with SSE-KMS (aws:kms and a Key Manager key).",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.HIGH,
        config_schema=CUSTODY_SCHEMA,
        validate=validate_custody,
    ),
    # last: the stack policies above waive findings in the same AnalyzeStack
    StackValidationPolicy(
        name="waivers",
        display_name="Waivers",
        description="Lists every finding an exemption waived in this run (policy, resource, reason, expiry), and every "
                    "exemption that matched no resource (stale), so that what was waived stays visible to reviewers.",
        enforcement_level=EnforcementLevel.ADVISORY,
        severity=Severity.LOW,
        config_schema=PolicyConfigSchema(properties=config.WAIVERS_SCHEMA),
        validate=validate_waivers,
    ),
]


def analyzer() -> SharedReadAnalyzer:
    """The pack's analyzer: the SDK's, reading each request once for every policy (serve.py)."""
    return SharedReadAnalyzer(PACK_NAME, "0.0.1", POLICIES, EnforcementLevel.MANDATORY)


def build() -> None:
    """Serve the pack (prints the gRPC port first, then blocks)."""
    serve(analyzer())
