"""SMS through Twilio's REST API (the Messages resource), and what its answers mean for a row.

Why not the ``twilio`` package: its client is synchronous (``requests``) and would block the
service's event loop for each message, and its asynchronous client needs ``aiohttp-retry`` on
top of aiohttp, whose retries would hide answers the outbox must see (429, 5xx). We speak the
same documented REST shape with aiohttp, already a dependency: ``POST /2010-04-01/Accounts/
{AccountSid}/Messages.json`` with ``To``, ``From`` (or ``MessagingServiceSid``), ``Body`` and
``StatusCallback``, HTTP Basic auth with the account SID and auth token; errors are JSON bodies
``{"code", "message", "more_info", "status"}``. The base URL is this machine's
(``ENGAGE_TWILIO_URL``, ``core.endpoints``), never the workspace's.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Mapping, Sequence
from typing import Any

import aiohttp

from engage_desktop.core.credentials.provider_testing import PROVIDER_TEST_MESSAGES as WORDS
from engage_desktop.core.messages import CodedText
from engage_desktop.services.channels.base import ChannelResult, Kind, SmsMessage

API = "/2010-04-01/Accounts/{sid}"
RECIPIENT_CODES = frozenset({21211, 21212, 21408, 21612, 21614, 21635, 30003, 30005, 30006})
OPTED_OUT = 21610  # the recipient replied STOP: Twilio refuses to send them anything
PROVIDER_CODES = frozenset({20003, 20005, 20008, 21606, 21659, 30002})
RATE_CODES = frozenset({20429, 14107})


def classify(status: int, payload: Any, retry_after: str | None) -> ChannelResult:
    """Twilio's answer → one of the four kinds (kept pure for the tests)."""
    body = payload if isinstance(payload, Mapping) else {}
    if status in (200, 201):
        return ChannelResult(Kind.DELIVERED, provider_id=str(body.get("sid") or ""), status=status)
    raw_code = body.get("code")
    code = int(raw_code) if isinstance(raw_code, int | str) and str(raw_code).isdigit() else 0
    name = f"TWILIO_{code}" if code else f"HTTP_{status}"
    text = str(body.get("message") or f"HTTP {status}")[:500]

    def result(kind: Kind, **extra: Any) -> ChannelResult:
        return ChannelResult(kind, code=name, message=text, status=status, **extra)

    if code == OPTED_OUT:
        return result(Kind.RECIPIENT, refusal=f"twilio:{OPTED_OUT} (STOP reply)")
    if code in RATE_CODES or status == 429:
        return result(Kind.RETRY, retry_after=_seconds(retry_after))
    if code in PROVIDER_CODES or status in (401, 403):
        return result(Kind.PROVIDER)
    if status >= 500:
        return result(Kind.RETRY)
    return result(Kind.RECIPIENT)  # 21211 and any other refusal of this message


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


class TwilioSender:
    """Sends an app's SMS through one Twilio account (``ChannelSender[SmsMessage]``)."""

    def __init__(
        self,
        base_url: str,
        account_sid: str,
        auth_token: str,
        sender: str,
        *,
        status_callback: str = "",
        timeout: float = 30.0,
    ) -> None:
        self._url = f"{base_url.rstrip('/')}{API.format(sid=account_sid)}/Messages.json"
        self._headers = {"Authorization": aiohttp.encode_basic_auth(account_sid, auth_token)}
        # made now, so it trusts what this process trusts now (SSL_CERT_FILE included)
        self._ssl = ssl.create_default_context()
        key = "MessagingServiceSid" if sender.startswith("MG") else "From"
        self._sender = {key: sender}
        self._callback = status_callback
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                headers=self._headers,
                timeout=self._timeout,
                connector=aiohttp.TCPConnector(ssl=self._ssl),
            )
        return self._session

    async def send(self, batch: Sequence[SmsMessage]) -> list[ChannelResult]:
        return list(await asyncio.gather(*(self._send_one(m) for m in batch)))

    async def _send_one(self, sms: SmsMessage) -> ChannelResult:
        form = {"To": sms.to, "Body": sms.body, **self._sender}
        if self._callback:
            form["StatusCallback"] = self._callback
        try:
            async with self._client().post(self._url, data=form) as answer:
                payload = await answer.json(content_type=None)
                return classify(answer.status, payload, answer.headers.get("Retry-After"))
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            kind = type(exc).__name__
            return ChannelResult(Kind.RETRY, code="TWILIO_UNREACHABLE", message=kind)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


async def fetch_account(base_url: str, account_sid: str, auth_token: str) -> tuple[bool, CodedText]:
    """``credentials test``: read the account resource. (passed, what Twilio said, coded so
    the GUI words it in the user's language)."""
    url = f"{base_url.rstrip('/')}{API.format(sid=account_sid)}.json"
    headers = {"Authorization": aiohttp.encode_basic_auth(account_sid, auth_token)}
    connector = aiohttp.TCPConnector(ssl=ssl.create_default_context())
    timeout = aiohttp.ClientTimeout(total=20)
    try:
        async with (
            aiohttp.ClientSession(headers=headers, timeout=timeout, connector=connector) as client,
            client.get(url) as answer,
        ):
            payload = await answer.json(content_type=None)
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        return False, WORDS.text("twilio_unreachable", type(exc).__name__)
    if answer.status == 200 and isinstance(payload, Mapping):
        name, status = str(payload.get("friendly_name", "")), str(payload.get("status"))
        return True, WORDS.text("twilio_passed", account_sid, name, status)
    result = classify(answer.status, payload, None)
    refused = "twilio_refused_login" if answer.status == 401 else "twilio_refused"
    return False, WORDS.text(refused, account_sid, result.code or "", result.message or "")
