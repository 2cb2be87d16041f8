"""Google's side of the real path, on loopback over TLS: an OAuth token endpoint and FCM v1.

``FakeGoogle`` knows service accounts by their *public* key (``trust``), verifies the RS256
assertion google-auth signs (key id, issuer, audience, expiry) like Google does, and hands out
access tokens that its FCM ``messages:send`` requires. Messages are checked with the sandbox's
validator. It can refuse a key (``refuse_key``: 400 ``invalid_grant`` as Google answers for a
deleted key, or a 401/403) and a device (``device_errors``). It runs on its own event loop in a
thread, with a certificate from the test CA (``tls.make_test_ca``): children trust it through
``env()``.
"""

from __future__ import annotations

import asyncio
import base64
import json
import secrets
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from engage_desktop.core.credentials.testing import TestPlan, TestReport
from engage_desktop.core.progress import Progress
from engage_desktop.services.sandbox.validation import Invalid, validate_body

from .tls import TestCA


def _b64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def make_service_account(project: str, email: str | None = None) -> dict[str, Any]:
    """A fresh service-account key as the Firebase console downloads it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return {
        "type": "service_account",
        "project_id": project,
        "private_key_id": secrets.token_hex(20),
        "private_key": pem,
        "client_email": email or f"firebase-adminsdk-x1@{project}.iam.gserviceaccount.com",
        "client_id": "1234567890",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "universe_domain": "googleapis.com",
    }


def secret_parts(info: dict[str, Any]) -> list[str]:
    """Slices of the private key's base64 body, which any copy of the key contains. The first 64
    characters are skipped: every 2048-bit RSA key in PKCS#8 starts with the same ASN.1 header."""
    body = "".join(info["private_key"].splitlines()[1:-1])
    return [body[i : i + 24] for i in range(64, len(body) - 24, 60)]


@dataclass
class FakeGoogle:
    ca: TestCA
    keys: dict[str, tuple[str, rsa.RSAPublicKey]] = field(default_factory=dict)
    refused: dict[str, int] = field(default_factory=dict)  # client email -> HTTP status
    # device token -> (HTTP status, Google status, FCM error code), e.g. (404, "NOT_FOUND", "UNREGISTERED")
    device_errors: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    access_tokens: set[str] = field(default_factory=set)
    delivered: list[dict[str, Any]] = field(default_factory=list)
    validated: list[dict[str, Any]] = field(default_factory=list)
    token_requests: int = 0
    token_failure: int | None = None  # an HTTP status the token endpoint answers (503: down)
    port: int = 0  # 0: a free one is picked at start
    _loop: asyncio.AbstractEventLoop | None = None
    _runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def token_url(self) -> str:
        return f"{self.url}/token"

    def env(self) -> dict[str, str]:
        return {"ENGAGE_FCM_URL": self.url, "ENGAGE_FCM_TOKEN_URL": self.token_url, **self.ca.env()}

    def trust(self, info: dict[str, Any]) -> None:
        """Accept assertions signed by this service account (its public key only is kept)."""
        private = serialization.load_pem_private_key(info["private_key"].encode(), None)
        assert isinstance(private, rsa.RSAPrivateKey)
        self.keys[info["private_key_id"]] = (info["client_email"], private.public_key())

    def refuse_key(self, email: str, status: int = 400) -> None:
        self.refused[email] = status

    # --- HTTP handlers -------------------------------------------------------------------
    async def _token(self, request: web.Request) -> web.Response:
        self.token_requests += 1
        if self.token_failure is not None:
            return web.json_response({"error": "internal_failure"}, status=self.token_failure)
        form = await request.post()
        if form.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer":
            return web.json_response({"error": "unsupported_grant_type"}, status=400)
        try:
            claims = self._verify(str(form.get("assertion", "")))
        except ValueError as exc:
            return web.json_response(
                {"error": "invalid_grant", "error_description": str(exc)}, status=400
            )
        status = self.refused.get(str(claims.get("iss")))
        if status is not None:
            error = "invalid_grant" if status == 400 else "unauthorized_client"
            return web.json_response(
                {"error": error, "error_description": "Invalid JWT Signature."}, status=status
            )
        token = "ya29." + secrets.token_urlsafe(24)
        self.access_tokens.add(token)
        return web.json_response(
            {"access_token": token, "expires_in": 3599, "token_type": "Bearer"}
        )

    def _verify(self, assertion: str) -> dict[str, Any]:
        head, body, signature = assertion.split(".")
        header, claims = json.loads(_b64(head)), json.loads(_b64(body))
        known = self.keys.get(str(header.get("kid")))
        if header.get("alg") != "RS256" or known is None:
            raise ValueError("Invalid JWT Signature.")
        email, public = known
        try:
            public.verify(
                _b64(signature), f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256()
            )
        except InvalidSignature:
            raise ValueError("Invalid JWT Signature.") from None
        # google-auth addresses every assertion to Google's token endpoint, wherever it sends it.
        if claims.get("iss") != email or claims.get("aud") != "https://oauth2.googleapis.com/token":
            raise ValueError("Invalid JWT: wrong issuer or audience.")
        if claims.get("exp", 0) < time.time():
            raise ValueError("Invalid JWT: Token must be a short-lived token.")
        return dict(claims)

    async def _send(self, request: web.Request) -> web.Response:
        auth = request.headers.get("Authorization", "")
        if auth.removeprefix("Bearer ") not in self.access_tokens:
            return _error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.")
        body = json.loads(await request.read())
        try:
            message = validate_body(body)
        except Invalid as exc:
            return _error(400, "INVALID_ARGUMENT", str(exc))
        failure = self.device_errors.get(str(message.get("token")))
        if failure is not None:
            return _error(failure[0], failure[1], "Requested entity was not found.", failure[2])
        project = request.match_info["project"]
        if body.get("validate_only"):
            self.validated.append(message)
            return web.json_response({"name": f"projects/{project}/messages/fake_message_id"})
        self.delivered.append(message)
        return web.json_response({"name": f"projects/{project}/messages/{len(self.delivered)}"})

    # --- running -------------------------------------------------------------------------
    def start(self) -> FakeGoogle:
        if not self.port:
            with socket.socket() as sock:
                sock.bind(("127.0.0.1", 0))
                self.port = int(sock.getsockname()[1])
        ready = threading.Event()
        thread = threading.Thread(target=self._serve, args=(ready,), daemon=True)
        thread.start()
        assert ready.wait(20), "the fake Google server did not start"
        return self

    def _serve(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        app = web.Application()
        app.router.add_post("/token", self._token)
        app.router.add_post("/v1/projects/{project}/messages:send", self._send)
        self._runner = web.AppRunner(app, access_log=None)
        loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(
            self._runner, "127.0.0.1", self.port, ssl_context=self.ca.server_context()
        )
        loop.run_until_complete(site.start())
        ready.set()
        loop.run_forever()
        loop.run_until_complete(self._runner.cleanup())
        loop.close()

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)


def _error(
    status: int, google_status: str, message: str, fcm_code: str | None = None
) -> web.Response:
    error: dict[str, Any] = {"code": status, "message": message, "status": google_status}
    if fcm_code:
        error["details"] = [
            {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": fcm_code}
        ]
    return web.json_response({"error": error}, status=status)


def over_the_network(plan: TestPlan, progress: Progress) -> TestReport:
    """The services' real connection test, as the CLI hands it to the GUI (under a name pytest
    does not collect as a test)."""
    from engage_desktop.services.fcm.connection_test import test_connection

    return test_connection(plan, progress)
