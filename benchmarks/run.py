"""Sovereign Guard side by side with no-op packs on the same interpreter and pulumi-policy SDK. Prints a table of
measures, ratios and targets; exits 1 if one is missed.

    python benchmarks/run.py            # full run: 10,000 resources; AnalyzeStack over 10,000 and 20,000
    python benchmarks/run.py --quick    # smoke run with small sizes (noisier: the targets are set for the full run)

Two baselines (benchmarks/noop_pack, its policy counts set per process): `single`, one resource policy and as many
stack policies as the pack, which is what a user pays over having no guard; and `same`, as many resource and stack
policies as the pack, which isolates the pack's own work from the SDK's per-policy cost.

Every timing is the best of its rounds, pack and baseline rounds interleaved, so that the machine's noise (which
only ever adds time) cancels out, except start-ups (medians of ratios of back-to-back starts: one start is a single
noisy sample). In-process measures count the thread's CPU time, and leave the benchmark's own data out of the
garbage collector's scans. All packs run on the interpreter the CLI would pick for `policies/`, with bytecode
compiled beforehand (as after the pack's first run). The offline check (`--only check`) is timed whole, spawn to
exit, against the sample programs run under the SDK's mocks alone (benchmarks/mocks_alone.py).
"""
from __future__ import annotations

import argparse
import compileall
import copy
import gc
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for _path in (HERE, REPO / "policies", REPO):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from google.protobuf import empty_pb2, json_format  # noqa: E402
from pulumi.runtime.proto import analyzer_pb2 as pb  # noqa: E402
from pulumi_policy import EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy  # noqa: E402
from pulumi_policy.deserialize import deserialize_properties  # noqa: E402
from pulumi_policy.policy import PolicyProviderResource, PolicyResource  # noqa: E402
from pulumi_policy.proxy import unknown_checking_proxy  # noqa: E402

import workload  # noqa: E402
from sovereign_guard import checks, config, pack  # noqa: E402
from sovereign_guard.rules.dependencies import subject_of  # noqa: E402
from sovereign_guard.serve import SharedReadAnalyzer  # noqa: E402
from sovereign_guard_tools.engine.analyzer import DirectStub, PackProcess, pack_python  # noqa: E402
from sovereign_guard_tools.engine.wire import to_struct  # noqa: E402

PACK, NOOP = REPO / "policies", HERE / "noop_pack"
CHUNK = 250  # Analyze requests per timed chunk
RESOURCE_POLICIES = sum(isinstance(p, ResourceValidationPolicy) for p in pack.POLICIES)
STACK_POLICIES = sum(isinstance(p, StackValidationPolicy) for p in pack.POLICIES)
SINGLE, SAME = "single", "same"
BASELINES = {SINGLE: (1, STACK_POLICIES), SAME: (RESOURCE_POLICIES, STACK_POLICIES)}  # (resource, stack) policies
PACKS = ("pack", SINGLE, SAME)


def spawn(which: str, python: str) -> PackProcess:
    """A started pack process: Sovereign Guard, or a baseline with its policy counts (read at its start-up)."""
    if which == "pack":
        return PackProcess(PACK, python=python).__enter__()
    resource, stack = BASELINES[which]
    saved = {k: os.environ.get(k) for k in ("NOOP_RESOURCE_POLICIES", "NOOP_STACK_POLICIES")}
    os.environ.update(NOOP_RESOURCE_POLICIES=str(resource), NOOP_STACK_POLICIES=str(stack))
    try:
        return PackProcess(NOOP, python=python).__enter__()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def processes(python: str, which=PACKS):
    started = {name: spawn(name, python) for name in which}
    try:
        for process in started.values():
            process.start({})
        yield started
    finally:
        for process in started.values():
            process.close()


@contextmanager
def _frozen_heap():
    """The objects alive now (the benchmark's inputs) left out of the garbage collector's scans while timing."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def start_up(python: str, rounds: int) -> tuple:
    """Spawn (as the CLI spawns a pack) to the GetAnalyzerInfo answer: ({pack: median seconds}, {baseline: median
    ratio of the pack's time to that baseline's started right before or after it}). A start is one noisy sample, so
    each round starts every pack back to back, in a rotating order, and medians stand for the rounds."""
    def once(which) -> float:
        started = time.perf_counter()
        process = spawn(which, python)
        try:
            process.stub.GetAnalyzerInfo(empty_pb2.Empty())
            return time.perf_counter() - started
        finally:
            process.close()

    times: dict = {name: [] for name in PACKS}
    for i in range(rounds + 1):
        for which in PACKS[i % 3:] + PACKS[:i % 3]:
            elapsed = once(which)
            if i:  # the first round only warms the disk cache
                times[which].append(elapsed)
    ratios = {name: statistics.median(ours / base for ours, base in zip(times["pack"], times[name]))
              for name in BASELINES}
    return {name: statistics.median(t) for name, t in times.items()}, ratios


def analyze(python: str, resources: list, rounds: int) -> dict:
    """Seconds per resource for Remediate then Analyze over gRPC, as the engine calls them for each resource:
    identical pre-built requests, sent one at a time. Each chunk's time is its best round; the packs take turns."""
    with processes(python) as started:
        requests = [started["pack"]._request(r) for r in resources]
        chunks = [requests[i:i + CHUNK] for i in range(0, len(requests), CHUNK)]
        best = {name: [float("inf")] * len(chunks) for name in PACKS}
        with _frozen_heap():
            for i in range(rounds):
                for c, chunk in enumerate(chunks):
                    for name in PACKS[(i + c) % 3:] + PACKS[:(i + c) % 3]:
                        remediate, call = started[name].stub.Remediate, started[name].stub.Analyze
                        began = time.perf_counter()
                        for request in chunk:
                            remediate(request)
                            call(request)
                        best[name][c] = min(best[name][c], time.perf_counter() - began)
    return {name: sum(times) / len(requests) for name, times in best.items()}


def _sdk_props(props: dict):
    """Props as the SDK hands them to a policy: deserialized from the wire, inside its unknown-checking proxies."""
    return unknown_checking_proxy(deserialize_properties(json_format.MessageToDict(to_struct(props))))


def rule_throughput(resources: list, rounds: int) -> float:
    """Resources per second through the five resource policies' rules, in this process: each rule that applies to
    the type judges the resource as the pack reads it (raw props and provider props), and its failing findings go
    through the exemptions to report_violation. The SDK's deserialization is left out (it is the SDK's cost)."""
    subjects = []
    for r in resources:
        provider = r.provider and PolicyProviderResource(r.provider.type, _sdk_props(r.provider.props),
                                                         r.provider.urn, r.provider.name)
        subjects.append(subject_of(PolicyResource(r.type, _sdk_props(r.props), r.urn, r.name, None, provider,
                                                  None, [], {})))
    settings = config.settings({})
    rules = list(checks.RESOURCE_RULES.items())
    run = SimpleNamespace(stack_tags={})  # the run's ledger key, as the SDK's args carry it
    reported: list = []
    chunks = [subjects[i:i + CHUNK] for i in range(0, len(subjects), CHUNK)]
    best = [float("inf")] * len(chunks)
    with _frozen_heap():
        for _ in range(rounds):
            for c, chunk in enumerate(chunks):
                reported.clear()
                started = time.thread_time()
                for subject in chunk:
                    for policy, (applies, rule) in rules:
                        if applies(subject.token):
                            checks._report(policy, run, rule(subject, settings), subject, settings, reported.append)
                best[c] = min(best[c], time.thread_time() - started)
    return len(subjects) / sum(best)


def _stack_request(process: PackProcess, resources: list):
    """The AnalyzeStackRequest the engine harness sends for these resources (built once, captured, not sent)."""
    captured = []
    stub, process.stub = process.stub, SimpleNamespace(
        AnalyzeStack=lambda request: captured.append(request) or pb.AnalyzeResponse())
    try:
        process.analyze_stack(resources)
    finally:
        process.stub = stub
    return captured[0]


def _timed_stack_policies(spent: list) -> list:
    """The pack's policies, each stack policy's validate adding its time to spent[0]."""
    def timed(policy):
        validate = policy.validate

        def timed_validate(args, report_violation):
            started = time.thread_time()
            try:
                return validate(args, report_violation)
            finally:
                spent[0] += time.thread_time() - started
        clone = copy.copy(policy)
        clone.validate = timed_validate
        return clone
    return [timed(p) if isinstance(p, StackValidationPolicy) else p for p in pack.POLICIES]


def analyze_stack(python: str, sizes: list, rounds: int) -> dict:
    """Per size: AnalyzeStack over gRPC for the pack and the `single` baseline (it has as many stack policies as
    the pack), and the pack's own time inside it (its stack validates, timed within its analyzer in this process, on
    the same request), in seconds. Sizes alternate round by round, and the own time gets twice the rounds."""
    spent = [0.0]
    own = PackProcess(PACK)
    own.stub = DirectStub(SharedReadAnalyzer(pack.PACK_NAME, "0.0.1", _timed_stack_policies(spent),
                                             EnforcementLevel.MANDATORY))
    own.start({})
    best = {size: {"pack": float("inf"), SINGLE: float("inf"), "own": float("inf")} for size in sizes}
    with processes(python, ("pack", SINGLE)) as started:
        requests = {size: _stack_request(started["pack"], workload.stack(size)) for size in sizes}
        with _frozen_heap():
            for i in range(2 * rounds):
                for size in sizes if i % 2 else sizes[::-1]:
                    if i < rounds:
                        for name in ("pack", SINGLE) if i % 2 else (SINGLE, "pack"):
                            began = time.perf_counter()
                            started[name].stub.AnalyzeStack(requests[size])
                            best[size][name] = min(best[size][name], time.perf_counter() - began)
                    spent[0] = 0.0
                    own.stub.AnalyzeStack(requests[size])
                    best[size]["own"] = min(best[size]["own"], spent[0])
    return best


def _row(measure, ours, noop="-", ratio="-", target="-", ok=None) -> list:
    return [measure, ours, noop, ratio, target, "-" if ok is None else "PASS" if ok else "FAIL"]


def _count(n: int) -> str:
    return f"{n:,}"


def measure_start_up(run) -> list:
    median, ratio = start_up(run.python, run.start_rounds)
    return [_row(f"start-up: spawn to GetAnalyzerInfo, vs {name} (medians; ratio: median of pairs)",
                 f"{median['pack'] * 1e3:.0f} ms", f"{median[name] * 1e3:.0f} ms", f"{ratio[name]:.2f}x",
                 "<= 1.10x" if name == SINGLE else "-", ratio[name] <= 1.10 if name == SINGLE else None)
            for name in BASELINES]


def measure_analyze(run) -> list:
    per = analyze(run.python, workload.stack(run.resources), run.rounds)
    rows = []
    for name in BASELINES:
        ratio = per["pack"] / per[name]
        rows.append(_row(f"Remediate+Analyze over gRPC, {_count(run.resources)} resources (per resource), vs {name}",
                         f"{per['pack'] * 1e6:.0f} us", f"{per[name] * 1e6:.0f} us", f"{ratio:.3f}x",
                         "<= 1.10x" if name == SINGLE else "-", ratio <= 1.10 if name == SINGLE else None))
    return rows


def measure_rules(run) -> list:
    rate = rule_throughput(workload.stack(run.resources), 5 * run.rounds)  # a round takes a fraction of a second
    return [_row(f"in-process rule evaluation, {_count(run.resources)} resources", f"{rate:,.0f} /s",
                 target=">= 100,000 /s", ok=rate >= 100_000)]


def measure_stack(run) -> list:
    results = analyze_stack(run.python, run.sizes, run.rounds)
    first = run.sizes[0]
    rows = []
    for size, best in results.items():
        ratio = best["pack"] / best[SINGLE]
        limit = 1.25 if size == first else None
        rows.append(_row(f"AnalyzeStack over gRPC, {_count(size)} resources", f"{best['pack']:.2f} s",
                         f"{best[SINGLE]:.2f} s", f"{ratio:.2f}x", f"<= {limit}x" if limit else "-",
                         ratio <= limit if limit else None))
    for size, best in results.items():
        if size != first:
            growth, allowed = best["pack"] / results[first]["pack"], 1.1 * size / first
            rows.append(_row(f"AnalyzeStack over gRPC growth, {_count(first)} to {_count(size)} resources",
                             f"{growth:.2f}x", target=f"<= {allowed:.1f}x", ok=growth <= allowed))
    for size, best in results.items():
        rows.append(_row(f"AnalyzeStack, the pack's own time, {_count(size)} resources", f"{best['own']:.2f} s"))
    return rows


def _run_seconds(command: list) -> float:
    """Spawn to exit; a command that fails (other than a check finding violations, exit 1) is not timed."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr}")
    return elapsed


def check_costs(rounds: int, stacks: list) -> dict:
    """Seconds, best of interleaved rounds, spawn to exit: the program of each stack under the SDK's mocks alone
    (benchmarks/mocks_alone.py, one process per stack, as a team's unit test runs it), `sovereign-guard check` of
    one stack and (with several stacks) of all, uncached (--no-cache), and of one stack again, its capture cached."""
    cli = [sys.executable, "-m", "sovereign_guard_tools.cli", "check", str(REPO)]
    commands = {"alone": [[sys.executable, str(HERE / "mocks_alone.py"), str(REPO), s] for s in stacks],
                "check": [cli + ["--stack", stacks[0], "--no-cache"]],
                "all": [cli[:-1] + ["--samples", "--no-cache"]],
                "cached": [cli + ["--stack", stacks[0]]]}
    if len(stacks) == 1:
        del commands["all"]
    best = {name: float("inf") for name in commands}
    alone_first = float("inf")
    _run_seconds(commands["cached"][0])  # warms the disk cache and fills the capture cache
    for i in range(rounds):
        for name in (list(commands) if i % 2 else list(commands)[::-1]):
            times = [_run_seconds(command) for command in commands[name]]
            best[name] = min(best[name], sum(times))
            if name == "alone":
                alone_first = min(alone_first, times[0])
    best["alone first"] = alone_first
    return best


def measure_check(run) -> list:
    """The offline check against mocks alone (the second column is the program under mocks alone)."""
    stacks = sorted(p.name[len("Pulumi."):-len(".yaml")] for p in (REPO / "stacks").glob("Pulumi.*.yaml"))
    stacks = stacks[:1] if run.quick else stacks
    best = check_costs(run.check_rounds, stacks)
    one, alone = best["check"], best["alone first"]
    rows = [_row(f"check of one sample stack ({stacks[0]}) vs its program under mocks alone", f"{one:.2f} s",
                 f"{alone:.2f} s", f"{one / alone:.2f}x", "<= 1.3x", one / alone <= 1.3)]
    if "all" in best:
        rows.append(_row(f"check of the {len(stacks)} sample stacks vs each program under mocks alone",
                         f"{best['all']:.2f} s", f"{best['alone']:.2f} s", f"{best['all'] / best['alone']:.2f}x"))
    rows.append(_row("check of one sample stack again, capture cached", f"{best['cached']:.2f} s",
                     f"{alone:.2f} s", f"{best['cached'] / alone:.2f}x"))
    return rows


MEASURES = {"start-up": measure_start_up, "analyze": measure_analyze, "rules": measure_rules, "stack": measure_stack,
            "check": measure_check}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and few rounds (a smoke run)")
    parser.add_argument("--resources", type=int, help="resources for Analyze and in-process (10000; quick 300)")
    parser.add_argument("--stack-sizes", help="comma-separated AnalyzeStack sizes (10000,20000; quick 300,600)")
    parser.add_argument("--rounds", type=int, help="rounds per measure (3; quick 1)")
    parser.add_argument("--start-rounds", type=int, help="start-up rounds per pack (20; quick 2)")
    parser.add_argument("--check-rounds", type=int, help="rounds of the offline check against mocks alone (5; quick 1)")
    parser.add_argument("--only", help=f"comma-separated measures to run, of: {', '.join(MEASURES)}")
    args = parser.parse_args(argv)
    run = argparse.Namespace(
        quick=args.quick,
        python=pack_python(PACK),  # the interpreter the CLI would run `policies/` with; the no-op pack runs on it too
        resources=args.resources or (300 if args.quick else 10000),
        sizes=[int(s) for s in (args.stack_sizes or ("300,600" if args.quick else "10000,20000")).split(",")],
        rounds=args.rounds or (1 if args.quick else 3),
        start_rounds=args.start_rounds or (2 if args.quick else 20),
        check_rounds=args.check_rounds or (1 if args.quick else 5))
    names = args.only.split(",") if args.only else list(MEASURES)
    unknown = set(names) - set(MEASURES)
    if unknown:
        parser.error(f"unknown measure(s): {', '.join(sorted(unknown))}")
    for pack_dir in (PACK, NOOP):  # not a virtualenv inside the pack
        compileall.compile_dir(str(pack_dir), quiet=1, rx=re.compile(r"[/\\]\.?venv[/\\]"))
    print(f"# Python {platform.python_version()} ({run.python}), pulumi {metadata.version('pulumi')}, pulumi-policy "
          f"{metadata.version('pulumi-policy')}, {os.cpu_count()} cores; {_count(run.resources)} resources, "
          f"AnalyzeStack over {' and '.join(map(_count, run.sizes))}; best of {run.rounds} rounds "
          f"({run.start_rounds} for start-up)", flush=True)
    rows = []
    for name in names:
        rows += MEASURES[name](run)
    header = ["measure", "Sovereign Guard", "baseline", "ratio", "target", "result"]
    print("\n| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 1 if any(row[-1] == "FAIL" for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
