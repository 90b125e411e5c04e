import pytest
from pulumi_cli import Workspace, make_pack


@pytest.fixture
def workspace(tmp_path):
    return Workspace.samples(tmp_path / "workspace")


@pytest.fixture(scope="session")
def pack(tmp_path_factory):
    """Sovereign Guard's pack as a user installs it: policies/ with its own venv, made as the README says."""
    return make_pack(tmp_path_factory.mktemp("pack"))
