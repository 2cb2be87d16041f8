"""``engage-desktop campaign schedule ID --at TIME`` and ``campaign unschedule ID``.

The time is ISO 8601 with its offset (``2026-12-15T10:00+01:00`` or ``…Z``); anything else
(no offset, unparseable, past) exits non-zero with the reason, nothing stored. What was
understood is printed in the app's time zone (or ``--zone``) and in UTC, so a wrong offset is
seen at once.

``--local-time`` delivers at that clock time in each recipient's own zone; ``--best-hour``
delivers on that day (``--at 2026-12-15``, or the day of a full time, on the clocks of the
app's zone or ``--zone``) at each recipient's best hour. The two exclude each other.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser("schedule", help="send a campaign at a date and time")
    sub.add_argument("campaign_id", type=int, metavar="ID")
    sub.add_argument(
        "--at",
        required=True,
        metavar="DAY_OR_TIME",
        help="ISO 8601 with offset: 2026-12-15T10:00+01:00 (with --best-hour: a day, 2026-12-15)",
    )
    sub.add_argument(
        "--zone", metavar="IANA", help="the time zone to show and store (default: the app's)"
    )
    timing = sub.add_mutually_exclusive_group()
    timing.add_argument(
        "--local-time",
        action="store_true",
        help="deliver at that clock time in each recipient's own time zone",
    )
    timing.add_argument(
        "--best-hour",
        action="store_true",
        help="deliver on that day at each recipient's best hour (their opens, else the app's)",
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
    from engage_desktop.core.scheduling.when import Timing, choice, day_start

    timing = _timing(args)
    at_text = args.at.strip()
    day = _day(at_text) if timing == Timing.BEST_HOUR else None
    at = None if day is not None else _checked(lambda: _moment(at_text))
    ws = open_workspace_from_args(args)
    try:
        with ws.session() as session:
            zone_name = args.zone or _checked(lambda: app_time_zone(session, args.campaign_id))
            if day is not None:
                at = _checked(lambda: day_start(day, zone_name))
            assert at is not None  # a day, or a time parsed above
            chosen = _checked(lambda: choice(at, zone_name, ws.clock.now(), timing))
            now = ws.clock.now()
            _checked(lambda: schedule(session, ws.member_id, args.campaign_id, chosen, now))
    finally:
        ws.close()
    _print_understood(args.campaign_id, chosen)
    return 0


def _timing(args: argparse.Namespace) -> Any:
    from engage_desktop.core.scheduling.when import Timing

    if args.best_hour:
        return Timing.BEST_HOUR
    return Timing.LOCAL_TIME if args.local_time else Timing.AT


def _day(text: str) -> date | None:
    """A bare day (``2026-12-15``) for --best-hour; None when ``text`` is a full time."""
    if "T" in text or " " in text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None  # not a day: read (and refused with its reason) as a time


def _moment(text: str) -> datetime:
    from engage_desktop.core.scheduling.when import parse_iso

    return parse_iso(text)


def _print_understood(campaign_id: int, chosen: Any) -> None:
    """What was stored, in words a wrong offset or day is seen in at once."""
    from engage_desktop.core.scheduling.when import Timing

    zone_name = chosen.time_zone
    if chosen.timing == Timing.BEST_HOUR:
        print(
            f"Campaign {campaign_id} scheduled for {chosen.wall:%Y-%m-%d} ({zone_name}): each "
            "recipient gets it that day at their own best hour, on their own clock (the local "
            "hour they open most; recipients without opens at the app's best hour)."
        )
        return
    wall = chosen.wall.strftime("%Y-%m-%d %H:%M %z")
    utc = chosen.at_utc.strftime("%Y-%m-%d %H:%M UTC")
    print(f"Campaign {campaign_id} scheduled for {wall} ({zone_name}), that is {utc}.")
    if chosen.timing == Timing.LOCAL_TIME:
        print(f"Each recipient gets it at {chosen.wall:%H:%M} in their own time zone.")


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
