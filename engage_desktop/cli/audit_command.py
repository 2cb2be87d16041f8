"""``engage-desktop audit list|export|verify``: the audit log for admins.

``verify`` checks the whole hash chain and names the first broken entry (exit 1).
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engage_desktop.cli.options import EXIT_ERROR, CliError, add_workspace_option

if TYPE_CHECKING:
    from engage_desktop.core.audit_trail.query import AuditFilter, AuditRow


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "audit", help="read, export and verify the audit log (admins)"
    )
    actions = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="entries, newest first")
    _filters(listing)
    listing.add_argument("--limit", type=int, default=200, help="at most this many (200)")
    listing.add_argument("--json", action="store_true")
    add_workspace_option(listing)
    listing.set_defaults(func=run_list)
    export = actions.add_parser("export", help="write the entries to a CSV file")
    _filters(export)
    export.add_argument("--out", required=True, metavar="FILE.csv")
    add_workspace_option(export)
    export.set_defaults(func=run_export)
    verify = actions.add_parser("verify", help="check the whole hash chain (exit 1 if broken)")
    verify.add_argument("--json", action="store_true")
    add_workspace_option(verify)
    verify.set_defaults(func=run_verify)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--app", type=int, metavar="ID", help="one app's entries")
    parser.add_argument("--member", metavar="LOGIN", help="one member's entries")
    parser.add_argument("--action", metavar="A", help="an action, or a family: campaign")
    parser.add_argument(
        "--since", type=parse_since, metavar="DATE", help="from this date (2026-12-01) or time"
    )


def parse_since(text: str) -> datetime:
    """An ISO date or date-time; without a zone it is UTC."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date like 2026-12-01 or 2026-12-01T09:30"
        ) from None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _wanted(args: argparse.Namespace, limit: int | None) -> AuditFilter:
    from engage_desktop.core.audit_trail.query import AuditFilter

    if limit is not None and limit < 1:
        raise CliError(f"--limit must be 1 or more, not {limit}.")
    return AuditFilter(args.app, args.member, args.action, args.since, limit)


def run_list(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.audit_trail.query import list_entries

    ws = open_workspace_from_args(args)
    try:
        rows = list_entries(ws, _wanted(args, args.limit))
    finally:
        ws.close()
    if args.json:
        print(json.dumps([r.to_dict() for r in rows], ensure_ascii=False))
    else:
        for row in rows:
            print(_line(row))
        if not rows:
            print("No entries.")
    return 0


def _line(row: AuditRow) -> str:
    details = json.dumps(row.details, ensure_ascii=False, sort_keys=True) if row.details else ""
    app = row.app_name or (f"app {row.app_id}" if row.app_id is not None else "workspace")
    parts = [
        f"#{row.seq}",
        row.at.strftime("%Y-%m-%d %H:%M:%S"),
        row.member_login or "(service)",
        app,
        row.action,
        _target(row),
        details,
    ]
    return "  ".join(p for p in parts if p)


def run_export(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.audit_trail.export import export_csv

    out = Path(args.out).expanduser()
    if out.is_dir():
        raise CliError(f"{out} is a folder: give a file name, e.g. {out / 'audit.csv'}")
    ws = open_workspace_from_args(args)
    try:
        count = export_csv(ws, out, _wanted(args, None))
    except OSError as exc:
        raise CliError(f"Cannot write {out}: {exc.strerror or exc}") from None
    finally:
        ws.close()
    print(f"Wrote {count:,} entries to {out}.")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.audit_trail.verify import verify

    ws = open_workspace_from_args(args)
    try:
        report = verify(ws)
    finally:
        ws.close()
    broken = report.broken
    if args.json:
        data: dict[str, Any] = {"ok": report.ok, "checked": report.checked, "broken": None}
        if broken is not None:
            data["broken"] = {
                "problem": broken.problem,
                "seq": broken.seq,
                "entry_id": broken.entry_id,
                "first_missing": broken.first_missing,
                "message": broken.describe(),
            }
        print(json.dumps(data, ensure_ascii=False))
    elif broken is None:
        print(f"The audit chain holds: {report.checked:,} entries checked.")
    else:
        print(f"The audit chain is broken: {broken.describe()}")
        print(f"({report.checked:,} entries before it check out.)")
    return 0 if broken is None else EXIT_ERROR


def _target(row: AuditRow) -> str:
    """The stored code, with the name it stands for (or that its row is gone)."""
    if row.target_name is None:
        return row.target or ""
    name = row.target_name.name
    return f"{row.target} ({name})" if name is not None else f"{row.target} (deleted)"
