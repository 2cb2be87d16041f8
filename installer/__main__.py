"""``python -m installer build [--out DIR] [--keep-unused]`` and ``python -m installer smoke``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from installer.contents import ROOT


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser("build", help="build the bundle and this platform's download")
    build.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (dist/)")
    build.add_argument(
        "--keep-unused", action="store_true", help="no excludes (the size/start reference)"
    )
    smoke = commands.add_parser("smoke", help="install a Linux .tar.gz and drive it (CI)")
    smoke.add_argument("archive", type=Path)
    smoke.add_argument("--shots", type=Path, default=None, help="save screenshots there")
    args = parser.parse_args(argv)
    if args.command == "build":
        from installer.build import BuildError, build_and_report

        try:
            for line in build_and_report(args.out.resolve(), keep_unused=args.keep_unused):
                print(line, flush=True)
        except BuildError as exc:
            print(f"installer: {exc}", file=sys.stderr)
            return 1
        return 0
    from installer.smoke import SmokeFailure, smoke_test

    try:
        smoke_test(args.archive.resolve(), shots=args.shots)
    except SmokeFailure as exc:
        print(f"smoke test FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
