"""The Sovereign Guard policy pack: policy definitions (name, description, severity, config schema) and entry point.

What the policies do is in checks.py, imported on the first policy call; a start-up loads only this metadata.
"""
from __future__ import annotations

import importlib

from pulumi_policy import (EnforcementLevel, PolicyConfigSchema, ResourceValidationPolicy, Severity,
                           StackValidationPolicy)

from . import config
from .serve import SharedReadAnalyzer, serve

PACK_NAME = "sovereign-guard"


def _checks():
    return importlib.import_module(".checks", __package__)


class Rule(ResourceValidationPolicy):
    """A resource policy whose check (and the rules and catalogs behind it) is loaded on its first call;
    `applies_to(token)` lets the pack's analyzer skip the types the rule cannot judge before reading a resource."""

    def __init__(self, **kwargs):
        super().__init__(validate=self._validate, **kwargs)
        self._loaded = None

    def _validate(self, args, report_violation):
        return self._load()(args, report_violation)

    def _load(self):
        if self._loaded is None:
            self._loaded = _checks().resource_validator(self.name)
        return self._loaded

    def applies_to(self, token: str) -> bool:
        return _checks().RESOURCE_RULES[self.name][0](token)


def _stack(name: str):
    """A stack policy's validate, loaded on its first call."""
    def validate(args, report_violation):
        return getattr(_checks(), name)(args, report_violation)
    validate.__name__ = name
    return validate


RESIDENCY_SCHEMA = PolicyConfigSchema(properties=config.RESIDENCY_SCHEMA)
KEYS_SCHEMA = PolicyConfigSchema(properties=config.KEYS_SCHEMA)
CUSTODY_SCHEMA = PolicyConfigSchema(properties=config.CUSTODY_SCHEMA)
ROTATION_SCHEMA = PolicyConfigSchema(properties=config.ROTATION_SCHEMA)
FLOWS_SCHEMA = PolicyConfigSchema(properties=config.FLOWS_SCHEMA)
EXEMPTIONS_SCHEMA = PolicyConfigSchema(properties={"exemptions": config.EXEMPTIONS})

POLICIES = [
    Rule(
        name="data-residency",
        display_name="Data residency",
        description="Every Google Cloud, OVHcloud and Scaleway resource that holds or processes data, including its "
                    "replicas, backups and other secondary locations, is located inside the jurisdiction.",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.CRITICAL,
        config_schema=RESIDENCY_SCHEMA,
                remediation_steps="Set the location named in the message to one of the suggested locations, or record an "
                          "accepted risk in `exemptions` with a reason and an expiry.",
    ),
    Rule(
        name="provider-jurisdiction",
        display_name="Provider jurisdiction",
        description="The Google provider's default region and zone are inside the jurisdiction (and under fr-trusted "
                    "its universe domain is S3NS); the OVH provider names an explicit API endpoint whose legal "
                    "entity is in the jurisdiction; the Scaleway provider sets its region and zone inside the "
                    "jurisdiction and keeps Scaleway's API and S3 endpoints.",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.HIGH,
        config_schema=RESIDENCY_SCHEMA,
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
        validate=_stack("validate_dependent_locations"),
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
        validate=_stack("validate_flows"),
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
        validate=_stack("validate_preview_unknowns"),
    ),
    Rule(
        name="customer-managed-keys",
        display_name="Customer-managed keys",
        description="Every data store is encrypted with a key the customer holds (Cloud KMS, OVHcloud KMS or "
                    "Scaleway Key Manager): not provider-managed keys, not customer-supplied raw keys, and not a "
                    "service that offers no customer-managed key unless the risk is recorded as an exemption.",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.HIGH,
        config_schema=KEYS_SCHEMA,
                remediation_steps="Set the key field named in the message to a Cloud KMS key (or an OKMS service key, or a "
                          "Key Manager key) in the data's location, or record an accepted risk in `exemptions`.",
    ),
    Rule(
        name="unclassified-resources",
        display_name="Unclassified resource types",
        description="A Google Cloud, OVHcloud or Scaleway resource type the Sovereign Guard catalog does not know, "
                    "so new provider releases do not slip through unseen.",
        enforcement_level=EnforcementLevel.ADVISORY,
        severity=Severity.MEDIUM,
        config_schema=EXEMPTIONS_SCHEMA,
            ),
    Rule(
        name="key-rotation",
        display_name="Key rotation",
        description="Cloud KMS and Scaleway Key Manager symmetric keys rotate automatically at most every "
                    "maxRotationDays days, and Key Manager keys keep their deletion protection.",
        enforcement_level=EnforcementLevel.MANDATORY,
        severity=Severity.MEDIUM,
        config_schema=ROTATION_SCHEMA,
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
        validate=_stack("validate_custody"),
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
        validate=_stack("validate_waivers"),
    ),
]


def analyzer() -> SharedReadAnalyzer:
    """The pack's analyzer: the SDK's, reading each request once for every policy (serve.py)."""
    return SharedReadAnalyzer(PACK_NAME, "0.0.1", POLICIES, EnforcementLevel.MANDATORY)


def build() -> None:
    """Serve the pack (prints the gRPC port first, then blocks)."""
    serve(analyzer())
