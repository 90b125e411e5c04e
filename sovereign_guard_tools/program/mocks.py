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
import uuid
from urllib.parse import urlparse
from urllib.request import url2pathname

import pulumi
from google.protobuf import json_format
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime.stack import wait_for_rpcs

from .project import Project


def _key_ring_id(name: str, inputs: dict, config: dict) -> str:
    project = inputs.get("project") or config.get("gcp:project", "project")
    return f"projects/{project}/locations/{inputs.get('location', 'unknown')}/keyRings/{inputs.get('name', name)}"


def _crypto_key_id(name: str, inputs: dict, config: dict) -> str:
    return f"{inputs.get('keyRing', 'unknown')}/cryptoKeys/{inputs.get('name', name)}"


def _scaleway_region(inputs: dict, config: dict) -> str:
    return inputs.get("region") or config.get("scaleway:region", "fr-par")


def _key_manager_key_id(name: str, inputs: dict, config: dict) -> str:
    """A regional ID, `<region>/<uuid>` (a fixed UUID per name)."""
    return f"{_scaleway_region(inputs, config)}/{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _bucket_id(name: str, inputs: dict, config: dict) -> str:
    return f"{_scaleway_region(inputs, config)}/{inputs.get('name', name)}"


IDS = {  # the ids the providers give these types (key references are parsed from them)
    "gcp:kms/keyRing:KeyRing": _key_ring_id,
    "gcp:kms/cryptoKey:CryptoKey": _crypto_key_id,
    "scaleway:keymanager/key:Key": _key_manager_key_id,  # terraform-provider-scaleway: regional IDs
    "scaleway:index/keyManagerKey:KeyManagerKey": _key_manager_key_id,
    "scaleway:object/bucket:Bucket": _bucket_id,
    "scaleway:index/objectBucket:ObjectBucket": _bucket_id,
}


class CapturingMocks(pulumi_mocks.Mocks):
    def __init__(self, preview: bool, config: dict):
        self.preview, self.config = preview, config

    def new_resource(self, args):
        if self.preview:
            return "", dict(args.inputs)
        make_id = IDS.get(args.typ)
        rid = make_id(args.name, args.inputs, self.config) if make_id else f"{args.name}-id"
        return rid, dict(args.inputs, id=rid)

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

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        """As the engine does: the root stack is not part of a child's qualified type."""
        return super().make_urn("" if "::pulumi:pulumi:Stack::" in parent else parent, type_, name)

    def RegisterResource(self, request):
        response = super().RegisterResource(request)
        self.captured.append({
            "type": request.type, "name": request.name, "urn": response.urn, "id": response.id,
            "custom": bool(request.custom),
            "parent": request.parent, "provider": request.provider,
            "props": json_format.MessageToDict(request.object),
            "dependencies": list(request.dependencies),
            "propertyDependencies": {k: list(v.urns) for k, v in request.propertyDependencies.items() if v.urns},
            "source": _source(request),
        })
        return response


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
    asyncio.get_event_loop().run_until_complete(wait_for_rpcs())
    return monitor.captured


def main() -> None:
    project_dir, stack = sys.argv[1], sys.argv[2]
    captured = run(project_dir, stack, preview="--preview" in sys.argv[3:])
    sys.stdout.write(json.dumps(captured))


if __name__ == "__main__":
    main()
