"""Runs a Pulumi Python program under mocks and captures every registration engine-shaped.

Runs in the program's own interpreter (its virtualenv: pulumi and the program's providers, not sovereign-guard),
started by `check.py` as `<python> .../program/runner.py` with a job as JSON on stdin:
`{"project", "root", "main", "preview", "stacks": [{"stack", "config", "secretKeys"}]}`. Several stacks of one
project run in one process, one after the other, each in a fresh context (Pulumi's runtime state lives in context
variables) with the program's own modules imported anew, so the provider SDKs are imported once. Prints
`{"stacks": {stack: {"captured": [...]} or {"error": traceback}}}`.

In preview the outputs of new resources are unknown, as in a real preview; in update mode each resource gets the
plausible outputs of `outputs.py`. Standard library and pulumi only (any pulumi 3.x that has mocks).
"""
from __future__ import annotations

import asyncio
import contextvars
import json
import os
import runpy
import sys
import traceback
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pulumi
from google.protobuf import json_format
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime import rpc
from pulumi.runtime.settings import get_root_resource
from pulumi.runtime.stack import massage, wait_for_rpcs

from .outputs import created, previewed

INSTALLED = ("site-packages", "dist-packages")


class CapturingMocks(pulumi_mocks.Mocks):
    def __init__(self, preview: bool, config: dict):
        self.preview, self.config = preview, config
        self.providers: dict = {}  # provider URN -> its inputs (an explicit provider's project, region, zone)

    def state(self, token: str, name: str, inputs: dict, provider_reference: str = "") -> tuple:
        """(id, outputs) as a provider would answer: unknown but the inputs in a preview, plausible at update."""
        if self.preview:
            return "", previewed(token, inputs)
        return created(token, name, inputs, self.config, self.providers.get(_provider_name(provider_reference)))

    def new_resource(self, args):
        if args.typ.startswith("pulumi:providers:"):
            self.providers[args.name] = dict(args.inputs)
        return self.state(args.typ, args.name, dict(args.inputs), getattr(args, "provider", "") or "")

    def call(self, args):
        return {}, None


def _provider_name(reference: str) -> str:
    """`urn:pulumi:...::pulumi:providers:gcp::paris::<id>` -> `paris`."""
    parts = reference.split("::")
    return parts[-2] if len(parts) >= 2 else ""


def _position(position):
    if position is None or not position.uri.startswith("file:"):
        return None
    return [url2pathname(urlparse(position.uri).path), position.line]


def _source(request, root: Path):
    """[file, line] of the program line that declared the resource: the first frame of the registration's stack
    trace in the project and outside installed packages (the SDK's own position may point into a provider SDK,
    e.g. for explicit providers); None when no frame is the program's (the root Stack)."""
    frames = [frame.pc for frame in request.stackTrace.frames] if _has(request, "stackTrace") else []
    if _has(request, "sourcePosition"):
        frames.append(request.sourcePosition)
    for frame in frames:
        found = _position(frame)
        if found and _is_program_file(found[0], root):
            return found
    return None


def _has(message, name: str) -> bool:
    try:
        return message.HasField(name)
    except ValueError:  # an older pulumi whose protocol has no such field
        return False


def _is_program_file(path: str, root: Path) -> bool:
    if not os.path.isabs(path):  # `<frozen runpy>`, `<string>`: not a file
        return False
    resolved = Path(path).resolve()
    return resolved.is_relative_to(root) and not any(part in INSTALLED for part in resolved.parts)


class CapturingMonitor(pulumi_mocks.MockMonitor):
    """The SDK's mock monitor, keeping each RegisterResource request as the engine would see it."""

    def __init__(self, mocks, root: Path):
        super().__init__(mocks)
        self.root = root
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
            "outputs": self._outputs(request, props),
            "dependencies": list(request.dependencies),
            "propertyDependencies": {k: list(v.urns) for k, v in request.propertyDependencies.items() if v.urns},
            "source": _source(request, self.root),
        })
        return response

    def _outputs(self, request, props: dict):
        """The state AnalyzeStack will see: a custom resource's, made from its inputs as they are on the wire
        (secrets where the program put them, as a provider keeps them, where the SDK's deserialization would lift
        them); a component's, those it registers (filled in by `run_stack`); a provider's, its inputs (None)."""
        if request.type.startswith("pulumi:providers:"):
            return None
        if not request.custom:
            return {}
        outputs = self.mocks.state(request.type, request.name, props, request.provider)[1]
        for key in request.additionalSecretOutputs:  # the engine marks these secret (e.g. effectiveLabels)
            if key in outputs and not _is_secret(outputs[key]):
                outputs[key] = {rpc._special_sig_key: rpc._special_secret_sig, "value": outputs[key]}
        return outputs

    def RegisterResourceOutputs(self, request):
        self.registered_outputs[request.urn] = json_format.MessageToDict(request.outputs)
        return super().RegisterResourceOutputs(request)


def _is_secret(value) -> bool:
    return isinstance(value, dict) and value.get(rpc._special_sig_key) == rpc._special_secret_sig


def _forget_program_modules(root: Path) -> None:
    """Drop the program's own modules, so the next stack's run imports (and runs) them anew."""
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and name != "__main__" and _is_program_file(path, root):
            del sys.modules[name]


def run_stack(job: dict, stack: dict) -> list:
    """One stack's registrations; runs in a fresh context (see the module docstring)."""
    root, main = Path(job["root"]), Path(job["main"])
    config = stack["config"]
    os.environ["PULUMI_CONFIG"] = json.dumps(config)
    os.environ["PULUMI_CONFIG_SECRET_KEYS"] = json.dumps(stack.get("secretKeys", []))
    loop = asyncio.new_event_loop()  # before set_mocks, whose root Stack resource makes futures on it
    asyncio.set_event_loop(loop)
    monitor = CapturingMonitor(CapturingMocks(job["preview"], config), root)
    try:
        pulumi.runtime.set_all_config(config, stack.get("secretKeys", []))
    except TypeError:  # pulumi before secret config keys
        pulumi.runtime.set_all_config(config)
    pulumi.runtime.set_mocks(monitor.mocks, project=job["project"], stack=stack["stack"], preview=job["preview"],
                             monitor=monitor)
    program_dir = main if main.is_dir() else main.parent
    sys.path.insert(0, str(program_dir))
    os.chdir(program_dir)
    try:
        runpy.run_path(str(main), run_name="__main__")
        root_resource = get_root_resource()  # the stack's exports, registered at the end as the runtime does
        root_resource.register_outputs(massage(root_resource.outputs, []))
        loop.run_until_complete(wait_for_rpcs())
    finally:
        sys.path.remove(str(program_dir))
        _forget_program_modules(root)
        loop.close()
    for item in monitor.captured:
        if not item["custom"]:
            item["outputs"] = monitor.registered_outputs.get(item["urn"], {})
    return monitor.captured


def _traceback(error: BaseException, root: Path) -> str:
    """The whole traceback from the program's first frame on (the runner's frames before it say nothing)."""
    tb = error.__traceback__
    while tb is not None and not _is_program_file(tb.tb_frame.f_code.co_filename, root):
        tb = tb.tb_next
    text = traceback.format_exception(type(error), error, tb or error.__traceback__)
    return "".join(text).rstrip()


def run(job: dict) -> dict:
    results = {}
    for stack in job["stacks"]:
        try:
            results[stack["stack"]] = {"captured": contextvars.Context().run(run_stack, job, stack)}
        except BaseException as error:  # noqa: BLE001 - the program's failure, whatever it is, is the report
            if isinstance(error, KeyboardInterrupt):
                raise
            results[stack["stack"]] = {"error": _traceback(error, Path(job["root"]))}
    return {"stacks": results}


def main() -> None:
    job = json.load(sys.stdin)
    result_fd = os.dup(1)
    os.dup2(2, 1)  # what the program prints goes to stderr: stdout carries the result alone
    result = run(job)
    sys.stdout.flush()
    with os.fdopen(result_fd, "w") as out:
        out.write(json.dumps(result))
    sys.stderr.flush()
    os._exit(0)  # the interpreter's teardown of the provider SDKs' modules costs a noticeable part of a second


if __name__ == "__main__":
    main()
