"""The lean benchmark server (``benchmarks/_lean_server.py``) frames requests with the sender's parser: pipelined requests are
each answered, a malformed one gets 400 and a closed connection."""

from __future__ import annotations

import asyncio

from benchmarks._lean_server import serve_lean
from tests.support.net import free_port


async def _exchange(payload: bytes) -> bytes:
    port = free_port()
    stop = asyncio.Event()
    server = asyncio.create_task(serve_lean("127.0.0.1", port, stop))
    try:
        for _ in range(100):
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                break
            except ConnectionRefusedError:
                await asyncio.sleep(0.02)
        writer.write(payload)
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), 5)  # until the server closes
        writer.close()
        return answer
    finally:
        stop.set()
        await server


def test_pipelined_requests_are_answered_in_order() -> None:
    send = b"POST /v1/projects/p/messages:send HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
    last = b"POST /token HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    answer = asyncio.run(_exchange(send + send + last))
    assert answer.count(b"HTTP/1.1 200 OK\r\n") == 3
    assert b'"access_token":"lean"' in answer.rsplit(b"HTTP/1.1", 1)[1]


def test_a_malformed_request_gets_400_and_the_connection_closes() -> None:
    answer = asyncio.run(_exchange(b"POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n"))
    assert answer.startswith(b"HTTP/1.1 400 Bad Request\r\n")
