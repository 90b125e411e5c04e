"""Entry point of the program's interpreter: `<python> .../sovereign_guard_tools/program/runner.py` (job on stdin).

The program's virtualenv has pulumi and the program's providers but not sovereign-guard, and sovereign-guard's own
site-packages must not shadow them: so only this package is made importable, from its own directory, without
adding any directory to sys.path (the script's own directory, which Python puts first, is taken off again).
"""
import importlib.util
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def _import_package():
    if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
        sys.path.pop(0)
    spec = importlib.util.spec_from_file_location("sovereign_guard_tools", PACKAGE / "__init__.py",
                                                  submodule_search_locations=[str(PACKAGE)])
    package = importlib.util.module_from_spec(spec)
    sys.modules["sovereign_guard_tools"] = package
    spec.loader.exec_module(package)


if __name__ == "__main__":
    _import_package()
    try:
        from sovereign_guard_tools.program import mocks
    except ModuleNotFoundError as missing:  # pulumi itself is not in this interpreter
        sys.stderr.write(f"sovereign-guard: {sys.executable} cannot import {missing.name!r}\n")
        sys.exit(3)
    mocks.main()
