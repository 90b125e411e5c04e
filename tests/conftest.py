import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "policies", ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import pytest  # noqa: E402

from user_project import make_venv  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def capture_cache(tmp_path_factory):
    """The offline check's capture cache in a directory of this session (never the user's own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOVEREIGN_GUARD_CACHE_DIR", str(tmp_path_factory.mktemp("capture-cache")))
        patch.delenv("PULUMI_CONFIG_PASSPHRASE", raising=False)
        patch.delenv("PULUMI_CONFIG_PASSPHRASE_FILE", raising=False)
        yield


@pytest.fixture(scope="session")
def user_venv(tmp_path_factory):
    """A user's virtualenv: pulumi and the provider SDKs, a module of its own, no sovereign-guard."""
    return make_venv(tmp_path_factory.mktemp("user-venv") / "venv", with_sdks=True)


@pytest.fixture(scope="session")
def bare_venv(tmp_path_factory):
    """A virtualenv nothing was installed into."""
    return make_venv(tmp_path_factory.mktemp("bare-venv") / "venv", with_sdks=False)
