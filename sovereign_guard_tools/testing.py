"""A pytest plugin (fixture `sovereign_guard`) so teams assert in their own tests that their programs stay compliant.

Installed with sovereign-guard (entry point `pytest11`), so the fixture needs no import::

    def test_prod_stays_sovereign(sovereign_guard):
        result = sovereign_guard.check("infra", stack="prod")   # the program under mocks, through the pack
        sovereign_guard.assert_compliant(result)                 # fails with the report of every violation

    def test_legacy_bucket_is_the_only_known_problem(sovereign_guard):
        result = sovereign_guard.audit("prod-export.json")
        assert sovereign_guard.violations(result) == {("data-residency", "legacy-data")}

Options (pytest.ini/pyproject `[tool.pytest.ini_options]`): `sovereign_guard_policy_pack` (a pack directory other
than this one) and `sovereign_guard_policy_pack_config` (a `--policy-pack-config` file applied to every check).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest

from .engine.run import StackResult
from .program.check import check_stack
from .reports import text as report
from .state.audit import audit_state


class SovereignGuard:
    """Runs programs or stack exports through the pack, as `sovereign-guard check` and `audit` do."""

    def __init__(self, root: Path, policy_pack: Optional[Path] = None, policy_pack_config: Optional[Path] = None):
        self.root, self.policy_pack, self.policy_pack_config = root, policy_pack, policy_pack_config

    def check(self, project_dir, stack: str, *, preview: bool = True,
              policy_pack_config=None) -> StackResult:
        """The stack's program run under mocks (no cloud, no CLI); `preview=False` makes every value known."""
        return check_stack(self.root / project_dir, stack, pack_dir=self.policy_pack, preview=preview,
                           config_file=policy_pack_config or self.policy_pack_config)

    def audit(self, state_file, *, policy_pack_config=None) -> StackResult:
        """A `pulumi stack export` file judged as deployed."""
        return audit_state(self.root / state_file, pack_dir=self.policy_pack,
                           config_file=policy_pack_config or self.policy_pack_config)

    @staticmethod
    def violations(result: StackResult, level: str = "mandatory") -> set:
        """{(policy, resource name)} of the violations at that level ("" for a stack-wide one)."""
        return {(v.policy, v.urn.rsplit("::", 1)[-1] if v.urn else "") for v in result.violations
                if v.level == level}

    @staticmethod
    def assert_compliant(result: StackResult) -> None:
        """No mandatory violation and no policy skipped by the SDK; the failure shows the whole report."""
        if result.mandatory or result.preview_skips:
            raise AssertionError("the stack is not compliant:\n" + report.text(result))


def pytest_addoption(parser) -> None:
    parser.addini("sovereign_guard_policy_pack", "policy pack directory for the sovereign_guard fixture", default="")
    parser.addini("sovereign_guard_policy_pack_config", "--policy-pack-config file for the sovereign_guard fixture",
                  default="")


@pytest.fixture
def sovereign_guard(pytestconfig) -> SovereignGuard:
    """Checks relative to the rootdir; see the module docstring."""
    root = Path(pytestconfig.rootpath)
    pack, config = (pytestconfig.getini(name) for name in ("sovereign_guard_policy_pack",
                                                           "sovereign_guard_policy_pack_config"))
    return SovereignGuard(root, root / pack if pack else None, root / config if config else None)
