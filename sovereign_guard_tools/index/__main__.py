"""`python -m sovereign_guard_tools.index [--check] [CLOUD ...]`: regenerate the pack's SDK index and the tools'
outputs index from the installed, pinned provider SDKs; with --check, exit 1 when a committed file differs (nothing
is written)."""
from __future__ import annotations

import argparse
import sys

from . import generate, outputs_index

STALE = 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sovereign_guard_tools.index", description=__doc__)
    parser.add_argument("clouds", nargs="*", metavar="CLOUD",
                        help=f"which SDKs ({', '.join(sorted(generate.CLOUDS))}; default: all)")
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.clouds) - set(generate.CLOUDS))
    if unknown:
        parser.error(f"unknown cloud {', '.join(unknown)}: choose from {', '.join(sorted(generate.CLOUDS))}")
    stale = []
    for cloud in args.clouds or sorted(generate.CLOUDS):
        for text, target in ((generate.render(generate.build(cloud)), generate.path_of(cloud)),
                             (generate.render(outputs_index.build(cloud)), outputs_index.path_of(cloud))):
            if args.check:
                if not target.exists() or target.read_text(encoding="utf-8") != text:
                    stale.append(target)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                print(f"wrote {target}")
    for target in stale:
        print(f"{target} is stale: run python -m sovereign_guard_tools.index", file=sys.stderr)
    return STALE if stale else 0


if __name__ == "__main__":
    sys.exit(main())
