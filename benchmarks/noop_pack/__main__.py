"""The benchmark baselines: resource and stack policies that do nothing, on the same SDK as Sovereign Guard.

How many of each comes from NOOP_RESOURCE_POLICIES and NOOP_STACK_POLICIES (set by benchmarks/run.py): one
resource policy is what a user pays over having no guard at all; as many as the pack is the pack's own count. The
stack policies always match the pack's, since the SDK reads the whole stack once per stack policy.
"""
import os

from pulumi_policy import EnforcementLevel, PolicyPack, ResourceValidationPolicy, StackValidationPolicy


def nothing(args, report_violation) -> None:
    pass


PolicyPack(
    name="noop",
    enforcement_level=EnforcementLevel.MANDATORY,
    policies=[ResourceValidationPolicy(name=f"resource-{i}", description="Does nothing.", validate=nothing)
              for i in range(int(os.environ.get("NOOP_RESOURCE_POLICIES", "1")))]
    + [StackValidationPolicy(name=f"stack-{i}", description="Does nothing.", validate=nothing)
       for i in range(int(os.environ.get("NOOP_STACK_POLICIES", "1")))],
)
