"""The CI workflows (this project's and the examples in docs/ci) parse, and every `sovereign-guard` command line in
them and in the CI docs is one the CLI accepts, so the documentation cannot drift from the CLI."""
import re
import shlex
from pathlib import Path

import pytest
import yaml

from sovereign_guard_tools.cli import parser

ROOT = Path(__file__).resolve().parents[1]
GITHUB_EXAMPLE = ROOT / "docs" / "ci" / "github-actions.yml"
GITLAB_EXAMPLE = ROOT / "docs" / "ci" / "gitlab-ci.yml"
WORKFLOWS = [ROOT / ".github" / "workflows" / "ci.yml", GITHUB_EXAMPLE, GITLAB_EXAMPLE]
DOCS = [ROOT / "docs" / "ci.md", ROOT / "docs" / "config-recipes.md"]
EXPRESSION = re.compile(r"\$\{\{.*?\}\}")  # a GitHub Actions expression, e.g. ${{ env.STACK }}
INVOCATION = re.compile(r"(^|[\s;&|(])sovereign-guard(\s|$)")
SHELL_BLOCK = re.compile(r"```(?:sh|bash|shell)\n(.*?)```", re.S)


SHELL_KEYS = {"run", "script", "before_script", "after_script"}  # GitHub Actions steps, GitLab CI jobs


def scripts(node, shell=False):
    """The shell text of a parsed workflow: `run:` values and `script:` lines, wherever they are nested."""
    if isinstance(node, str) and shell:
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from scripts(value, shell or key in SHELL_KEYS)
    elif isinstance(node, list):
        for value in node:
            yield from scripts(value, shell)


def command_lines(script: str) -> list:
    """The argument lists of the `sovereign-guard` invocations in shell text (variables stay as words)."""
    found = []
    for line in EXPRESSION.sub("EXPR", script).replace("\\\n", " ").splitlines():
        if not INVOCATION.search(line):
            continue
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        tokens = list(lexer)
        for index, token in enumerate(tokens):
            if token == "sovereign-guard":
                args = []
                for arg in tokens[index + 1:]:
                    if set(arg) <= set("();<>|&"):  # &&, ||, ;, |, > end the command
                        break
                    args.append(arg)
                found.append(args)
    return found


def commands(path: Path) -> list:
    if path.suffix == ".md":
        texts = SHELL_BLOCK.findall(path.read_text())
    else:
        texts = list(scripts(yaml.safe_load(path.read_text())))
    return [args for text in texts for args in command_lines(text)]


ALL = [(path, args) for path in WORKFLOWS + DOCS for args in commands(path)]


def parse(args):
    try:
        return parser().parse_args(args)
    except SystemExit:
        pytest.fail(f"the CLI rejects: sovereign-guard {shlex.join(args)}")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_workflow_parses(path):
    document = yaml.safe_load(path.read_text())
    assert isinstance(document, dict) and document


@pytest.mark.parametrize("path, args", ALL, ids=[f"{p.name}:{' '.join(a[:1])}" for p, a in ALL])
def test_command_line_is_accepted_by_the_cli(path, args):
    parse(args)


def test_every_workflow_runs_sovereign_guard():
    for path in WORKFLOWS:
        assert commands(path), f"{path.name} runs no sovereign-guard command"
    subcommands = {(path.name, args[0], *args[args.index("--format") + 1:][:1]) for path, args in ALL
                   if "--format" in args}
    assert {("github-actions.yml", "check", "sarif"), ("gitlab-ci.yml", "check", "junit"),
            ("gitlab-ci.yml", "audit", "junit")} <= subcommands


def _steps(job):
    return job.get("steps", [])


def commands_in(step) -> list:
    return command_lines(step.get("run", ""))


def test_github_example_uploads_sarif_even_when_the_check_fails():
    workflow = yaml.safe_load(GITHUB_EXAMPLE.read_text())
    assert "pull_request" in workflow[True]  # PyYAML reads the key `on` as a boolean
    job = next(j for j in workflow["jobs"].values()
               if any("upload-sarif" in step.get("uses", "") for step in _steps(j)))
    assert job["permissions"]["security-events"] == "write"
    steps = _steps(job)
    upload = next(i for i, step in enumerate(steps) if "upload-sarif" in step.get("uses", ""))
    check = next(i for i, step in enumerate(steps) if commands_in(step))
    assert check < upload and "always()" in steps[upload]["if"]
    assert "continue-on-error" not in steps[check]  # exit 1 must fail the job
    args = parse(commands_in(steps[check])[0])
    assert args.format == "sarif" and str(args.output) == steps[upload]["with"]["sarif_file"]


def test_gitlab_example_reports_the_junit_file_it_writes():
    pipeline = yaml.safe_load(GITLAB_EXAMPLE.read_text())
    jobs = {name: job for name, job in pipeline.items() if isinstance(job, dict) and "script" in job}
    assert jobs
    for name, job in jobs.items():
        written = [parse(args) for line in job["script"] for args in command_lines(line)]
        assert written, f"{name} runs no sovereign-guard command"
        for args in written:
            assert args.format == "junit"
            assert job["artifacts"]["when"] == "always"
            assert job["artifacts"]["reports"]["junit"] == str(args.output)
    audit = next(job for job in jobs.values() if any("audit" in line for line in job["script"]))
    assert {"if": '$CI_PIPELINE_SOURCE == "schedule"'} in audit["rules"]


def test_actions_are_pinned_to_a_version():
    for path in (ROOT / ".github" / "workflows" / "ci.yml", GITHUB_EXAMPLE):
        for job in yaml.safe_load(path.read_text())["jobs"].values():
            for step in _steps(job):
                if "uses" in step:
                    assert re.search(r"@(v\d+(\.\d+)*|[0-9a-f]{40})$", step["uses"]), step["uses"]
