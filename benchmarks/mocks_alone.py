"""The baseline of the check's cost: a Pulumi program run under the SDK's own mocks and nothing else, as a team's
unit test would run it (`pulumi.runtime.set_mocks`, mocks returning the inputs, one stack).

    python benchmarks/mocks_alone.py PROJECT_DIR STACK [--update]
"""
import asyncio
import json
import runpy
import sys
from pathlib import Path

import pulumi
import yaml
from pulumi.runtime.stack import wait_for_rpcs


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args):
        return {}


def main() -> None:
    root, stack = Path(sys.argv[1]).resolve(), sys.argv[2]
    spec = yaml.safe_load((root / "Pulumi.yaml").read_text())
    stack_dir = root / spec.get("stackConfigDir", ".")
    raw = yaml.safe_load((stack_dir / f"Pulumi.{stack}.yaml").read_text())["config"]
    config = {(k if ":" in k else f"{spec['name']}:{k}"): v if isinstance(v, str) else json.dumps(v)
              for k, v in raw.items()}
    pulumi.runtime.set_all_config(config)
    pulumi.runtime.set_mocks(Mocks(), project=spec["name"], stack=stack, preview="--update" not in sys.argv)
    main_path = (root / spec.get("main", ".")).resolve()
    sys.path.insert(0, str(main_path if main_path.is_dir() else main_path.parent))
    runpy.run_path(str(main_path), run_name="__main__")
    asyncio.get_event_loop().run_until_complete(wait_for_rpcs())


if __name__ == "__main__":
    main()
