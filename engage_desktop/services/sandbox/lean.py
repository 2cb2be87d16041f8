"""A minimal FCM-shaped server for benchmarks: answers every POST with 200 and a message name.

No validation, no authentication, no recording: it exists so a sender benchmark measures the
sender, not a validating server (which costs 250-300 µs of CPU per request in Python here).
It speaks keep-alive HTTP/1.1 with Content-Length bodies, which is all a sender sends.
``GET /sandbox/stats`` answers the count of messages acknowledged; ``POST /token`` hands out an
access token without checking anything (google-auth needs one before it sends). Like the full
sandbox it listens on loopback only; it has no control endpoints beyond that read-only count.
"""

from __future__ import annotations

import asyncio
import itertools

from engage_desktop.core.endpoints import is_loopback


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
    if not is_loopback(host):
        raise ValueError(f"The sandbox listens on loopback only (127.0.0.1, ::1), not {host}.")
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_LeanProtocol, host, port, reuse_address=True)
    print(f"lean sandbox listening on http://{host}:{port}", flush=True)
    try:
        await stop.wait()
    finally:
        server.close()
        await server.wait_closed()
