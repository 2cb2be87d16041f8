"""One FCM HTTP v1 send and what its answer means for the outbox row.

Over a shared aiohttp session (keep-alive pool); the body is already encoded bytes. HTTP/2 is
not used: aiohttp speaks HTTP/1.1 only, and on loopback 64 keep-alive connections already keep
the sender CPU-bound (see benchmarks/dispatch.py).
"""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson

from engage_desktop.services.fcm.auth import TokenSource


class Verdict(enum.Enum):
    SENT = "sent"
    FAILED = "failed"  # this message will never go (bad argument)
    INVALID_TOKEN = "invalid_token"  # failed, and the device's token is dead
    RETRY = "retry"  # try again later (503, 500, dropped connection, quota)
    AUTH = "auth"  # credentials refused: refresh once, then pause the app
    FATAL = "fatal"  # project-level refusal: pause the app's campaigns


@dataclass(frozen=True)
class SendResult:
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

    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str,
        project: str,
        tokens: TokenSource,
        timeout: float = 30.0,
    ) -> None:
        self.session = session
        self.url = f"{base_url.rstrip('/')}/v1/projects/{project}/messages:send"
        self.tokens = tokens
        self.timeout = aiohttp.ClientTimeout(total=timeout)

    async def send(self, body: bytes) -> SendResult:
        """Send once; a 401 gets one fresh access token and one more try."""
        result = await self._post(body, await self.tokens.token())
        if result.verdict is Verdict.AUTH:
            return await self._post(body, await self.tokens.token())
        return result

    async def _post(self, body: bytes, token: str) -> SendResult:
        headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
        started = time.perf_counter()
        try:
            async with self.session.post(
                self.url, data=body, headers=headers, timeout=self.timeout
            ) as resp:
                raw = await resp.read()
                status = resp.status
                retry_after = _retry_after(resp.headers.get("Retry-After"))
        except (aiohttp.ClientConnectorError, ConnectionRefusedError) as exc:
            return SendResult(
                Verdict.RETRY,
                None,
                error_code="UNREACHABLE",
                error_message=f"Cannot connect to {self.url}: {exc.strerror or exc}",
                unreachable=True,
            )
        except (TimeoutError, aiohttp.ClientError, ConnectionError) as exc:
            return SendResult(
                Verdict.RETRY,
                None,
                error_code="CONNECTION",
                error_message=f"Connection problem: {type(exc).__name__} {exc}"[:500],
            )
        ms = (time.perf_counter() - started) * 1000
        try:
            payload = orjson.loads(raw) if raw else None
        except orjson.JSONDecodeError:
            payload = None
        result = classify(status, payload, retry_after, ms)
        if result.verdict is Verdict.AUTH:
            self.tokens.invalidate(token)
        return result
