"""The benchmark baseline: as many resource and stack policies as Sovereign Guard (5 + 5), each doing nothing.

The SDK deserializes a resource's props once per policy, so the baseline pays the SDK's own cost per policy too.
"""
from pulumi_policy import EnforcementLevel, PolicyPack, ResourceValidationPolicy, StackValidationPolicy


def nothing(args, report_violation) -> None:
    pass


PolicyPack(
    name="noop",
    enforcement_level=EnforcementLevel.MANDATORY,
    policies=[ResourceValidationPolicy(name=f"resource-{i}", description="Does nothing.", validate=nothing)
              for i in range(5)]
    + [StackValidationPolicy(name=f"stack-{i}", description="Does nothing.", validate=nothing) for i in range(5)],
)
