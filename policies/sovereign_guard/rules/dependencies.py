"""Judging values unknown at preview through the engine's property dependencies (stack policies)."""
from __future__ import annotations

import threading

from .outcome import FAIL, PASS, UNKNOWN, Finding, Subject
from .props import raw

MAX_DEPTH = 6


_LAST = threading.local()  # the last subject made on this thread, with the props and provider it was made from


def subject_of(resource) -> Subject:
    """A Subject from an SDK PolicyResource (stack policies) or ResourceValidationArgs. The pack's analyzer hands
    every policy of one Analyze call the same props and provider objects (serve.py), so the subject the first
    policy makes serves the others."""
    provider = getattr(resource, "provider", None)
    last = getattr(_LAST, "made", None)
    if last is not None and last[0] is resource.props and last[1] is provider and last[2].urn == resource.urn:
        return last[2]
    provider_props = raw(provider.props) if provider is not None else {}
    token = getattr(resource, "resource_type")
    subject = Subject(token, resource.name, resource.urn, raw(resource.props), provider_props)
    _LAST.made = (resource.props, provider, subject)
    return subject


def depends_on(resource, prop: str, types) -> list:
    """The resources of `types` that the engine says `prop` depends on, in URN order (at preview, the candidates
    for a value not known yet; the order keeps verdicts the same whatever the engine's order)."""
    return sorted((d for d in resource.property_dependencies.get(prop, ()) if d.resource_type in types),
                  key=lambda d: d.urn)


def resolve(resource, finding: Finding, evaluate, cache: dict, depth: int = 0, named=None) -> tuple:
    """(outcome, why) for an UNKNOWN finding, followed through the resources its property depends on, or (for a
    value that names a resource: `finding.refers`) through the resource of that name (`named(token, name)`).

    A dependency that holds a known value under the same property name lends it; otherwise the dependency's
    own verdict (`evaluate(dep)`, kept in `cache` by URN) stands for it. UNKNOWN when the chain cannot be resolved.
    """
    deps = resource.property_dependencies.get(finding.depends) or []
    if finding.refers:
        deps = [d for d in deps if d.resource_type == finding.refers[0]] or (named(*finding.refers) if named else [])
        if not deps:
            return FAIL, ("it is not in this stack, so where it places data cannot be seen; declare it in this stack "
                          "or use a Google-managed configuration in the jurisdiction")
    if not deps or depth > MAX_DEPTH:
        return UNKNOWN, ""
    outcomes = []
    for dep in deps:
        outcomes.append(_judge_dependency(dep, finding, evaluate, cache, depth))
    failed = [why for outcome, why in outcomes if outcome == FAIL]
    if failed:
        return FAIL, "; ".join(failed)
    if all(outcome == PASS for outcome, _ in outcomes):
        return PASS, "; ".join(why for _, why in outcomes)
    return UNKNOWN, ", ".join(f'{dep.resource_type} "{dep.name}"' for dep in deps)


def _judge_dependency(dep, finding, evaluate, cache, depth) -> tuple:
    if dep.urn not in cache:
        cache[dep.urn] = evaluate(dep)
    findings = cache[dep.urn]
    if not findings:
        return UNKNOWN, ""
    same = [f for f in findings if f.path.split(".", 1)[0] == finding.depends] or findings
    if any(f.outcome == FAIL for f in same):
        return FAIL, f'it takes its value from {dep.resource_type} "{dep.name}": ' + \
            "; ".join(f.message for f in same if f.outcome == FAIL)
    unknown = [f for f in same if f.outcome == UNKNOWN]
    for f in unknown:
        outcome, why = resolve(dep, f, evaluate, cache, depth + 1)
        if outcome != PASS:
            return outcome, why
    return PASS, f'it takes its value from {dep.resource_type} "{dep.name}", which is compliant'

