"""``engage-desktop device list|test``: find an app's devices and mark test devices.

Test devices receive "Send to test devices" from the composer and ``campaign test``; a marketer
marks their own phone once, found by their email, name, external id or installation id.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "device", help="find an app's devices and mark the test devices"
    )
    sub = parser.add_subparsers(dest="device_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="an app's devices (test devices first)")
    listing.add_argument("--app", type=int, required=True, help="app id")
    listing.add_argument(
        "--search", default="", help="email, name, external id, installation id or label"
    )
    listing.add_argument("--test", action="store_true", help="only the test devices")
    listing.add_argument("--limit", type=int, default=50)

    test = sub.add_parser("test", help="mark a device as a test device (or --off)")
    test.add_argument("device_id", type=int, metavar="DEVICE_ID")
    test.add_argument("--app", type=int, required=True, help="app id")
    test.add_argument("--label", default=None, help='a name for it, e.g. "Camille\'s Pixel 8"')
    test.add_argument("--off", action="store_true", help="stop sending test messages to it")

    for p in (listing, test):
        add_workspace_option(p)
        p.add_argument("--json", action="store_true", help="print JSON")
        p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.devices import DeviceError

    workspace = open_workspace_from_args(args)
    try:
        if args.device_command == "list":
            return _list(workspace, args)
        return _test(workspace, args)
    except DeviceError as exc:
        raise CliError(str(exc)) from exc
    finally:
        workspace.close()


def _list(ws: Any, args: argparse.Namespace) -> int:
    from engage_desktop.core.devices import find_devices

    with ws.session() as session:
        rows = find_devices(
            session, ws.member_id, args.app, args.search, test_only=args.test, limit=args.limit
        )
    if args.json:
        print(json.dumps([asdict(r) for r in rows], default=str, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No device matches.")
        return 0
    for r in rows:
        print(_line(r))
    return 0


def _test(ws: Any, args: argparse.Namespace) -> int:
    from engage_desktop.core.devices import set_test_device

    row = set_test_device(ws, args.app, args.device_id, not args.off, args.label)
    if args.json:
        print(json.dumps(asdict(row), default=str, ensure_ascii=False))
    else:
        state = "is a test device" if row.is_test else "is no longer a test device"
        print(f"Device {row.id} ({row.label or row.model or row.platform}) {state}.")
    return 0


def _line(r: Any) -> str:
    owner = r.profile_name or r.profile_external_id or "no profile"
    push = "push on" if r.push_enabled and not r.token_invalidated and r.token_tail else "no push"
    test = f"TEST {r.label or ''}".rstrip() if r.is_test else ""
    parts = [f"{r.id:>8}", r.platform, r.model or "-", r.app_version or "-", owner, push, test]
    return "  ".join(p for p in parts if p)
