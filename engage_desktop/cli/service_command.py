"""``engage-desktop service``: run the dispatch service headless for a workspace."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path
from typing import Any

from engage_desktop.cli.options import add_workspace_option


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "service", help="run the background dispatch service (sends campaigns) until stopped"
    )
    add_workspace_option(parser)
    parser.add_argument("--concurrency", type=int, default=64, help="requests in flight (64)")
    parser.add_argument("--batch", type=int, default=500, help="rows claimed at once (500)")
    parser.add_argument(
        "--lease",
        type=float,
        default=120.0,
        help="seconds a claimed row stays reserved before another service may take it (120)",
    )
    parser.add_argument(
        "--rate",
        type=float,
        default=None,
        help="messages per second per Firebase project (default 10,000)",
    )
    parser.add_argument(
        "--outage-pause-after",
        "--unreachable-pause-after",
        dest="outage_pause_after",
        type=float,
        default=20.0,
        help="seconds of FCM down, unreachable or over quota before the app's campaigns pause; "
        "they resume by themselves once FCM answers again (20)",
    )
    parser.add_argument(
        "--probe-every",
        type=float,
        default=15.0,
        help="seconds between probes of FCM for campaigns an outage paused (15)",
    )
    parser.add_argument(
        "--breaker-threshold",
        type=int,
        default=10,
        help="identical project-level refusals in a row that pause the app's campaigns (10)",
    )
    parser.add_argument(
        "--stop-grace",
        type=float,
        default=5.0,
        help="seconds requests already sent may take to answer when the service stops (5)",
    )
    parser.add_argument(
        "--clock-scale",
        type=float,
        default=1.0,
        help="fault runs only: the service's clock runs this many times faster (1)",
    )
    parser.add_argument(
        "--analytics-idle-after",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="refresh changed apps' analytics after this long without messages to send "
        "(10; a negative value turns it off)",
    )
    parser.add_argument(
        "--validate-only",
        action="store_true",
        help="dry run: FCM validates every message but delivers none",
    )
    parser.add_argument(
        "--log-file",
        type=Path,
        default=None,
        help="rotating log file (default: service.log in the user log folder)",
    )
    parser.add_argument("--verbose", action="store_true")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import platformdirs

    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.security.vault import Vault
    from engage_desktop.services.clock import ScaledClock
    from engage_desktop.services.dispatcher import DispatchConfig
    from engage_desktop.services.service import run_service, setup_logging

    log_file = args.log_file or (
        Path(platformdirs.user_log_dir("EngageDesktop", appauthor=False)) / "service.log"
    )
    setup_logging(log_file, args.verbose)
    ws = open_workspace_from_args(args)
    config = DispatchConfig(
        concurrency=max(1, args.concurrency),
        batch=max(1, args.batch),
        lease=timedelta(seconds=max(1.0, args.lease)),
        validate_only=args.validate_only,
        rate=args.rate,
        outage_pause_after=max(0.0, args.outage_pause_after),
        probe_every=max(0.1, args.probe_every),
        breaker_threshold=max(1, args.breaker_threshold),
        stop_grace=max(0.0, args.stop_grace),
    )
    try:
        return run_service(
            ws,
            config,
            clock=ScaledClock(max(1.0, args.clock_scale)),
            vault=Vault.system(),
            analytics_idle_after=None
            if args.analytics_idle_after < 0
            else args.analytics_idle_after,
        )
    finally:
        ws.close()
