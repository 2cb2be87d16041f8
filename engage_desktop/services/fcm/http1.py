"""A lean HTTP/1.1 client for one origin: keep-alive connections, POST of ready bytes.

Why not aiohttp: on these machines aiohttp's client spends ~150-200 µs of CPU per request, which
caps a Python sender near 4,000 msg/s; FCM sends need only ``POST`` with a small JSON body and a
small JSON answer, so a protocol object that writes one buffer and parses status, a few headers
and a body (Content-Length or chunked) does the same work for a fraction of the CPU.
TLS comes from asyncio (``ssl=True`` for https). Each connection carries one request at a time.
"""

from __future__ import annotations

import asyncio
import ssl as ssl_module
from collections import deque
from dataclasses import dataclass
from typing import cast


@dataclass(frozen=True)
class Response:
    status: int
    retry_after: str | None
    body: bytes


class ProtocolError(ConnectionError):
    """The server answered something that is not HTTP/1.1 we understand."""


class _Connection(asyncio.Protocol):
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future[Response] | None = None
        self.closed = False
        self.keep_alive = True

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports do not subclass asyncio.Transport, but provide its methods
        self.transport = cast(asyncio.Transport, transport)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.waiter is None or self.waiter.done():
            return
        try:
            finished = self._try_finish(eof=True)
        except ProtocolError as err:
            self.waiter.set_exception(err)
            return
        if not finished:
            self.waiter.set_exception(
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
        if self.waiter is not None and not self.waiter.done():
            try:
                self._try_finish(eof=False)
            except ProtocolError as exc:
                self.waiter.set_exception(exc)
                self.close()

    def _try_finish(self, *, eof: bool) -> bool:
        buf = self.buffer
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            return False
        head = bytes(buf[:end]).split(b"\r\n")
        parts = head[0].split(b" ", 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
            raise ProtocolError(f"not an HTTP/1.1 answer: {head[0][:80]!r}")
        status = int(parts[1])
        length: int | None = None
        chunked = False
        retry_after: str | None = None
        for line in head[1:]:
            name, _, value = line.partition(b":")
            key = name.strip().lower()
            if key == b"content-length":
                length = int(value)
            elif key == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif key == b"connection" and value.strip().lower() == b"close":
                self.keep_alive = False
            elif key == b"retry-after":
                retry_after = value.strip().decode("latin-1")
        start = end + 4
        if chunked:
            body = _dechunk(buf, start)
            if body is None:
                return False
        elif length is not None:
            if len(buf) - start < length:
                return False
            body = bytes(buf[start : start + length])
        else:  # delimited by the end of the connection
            if not eof:
                return False
            body = bytes(buf[start:])
            self.keep_alive = False
        assert self.waiter is not None
        self.waiter.set_result(Response(status, retry_after, body))
        return True

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()


def _dechunk(buf: bytearray, pos: int) -> bytes | None:
    """The body of a complete chunked message, or None while more bytes are needed."""
    out = bytearray()
    while True:
        eol = buf.find(b"\r\n", pos)
        if eol < 0:
            return None
        try:
            size = int(bytes(buf[pos:eol]).split(b";")[0], 16)
        except ValueError:
            raise ProtocolError("bad chunk size") from None
        if size == 0:
            return bytes(out) if buf.find(b"\r\n\r\n", eol) >= 0 else None
        if len(buf) < eol + 2 + size + 2:
            return None
        out += buf[eol + 2 : eol + 2 + size]
        pos = eol + 2 + size + 2


class Http1Pool:
    """Up to ``limit`` keep-alive connections to one ``host:port``."""

    def __init__(
        self, host: str, port: int, *, tls: bool, limit: int = 64, timeout: float = 30.0
    ) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.ssl: ssl_module.SSLContext | None = (
            ssl_module.create_default_context() if tls else None
        )
        self.host_header = host if port in (80, 443) else f"{host}:{port}"
        self._idle: deque[_Connection] = deque()
        self._slots = asyncio.Semaphore(limit)
        self._all: set[_Connection] = set()

    async def _connection(self) -> _Connection:
        while self._idle:
            conn = self._idle.pop()
            if not conn.closed:
                return conn
        loop = asyncio.get_running_loop()
        _transport, conn = await loop.create_connection(
            lambda: _Connection(loop),
            self.host,
            self.port,
            ssl=self.ssl,
            server_hostname=self.host if self.ssl else None,
        )
        self._all.add(conn)
        return conn

    async def post(self, path: str, headers: bytes, body: bytes) -> Response:
        """``headers``: extra header lines, each ending with CRLF."""
        request = b"".join(
            (
                b"POST ",
                path.encode(),
                b" HTTP/1.1\r\nHost: ",
                self.host_header.encode(),
                b"\r\nContent-Length: ",
                str(len(body)).encode(),
                b"\r\n",
                headers,
                b"\r\n",
                body,
            )
        )
        async with self._slots:
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
            if conn.keep_alive and not conn.closed:
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
