"""A lean HTTP/1.1 client for one origin: keep-alive connections, POST of ready bytes.

Why hand-written: FCM sends need only ``POST`` with a small JSON body and a small JSON answer,
and in ``python -m benchmarks http_clients`` (same messages, same nginx, same run) this client
spends 3 to 4 times less CPU per message than aiohttp and 25 to 40 times less than httpx over
HTTP/2 (21 / 83 / 863 µs over TLS on a quiet machine, 54 / 166 / 1,425 µs on a busy one).
Answers are framed by ``services/http1_parse.py`` (strict, bounded; any violation is a
``ProtocolError`` and a closed connection). TLS comes from asyncio with the system's default
context (certificate and host name checked). Each connection carries one request at a time.
"""

from __future__ import annotations

import asyncio
import ssl as ssl_module
from collections import deque
from typing import cast

from engage_desktop.services.http1_parse import ProtocolError, Response, parse_response

__all__ = ["Http1Pool", "ProtocolError", "Response"]


class _Stale(ConnectionResetError):
    """A reused connection closed before a byte of answer: the server had dropped it idle."""


class _Connection(asyncio.Protocol):
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future[Response] | None = None
        self.closed = False
        self.reusable = True
        self.served = 0  # answers completed on this connection

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports do not subclass asyncio.Transport, but provide its methods
        self.transport = cast(asyncio.Transport, transport)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        waiter = self.waiter
        if waiter is None or waiter.done():
            return
        try:
            response = parse_response(self.buffer, eof=True)
        except ProtocolError as err:
            waiter.set_exception(err)
            return
        if response is not None:
            self._finish(response)
        elif not self.buffer and self.served:
            waiter.set_exception(_Stale("the server had closed the kept-alive connection"))
        else:
            waiter.set_exception(
                ConnectionResetError("the server closed the connection before answering")
            )

    def send(self, data: bytes) -> asyncio.Future[Response]:
        assert self.transport is not None
        self.buffer.clear()
        self.waiter = self.loop.create_future()
        self.transport.write(data)
        return self.waiter

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        waiter = self.waiter
        if waiter is None or waiter.done():
            self.close()  # bytes nobody asked for: this connection cannot be trusted
            return
        try:
            response = parse_response(self.buffer, eof=False)
        except ProtocolError as exc:
            waiter.set_exception(exc)
            self.close()
            return
        if response is not None:
            self._finish(response)

    def _finish(self, response: Response) -> None:
        assert self.waiter is not None
        self.served += 1
        if not response.keep_alive or response.size != len(self.buffer):
            self.reusable = False  # closing, or bytes beyond the answer: do not reuse
        self.waiter.set_result(response)

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()


class Http1Pool:
    """Up to ``limit`` keep-alive connections to one ``host:port``.

    ``timeout`` bounds connecting (TLS handshake included) and each answer, in seconds.
    """

    def __init__(
        self, host: str, port: int, *, tls: bool, limit: int = 64, timeout: float = 30.0
    ) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.ssl: ssl_module.SSLContext | None = (
            ssl_module.create_default_context() if tls else None
        )
        self.host_header = host if port in (80, 443) else f"{host}:{port}"
        self._heads: dict[str, bytes] = {}  # path → the request's first bytes, built once
        self._idle: deque[_Connection] = deque()
        self._slots = asyncio.Semaphore(limit)
        self._all: set[_Connection] = set()

    async def _connection(self) -> _Connection:
        while self._idle:
            conn = self._idle.pop()
            if not conn.closed:
                return conn
            self._all.discard(conn)
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(self.timeout):
            _transport, conn = await loop.create_connection(
                lambda: _Connection(loop),
                self.host,
                self.port,
                ssl=self.ssl,
                server_hostname=self.host if self.ssl else None,
            )
        self._all.add(conn)
        return conn

    def _request(self, path: str, headers: bytes, body: bytes) -> bytes:
        head = self._heads.get(path)
        if head is None:
            head = self._heads[path] = b"".join(
                (b"POST ", path.encode(), b" HTTP/1.1\r\nHost: ", self.host_header.encode())
            )
        return b"".join(
            (head, b"\r\nContent-Length: ", b"%d" % len(body), b"\r\n", headers, b"\r\n", body)
        )

    async def post(self, path: str, headers: bytes, body: bytes) -> Response:
        """``headers``: extra header lines, each ending with CRLF.

        A kept-alive connection the server closed while idle is replaced, transparently (RFC
        9112 §9.3.1: that request never reached the server's application). Each stale one is
        discarded and a new connection is never stale, so this ends (a restarted server leaves
        at most ``limit`` of them).
        """
        request = self._request(path, headers, body)
        async with self._slots:
            while True:
                try:
                    return await self._exchange(request)
                except _Stale:
                    continue

    async def _exchange(self, request: bytes) -> Response:
        conn = await self._connection()
        waiter = conn.send(request)
        timer = asyncio.get_running_loop().call_later(self.timeout, _expire, waiter, conn)
        try:
            response = await waiter
        except BaseException:
            conn.close()
            self._all.discard(conn)
            raise
        finally:
            timer.cancel()
        if conn.reusable and not conn.closed:
            self._idle.append(conn)
        else:
            conn.close()
            self._all.discard(conn)
        return response

    def close(self) -> None:
        for conn in list(self._all):
            conn.close()
        self._all.clear()
        self._idle.clear()


def _expire(waiter: asyncio.Future[Response], conn: _Connection) -> None:
    if not waiter.done():
        waiter.set_exception(TimeoutError("no answer from the server in time"))
        conn.close()
