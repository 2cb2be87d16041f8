"""``engage-desktop app rules APP_ID [--quiet 21:00-08:00|off] [--cap push:2/day,5/week]
[--throttle N|off]``: an app's delivery rules (``core.delivery.app_rules``).

Without options it prints the rules; with any, it changes only what is given (admins).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from engage_desktop.cli.options import CliError, add_workspace_option

if TYPE_CHECKING:
    from engage_desktop.core.delivery.app_rules import AppRules


def register(app_subparsers: Any) -> None:
    rules = app_subparsers.add_parser(
        "rules", help="show or set an app's quiet hours, frequency caps and throttle"
    )
    rules.add_argument("app_id", type=int, metavar="APP_ID")
    rules.add_argument(
        "--quiet", metavar="21:00-08:00|21h-8h|off", help="quiet hours, recipient's time"
    )
    rules.add_argument(
        "--cap",
        metavar="CAPS|off",
        help="most messages per person, e.g. 'push:2/day,5/week;sms:1/week'",
    )
    rules.add_argument("--throttle", metavar="N|off", help="default messages per minute")
    rules.add_argument("--json", action="store_true", help="print JSON")
    add_workspace_option(rules)
    rules.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.delivery.app_rules import read_rules, save_rules
    from engage_desktop.core.messages import CodedError

    ws = open_workspace_from_args(args)
    try:
        rules = read_rules(ws, args.app_id)
        if any(v is not None for v in (args.quiet, args.cap, args.throttle)):
            rules = _changed(rules, args)
            save_rules(ws, args.app_id, rules)
        shown = rules.as_dict()
        if args.json:
            print(json.dumps(shown, ensure_ascii=False))
        else:
            for key, value in shown.items():
                print(f"{key}: {'off' if value is None else value}")
        return 0
    except CodedError as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()


def _changed(rules: AppRules, args: argparse.Namespace) -> AppRules:
    from engage_desktop.core.delivery.caps import parse_caps
    from engage_desktop.core.delivery.daily_window import RuleInputError, parse_window

    if args.quiet is not None:
        rules = replace(rules, quiet=None if args.quiet == "off" else parse_window(args.quiet))
    if args.cap is not None:
        rules = replace(rules, caps={} if args.cap == "off" else parse_caps(args.cap))
    if args.throttle is not None:
        value = args.throttle.strip()
        if value != "off" and not value.isdigit():
            raise RuleInputError(
                f"--throttle: {value!r} is not a whole number of messages a minute (or 'off').",
                "rule_bad_throttle",
                value,
            )
        rules = replace(rules, throttle_per_minute=None if value == "off" else int(value))
    return rules
