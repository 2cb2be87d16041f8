"""Service-account credentials through google-auth: from the keyring's key, token cached.

The token endpoint is ``core.endpoints.token_url()`` (Google's unless this machine overrides
it), never the key's own ``token_uri``: a key file or a shared database must not decide where
signed assertions go. The key never leaves this object: errors name the app and the problem,
never its content, and nothing here is written to the database or the logs.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from google.auth.exceptions import GoogleAuthError, TransportError
from google.auth.transport.requests import Request
from google.oauth2 import service_account

from engage_desktop.core.clock import Clock, SystemClock
from engage_desktop.core.credentials.key_file import ServiceAccountKey, read_key_file
from engage_desktop.core.credentials.messages import CREDENTIAL_MESSAGES, CredentialError
from engage_desktop.core.outbox.pause_reasons import PAUSE_REASONS

FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging"
REFRESH_MARGIN = timedelta(minutes=5)  # a new token this long before the old one expires
DEFAULT_LIFETIME = 3000.0  # seconds, when a token endpoint states none (Google always does)


class CredentialsError(Exception):
    """The service account cannot be used; the message is safe to show and store."""


class TokenServerDown(CredentialsError):
    """The token endpoint cannot be reached or fails (5xx, 429): the key is not in question,
    and the message is a pause reason the service lifts by itself (``token_unavailable``)."""


def credentials_for(key: ServiceAccountKey, token_uri: str) -> service_account.Credentials:
    """google-auth credentials for a checked key, asking ``token_uri`` for tokens."""
    info = key.info()
    info["token_uri"] = token_uri
    try:
        creds: service_account.Credentials = service_account.Credentials.from_service_account_info(  # type: ignore[no-untyped-call]
            info, scopes=[FCM_SCOPE]
        )
    except (ValueError, GoogleAuthError):
        raise CredentialsError(CREDENTIAL_MESSAGES.english("sa_bad_key", str(key))) from None
    return creds


def load_key_file(
    path: str | Path, expected_project: str, token_uri: str
) -> service_account.Credentials:
    """Credentials from a key file on disk: only the sandbox's own generated keys use this."""
    try:
        key = read_key_file(path, expected_project).key
    except CredentialError as exc:
        raise CredentialsError(str(exc)) from None
    return credentials_for(key, token_uri)


def refused_reason(exc: GoogleAuthError) -> str:
    """What the token endpoint said, without anything of the request (no assertion)."""
    reason = str(exc.args[0]) if exc.args else type(exc).__name__
    return reason[:200]


class _TokenAnswer:
    """google-auth's HTTP transport, remembering the token endpoint's ``expires_in``.

    Why: google-auth stores the expiry as a naive UTC datetime computed from the wall clock;
    read as a timestamp it is taken for local time, an hour early in Paris (a token request per
    message) and hours late in New York (an expired token kept). The lifetime the endpoint
    states, counted on our injected clock from the moment we asked, has no time zone at all.
    """

    def __init__(self, transport: Request) -> None:
        self._transport = transport
        self.expires_in: float | None = None

    def __call__(self, url: str, method: str = "GET", **kwargs: Any) -> Any:
        response = self._transport(url, method, **kwargs)
        if getattr(response, "status", None) == 200:
            self.expires_in = _expires_in(getattr(response, "data", b""))
        return response


def _expires_in(data: bytes | str) -> float | None:
    try:
        value = json.loads(data).get("expires_in")
        return float(value) if value is not None else None
    except (ValueError, TypeError, AttributeError):
        return None


class TokenSource:
    """An access token, cached until ``margin`` before it expires; ``invalidate`` after a 401.

    Expiry is kept on the injected ``clock`` (aware UTC), never on google-auth's naive datetime.
    """

    def __init__(
        self,
        credentials: service_account.Credentials,
        label: str,
        who: tuple[str, str] = ("?", "?"),
        *,
        clock: Clock | None = None,
        margin: timedelta = REFRESH_MARGIN,
    ) -> None:
        self._credentials = credentials
        self._label = label
        self._who = who  # app name, Firebase project (arguments of the coded reasons)
        self._clock = clock or SystemClock()
        self._margin = margin
        self._lock = asyncio.Lock()
        self._token: str | None = None
        self._refresh_at = datetime.min.replace(tzinfo=UTC)

    def _fresh(self) -> bool:
        return self._token is not None and self._clock.now() < self._refresh_at

    async def token(self) -> str:
        if self._fresh():
            assert self._token is not None
            return self._token
        async with self._lock:
            if not self._fresh():
                await asyncio.to_thread(self._refresh)
        assert self._token is not None
        return self._token

    def invalidate(self, token: str) -> None:
        if self._token == token:
            self._token = None

    def _refresh(self) -> None:
        asked = self._clock.now()
        answer = _TokenAnswer(Request())
        try:
            self._credentials.refresh(answer)  # type: ignore[no-untyped-call]
        except TransportError as exc:
            raise self._down(f"cannot connect: {type(exc).__name__}") from None
        except GoogleAuthError as exc:
            if exc.retryable:  # google-auth's word for 5xx / 429 (after its own retries)
                raise self._down(refused_reason(exc)) from None
            raise CredentialsError(
                CREDENTIAL_MESSAGES.english("key_refused", *self._who, refused_reason(exc))
            ) from None
        self._token = str(self._credentials.token)
        lifetime = timedelta(seconds=answer.expires_in or DEFAULT_LIFETIME)
        self._refresh_at = asked + max(lifetime - self._margin, lifetime / 2)

    def _down(self, why: str) -> TokenServerDown:
        uri = str(self._credentials._token_uri)
        return TokenServerDown(PAUSE_REASONS.english("token_unavailable", *self._who, uri, why))
