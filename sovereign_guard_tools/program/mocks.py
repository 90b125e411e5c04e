"""Runs a Pulumi Python program under mocks and captures every registration engine-shaped.

Run as `python -m sovereign_guard_tools.program.mocks PROJECT_DIR STACK [--preview]`: prints the registrations as JSON.
In preview mode the outputs of new resources are unknown, as in a real preview (ids and computed values).
"""
from __future__ import annotations

import asyncio
import json
import os
import runpy
import sys
from urllib.parse import urlparse
from urllib.request import url2pathname

import pulumi
from google.protobuf import json_format
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime.settings import get_root_resource
from pulumi.runtime.stack import massage, wait_for_rpcs

from . import outputs
from .project import Project


class CapturingMocks(pulumi_mocks.Mocks):
    def __init__(self, preview: bool, config: dict):
        self.preview, self.config = preview, config

    def state(self, token: str, name: str, inputs: dict) -> tuple:
        """(id, outputs) as the pass-through provider of the end-to-end tier gives them (unknown in a preview)."""
        if self.preview:
            return "", outputs.previewed(token, inputs)
        return outputs.created(token, name, inputs, outputs.provider_config(token.split(":", 1)[0], self.config))

    def new_resource(self, args):
        return self.state(args.typ, args.name, dict(args.inputs))

    def call(self, args):
        return {}, None


def _source(request):
    """Where the program registered the resource: [absolute file, line], or None."""
    if not request.HasField("sourcePosition") or not request.sourcePosition.uri.startswith("file:"):
        return None
    return [url2pathname(urlparse(request.sourcePosition.uri).path), request.sourcePosition.line]


class CapturingMonitor(pulumi_mocks.MockMonitor):
    """The SDK's mock monitor, keeping each RegisterResource request as the engine would see it."""

    def __init__(self, mocks):
        super().__init__(mocks)
        self.captured: list = []
        self.registered_outputs: dict = {}  # urn -> outputs a component or the stack registered

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        """As the engine does: the root stack is not part of a child's qualified type."""
        return super().make_urn("" if "::pulumi:pulumi:Stack::" in parent else parent, type_, name)

    def RegisterResource(self, request):
        response = super().RegisterResource(request)
        props = json_format.MessageToDict(request.object)
        self.captured.append({
            "type": request.type, "name": request.name, "urn": response.urn,
            "custom": bool(request.custom), "version": request.version,
            "pluginDownloadURL": request.pluginDownloadURL,
            "parent": request.parent, "provider": request.provider,
            "props": props,
            "dependencies": list(request.dependencies),
            "propertyDependencies": {k: list(v.urns) for k, v in request.propertyDependencies.items() if v.urns},
            "source": _source(request),
            "outputs": self._outputs(request, props),
        })
        return response

    def _outputs(self, request, props: dict):
        """The state AnalyzeStack will see: a custom resource's from its inputs as they are on the wire (secrets
        where the program put them, as a provider keeps them, where the SDK's deserialization would lift them);
        a component's, those it registers (filled in by `run`); a provider's, its inputs (None)."""
        if request.type.startswith("pulumi:providers:"):
            return None
        return self.mocks.state(request.type, request.name, props)[1] if request.custom else {}

    def RegisterResourceOutputs(self, request):
        self.registered_outputs[request.urn] = json_format.MessageToDict(request.outputs)
        return super().RegisterResourceOutputs(request)


def run(project_dir, stack: str, preview: bool) -> list:
    project = Project.load(project_dir)
    config = project.stack_config(stack)
    os.environ["PULUMI_CONFIG"] = json.dumps(config)
    monitor = CapturingMonitor(CapturingMocks(preview, config))
    pulumi.runtime.set_all_config(config)
    pulumi.runtime.set_mocks(monitor.mocks, project=project.name, stack=stack, preview=preview, monitor=monitor)
    sys.path.insert(0, str(project.main))
    os.chdir(project.main)
    runpy.run_path(str(project.main), run_name="__main__")
    root = get_root_resource()  # the stack's exports, registered at the end of the program as the runtime does
    root.register_outputs(massage(root.outputs, []))
    asyncio.get_event_loop().run_until_complete(wait_for_rpcs())
    for item in monitor.captured:
        if not item["custom"]:
            item["outputs"] = monitor.registered_outputs.get(item["urn"], {})
    return monitor.captured


def main() -> None:
    project_dir, stack = sys.argv[1], sys.argv[2]
    captured = run(project_dir, stack, preview="--preview" in sys.argv[3:])
    sys.stdout.write(json.dumps(captured))


if __name__ == "__main__":
    main()
