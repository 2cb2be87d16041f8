"""The HTTP/1.1 parser: random bytes never hang it nor raise anything but ``ProtocolError``, and
every well-formed answer, cut anywhere, is either "more bytes needed" or exactly itself."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.services.fcm.http1 import _Connection
from engage_desktop.services.http1_parse import (
    ProtocolError,
    Request,
    Response,
    _head,
    _head_lines,
    parse_request,
    parse_response,
)

HEADER_NAMES = st.sampled_from([b"Content-Type", b"X-Trace", b"Retry-After", b"Server", b"Vary"])
HEADER_VALUES = st.binary(max_size=30).map(
    lambda v: bytes(b for b in v if b not in b"\r\n").strip(b" \t") or b"v"
)
# Bytes that look like HTTP pieces, so random input reaches the deep branches too.
PIECES = st.sampled_from(
    [
        b"HTTP/1.1 ",
        b"HTTP/1.0 ",
        b"200 OK",
        b"100 Continue",
        b"204",
        b"\r\n",
        b"\r\n\r\n",
        b"Content-Length: ",
        b"Transfer-Encoding: chunked",
        b"Connection: close",
        b"0\r\n\r\n",
        b"ffff",
        b":",
        b" ",
        b"POST / HTTP/1.1",
    ]
)
NOISE = st.lists(st.one_of(PIECES, st.binary(max_size=12)), max_size=40).map(b"".join)


class _Transport:
    """What asyncio gives a protocol: here it only records that the client closed."""

    def __init__(self) -> None:
        self.closed = False

    def write(self, data: bytes) -> None:
        pass

    def close(self) -> None:
        self.closed = True


@settings(max_examples=400, deadline=200)
@given(data=st.one_of(st.binary(max_size=300), NOISE), eof=st.booleans())
def test_random_bytes_give_a_message_none_or_a_protocol_error(data: bytes, eof: bool) -> None:
    for parse in (lambda: parse_response(data, eof=eof), lambda: parse_request(data)):
        try:
            result = parse()
        except ProtocolError:
            continue
        assert result is None or isinstance(result, Response | Request)
        if result is not None:
            assert 0 < result.size <= len(data)


@settings(max_examples=300, deadline=500)
@given(data=st.one_of(st.binary(max_size=300), NOISE), cuts=st.lists(st.integers(0, 300)))
def test_a_connection_fed_random_bytes_always_settles_by_the_end_of_the_stream(
    data: bytes, cuts: list[int]
) -> None:
    async def feed() -> None:
        conn = _Connection(asyncio.get_running_loop())
        conn.connection_made(_Transport())  # type: ignore[arg-type]
        waiter = conn.send(b"POST / HTTP/1.1\r\n\r\n")
        bounds = sorted({0, len(data), *(c for c in cuts if c < len(data))})
        for start, end in itertools.pairwise(bounds):
            conn.data_received(data[start:end])
        conn.connection_lost(None)
        assert waiter.done(), "a waiter left pending after the end of the stream"
        error = waiter.exception()
        assert error is None or isinstance(error, ProtocolError | ConnectionResetError)

    asyncio.run(feed())


@st.composite
def answers(draw: Any) -> tuple[bytes, int, bytes]:
    status = draw(st.sampled_from([200, 201, 400, 401, 403, 404, 429, 500, 503]))
    body = draw(st.binary(max_size=200))
    headers = b"".join(
        name + b": " + value + b"\r\n"
        for name, value in draw(st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), max_size=4))
    )
    if draw(st.booleans()):
        sizes = draw(st.lists(st.integers(1, 40), max_size=8))
        chunks, at = [], 0
        for size in sizes:
            piece = body[at : at + size]
            if piece:
                chunks.append(b"%x;ext=1\r\n%s\r\n" % (len(piece), piece))
            at += size
        body = body[:at] if sizes else b""
        framed = b"Transfer-Encoding: chunked\r\n\r\n" + b"".join(chunks) + b"0\r\n\r\n"
    else:
        framed = b"Content-Length: %d\r\n\r\n" % len(body) + body
    interim = b"HTTP/1.1 100 Continue\r\n\r\n" if draw(st.booleans()) else b""
    return interim + b"HTTP/1.1 %d Reason\r\n" % status + headers + framed, status, body


@settings(max_examples=300, deadline=500)
@given(answer=answers(), cut=st.integers(0, 10_000))
def test_a_well_formed_answer_cut_anywhere_is_incomplete_then_exact(
    answer: tuple[bytes, int, bytes], cut: int
) -> None:
    raw, status, body = answer
    cut %= len(raw)
    assert parse_response(raw[:cut], eof=False) is None
    parsed = parse_response(raw + b"HTTP/1.1 200 OK\r\n", eof=False)
    assert parsed is not None
    assert (parsed.status, parsed.body, parsed.size) == (status, body, len(raw))


HEAD_PIECES = st.sampled_from(  # name and value bytes, separators, stray line breaks
    [
        *(b"a", b"B", b"-", b"_", b"@", b"1", b"\xff", b"\x0b", b" ", b"\t", b":"),
        *(b"\r", b"\n", b"\r\n", b"Content-Length", b"content-length", b"Server", b": 5"),
    ]
)


@settings(max_examples=500, deadline=200)
@given(pieces=st.lists(HEAD_PIECES, max_size=40))
def test_the_quick_reading_of_plain_heads_decides_as_the_line_by_line_reading(
    pieces: list[bytes],
) -> None:
    """``_head`` reads plain heads with regular expressions and hands the rest to
    ``_head_lines``: for any head, both give the same headers or both refuse it."""
    head = b"HTTP/1.1 200 OK\r\n" + b"".join(pieces)
    if b"\r\n\r\n" in head:
        return
    buf = head + b"\r\n\r\n"
    end = buf.find(b"\r\n\r\n")

    def read(how: Any) -> Any:
        try:
            return how()
        except ProtocolError:
            return "refused"

    assert read(lambda: _head(buf, 0)) == read(lambda: _head_lines(buf[:end], end))
