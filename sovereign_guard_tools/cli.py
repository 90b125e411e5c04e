"""`sovereign-guard`: check programs offline, audit deployed stacks, list the location catalog."""
from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from .engine.policy_config import PolicyConfigError
from .engine.run import REPO, default_pack
from .program.check import check_stack
from .program.project import Project, ProjectError
from .reports import formats, register
from .state.audit import audit_state

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


def _emit(args, results: list) -> None:
    """The report in --format, to --output or stdout; with --output, people still get the text on stdout."""
    document = formats.render(args.format, results)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(document + "\n", encoding="utf-8")
        if args.format != "text":
            print(formats.render("text", results))
    else:
        print(document)


def cmd_check(args) -> int:
    preview = not args.update
    if args.project is None and args.stack is None:
        return _check_samples(args, preview)
    project = Project.load(args.project or ".")
    stacks = [args.stack] if args.stack else project.stacks()
    results = [check_stack(project.root, stack, pack_dir=args.policy_pack, config_file=args.policy_pack_config,
                           preview=preview, progress=_progress) for stack in stacks]
    _emit(args, results)
    return VIOLATIONS if any(r.mandatory for r in results) else 0


def cmd_audit(args) -> int:
    results = [audit_state(path, pack_dir=args.policy_pack, config_file=args.policy_pack_config,
                           project_root=args.project_root, progress=_progress) for path in args.state]
    _emit(args, results)
    return VIOLATIONS if any(r.mandatory for r in results) else 0


def _check_samples(args, preview: bool) -> int:
    """Every sample stack of this repository: compliant ones must pass, the others match their expectations."""
    project = Project.load(REPO)
    summary, ok, results = [], True, []
    for stack in project.stacks():
        result = check_stack(project.root, stack, pack_dir=args.policy_pack, preview=preview, progress=_progress)
        results.append(result)
        if not args.output:
            print(formats.render(args.format, [result]) + "\n")
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
    if args.output:
        _emit(args, results)
    print("Summary (" + ("preview" if preview else "update") + "):\n" + "\n".join(summary))
    return 0 if ok else VIOLATIONS


def cmd_register(args) -> int:
    """The residency register of the stacks (checked programs, or deployed states with --state), as HTML, CSV, JSON."""
    if args.state:
        results = [audit_state(path, pack_dir=args.policy_pack, config_file=args.policy_pack_config,
                               project_root=args.project_root, progress=_progress) for path in args.state]
    else:
        project = Project.load(REPO if args.project is None and args.stack is None else args.project or ".")
        stacks = [args.stack] if args.stack else project.stacks()
        results = [check_stack(project.root, stack, pack_dir=args.policy_pack, config_file=args.policy_pack_config,
                               preview=not args.update, progress=_progress) for stack in stacks]
    generated = args.generated_at or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    document = register.build(results, args.policy_pack or default_pack(), generated, args.compare)
    name = results[0].stack if len(results) == 1 else "register"
    outputs = {fmt: getattr(args, fmt) for fmt in register.RENDERERS if getattr(args, fmt)}
    if not outputs:
        outputs = {fmt: args.output_dir / f"{name}.{fmt}" for fmt in register.RENDERERS}
    for stack in document["stacks"]:
        s = stack["summary"]
        share = "no data store" if s["customerManagedShare"] is None else \
            f"{s['customerManagedShare']:.0%} under customer-managed keys"
        print(f"{stack['project']}/{stack['stack']}: {s['dataStores']} data stores in "
              f"{', '.join(c['name'] for c in s['countries']) or 'no single country'}; {share}; "
              f"{s['violations']} violations, {s['waivers']} waivers")
    if "changes" in document:
        print(f"{len(document['changes'])} changes since {args.compare}")
    for path in register.write(document, outputs):
        print(f"wrote {path}")
    return 0


def cmd_locations(args) -> int:
    sys.path.insert(0, str(default_pack()))
    from sovereign_guard.catalog import locations
    from sovereign_guard.config import settings

    jurisdiction = settings({"jurisdiction": args.jurisdiction}).jurisdiction
    if args.namespace and args.namespace not in locations.NAMESPACES:
        print(f"sovereign-guard: unknown namespace {args.namespace!r}: use one of {', '.join(locations.NAMESPACES)}",
              file=sys.stderr)
        return USAGE_ERROR
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


def _pack_options(command) -> None:
    command.add_argument("--policy-pack", type=Path, help="policy pack directory (default: this pack)")
    command.add_argument("--policy-pack-config", type=Path, help="policy config JSON (--policy-pack-config format)")
    command.add_argument("--format", choices=formats.FORMATS, default="text", help="report format (default: text)")
    command.add_argument("--output", type=Path, help="write the report to this file (text still goes to stdout)")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="sovereign-guard", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="run Pulumi programs under mocks through the pack (no cloud, no CLI)")
    check.add_argument("project", nargs="?", help="Pulumi project directory (default: every sample stack here)")
    check.add_argument("--stack", help="stack name (default: every stack with a config file)")
    _pack_options(check)
    mode = check.add_mutually_exclusive_group()
    mode.add_argument("--preview", action="store_true", help="outputs of new resources unknown (default)")
    mode.add_argument("--update", action="store_true", help="all values known, as in `pulumi up`")
    check.set_defaults(run=cmd_check)
    audit = sub.add_parser("audit", help="judge deployed stacks from `pulumi stack export --file STATE.json`")
    audit.add_argument("state", nargs="+", type=Path, help="stack export file(s)")
    audit.add_argument("--project-root", type=Path,
                       help="the program's directory, so reports point at the lines that declared each resource")
    _pack_options(audit)
    audit.set_defaults(run=cmd_audit)
    reg = sub.add_parser("register", help="the residency register: where each data store lives, who holds its key "
                                          "(HTML, CSV, JSON)")
    reg.add_argument("project", nargs="?", help="Pulumi project directory (default: the sample stacks here)")
    reg.add_argument("--stack", help="stack name (default: every stack with a config file)")
    reg.add_argument("--state", nargs="+", type=Path, help="deployed stacks instead: `pulumi stack export` file(s)")
    reg.add_argument("--project-root", type=Path, help="with --state: the program's directory")
    reg.add_argument("--policy-pack", type=Path, help="policy pack directory (default: this pack)")
    reg.add_argument("--policy-pack-config", type=Path, help="policy config JSON (--policy-pack-config format)")
    reg.add_argument("--update", action="store_true", help="all values known, as in `pulumi up` (default: preview)")
    reg.add_argument("--output-dir", type=Path, default=Path("."),
                     help="write <stack>.html, .csv and .json here (default: the current directory)")
    for fmt in register.RENDERERS:
        reg.add_argument(f"--{fmt}", type=Path, help=f"write the {fmt.upper()} register to this file only")
    reg.add_argument("--compare", type=Path, metavar="OLD.json", help="show what changed since this register")
    reg.add_argument("--generated-at", help="the date shown as generated (default: now, UTC)")
    reg.set_defaults(run=cmd_register)
    where = sub.add_parser("locations", help="which locations a jurisdiction allows and denies")
    where.add_argument("--jurisdiction", default="eu", type=_jurisdiction,
                       help="eu, eea, europe, fr-trusted, or country codes like FR,DE")
    where.add_argument("--namespace", help="one namespace, e.g. gcp:storage, ovh:location or scw:location")
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
