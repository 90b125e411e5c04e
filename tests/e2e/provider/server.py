"""A pass-through resource provider for any package: lets `pulumi preview` and `pulumi up` run without a cloud.

Run as `server.py <package> <engine address> [engine flags]` (the `pulumi-resource` wrapper does, taking the
package from the name `pulumi-resource-<package>` it is linked as); prints its port like every plugin. It reports
the version of the package's installed SDK (its pulumi-plugin.json), as the real plugin would. CheckConfig,
Configure and Check echo their inputs; Diff and DiffConfig name the keys that changed; Create and Update return the
inputs, an id and the computed outputs of sovereign_guard_tools.program.outputs (unknown in a preview).
"""
from __future__ import annotations

import json
import sys
from concurrent import futures
from importlib import metadata
from pathlib import Path

import grpc
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.proto import plugin_pb2, provider_pb2, provider_pb2_grpc

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from sovereign_guard_tools.program import outputs  # noqa: E402

MAX_MESSAGE = 400 * 1024 * 1024


def _dict(struct) -> dict:
    return json_format.MessageToDict(struct)


def _struct(values: dict) -> struct_pb2.Struct:
    return json_format.ParseDict(values, struct_pb2.Struct())


def plugin_version(package: str) -> str:
    """The version in the pulumi-plugin.json of the installed SDK for `package` ("" when none is installed)."""
    for distribution in metadata.distributions():
        for file in distribution.files or ():
            if file.name == "pulumi-plugin.json":
                plugin = json.loads(file.read_text())
                if plugin.get("name") == package:
                    return plugin.get("version", "")
    return ""


def _diff(olds: dict, news: dict) -> provider_pb2.DiffResponse:
    changed = sorted(key for key in olds.keys() | news.keys() if olds.get(key) != news.get(key))
    return provider_pb2.DiffResponse(
        changes=provider_pb2.DiffResponse.DIFF_SOME if changed else provider_pb2.DiffResponse.DIFF_NONE,
        diffs=changed)


class PassThroughProvider(provider_pb2_grpc.ResourceProviderServicer):
    def __init__(self, package: str):
        self.version = plugin_version(package)
        self.config: dict = {}

    def GetPluginInfo(self, request, context):
        return plugin_pb2.PluginInfo(version=self.version)

    def CheckConfig(self, request, context):
        return provider_pb2.CheckResponse(inputs=request.news)

    def DiffConfig(self, request, context):
        return _diff(_dict(request.olds), _dict(request.news))

    def Configure(self, request, context):
        self.config = _dict(request.args)
        return provider_pb2.ConfigureResponse(acceptSecrets=True, acceptResources=True, supportsPreview=True)

    def Check(self, request, context):
        return provider_pb2.CheckResponse(inputs=request.news)

    def Diff(self, request, context):
        return _diff(_dict(request.old_inputs), _dict(request.news))

    def _state(self, token: str, name: str, inputs: dict, preview: bool) -> tuple:
        if preview:
            return "", outputs.previewed(token, inputs)
        return outputs.created(token, name, inputs, {}, self.config)

    def Create(self, request, context):
        rid, state = self._state(request.type, request.name, _dict(request.properties), request.preview)
        return provider_pb2.CreateResponse(id=rid, properties=_struct(state))

    def Update(self, request, context):
        rid, state = self._state(request.type, request.name, _dict(request.news), request.preview)
        return provider_pb2.UpdateResponse(properties=_struct(dict(state, id=request.id)))

    def Cancel(self, request, context):
        return empty_pb2.Empty()


def main() -> None:
    package = sys.argv[1]
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), options=[
        ("grpc.max_receive_message_length", MAX_MESSAGE), ("grpc.max_send_message_length", MAX_MESSAGE)])
    provider_pb2_grpc.add_ResourceProviderServicer_to_server(PassThroughProvider(package), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
