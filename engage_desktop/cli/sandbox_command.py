"""``engage-desktop sandbox``: a local FCM-compatible server with virtual devices."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "sandbox", help="serve a local FCM stand-in (send endpoint, tokens, virtual devices)"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--no-validate",
        action="store_true",
        help="skip authentication and message validation (benchmarks)",
    )
    parser.add_argument(
        "--no-record",
        action="store_true",
        help="do not keep what each device received (benchmarks)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder of the sandbox service-account keys and the kept inboxes "
        "(default: the sandbox folder in the user data folder)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import asyncio
    import signal

    from engage_desktop.services.sandbox.credentials import sandbox_credentials_dir
    from engage_desktop.services.sandbox.server import serve

    data_dir = args.data_dir or sandbox_credentials_dir()

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await serve(
            args.host,
            args.port,
            validate=not args.no_validate,
            record=not args.no_record,
            data_dir=data_dir,
            stop=stop,
        )

    try:
        try:
            import uvloop
        except ImportError:  # pragma: no cover - Windows
            asyncio.run(main())
        else:
            uvloop.run(main())
    except OSError as exc:
        from engage_desktop.cli.options import CliError

        raise CliError(f"Cannot serve on {args.host}:{args.port}: {exc.strerror or exc}") from None
    return 0
