"""One FCM HTTP v1 send and what its answer means for the outbox row.

Over the app's keep-alive pool (``http1``); the body is already encoded bytes. HTTP/2 is not
used: httpx with h2, measured on the same messages in the same run, costs 25 to 40 times the
CPU per message (``python -m benchmarks http_clients``), and aiohttp 3 to 4 times.
"""

from __future__ import annotations

import enum
import socket
import ssl
import time
from typing import Any, NamedTuple

import orjson

from engage_desktop.services.fcm.auth import TokenSource
from engage_desktop.services.fcm.http1 import Http1Pool


class Verdict(enum.Enum):
    SENT = "sent"
    FAILED = "failed"  # this message will never go (bad argument)
    INVALID_TOKEN = "invalid_token"  # failed, and the device's token is dead
    RETRY = "retry"  # try again later (503, 500, dropped connection, quota)
    AUTH = "auth"  # credentials refused: refresh once, then pause the app
    FATAL = "fatal"  # project-level refusal: pause the app's campaigns


class SendResult(NamedTuple):
    """An answer, as the dispatcher reads it (a named tuple: one is built per message)."""

    verdict: Verdict
    http_status: int | None
    name: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    retry_after: float | None = None
    duration_ms: float = 0.0
    unreachable: bool = False


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: rare from FCM; the backoff applies instead


def classify(status: int, payload: Any, retry_after: float | None, ms: float) -> SendResult:
    """Map an FCM answer to a verdict (kept pure for the tests)."""
    if status == 200 and isinstance(payload, dict):
        return SendResult(Verdict.SENT, status, name=str(payload.get("name", "")), duration_ms=ms)
    error = payload.get("error", {}) if isinstance(payload, dict) else {}
    message = str(error.get("message", ""))[:1000] or f"HTTP {status}"
    code = str(error.get("status", "")) or f"HTTP_{status}"
    for detail in error.get("details", []) or []:
        if isinstance(detail, dict) and detail.get("errorCode"):
            code = str(detail["errorCode"])

    def result(verdict: Verdict) -> SendResult:
        return SendResult(
            verdict,
            status,
            error_code=code,
            error_message=message,
            retry_after=retry_after,
            duration_ms=ms,
        )

    if code in ("UNREGISTERED", "SENDER_ID_MISMATCH") or (status == 404 and code == "NOT_FOUND"):
        return result(Verdict.INVALID_TOKEN)
    if code == "INVALID_ARGUMENT" or status == 400:
        return result(Verdict.FAILED)
    if code == "THIRD_PARTY_AUTH_ERROR":
        return result(Verdict.FAILED)
    if status == 401 or code == "UNAUTHENTICATED":
        return result(Verdict.AUTH)
    if status == 403 or code == "PERMISSION_DENIED":
        return result(Verdict.FATAL)
    if status == 429 or code in ("QUOTA_EXCEEDED", "RESOURCE_EXHAUSTED"):
        return result(Verdict.RETRY)
    if status >= 500:
        return result(Verdict.RETRY)
    return result(Verdict.FAILED)


class FcmClient:
    """Sends encoded bodies to ``{base}/v1/projects/{project}/messages:send``."""

    def __init__(self, pool: Http1Pool, base_path: str, project: str, tokens: TokenSource) -> None:
        self.pool = pool
        self.path = f"{base_path.rstrip('/')}/v1/projects/{project}/messages:send"
        self.where = f"{pool.host}:{pool.port}"
        self.tokens = tokens
        self._headers: tuple[str, bytes] = ("", b"")

    async def send(self, body: bytes) -> SendResult:
        """Send once; a 401 gets one fresh access token and one more try."""
        result = await self._post(body, await self.tokens.token())
        if result.verdict is Verdict.AUTH:
            return await self._post(body, await self.tokens.token())
        return result

    def _header_lines(self, token: str) -> bytes:
        if self._headers[0] != token:
            self._headers = (
                token,
                b"Authorization: Bearer "
                + token.encode()
                + b"\r\nContent-Type: application/json\r\n",
            )
        return self._headers[1]

    async def _post(self, body: bytes, token: str) -> SendResult:
        started = time.perf_counter()
        try:
            response = await self.pool.post(self.path, self._header_lines(token), body)
        except (ConnectionRefusedError, socket.gaierror) as exc:
            return SendResult(
                Verdict.RETRY,
                None,
                error_code="UNREACHABLE",
                error_message=f"Cannot connect to {self.where}: {exc.strerror or exc}",
                unreachable=True,
            )
        except ssl.SSLCertVerificationError as exc:  # every send would fail the same way
            return SendResult(
                Verdict.RETRY,
                None,
                error_code="TLS_CERTIFICATE",
                error_message=f"The certificate of {self.where} was refused: "
                f"{exc.verify_message or exc}"[:500],
                unreachable=True,
            )
        except (ConnectionError, TimeoutError, OSError, ValueError) as exc:
            return SendResult(
                Verdict.RETRY,
                None,
                error_code="CONNECTION",
                error_message=f"Connection problem with {self.where}: {type(exc).__name__} {exc}"[
                    :500
                ],
            )
        ms = (time.perf_counter() - started) * 1000
        try:
            payload = orjson.loads(response.body) if response.body else None
        except orjson.JSONDecodeError:
            payload = None
        result = classify(response.status, payload, _retry_after(response.retry_after), ms)
        if result.verdict is Verdict.AUTH:
            self.tokens.invalidate(token)
        return result
