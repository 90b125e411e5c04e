"""The benchmark script runs end to end and prints every measure (tiny sizes: a smoke test; no timing is asserted)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_benchmark_prints_every_measure():
    done = subprocess.run([sys.executable, "benchmarks/run.py", "--quick", "--resources", "40", "--stack-sizes",
                           "40,80", "--start-rounds", "1"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr  # 1: a target missed, which such tiny sizes say nothing about
    rows = [line.strip("| ").split(" | ") for line in done.stdout.splitlines() if line.startswith("| ")][1:]
    assert [row[0] for row in rows] == [
        "start-up: spawn to GetAnalyzerInfo, vs single (medians; ratio: median of pairs)",
        "start-up: spawn to GetAnalyzerInfo, vs same (medians; ratio: median of pairs)",
        "Remediate+Analyze over gRPC, 40 resources (per resource), vs single",
        "Remediate+Analyze over gRPC, 40 resources (per resource), vs same",
        "in-process rule evaluation, 40 resources",
        "AnalyzeStack over gRPC, 40 resources",
        "AnalyzeStack over gRPC, 80 resources",
        "AnalyzeStack over gRPC growth, 40 to 80 resources",
        "AnalyzeStack, the pack's own time, 40 resources",
        "AnalyzeStack, the pack's own time, 80 resources",
        "check of one sample stack (gcp-paris) vs its program under mocks alone",
        "check of one sample stack again, capture cached",
    ]
    assert all(len(row) == 6 and row[-1] in ("PASS", "FAIL", "-") for row in rows)
    assert rows[0][1].endswith(" ms") and rows[0][2].endswith(" ms")  # both packs started and answered
