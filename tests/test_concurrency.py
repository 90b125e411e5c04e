"""The SDK serves Analyze on several threads (a gRPC pool): concurrent calls return exactly the sequential results.

Rules share no mutable state: servicers holding different configs, called from 8 threads in a shuffled order, each
answer as they do alone; and so does a real pack process over gRPC.
"""
import random
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from inprocess import PACK_DIR, InProcessPack
from shapes import catalogue_stack, resource
from sovereign_guard import pack
from sovereign_guard_tools.engine.analyzer import PackProcess
from sovereign_guard_tools.engine.wire import UNKNOWN

THREADS = 8
PARIS_KEY = "projects/keys-prod/locations/europe-west9/keyRings/r/cryptoKeys/k"


def for_all(**props) -> dict:
    """A config giving each policy the properties its schema has."""
    return {p.name: {k: v for k, v in props.items() if k in p.config_schema.properties} for p in pack.POLICIES}


CONFIGS = [
    {},
    for_all(jurisdiction="fr-trusted"),
    for_all(jurisdiction=["DE", "NL"], allowedLocations=["us-*"]),
    for_all(deniedLocations=["europe-west9*"], allowCustomerSuppliedKeys=True, maxRotationDays=30,
            allowedProtectionLevels=["HSM"], allowedKeyProjects=["keys-*"],
            exemptions=[{"type": "gcp:storage/*", "name": "*", "reason": "accepted risk", "expires": "2999-01-01"}]),
]


def _with_dependencies() -> list:
    """Unknowns resolved through property dependencies: a ring, its key, and a bucket using both."""
    ring = resource("gcp:kms/keyRing:KeyRing", {"location": "us-east1"}, "ring")
    key = resource("gcp:kms/cryptoKey:CryptoKey", {"keyRing": UNKNOWN, "rotationPeriod": "7776000s"}, "key",
                   property_dependencies={"keyRing": [ring.urn]})
    bucket = resource("gcp:storage/bucket:Bucket", {"location": UNKNOWN, "encryption": {"defaultKmsKeyName": UNKNOWN}},
                      "data", property_dependencies={"encryption": [key.urn], "location": [ring.urn]})
    return [ring, key, bucket]


def _stack(i: int) -> list:
    leaves = [["europe-west9", "EU-WEST-PAR", PARIS_KEY], ["us-east1", UNKNOWN, "mars-1", 5]][i % 2]
    return catalogue_stack(leaves, step=4) + _with_dependencies()


def _outcome(pack_, call):
    """What one Analyze or AnalyzeStack call reports, in a comparable form."""
    found = pack_.analyze_stack(call) if isinstance(call, list) else pack_.analyze(call)
    return sorted((v.policy, v.level, v.urn, v.message) for v in found)


def _sequential_then_concurrent(calls) -> tuple:
    """{key: outcome} from the calls ([(key, pack, call)]) one by one, then from 8 threads in shuffled rounds."""
    sequential = {key: _outcome(pack_, call) for key, pack_, call in calls}
    shuffled = calls * 2
    random.Random(7).shuffle(shuffled)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        with ThreadPoolExecutor(THREADS) as pool:
            concurrent = list(pool.map(lambda c: (c[0], _outcome(c[1], c[2])), shuffled))
    finally:
        sys.setswitchinterval(interval)
    return sequential, concurrent


def test_servicers_with_different_configs_answer_concurrent_calls_as_sequential_ones():
    calls = []
    for i, config in enumerate(CONFIGS):
        served = InProcessPack()
        served.start(config)
        stack = _stack(i)
        calls += [((i, r.urn), served, r) for r in stack] + [((i, "stack"), served, stack)]
    sequential, concurrent = _sequential_then_concurrent(calls)
    assert len({tuple(map(tuple, found)) for found in sequential.values()}) > len(CONFIGS)  # outcomes differ
    assert [key for key, found in concurrent if found != sequential[key]] == []


@pytest.fixture(scope="module")
def served():
    with PackProcess(PACK_DIR) as process:
        process.start(CONFIGS[1])
        yield process


def test_a_pack_process_answers_concurrent_grpc_calls_as_sequential_ones(served):
    stack = _stack(1)
    calls = [(r.urn, served, r) for r in stack] + [("stack", served, stack)]
    sequential, concurrent = _sequential_then_concurrent(calls)
    assert any(sequential.values())
    assert [key for key, found in concurrent if found != sequential[key]] == []
