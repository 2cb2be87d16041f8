"""``engage-desktop campaign schedule ID --at TIME`` and ``campaign unschedule ID``.

The time is ISO 8601 with its offset (``2026-12-15T10:00+01:00`` or ``…Z``); anything else
(no offset, unparseable, past) exits non-zero with the reason, nothing stored. What was
understood is printed in the app's time zone (or ``--zone``) and in UTC, so a wrong offset is
seen at once.
"""

from __future__ import annotations

import argparse
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser("schedule", help="send a campaign at a date and time")
    sub.add_argument("campaign_id", type=int, metavar="ID")
    sub.add_argument(
        "--at", required=True, metavar="TIME", help="ISO 8601 with offset: 2026-12-15T10:00+01:00"
    )
    sub.add_argument(
        "--zone", metavar="IANA", help="the time zone to show and store (default: the app's)"
    )
    sub.add_argument(
        "--local-time",
        action="store_true",
        help="deliver at that clock time in each recipient's own time zone",
    )
    add_workspace_option(sub)
    sub.set_defaults(func=run_schedule)
    undo = subparsers.add_parser("unschedule", help="take a scheduled campaign back to draft")
    undo.add_argument("campaign_id", type=int, metavar="ID")
    add_workspace_option(undo)
    undo.set_defaults(func=run_unschedule)


def run_schedule(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.scheduling.schedule import app_time_zone, schedule
    from engage_desktop.core.scheduling.when import choice, parse_iso

    at = _checked(lambda: parse_iso(args.at))
    ws = open_workspace_from_args(args)
    try:
        with ws.session() as session:
            zone_name = args.zone or _checked(lambda: app_time_zone(session, args.campaign_id))
            chosen = _checked(lambda: choice(at, zone_name, ws.clock.now(), args.local_time))
            now = ws.clock.now()
            _checked(lambda: schedule(session, ws.member_id, args.campaign_id, chosen, now))
    finally:
        ws.close()
    wall = chosen.wall.strftime("%Y-%m-%d %H:%M %z")
    utc = chosen.at_utc.strftime("%Y-%m-%d %H:%M UTC")
    print(f"Campaign {args.campaign_id} scheduled for {wall} ({zone_name}), that is {utc}.")
    if chosen.local_time:
        print(f"Each recipient gets it at {chosen.wall:%H:%M} in their own time zone.")
    return 0


def run_unschedule(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.scheduling.schedule import unschedule

    ws = open_workspace_from_args(args)
    try:
        with ws.session() as session:
            _checked(lambda: unschedule(session, ws.member_id, args.campaign_id), "Not unscheduled")
    finally:
        ws.close()
    print(f"Campaign {args.campaign_id} is a draft again: nothing goes out at its time.")
    return 0


def _checked(step: Any, failed: str = "Not scheduled") -> Any:
    """Run ``step``; the errors people cause become a CLI message (exit 1), not a traceback."""
    from engage_desktop.core.messages import CodedError
    from engage_desktop.security.roles import PermissionDenied

    try:
        return step()
    except (CodedError, PermissionDenied) as exc:
        raise CliError(f"{failed}: {exc}") from None
