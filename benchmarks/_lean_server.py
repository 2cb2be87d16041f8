"""A minimal FCM-shaped server for benchmarks: answers every POST with 200 and a message name.

No validation, no authentication, no recording: it exists so a sender benchmark measures the
sender, not a validating server (which costs 250-300 µs of CPU per request in Python here).
It speaks keep-alive HTTP/1.1 with Content-Length bodies, which is all a sender sends.
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


class _LeanProtocol(asyncio.Protocol):
    counter = itertools.count(1)
    received = 0

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buffer[:end]).lower()
            at = head.find(b"content-length:")
            length = (
                int(
                    head[
                        at + 15 : head.find(b"\r\n", at)
                        if head.find(b"\r\n", at) > 0
                        else len(head)
                    ]
                )
                if at >= 0
                else 0
            )
            if len(self.buffer) < end + 4 + length:
                return
            del self.buffer[: end + 4 + length]
            if head.startswith(b"get /sandbox/stats"):
                body = b'{"received":%d}' % _LeanProtocol.received
            elif head.startswith(b"post /token"):  # google-auth's token request: any grant goes
                body = b'{"access_token":"lean","expires_in":3600,"token_type":"Bearer"}'
            else:
                _LeanProtocol.received += 1
                body = b'{"name":"projects/bench/messages/%d"}' % next(self.counter)
            assert self.transport is not None
            self.transport.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
            )


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
