"""HTTP/1.1 message framing, strict and bounded: the one parser of the sender and its benchmark server.

The FCM client (``services/fcm/http1.py``) reads answers with ``parse_response`` and the lean
benchmark server (``benchmarks/_lean_server.py``) reads requests with ``parse_request``. Both work
on a growing buffer: ``None`` means "more bytes needed", a message means it is complete, and
anything that is not HTTP/1.1 as RFC 9112 frames it raises ``ProtocolError`` — never another
exception, never an endless wait: heads and bodies have size limits, so a hostile or broken
peer costs a bounded amount of memory and one closed connection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_HEAD = 64 * 1024  # status/request line plus headers
MAX_BODY = 1024 * 1024  # FCM answers are a few hundred bytes; FCM requests at most 4 KB of payload
_DIGITS = frozenset(b"0123456789")
_HEX = frozenset(b"0123456789abcdefABCDEF")
_NO_BODY = frozenset((204, 304))
# Header lines with a token name (RFC 9110 §5.6.2) and a value without CR or LF: a head made of
# these alone is read in two C calls (nginx's five headers: ~2.5 µs, against ~4 µs line by
# line). Anything else, and repeated names, goes through the line-by-line reading, which
# decides exactly as before. The value: what lies between the spaces and tabs around it.
_TOKEN_LINE = rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+:[^\r\n]*\r\n"
_PLAIN_HEADERS = re.compile(rb"(?:" + _TOKEN_LINE + rb")*+")
_HEADER = re.compile(rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*((?:[^\r\n]*[^ \t\r\n])?)[ \t]*\r\n")


class ProtocolError(ConnectionError):
    """The peer sent something that is not HTTP/1.1 we accept; the connection must be closed."""


@dataclass(frozen=True, slots=True)
class Response:
    """A complete answer. ``size``: bytes it took in the buffer; ``keep_alive``: reusable."""

    status: int
    headers: dict[bytes, bytes]
    body: bytes
    size: int = 0
    keep_alive: bool = True

    @property
    def retry_after(self) -> str | None:
        value = self.headers.get(b"retry-after")
        return value.decode("latin-1") if value is not None else None


@dataclass(frozen=True, slots=True)
class Request:
    method: bytes
    target: bytes
    headers: dict[bytes, bytes]
    body: bytes
    size: int
    keep_alive: bool


def parse_response(
    buf: bytes | bytearray, *, eof: bool, max_body: int = MAX_BODY
) -> Response | None:
    """The first complete answer in ``buf`` (interim 1xx answers skipped), or None.

    ``eof``: the peer closed its side, so a body without length ends here.
    """
    start = 0
    while True:
        head = _head(buf, start)
        if head is None:
            if eof and len(buf) > start:
                raise ProtocolError("the connection closed in the middle of an answer head")
            return None
        first, headers, body_at = head
        version, status = _status_line(first)
        if 100 <= status < 200:
            if status == 101:
                raise ProtocolError("the server switched protocols, which was never asked")
            start = body_at  # 100 Continue, 103 Early Hints: the real answer follows
            continue
        if status in _NO_BODY:
            framed: tuple[bytes, int] | None = (b"", body_at)
        else:
            framed = _body(headers, buf, body_at, eof=eof, max_body=max_body, until_close=True)
        if framed is None:
            return None
        body, end = framed
        until_close = status not in _NO_BODY and _length_kind(headers) == "close"
        keep_alive = not until_close and _keeps_alive(version, headers)
        return Response(status, headers, body, end, keep_alive)


def parse_request(buf: bytes | bytearray, *, max_body: int = MAX_BODY) -> Request | None:
    """The first complete request in ``buf``, or None while more bytes are needed."""
    head = _head(buf, 0)
    if head is None:
        return None
    first, headers, body_at = head
    parts = first.split(b" ")
    if len(parts) != 3 or not parts[0].isalpha() or not parts[1] or not _is_version(parts[2]):
        raise ProtocolError(f"not an HTTP/1.1 request line: {first[:80]!r}")
    framed = _body(headers, buf, body_at, eof=False, max_body=max_body, until_close=False)
    if framed is None:
        return None
    body, end = framed
    return Request(parts[0], parts[1], headers, body, end, _keeps_alive(parts[2], headers))


def _head(buf: bytes | bytearray, start: int) -> tuple[bytes, dict[bytes, bytes], int] | None:
    """(start line, headers with lower-case names, where the body starts), or None."""
    end = buf.find(b"\r\n\r\n", start)
    if end < 0:
        if len(buf) - start > MAX_HEAD:
            raise ProtocolError(f"a message head longer than {MAX_HEAD} bytes")
        return None
    if end - start > MAX_HEAD:
        raise ProtocolError(f"a message head longer than {MAX_HEAD} bytes")
    block = bytes(buf[start : end + 2])
    first_end = block.find(b"\r\n")
    rest = block[first_end + 2 :]
    if _PLAIN_HEADERS.fullmatch(rest):
        pairs = _HEADER.findall(rest)
        plain = {name.lower(): value for name, value in pairs}
        if len(plain) == len(pairs):  # no name repeated
            return block[:first_end], plain, end + 4
    return _head_lines(block[:-2], end)


def _head_lines(block: bytes, end: int) -> tuple[bytes, dict[bytes, bytes], int]:
    """The head read line by line, each checked (malformed names, bare line breaks)."""
    lines = block.split(b"\r\n")
    headers: dict[bytes, bytes] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(b":")
        if not colon or not name or name != name.strip() or b" " in name or b"\t" in name:
            raise ProtocolError(f"a malformed header line: {line[:80]!r}")
        if b"\n" in line or b"\r" in line:
            raise ProtocolError("a bare line break in a header")
        key = name.lower()
        value = value.strip(b" \t")
        if key in headers:
            if key == b"content-length" and headers[key] != value:
                raise ProtocolError("two different Content-Length headers")
            headers[key] = headers[key] + b"," + value
        else:
            headers[key] = value
    return lines[0], headers, end + 4


def _is_version(token: bytes) -> bool:
    return token in (b"HTTP/1.1", b"HTTP/1.0")


def _status_line(line: bytes) -> tuple[bytes, int]:
    version, _, rest = line.partition(b" ")
    code = rest[:3]
    if (
        not _is_version(version)
        or len(code) != 3
        or not _DIGITS.issuperset(code)
        or (len(rest) > 3 and rest[3:4] != b" ")
    ):
        raise ProtocolError(f"not an HTTP/1.1 status line: {line[:80]!r}")
    status = int(code)
    if status < 100:
        raise ProtocolError(f"an HTTP status below 100: {line[:80]!r}")
    return version, status


def _length_kind(headers: dict[bytes, bytes]) -> str:
    if b"transfer-encoding" in headers:
        return "chunked"
    if b"content-length" in headers:
        return "length"
    return "close"


def _body(
    headers: dict[bytes, bytes],
    buf: bytes | bytearray,
    start: int,
    *,
    eof: bool,
    max_body: int,
    until_close: bool,
) -> tuple[bytes, int] | None:
    """(body, where the message ends) once complete; ``until_close``: answers without a length
    end with the connection, requests without one have no body."""
    encoding = headers.get(b"transfer-encoding")
    length = headers.get(b"content-length")
    if encoding is not None:
        if length is not None:
            raise ProtocolError("both Content-Length and Transfer-Encoding")
        if encoding.lower() != b"chunked":
            raise ProtocolError(f"an unsupported Transfer-Encoding: {encoding[:40]!r}")
        return _chunked(buf, start, max_body)
    if length is not None:
        if not length or len(length) > 12 or not _DIGITS.issuperset(length):
            raise ProtocolError(f"a malformed Content-Length: {length[:40]!r}")
        size = int(length)
        if size > max_body:
            raise ProtocolError(f"a body of {size} bytes, more than the {max_body} accepted")
        if len(buf) - start < size:
            if eof:
                raise ProtocolError("the connection closed before the end of the body")
            return None
        return bytes(buf[start : start + size]), start + size
    if not until_close:
        return b"", start
    if len(buf) - start > max_body:
        raise ProtocolError(f"a body longer than the {max_body} bytes accepted")
    return (bytes(buf[start:]), len(buf)) if eof else None


def _chunked(buf: bytes | bytearray, pos: int, max_body: int) -> tuple[bytes, int] | None:
    out = bytearray()
    while True:
        eol = buf.find(b"\r\n", pos)
        if eol < 0:
            if len(buf) - pos > 1024:
                raise ProtocolError("a chunk size line longer than 1024 bytes")
            return None
        digits = bytes(buf[pos:eol]).split(b";", 1)[0].strip(b" \t")
        if not digits or len(digits) > 8 or not _HEX.issuperset(digits):
            raise ProtocolError(f"a malformed chunk size: {bytes(buf[pos:eol])[:40]!r}")
        size = int(digits, 16)
        if len(out) + size > max_body:
            raise ProtocolError(f"a chunked body longer than the {max_body} bytes accepted")
        if size == 0:
            return _trailers(buf, eol + 2, bytes(out))
        data_end = eol + 2 + size
        if len(buf) < data_end + 2:
            return None
        if buf[data_end : data_end + 2] != b"\r\n":
            raise ProtocolError("a chunk longer than its stated size")
        out += buf[eol + 2 : data_end]
        pos = data_end + 2


def _trailers(buf: bytes | bytearray, pos: int, body: bytes) -> tuple[bytes, int] | None:
    """Skip the trailer section after the last chunk (ignored, bounded like a head)."""
    if buf[pos : pos + 2] == b"\r\n":
        return body, pos + 2
    end = buf.find(b"\r\n\r\n", pos)
    if end < 0:
        if len(buf) - pos > MAX_HEAD:
            raise ProtocolError(f"trailers longer than {MAX_HEAD} bytes")
        return None
    return body, end + 4


def _keeps_alive(version: bytes, headers: dict[bytes, bytes]) -> bool:
    connection = headers.get(b"connection")
    if connection is None:
        return version == b"HTTP/1.1"
    tokens = {t.strip().lower() for t in connection.split(b",")}
    if version == b"HTTP/1.0":
        return b"keep-alive" in tokens
    return b"close" not in tokens
