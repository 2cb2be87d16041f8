"""``engage-desktop info``: workspace location, schema version and row counts per table."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from engage_desktop.cli.options import add_workspace_option


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "info", help="show where the workspace is, its schema version and row counts"
    )
    add_workspace_option(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.workspace_info import workspace_info

    workspace = open_workspace_from_args(args)
    try:
        info = workspace_info(workspace)
    finally:
        workspace.close()
    if args.json:
        print(json.dumps(asdict(info), indent=2))
        return 0
    print(f"Workspace:  {info.location}")
    print(f"Backend:    {info.backend}")
    print(
        f"Schema:     {info.schema_revision} (this version of Engage Desktop: {info.code_revision})"
    )
    if info.file_bytes is not None:
        print(f"File size:  {info.file_bytes / 1_000_000:,.1f} MB")
    print("Rows per table:")
    width = max(len(name) for name in info.counts)
    for name, count in info.counts.items():
        print(f"  {name:<{width}}  {count:>12,}")
    return 0
