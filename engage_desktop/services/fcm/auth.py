"""Service-account credentials through google-auth: from the keyring's key, token cached.

The token endpoint is ``core.endpoints.token_url()`` (Google's unless this machine overrides
it), never the key's own ``token_uri``: a key file or a shared database must not decide where
signed assertions go. The key never leaves this object: errors name the app and the problem,
never its content, and nothing here is written to the database or the logs.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from google.auth.exceptions import GoogleAuthError, TransportError
from google.auth.transport.requests import Request
from google.oauth2 import service_account

from engage_desktop.core.credentials.key_file import ServiceAccountKey, read_key_file
from engage_desktop.core.credentials.messages import CREDENTIAL_MESSAGES, CredentialError

FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging"


class CredentialsError(Exception):
    """The service account cannot be used; the message is safe to show and store."""


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
                CREDENTIAL_MESSAGES.english("token_unreachable", *self._who, uri)
            ) from None
        except GoogleAuthError as exc:
            raise CredentialsError(
                CREDENTIAL_MESSAGES.english("key_refused", *self._who, refused_reason(exc))
            ) from None
        self._token = str(self._credentials.token)
        expiry = self._credentials.expiry
        self._expires = expiry.timestamp() if expiry else time.time() + 3000
