"""``engage-desktop import contacts|events``: the audience imports, scripted.

Exit codes: 0 every row imported; 3 imported, but some rows were rejected (see ``--errors``);
1 nothing imported (unreadable file, permission, bad mapping); 130 interrupted (rolled back).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option

EXIT_SOME_REJECTED = 3


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import",
        help="import contacts (CSV/XLSX) or GA4 / Firebase Analytics events (NDJSON)",
        description="Import an audience file into an app. Each import is one transaction: it is "
        "kept whole or, if it fails or is interrupted, not at all. Exit code 3 means some rows "
        "were rejected (the others were imported).",
    )
    sub = parser.add_subparsers(dest="import_kind", metavar="KIND", required=True)

    contacts = sub.add_parser(
        "contacts",
        help="contacts from a CSV (any of ; , tab; UTF-8 or Windows-1252) or XLSX file",
        description="Columns are matched by their headers (French or English: prénom, nom, "
        "e-mail, téléphone, ville, code postal, date de naissance, identifiant, opt-in sms…). "
        "Contacts are matched by external id, else by email; empty cells never erase data.",
    )
    contacts.add_argument("file", type=Path, metavar="FILE")
    contacts.add_argument(
        "--mapping",
        action="append",
        default=[],
        metavar="HEADER=FIELD[,...]",
        help="change the automatic mapping, e.g. 'Carte fidélité=attribute:tier,Fax=ignore', "
        "or a .json file of {header: field}; fields: external_id first_name last_name email "
        "phone city postal_code birth_date locale time_zone latitude longitude consent_push "
        "consent_sms consent_email consent_in_app attribute[:key] ignore",
    )
    contacts.add_argument(
        "--keep-unknown",
        action="store_true",
        help="keep unrecognised columns as free attributes (default: ignore them)",
    )
    contacts.add_argument(
        "--dry-run", action="store_true", help="check and count everything, then roll back"
    )
    contacts.add_argument(
        "--show-mapping", action="store_true", help="print the mapping and format, import nothing"
    )

    events = sub.add_parser(
        "events",
        help="GA4 / Firebase Analytics BigQuery export rows (NDJSON, plain or .gz)",
    )
    events.add_argument("file", type=Path, metavar="FILE")

    for p in (contacts, events):
        p.add_argument("--app", type=int, required=True, help="app id (see `engage-desktop info`)")
        p.add_argument(
            "--errors",
            type=Path,
            default=None,
            metavar="REPORT.csv",
            help="write rejected rows (line, column, value, reason) to this CSV file",
        )
        add_workspace_option(p)
        p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import TerminalProgress, open_workspace_from_args
    from engage_desktop.core.imports.errors import ImportFailed

    if not args.file.is_file():
        raise CliError(f"{args.file}: no such file")
    workspace = open_workspace_from_args(args)
    bar = TerminalProgress("Importing")
    try:
        if args.import_kind == "contacts":
            return _contacts(workspace, args, bar)
        return _events(workspace, args, bar)
    except ImportFailed as exc:
        raise CliError(f"{exc}") from exc
    finally:
        bar.close()
        workspace.close()


def _contacts(ws: Any, args: argparse.Namespace, bar: Any) -> int:
    from engage_desktop.core.imports.contacts import import_contacts
    from engage_desktop.core.imports.mapping import (
        apply_overrides,
        auto_map,
        parse_mapping_option,
    )
    from engage_desktop.core.imports.tabular import open_table

    table = open_table(args.file)
    mapping = auto_map(table.headers, unknown_as_attributes=args.keep_unknown)
    mapping = apply_overrides(table.headers, mapping, parse_mapping_option(args.mapping))
    if args.show_mapping:
        print(f"{args.file.name}: {table.format_label}, about {table.total_rows or 0:,} rows")
        for header, target in zip(table.headers, mapping.targets, strict=False):
            print(f"  {header!r:32} → {target.describe()}")
        return 0
    result = import_contacts(
        ws,
        args.app,
        args.file,
        mapping,
        dry_run=args.dry_run,
        progress=bar.progress(),
        table=table,
    )
    bar.close()
    for warning in result.warnings:
        print(f"note: {warning}")
    verb = "would import" if result.dry_run else "imported"
    print(
        f"{result.file} ({result.format_label}): {verb} {result.inserted:,} new, "
        f"updated {result.updated:,}, rejected {result.failed:,} of {result.rows_read:,} rows "
        f"({result.duplicates:,} duplicates); {result.consents:,} consents; "
        + (
            f"{result.rows_with_left_out:,} rows imported without a value that could not be read; "
            if result.rows_with_left_out
            else ""
        )
        + f"{result.seconds:.1f} s."
        + (" Dry run: nothing was written." if result.dry_run else "")
    )
    return _report(
        result.errors, result.failed, result.errors_truncated, args.errors, result.left_out
    )


def _events(ws: Any, args: argparse.Namespace, bar: Any) -> int:
    from engage_desktop.core.imports.events import import_events

    result = import_events(ws, args.app, args.file, progress=bar.progress())
    bar.close()
    print(
        f"{result.file}: imported {result.imported:,} events, rejected {result.failed:,} of "
        f"{result.lines_read:,} lines; created {result.profiles_created:,} profiles, "
        f"{result.devices_created:,} devices, {result.event_names_created:,} event names; "
        f"{result.engagements:,} notification engagements attributed to campaigns"
        + (
            f" ({result.unattributed_notifications:,} matched no campaign)"
            if result.unattributed_notifications
            else ""
        )
        + (
            f"; {result.already_stored:,} already stored by an earlier import, skipped"
            if result.already_stored
            else ""
        )
        + f"; {result.seconds:.1f} s."
    )
    return _report(result.errors, result.failed, result.errors_truncated, args.errors)


def _report(
    errors: list[Any],
    failed: int,
    truncated: bool,
    path: Path | None,
    left_out: list[Any] | None = None,
) -> int:
    """Print the first problems, write the report, and say by the exit code if rows were lost.

    Left-out cells (warnings) are listed and written too, but only rejected rows make the
    exit code 3: their contacts are not in the workspace.
    """
    import sys

    from engage_desktop.core.imports.errors import write_error_report

    entries = [*errors, *(left_out or [])]
    for entry in sorted(entries, key=lambda e: e.line)[:10]:
        kind = "value left out" if entry.left_out else "row rejected"
        print(f"  {entry.describe()} ({kind})", file=sys.stderr)
    if len(entries) > 10:
        print(f"  … and {len(entries) - 10:,} more", file=sys.stderr)
    if path is not None:
        count = write_error_report(entries, path)  # even empty: scripts always find the file
        note = " (the first ones only)" if truncated else ""
        if count:
            print(f"Report: {count:,} entries written to {path}{note}.", file=sys.stderr)
    elif entries:
        print("Add --errors report.csv to save the whole report.", file=sys.stderr)
    return EXIT_SOME_REJECTED if failed else 0
