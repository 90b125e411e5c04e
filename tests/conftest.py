import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "policies", ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def sdk_types() -> dict:
    """{cloud: {token: ResourceType}} read from the installed (pinned) SDKs, once per test session (about 20 s)."""
    from sovereign_guard.catalog import index
    from sovereign_guard_tools.index import generate, sdk
    return {cloud: {r.token: r for r in sdk.resource_types(generate.CLOUDS[cloud][0])} for cloud in index.CLOUDS}
