"""``engage-desktop campaign submit|approve|reject ID [--comment]`` and ``campaign approvals``
(an app's threshold: sends of more recipients need an approval)."""

from __future__ import annotations

import argparse
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    submit = subparsers.add_parser("submit", help="ask an approver to approve a send")
    submit.add_argument("campaign_id", type=int, metavar="ID")
    add_workspace_option(submit)
    submit.set_defaults(func=run_decision, decision="submit")
    for name, helptext in (("approve", "approve a submitted send"), ("reject", "reject it")):
        sub = subparsers.add_parser(name, help=helptext)
        sub.add_argument("campaign_id", type=int, metavar="ID")
        sub.add_argument("--comment", default=None, help="why (shown to the marketer)")
        add_workspace_option(sub)
        sub.set_defaults(func=run_decision, decision=name)
    rule = subparsers.add_parser(
        "approvals", help="show or set an app's approval threshold (admins)"
    )
    rule.add_argument("--app", type=int, required=True, metavar="ID")
    which = rule.add_mutually_exclusive_group()
    which.add_argument(
        "--above", type=int, metavar="N", help="sends to more than N recipients need approval"
    )
    which.add_argument("--off", action="store_true", help="no approval needed any more")
    add_workspace_option(rule)
    rule.set_defaults(func=run_threshold)


def run_decision(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.approvals import workflow
    from engage_desktop.core.messages import CodedError

    ws = open_workspace_from_args(args)
    try:
        if args.decision == "submit":
            request = workflow.submit(ws, args.campaign_id)
            print(
                f"Campaign {args.campaign_id} submitted for approval "
                f"({request.recipients:,} recipients)."
            )
        elif args.decision == "approve":
            workflow.approve(ws, args.campaign_id, args.comment)
            print(f"Campaign {args.campaign_id} approved.")
        else:
            workflow.reject(ws, args.campaign_id, args.comment)
            print(f"Campaign {args.campaign_id} rejected.")
        return 0
    except CodedError as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()


def run_threshold(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.approvals.rules import approval_threshold, set_approval_threshold
    from engage_desktop.core.messages import CodedError

    ws = open_workspace_from_args(args)
    try:
        if args.off or args.above is not None:
            with ws.session() as session:
                set_approval_threshold(
                    session,
                    ws.member_id,
                    args.app,
                    None if args.off else args.above,
                    ws.clock.now(),
                )
        with ws.session_factory() as session:
            above = approval_threshold(session, args.app)
    except CodedError as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()
    if above is None:
        print(f"App {args.app}: sends need no approval.")
    else:
        print(f"App {args.app}: sends to more than {above:,} recipients need approval.")
    return 0
