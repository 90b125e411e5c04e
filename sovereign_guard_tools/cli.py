"""`sovereign-guard`: check programs offline, audit deployed stacks, list the location catalog."""
from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

from sovereign_guard.rules import jurisdiction

from .engine.policy_config import PolicyConfigError
from .program.check import check_stacks
from .program.project import SAMPLES as REPO
from .program.project import Project, ProjectError
from .reports import formats

USAGE_ERROR, VIOLATIONS, BROKEN_PIPE = 2, 1, 141  # 141: 128 + SIGPIPE, as a shell reports a tool cut off by `head`
REGISTER_FORMATS = ("html", "csv", "json")  # reports.register.RENDERERS (tested), named here to import it lazily
DEFAULT_STACK = "dev"  # checked with the project config alone when a project has no stack file yet


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
    if args.samples or (args.project is None and _in_this_repository()):
        if args.project or args.stack:
            raise ProjectError("--samples checks every sample stack of sovereign-guard; give no project or --stack")
        return _check_samples(args, preview)
    project = Project.load(args.project or ".")
    stacks = [args.stack] if args.stack else project.stacks() or [DEFAULT_STACK]
    results = check_stacks(project.root, stacks, pack_dir=args.policy_pack, config_file=args.policy_pack_config,
                           preview=preview, jurisdiction=args.jurisdiction, progress=_progress,
                           use_cache=not args.no_cache, require_stack_file=False)
    _emit(args, results)
    return VIOLATIONS if any(r.mandatory for r in results) else 0


def _in_this_repository() -> bool:
    """Run from this checkout's root, `sovereign-guard check` checks the sample stacks (README command 1)."""
    return Path.cwd().resolve() == REPO and (REPO / "Pulumi.yaml").exists() and Project.load(REPO).is_samples


def cmd_audit(args) -> int:
    from .state.audit import audit_state  # the engine side (gRPC), imported only when needed (see program/check.py)

    results = [audit_state(path, pack_dir=args.policy_pack, config_file=args.policy_pack_config,
                           project_root=args.project_root, progress=_progress, jurisdiction=args.jurisdiction)
               for path in args.state]
    _emit(args, results)
    return VIOLATIONS if any(r.mandatory for r in results) else 0


def _check_samples(args, preview: bool) -> int:
    """Every sample stack of this repository: compliant ones must pass, the others match their expectations."""
    project = Project.load(REPO)
    summary, ok = [], True
    results = check_stacks(project.root, project.stacks(), pack_dir=args.policy_pack, preview=preview,
                           jurisdiction=args.jurisdiction, progress=_progress, use_cache=not args.no_cache)
    for stack, result in zip(project.stacks(), results):
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
    from .engine.run import default_pack
    from .reports import register  # the engine side (gRPC), imported only when needed (see program/check.py)
    from .state.audit import audit_state

    if args.state:
        results = [audit_state(path, pack_dir=args.policy_pack, config_file=args.policy_pack_config,
                               project_root=args.project_root, progress=_progress) for path in args.state]
    else:
        project = Project.load(args.project or ".")  # in this repository, its samples
        stacks = [args.stack] if args.stack else project.stacks() or [DEFAULT_STACK]
        results = check_stacks(project.root, stacks, pack_dir=args.policy_pack, config_file=args.policy_pack_config,
                               preview=not args.update, progress=_progress, require_stack_file=False)
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
    from sovereign_guard.catalog import locations
    from sovereign_guard.config import settings

    judged = settings({"jurisdiction": args.jurisdiction}).jurisdiction
    if args.namespace and args.namespace not in locations.NAMESPACES:
        print(f"sovereign-guard: unknown namespace {args.namespace!r}: use one of {', '.join(locations.NAMESPACES)}",
              file=sys.stderr)
        return USAGE_ERROR
    namespaces = [args.namespace] if args.namespace else list(locations.NAMESPACES)
    for namespace in namespaces:
        print(f"{namespace}:")
        for location in locations.all_locations(namespace, locations.S3NS if args.s3ns else locations.GOOGLE):
            reason = judged.judge(location)
            where = ",".join(sorted(location.countries))
            print(f"  {'allow' if reason is None else 'deny '}  {location.code:28} {where:10} {location.label}"
                  f"{'' if reason is None else '  (' + reason + ')'}")
    return 0


def cmd_policy_config(args) -> int:
    """A --policy-pack-config file with one jurisdiction on every policy that takes one, for `pulumi preview`
    (whose policy config is per policy: it has no --jurisdiction)."""
    from sovereign_guard import pack

    from .engine import policy_config

    given = policy_config.load(args.policy_pack_config) if args.policy_pack_config else {}
    for policy in pack.POLICIES:
        if "jurisdiction" in policy.config_schema.properties:
            given[policy.name] = dict(given.get(policy.name, {}), jurisdiction=args.jurisdiction)
    print("{\n" + ",\n".join(f"  {json.dumps(name)}: {json.dumps(entry)}" for name, entry in given.items()) + "\n}")
    return 0


def _jurisdiction(value: str):
    """A preset name (any case) or comma-separated ISO 3166-1 codes, checked as policy config files are."""
    try:
        return jurisdiction.parse(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _jurisdiction_option(command, default=None) -> None:
    command.add_argument("--jurisdiction", type=_jurisdiction, default=default,
                         help="eu, eea, europe, fr-trusted, or ISO country codes like FR,DE"
                              + ("" if default else "; sets the jurisdiction of every policy (over the config file)"))


def _pack_options(command) -> None:
    command.add_argument("--policy-pack", type=Path, help="policy pack directory (default: this pack)")
    command.add_argument("--policy-pack-config", type=Path, help="policy config JSON (--policy-pack-config format)")
    command.add_argument("--format", choices=formats.FORMATS, default="text", help="report format (default: text)")
    command.add_argument("--output", type=Path, help="write the report to this file (text still goes to stdout)")
    _jurisdiction_option(command)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="sovereign-guard", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="run Pulumi programs under mocks through the pack (no cloud, no CLI)")
    check.add_argument("project", nargs="?", help="Pulumi project directory (default: the current directory; in "
                                                  "this repository, its sample stacks)")
    check.add_argument("--stack", help="stack name (default: every stack with a config file; without one, "
                                       f"{DEFAULT_STACK!r} with the project config)")
    check.add_argument("--samples", action="store_true", help="check sovereign-guard's own sample stacks")
    check.add_argument("--no-cache", action="store_true",
                       help="run the program even if an identical run is cached (SOVEREIGN_GUARD_NO_CACHE=1)")
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
    recipe = sub.add_parser("policy-config", help="a --policy-pack-config file with one jurisdiction on every policy "
                                                  "(for `pulumi preview`)")
    recipe.add_argument("--jurisdiction", type=_jurisdiction, required=True,
                        help="eu, eea, europe, fr-trusted, or ISO country codes like FR,DE")
    recipe.add_argument("--policy-pack-config", type=Path, help="a config file to start from (its other settings "
                                                                 "are kept)")
    recipe.set_defaults(run=cmd_policy_config)
    reg = sub.add_parser("register", help="the residency register: where each data store lives, who holds its key "
                                          "(HTML, CSV, JSON)")
    reg.add_argument("project", nargs="?", help="Pulumi project directory (default: the current directory; in this "
                                                "repository, its sample stacks)")
    reg.add_argument("--stack", help="stack name (default: every stack with a config file)")
    reg.add_argument("--state", nargs="+", type=Path, help="deployed stacks instead: `pulumi stack export` file(s)")
    reg.add_argument("--project-root", type=Path, help="with --state: the program's directory")
    reg.add_argument("--policy-pack", type=Path, help="policy pack directory (default: this pack)")
    reg.add_argument("--policy-pack-config", type=Path, help="policy config JSON (--policy-pack-config format)")
    reg.add_argument("--update", action="store_true", help="all values known, as in `pulumi up` (default: preview)")
    reg.add_argument("--output-dir", type=Path, default=Path("."),
                     help="write <stack>.html, .csv and .json here (default: the current directory)")
    for fmt in REGISTER_FORMATS:
        reg.add_argument(f"--{fmt}", type=Path, help=f"write the {fmt.upper()} register to this file only")
    reg.add_argument("--compare", type=Path, metavar="OLD.json", help="show what changed since this register")
    reg.add_argument("--generated-at", help="the date shown as generated (default: now, UTC)")
    reg.set_defaults(run=cmd_register)
    where = sub.add_parser("locations", help="which locations a jurisdiction allows and denies")
    _jurisdiction_option(where, default="eu")
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
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading: not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the interpreter's final flush does not fail again
        return BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
