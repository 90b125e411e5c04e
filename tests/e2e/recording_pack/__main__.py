"""Sovereign Guard's own pack, with every Analyzer call the engine makes written down.

$SOVEREIGN_GUARD_RECORD names a JSON-lines file: a first line with how the pack was started (argv, cwd, the
PULUMI_* environment), then one line per call as it returns: method, request, response (or the error's code).
The pack's package comes from $SOVEREIGN_GUARD_POLICIES (default: this repository's policies/).
"""
import json
import os
import sys
import threading
from pathlib import Path

from google.protobuf import json_format
from pulumi.runtime.proto import analyzer_pb2_grpc

RECORD = Path(os.environ["SOVEREIGN_GUARD_RECORD"])
METHODS = ("Handshake", "ConfigureStack", "GetPluginInfo", "GetAnalyzerInfo", "Configure", "Remediate", "Analyze",
           "AnalyzeStack", "Cancel")
_lock = threading.Lock()


def _write(entry: dict) -> None:
    with _lock, RECORD.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry) + "\n")


def _recorded(name: str):
    def call(self, request, context):
        entry = {"method": name, "request": json_format.MessageToDict(request)}
        try:
            response = getattr(self.inner, name)(request, context)
        except NotImplementedError:
            _write(dict(entry, error="UNIMPLEMENTED"))
            raise
        _write(dict(entry, response=json_format.MessageToDict(response)))
        return response
    return call


class Recording(analyzer_pb2_grpc.AnalyzerServicer):
    def __init__(self, inner):
        self.inner = inner


for _name in METHODS:
    setattr(Recording, _name, _recorded(_name))

_add_servicer = analyzer_pb2_grpc.add_AnalyzerServicer_to_server
analyzer_pb2_grpc.add_AnalyzerServicer_to_server = lambda servicer, server: _add_servicer(Recording(servicer), server)

_write({"start": {"argv": sys.argv, "cwd": os.getcwd(), "python": sys.executable,
                  "env": {k: v for k, v in os.environ.items() if k.startswith("PULUMI_") or k == "VIRTUAL_ENV"}}})
sys.path.insert(0, os.environ.get("SOVEREIGN_GUARD_POLICIES", str(Path(__file__).resolve().parents[3] / "policies")))
from sovereign_guard.pack import build  # noqa: E402

build()
