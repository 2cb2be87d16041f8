"""Service-account credentials through google-auth: read from the user's path, token cached.

The key never leaves this object: errors name the file and the problem, never its content, and
nothing here is written to the database or the logs.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from google.auth.exceptions import GoogleAuthError, TransportError
from google.auth.transport.requests import Request
from google.oauth2 import service_account

from engage_desktop.core.settings_fcm import (
    SERVICE_ACCOUNT_MESSAGES,
    SettingError,
    check_service_account_file,
)

FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging"


class CredentialsError(Exception):
    """The service account cannot be used; the message is safe to show and store."""


def load_service_account(path: str | Path, expected_project: str) -> service_account.Credentials:
    """The credentials of a key file core has checked (shape, project); google-auth loads it."""
    file = Path(path).expanduser()
    try:
        info = check_service_account_file(file, expected_project)
    except SettingError as exc:
        raise CredentialsError(str(exc)) from None
    try:
        creds: service_account.Credentials = service_account.Credentials.from_service_account_info(  # type: ignore[no-untyped-call]
            info, scopes=[FCM_SCOPE]
        )
        return creds
    except (ValueError, GoogleAuthError):
        raise CredentialsError(SERVICE_ACCOUNT_MESSAGES.english("sa_bad_key", str(file))) from None


class TokenSource:
    """An access token, cached until shortly before it expires; ``invalidate`` after a 401."""

    def __init__(
        self,
        credentials: service_account.Credentials,
        label: str,
        who: tuple[str, str] = ("?", "?"),
    ) -> None:
        self._credentials = credentials
        self._label = label
        self._who = who  # app name, Firebase project (arguments of the coded reasons)
        self._lock = asyncio.Lock()
        self._token: str | None = None
        self._expires = 0.0

    async def token(self) -> str:
        if self._token is not None and time.time() < self._expires - 60:
            return self._token
        async with self._lock:
            if self._token is None or time.time() >= self._expires - 60:
                await asyncio.to_thread(self._refresh)
        assert self._token is not None
        return self._token

    def invalidate(self, token: str) -> None:
        if self._token == token:
            self._token = None

    def _refresh(self) -> None:
        try:
            self._credentials.refresh(Request())  # type: ignore[no-untyped-call]
        except TransportError:
            uri = str(self._credentials._token_uri)
            raise CredentialsError(
                SERVICE_ACCOUNT_MESSAGES.english("token_unreachable", *self._who, uri)
            ) from None
        except GoogleAuthError as exc:
            reason = str(exc.args[0]) if exc.args else type(exc).__name__
            raise CredentialsError(
                SERVICE_ACCOUNT_MESSAGES.english("key_refused", *self._who, reason[:200])
            ) from None
        self._token = str(self._credentials.token)
        expiry = self._credentials.expiry
        self._expires = expiry.timestamp() if expiry else time.time() + 3000
