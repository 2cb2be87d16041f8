"""The lean HTTP/1.1 client against a raw loopback server: chunked, Content-Length, close."""

from __future__ import annotations

import asyncio

import pytest

from engage_desktop.services.fcm.http1 import Http1Pool

ANSWERS = [
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    b'7\r\n{"name"\r\n9\r\n:"p/m/1"}\r\n0\r\n\r\n',
    b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nContent-Length: 2\r\n\r\n{}",
    b"HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
]


async def _scenario() -> list[tuple[int, str | None, bytes]]:
    answers = list(ANSWERS)
    seen: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while answers:
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
            seen.append(head + await reader.readexactly(length))
            answer = answers.pop(0)
            # split the answer in two writes to exercise partial parsing
            writer.write(answer[:20])
            await writer.drain()
            await asyncio.sleep(0.01)
            writer.write(answer[20:])
            await writer.drain()
            if b"Connection: close" in answer:
                break
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    pool = Http1Pool("127.0.0.1", port, tls=False, limit=1)
    out = []
    for _ in range(3):
        r = await pool.post("/v1/projects/p/messages:send", b"X-Test: 1\r\n", b'{"a":1}')
        out.append((r.status, r.retry_after, r.body))
    with pytest.raises(ConnectionError):  # the server closed: the next request fails clearly
        await pool.post("/x", b"", b"{}")
    pool.close()
    server.close()
    await server.wait_closed()
    assert seen[0].startswith(b"POST /v1/projects/p/messages:send HTTP/1.1\r\n")
    assert seen[0].endswith(b'X-Test: 1\r\n\r\n{"a":1}')
    return out


def test_http1_pool_parses_chunked_length_and_close() -> None:
    out = asyncio.run(_scenario())
    assert out == [(200, None, b'{"name":"p/m/1"}'), (429, "30", b"{}"), (503, None, b"")]
