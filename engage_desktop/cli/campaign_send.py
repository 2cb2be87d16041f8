"""``engage-desktop campaign send|status|pause|resume|cancel ID``: sending from the terminal.

``send`` expands the campaign into the outbox (the service delivers it); ``--wait`` follows the
progress until the send finishes, pauses or is cancelled.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING, Any

from engage_desktop.cli.options import CliError, add_workspace_option

if TYPE_CHECKING:
    from engage_desktop.core.outbox.control import CampaignProgress
    from engage_desktop.core.workspace import Workspace

FINAL = ("completed", "cancelled", "paused")


def register(subparsers: Any) -> None:
    send = subparsers.add_parser("send", help="send a campaign now (the service delivers it)")
    send.add_argument("campaign_id", type=int, metavar="ID")
    send.add_argument("--wait", action="store_true", help="follow the progress until it ends")
    send.add_argument(
        "--test-devices", action="store_true", help="send only to the app's test devices"
    )
    send.add_argument(
        "--yes", action="store_true", help="send without showing the summary and asking first"
    )
    send.add_argument(
        "--dry-run",
        action="store_true",
        help="show what the delivery rules would do (recipients, suppressed by reason, "
        "deferred, estimated end); queue nothing",
    )
    send.add_argument("--json", action="store_true", help="with --dry-run: print JSON")
    add_workspace_option(send)
    send.set_defaults(func=run_send)
    status = subparsers.add_parser("status", help="a campaign's sending progress")
    status.add_argument("campaign_id", type=int, metavar="ID")
    status.add_argument("--json", action="store_true")
    add_workspace_option(status)
    status.set_defaults(func=run_status)
    for name, helptext in (
        ("pause", "pause a send"),
        ("resume", "resume a paused send"),
        ("cancel", "cancel a send for good"),
    ):
        sub = subparsers.add_parser(name, help=helptext)
        sub.add_argument("campaign_id", type=int, metavar="ID")
        add_workspace_option(sub)
        sub.set_defaults(func=run_control, action=name)


def _progress(ws: Workspace, campaign_id: int) -> CampaignProgress:
    from engage_desktop.core.outbox.control import campaign_progress

    with ws.session() as session:
        return campaign_progress(session, ws.member_id, campaign_id, ws.clock.now())


def as_dict(p: CampaignProgress) -> dict[str, Any]:
    return {
        "campaign_id": p.campaign_id,
        "status": p.status.value,
        "status_reason": p.status_reason,
        "total": p.total,
        "queued": p.queued,
        "sent": p.sent,
        "failed": p.failed,
        "suppressed": p.suppressed,
        "rate_per_s": round(p.rate, 1),
        "seconds_left": p.seconds_left,
    }


def run_send(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.messages import CodedError
    from engage_desktop.core.outbox import control
    from engage_desktop.core.outbox.expand import start_send
    from engage_desktop.core.service_status import service_status

    ws = open_workspace_from_args(args)
    try:
        if args.dry_run:
            return _dry_run(ws, args)
        if args.test_devices:
            count = control.send_to_test_devices(ws, args.campaign_id)
            print(f"Queued for {count} test device(s).")
            return 0
        if not args.yes:
            confirm_send(ws, args.campaign_id)
        result = start_send(ws, args.campaign_id)
        if result.ends_after_offer:
            print(
                "Warning: the throttle or quiet hours keep some recipients past the offer's "
                "end: their messages are suppressed as expired.",
                file=sys.stderr,
            )
        reasons = ", ".join(f"{k} {v:,}" for k, v in sorted(result.suppressed.items())) or "none"
        print(
            f"Campaign {args.campaign_id}: {result.queued:,} messages queued; "
            f"suppressed: {reasons}."
        )
        with ws.session() as session:
            if service_status(session, ws.clock.now()).running == 0:
                print(
                    "No dispatch service is running for this workspace: start one with "
                    "'engage-desktop service' (the app starts it for you).",
                    file=sys.stderr,
                )
        return wait_for_end(ws, args.campaign_id) if args.wait else 0
    except CodedError as exc:  # SendError, a schedule the rules refuse
        raise CliError(str(exc)) from None
    finally:
        ws.close()


def _dry_run(ws: Workspace, args: argparse.Namespace) -> int:
    """What the rules would do, from the same code as the send (written nowhere)."""
    from engage_desktop.core.outbox.expand import audience_summary

    summary = audience_summary(ws, args.campaign_id).as_dict()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    for key, value in summary.items():
        print(f"{key}: {value}")
    if summary["ends_after_offer"]:
        print(
            "Warning: the send cannot reach everyone before the offer ends "
            "(throttle or quiet hours); those rows would be suppressed as expired.",
            file=sys.stderr,
        )
    return 0


def confirm_send(ws: Workspace, campaign_id: int) -> None:
    """The same summary as the GUI's confirmation, then a yes/no question on the terminal.

    Without a terminal to ask on (a script, a pipe) the send is refused: ``--yes`` says so.
    """
    from engage_desktop.core.outbox.confirmation import send_summary, summary_lines

    summary = send_summary(ws, campaign_id)
    for line in summary_lines(summary):
        print(line)
    if summary.recipients == 0:
        raise CliError("Nobody in this audience can receive it now: nothing sent.")
    if not sys.stdin.isatty():
        raise CliError("Not sent: no terminal to confirm on. Add --yes to send without asking.")
    answer = input(f"Send now to {summary.recipients:,} {summary.unit}? [y/N] ").strip().lower()
    if answer not in ("y", "yes", "o", "oui"):
        raise CliError("Not sent.")


def wait_for_end(ws: Workspace, campaign_id: int) -> int:
    """Follow the progress until the send completes, pauses or is cancelled."""
    from engage_desktop.cli.common import TerminalProgress

    bar = TerminalProgress(f"campaign {campaign_id}")
    try:
        while True:
            p = _progress(ws, campaign_id)
            message = f"{p.sent:,} sent, {p.failed:,} failed, {p.rate:,.0f}/s"
            bar._draw(p.done, p.total or None, message)
            if p.status in FINAL and not (p.status == "completed" and p.queued):
                break
            time.sleep(0.5)
    finally:
        bar.close()
    _print_summary(as_dict(p))
    if p.status == "paused":
        raise CliError(f"Campaign {campaign_id} paused: {p.status_reason or 'by a user'}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.outbox.expand import SendError

    ws = open_workspace_from_args(args)
    try:
        p = _progress(ws, args.campaign_id)
    except SendError as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()
    data = as_dict(p)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        _print_summary(data)
    return 0


def _print_summary(data: dict[str, Any]) -> None:
    """One fact per line, numbers grouped, suppression reasons spelled out (not a dict repr)."""
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{reason} {count:,}" for reason, count in value.items()) or "none"
        elif isinstance(value, int):
            value = f"{value:,}"
        elif value is None:
            value = "—"
        print(f"{key:>14}: {value}")


def run_control(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.outbox import control
    from engage_desktop.core.outbox.expand import SendError

    ws = open_workspace_from_args(args)
    try:
        if args.action == "pause":
            control.pause(ws, args.campaign_id, "paused by a user")
        elif args.action == "resume":
            control.resume(ws, args.campaign_id)
        else:
            dropped = control.cancel(ws, args.campaign_id)
            print(f"Cancelled; {dropped:,} messages will not be sent.")
        return 0
    except SendError as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()
