"""`sovereign-guard`: check programs offline, list the location catalog."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import report
from .check import DEFAULT_PACK, REPO, check_stack
from .policy_config import PolicyConfigError
from .project import Project, ProjectError

USAGE_ERROR, VIOLATIONS = 2, 1


def _progress(index: int, total: int) -> None:
    if total >= 200 and (index % 100 == 0 or index == total):
        print(f"\r  analyzed {index}/{total} resources", end="" if index < total else "\n", file=sys.stderr)


def _expected(project: Project, stack: str):
    path = project.config_dir / f"{stack}.expected.json"
    return json.loads(path.read_text()) if path.exists() else None


def _matches_expectation(result, expected: list) -> tuple:
    """(ok, missing, unexpected): the mandatory violations against the stack's expected list."""
    found = {(v.policy, v.urn.rsplit("::", 1)[-1]) for v in result.mandatory}
    wanted = {(e["policy"], e["resource"]) for e in expected}
    return found == wanted, sorted(wanted - found), sorted(found - wanted)


def cmd_check(args) -> int:
    preview = not args.update
    if args.project is None and args.stack is None:
        return _check_samples(args, preview)
    project = Project.load(args.project or ".")
    stacks = [args.stack] if args.stack else project.stacks()
    failed = False
    for stack in stacks:
        result = check_stack(project.root, stack, pack_dir=args.policy_pack, config_file=args.policy_pack_config,
                             preview=preview, progress=_progress)
        print(report.text(result))
        failed |= bool(result.mandatory)
    return VIOLATIONS if failed else 0


def _check_samples(args, preview: bool) -> int:
    """Every sample stack of this repository: compliant ones must pass, the others match their expectations."""
    project = Project.load(REPO)
    summary, ok = [], True
    for stack in project.stacks():
        result = check_stack(project.root, stack, pack_dir=args.policy_pack, preview=preview, progress=_progress)
        print(report.text(result) + "\n")
        expected = _expected(project, stack)
        if expected is None:
            good = not result.mandatory and not result.preview_skips
            summary.append(f"  {'PASS' if good else 'FAIL'}  {stack}: "
                           f"{'compliant' if good else f'{len(result.mandatory)} mandatory violations'}")
        else:
            good, missing, unexpected = _matches_expectation(result, expected)
            summary.append(f"  {'PASS' if good else 'FAIL'}  {stack}: rejected, {len(result.mandatory)} mandatory "
                           f"violations {'as expected' if good else f'(missing {missing}, unexpected {unexpected})'}")
        ok &= good
    print("Summary (" + ("preview" if preview else "update") + "):\n" + "\n".join(summary))
    return 0 if ok else VIOLATIONS


def cmd_locations(args) -> int:
    sys.path.insert(0, str(DEFAULT_PACK))
    from sovereign_guard.catalog import locations
    from sovereign_guard.config import settings

    jurisdiction = settings({"jurisdiction": args.jurisdiction}).jurisdiction
    namespaces = [args.namespace] if args.namespace else list(locations.NAMESPACES)
    for namespace in namespaces:
        print(f"{namespace}:")
        for location in locations.all_locations(namespace, locations.S3NS if args.s3ns else locations.GOOGLE):
            reason = jurisdiction.judge(location)
            where = ",".join(sorted(location.countries))
            print(f"  {'allow' if reason is None else 'deny '}  {location.code:28} {where:10} {location.label}"
                  f"{'' if reason is None else '  (' + reason + ')'}")
    return 0


def _jurisdiction(value: str):
    """A preset name, or comma-separated ISO country codes."""
    presets = ("eu", "eea", "europe", "fr-trusted")
    if value in presets:
        return value
    codes = [c.strip().upper() for c in value.split(",")]
    if all(len(c) == 2 and c.isalpha() for c in codes):
        return codes
    raise argparse.ArgumentTypeError(f"{value!r}: use one of {', '.join(presets)} or country codes like FR,DE")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="sovereign-guard", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="run Pulumi programs under mocks through the pack (no cloud, no CLI)")
    check.add_argument("project", nargs="?", help="Pulumi project directory (default: every sample stack here)")
    check.add_argument("--stack", help="stack name (default: every stack with a config file)")
    check.add_argument("--policy-pack", type=Path, default=DEFAULT_PACK, help="policy pack directory")
    check.add_argument("--policy-pack-config", type=Path, help="policy config JSON (--policy-pack-config format)")
    mode = check.add_mutually_exclusive_group()
    mode.add_argument("--preview", action="store_true", help="outputs of new resources unknown (default)")
    mode.add_argument("--update", action="store_true", help="all values known, as in `pulumi up`")
    check.set_defaults(run=cmd_check)
    where = sub.add_parser("locations", help="which locations a jurisdiction allows and denies")
    where.add_argument("--jurisdiction", default="eu", type=_jurisdiction,
                       help="eu, eea, europe, fr-trusted, or country codes like FR,DE")
    where.add_argument("--namespace", help="one namespace, e.g. gcp:storage or ovh:location")
    where.add_argument("--s3ns", action="store_true", help="the S3NS universe's names (global = u-france-east1)")
    where.set_defaults(run=cmd_locations)
    return top


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (ProjectError, PolicyConfigError, FileNotFoundError, KeyError) as error:
        print(f"sovereign-guard: {error}", file=sys.stderr)
        return USAGE_ERROR


if __name__ == "__main__":
    sys.exit(main())
