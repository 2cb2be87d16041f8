"""A minimal FCM-shaped server for benchmarks: answers every POST with 200 and a message name.

No validation, no authentication, no recording: it exists so a sender benchmark measures the
sender, not a validating server (which costs 250-300 µs of CPU per request in Python here).
It speaks keep-alive HTTP/1.1, framed by the sender's own parser (``services/http1_parse.py``).
``GET /sandbox/stats`` answers the count of messages acknowledged; ``POST /token`` hands out an
access token without checking anything (google-auth needs one before it sends).

Run by ``python -m benchmarks dispatch --server lean`` as ``python -m benchmarks._lean_server
--port N``; it is benchmark equipment, not part of the shipped package.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import signal
import sys

from engage_desktop.services.http1_parse import ProtocolError, Request, parse_request

BAD_REQUEST = b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"


class _LeanProtocol(asyncio.Protocol):
    counter = itertools.count(1)
    received = 0

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None
        self.buffer += data
        while True:
            try:
                request = parse_request(self.buffer)
            except ProtocolError:
                self.transport.write(BAD_REQUEST)
                self.transport.close()
                return
            if request is None:
                return
            del self.buffer[: request.size]
            body = _answer(request)
            self.transport.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
            )
            if not request.keep_alive:
                self.transport.close()
                return


def _answer(request: Request) -> bytes:
    if request.method == b"GET" and request.target.startswith(b"/sandbox/stats"):
        return b'{"received":%d}' % _LeanProtocol.received
    if request.target.startswith(b"/token"):  # google-auth's token request: any grant goes
        return b'{"access_token":"lean","expires_in":3600,"token_type":"Bearer"}'
    _LeanProtocol.received += 1
    return b'{"name":"projects/bench/messages/%d"}' % next(_LeanProtocol.counter)


async def serve_lean(host: str, port: int, stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_LeanProtocol, host, port, reuse_address=True)
    print(f"lean sandbox listening on http://{host}:{port}", flush=True)
    try:
        await stop.wait()
    finally:
        server.close()
        await server.wait_closed()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks._lean_server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await serve_lean(args.host, args.port, stop)

    try:
        import uvloop
    except ImportError:  # pragma: no cover - Windows
        asyncio.run(run())
    else:
        uvloop.run(run())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
