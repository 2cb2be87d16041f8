"""The FCM HTTP/1.1 client against local servers that misbehave on purpose, in clear and over TLS.

Each server is a real asyncio server on loopback scripted per connection; TLS uses the tests'
CA (``tests/support/tls.py``) trusted through ``SSL_CERT_FILE``, as a deployed machine would.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from engage_desktop.services.fcm.http1 import Http1Pool, ProtocolError, Response
from tests.support.tls import make_test_ca

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter, int], Awaitable[None]]
OK = b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"name":1}\n'
PATH = "/v1/projects/p/messages:send"


async def read_request(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
    return head + await reader.readexactly(length)


async def with_server(
    handler: Handler,
    scenario: Callable[[Http1Pool], Awaitable[object]],
    *,
    server_ssl: ssl.SSLContext | None = None,
    host: str = "127.0.0.1",
    timeout: float = 5.0,
    limit: int = 1,
) -> object:
    """Run ``scenario`` against a pool connected to a server whose connections run ``handler``
    (with the connection's number, from 0)."""
    opened = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal opened
        index, opened = opened, opened + 1
        try:
            await handler(reader, writer, index)
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=server_ssl)
    port = server.sockets[0].getsockname()[1]
    pool = Http1Pool(host, port, tls=server_ssl is not None, limit=limit, timeout=timeout)
    try:
        return await scenario(pool)
    finally:
        pool.close()
        server.close()
        await server.wait_closed()


async def post(pool: Http1Pool, body: bytes = b'{"a":1}') -> Response:
    return await pool.post(PATH, b"X-Test: 1\r\n", body)


def answering(*answers: bytes, split: int = 0) -> Handler:
    """Answer each request of connection 0 with the next answer (in two writes at ``split``);
    later connections are closed unanswered."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        if n:
            return
        for answer in answers:
            await read_request(reader)
            if split:
                writer.write(answer[:split])
                await writer.drain()
                await asyncio.sleep(0.01)
                answer = answer[split:]
            writer.write(answer)
            await writer.drain()
        await reader.read()

    return handler


def run(
    handler: Handler, scenario: Callable[[Http1Pool], Awaitable[object]], **kw: object
) -> object:
    return asyncio.run(with_server(handler, scenario, **kw))  # type: ignore[arg-type]


# --- framing -----------------------------------------------------------------------------------
def test_chunked_length_and_close_parsed_across_partial_writes() -> None:
    answers = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        b'7\r\n{"name"\r\n9\r\n:"p/m/1"}\r\n0\r\n\r\n',
        b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nContent-Length: 2\r\n\r\n{}",
        b"HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
    )

    async def scenario(pool: Http1Pool) -> list[tuple[int, str | None, bytes]]:
        out = []
        for _ in answers:
            r = await post(pool)
            out.append((r.status, r.retry_after, r.body))
        with pytest.raises(ConnectionError):  # closed, and no second connection is answered
            await post(pool)
        return out

    assert run(answering(*answers, split=20), scenario) == [
        (200, None, b'{"name":"p/m/1"}'),
        (429, "30", b"{}"),
        (503, None, b""),
    ]


def test_the_request_is_written_as_http11() -> None:
    seen: list[bytes] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        seen.append(await read_request(reader))
        writer.write(OK)
        await writer.drain()

    run(handler, post)
    assert seen[0].startswith(f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1:".encode())
    assert seen[0].endswith(b'\r\nContent-Length: 7\r\nX-Test: 1\r\n\r\n{"a":1}')


@pytest.mark.parametrize(
    "answer",
    [
        b"HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 20 OK\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/2 200 OK\r\nContent-Length: 0\r\n\r\n",
        b"ICY 200 OK\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 099 Low\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        b"HTTP/1.1 200 OK\r\n folded: header\r\nContent-Length: 0\r\n\r\n",
    ],
    ids=[
        "letters",
        "four-digits",
        "two-digits",
        "http2",
        "icy",
        "no-status",
        "below-100",
        "switching",
        "no-colon",
        "folded",
    ],
)
def test_malformed_status_lines_and_heads_are_protocol_errors(answer: bytes) -> None:
    async def scenario(pool: Http1Pool) -> None:
        with pytest.raises(ProtocolError):
            await post(pool)

    run(answering(answer), scenario)


@pytest.mark.parametrize(
    "headers",
    [
        b"Content-Length: -1",
        b"Content-Length: 1e3",
        b"Content-Length: 0x10",
        b"Content-Length: 2\r\nContent-Length: 3",
        b"Content-Length: 2, 3",
        b"Content-Length: 2\r\nTransfer-Encoding: chunked",
        b"Transfer-Encoding: gzip",
    ],
    ids=["negative", "exponent", "hex", "two-lengths", "list", "length-and-chunked", "gzip"],
)
def test_malformed_lengths_are_protocol_errors(headers: bytes) -> None:
    async def scenario(pool: Http1Pool) -> None:
        with pytest.raises(ProtocolError):
            await post(pool)

    run(answering(b"HTTP/1.1 200 OK\r\n" + headers + b"\r\n\r\n{}"), scenario)


@pytest.mark.parametrize(
    "chunks",
    [b"zz\r\n{}\r\n0\r\n\r\n", b"2\r\n{}}\r\n0\r\n\r\n", b"-2\r\n{}\r\n0\r\n\r\n"],
    ids=["not-hex", "longer-than-stated", "negative"],
)
def test_malformed_chunks_are_protocol_errors(chunks: bytes) -> None:
    async def scenario(pool: Http1Pool) -> None:
        with pytest.raises(ProtocolError):
            await post(pool)

    run(answering(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks), scenario)


def test_204_has_no_body_and_interim_1xx_answers_are_skipped() -> None:
    answers = (
        b"HTTP/1.1 204 No Content\r\n\r\n",
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + OK,
        b"HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n",  # a length, but no body
        OK,
    )

    async def scenario(pool: Http1Pool) -> list[tuple[int, bytes]]:
        return [((r := await post(pool)).status, r.body) for _ in answers]

    assert run(answering(*answers), scenario) == [
        (204, b""),
        (200, b'{"name":1}\n'),
        (304, b""),
        (200, b'{"name":1}\n'),
    ]


@pytest.mark.parametrize(
    "answer",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: 2000000\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"ffff\r\n"
        + b"x" * 0xFFFF
        + b"\r\n" * 1
        + (b"ffff\r\n" + b"x" * 0xFFFF + b"\r\n") * 16,
        b"HTTP/1.1 200 OK\r\nX-Big: " + b"h" * 70_000 + b"\r\n\r\n",
    ],
    ids=["stated-length", "chunked", "head"],
)
def test_oversized_answers_are_refused_without_waiting_for_them(answer: bytes) -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        await read_request(reader)
        writer.write(answer)  # and then nothing: the client must not wait for the rest
        await writer.drain()
        await reader.read()

    async def scenario(pool: Http1Pool) -> None:
        with pytest.raises(ProtocolError):
            await post(pool)

    run(handler, scenario)


def test_a_body_delimited_by_close_is_bounded_too() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\n\r\n" + b"x" * 1_100_000)
        await writer.drain()

    async def scenario(pool: Http1Pool) -> None:
        with pytest.raises(ProtocolError):
            await post(pool)

    run(handler, scenario)


def test_a_body_delimited_by_close_ends_with_the_connection() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.0 200 OK\r\n\r\n{}")
        await writer.drain()

    async def scenario(pool: Http1Pool) -> bytes:
        return (await post(pool)).body

    assert run(handler, scenario) == b"{}"


# --- connections -------------------------------------------------------------------------------
def test_a_kept_alive_connection_the_server_closed_while_idle_is_replaced() -> None:
    connections: list[int] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        connections.append(n)
        await read_request(reader)
        writer.write(OK)  # keep-alive announced, then closed after a moment of idleness
        await writer.drain()

    async def scenario(pool: Http1Pool) -> list[int]:
        first = await post(pool)
        await asyncio.sleep(0.05)
        second = await post(pool)
        return [first.status, second.status]

    assert run(handler, scenario) == [200, 200]
    assert connections == [0, 1]


def test_a_close_racing_the_next_request_is_retried_once_on_a_new_connection() -> None:
    seen: list[int] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        while True:
            await read_request(reader)
            seen.append(n)
            if n == 0 and len(seen) == 2:
                return  # the keep-alive race: closed as the second request arrived, unanswered
            writer.write(OK)
            await writer.drain()

    async def scenario(pool: Http1Pool) -> list[int]:
        return [(await post(pool)).status for _ in range(3)]

    assert run(handler, scenario) == [200, 200, 200]
    assert seen == [0, 0, 1, 1]


def test_every_connection_a_restarted_server_dropped_is_replaced() -> None:
    """Four kept-alive connections, each closed by the server as the next request arrives on it:
    the next request goes through all four before a new connection answers it."""
    seen: list[int] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        while True:
            await read_request(reader)
            seen.append(n)
            if n < 4 and seen.count(n) == 2:
                return  # the restart: the second request on each old connection is dropped
            await asyncio.sleep(0.05)  # slow enough that four connections open
            writer.write(OK)
            await writer.drain()

    async def scenario(pool: Http1Pool) -> list[int]:
        first = await asyncio.gather(*(post(pool) for _ in range(4)))
        then = [await post(pool) for _ in range(2)]
        return [r.status for r in first + then]

    assert run(handler, scenario, limit=4) == [200] * 6
    assert sorted(seen) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_a_fresh_connection_closed_unanswered_is_an_error_not_a_retry() -> None:
    seen: list[int] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        await read_request(reader)
        seen.append(n)

    async def scenario(pool: Http1Pool) -> None:
        with pytest.raises(ConnectionResetError):
            await post(pool)

    run(handler, scenario)
    assert seen == [0]


def test_bytes_sent_while_idle_retire_the_connection() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, n: int) -> None:
        while True:
            await read_request(reader)
            writer.write(OK + (b"HTTP/1.1 200 OK\r\n" if n == 0 else b""))  # junk after it
            await writer.drain()

    async def scenario(pool: Http1Pool) -> list[bytes]:
        first = await post(pool)
        await asyncio.sleep(0.02)
        return [first.body, (await post(pool)).body]

    assert run(handler, scenario) == [b'{"name":1}\n'] * 2


def test_an_answer_that_never_comes_times_out() -> None:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, _: int) -> None:
        await read_request(reader)
        await reader.read()

    async def scenario(pool: Http1Pool) -> None:
        with pytest.raises(TimeoutError):
            await post(pool)

    run(handler, scenario, timeout=0.3)


def test_a_tls_handshake_that_never_completes_times_out(tmp_path: Path) -> None:
    async def scenario() -> None:
        async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.read()

        server = await asyncio.start_server(silent, "127.0.0.1", 0)  # TCP, never TLS
        pool = Http1Pool("127.0.0.1", server.sockets[0].getsockname()[1], tls=True, timeout=0.3)
        try:
            with pytest.raises(TimeoutError):
                await post(pool)
        finally:
            pool.close()
            server.close()
            await server.wait_closed()

    asyncio.run(scenario())


# --- TLS ---------------------------------------------------------------------------------------
def test_tls_with_a_trusted_certificate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ca = make_test_ca(tmp_path / "ca")
    monkeypatch.setenv("SSL_CERT_FILE", str(ca.ca_file))

    async def scenario(pool: Http1Pool) -> list[int]:
        return [(await post(pool)).status for _ in range(3)]

    handler = answering(OK, OK, OK)
    assert run(handler, scenario, server_ssl=ca.server_context(), host="localhost") == [200] * 3


def test_tls_refuses_an_untrusted_certificate(tmp_path: Path) -> None:
    ca = make_test_ca(tmp_path / "ca")  # not trusted: SSL_CERT_FILE is the system's

    async def scenario(pool: Http1Pool) -> None:
        with pytest.raises(ssl.SSLCertVerificationError, match="certificate verify failed"):
            await post(pool)

    run(answering(OK), scenario, server_ssl=ca.server_context(), host="localhost")


def test_tls_refuses_a_certificate_for_another_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca = make_test_ca(tmp_path / "ca", hosts=("fcm.other.example",))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca.ca_file))

    async def scenario(pool: Http1Pool) -> None:
        with pytest.raises(ssl.SSLCertVerificationError, match=r"match|mismatch"):
            await post(pool)

    run(answering(OK), scenario, server_ssl=ca.server_context(), host="localhost")
