"""The sandbox HTTP server (aiohttp): FCM's send URL shape and errors, OAuth2 tokens, inboxes.

Endpoints:
- ``POST /v1/projects/{project}/messages:send`` — like Google: bearer token required, message
  validated (switchable off for benchmarks), ``{"name": "projects/p/messages/…"}`` back.
- ``POST /token`` — the OAuth2 JWT-bearer grant google-auth performs with a service account;
  the assertion's signature is checked against the sandbox service-account keys (``keys``).
- ``GET /sandbox/inbox?token=…`` what a virtual device received; ``GET /sandbox/devices``;
  ``GET /sandbox/stats[?ids=1]``; ``GET /sandbox/requests``; ``POST /sandbox/faults`` to script
  errors (status, FCM code, Retry-After, dropped connections, slow answers; for every request,
  a number of times, or every n-th);
  ``POST /sandbox/reset``. Inboxes are kept in ``inboxes.sqlite`` in the data folder, so the
  virtual phones survive a restart.

The sandbox listens on loopback only and answers only requests whose Host header names a
loopback address (a web page cannot reach it through DNS rebinding). Its control endpoints
(``/sandbox/…`` except ``health``) need the ``X-Sandbox-Token`` header: a token generated for
each run and written, readable by the user only, to ``control-token`` in the data folder, where
the GUI's virtual phones and the tests read it (``core.endpoints.read_control_token``).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import itertools
import json
import logging
import os
import secrets
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

from engage_desktop.core.endpoints import (
    CONTROL_TOKEN_FILE,
    CONTROL_TOKEN_HEADER,
    is_loopback,
)
from engage_desktop.services.sandbox.inbox_store import InboxStore
from engage_desktop.services.sandbox.keys import AssertionRefused, KeyRing, b64decode
from engage_desktop.services.sandbox.validation import (
    FCM_ERRORS,
    MAX_PAYLOAD,
    Invalid,
    error_body,
    validate_body,
)

log = logging.getLogger(__name__)
INBOX_SIZE = 50
REQUEST_LOG = 20_000
TOKEN_LIFETIME = 3600


@dataclass
class Fault:
    """A scripted answer for requests whose token contains ``match`` ("*" for all)."""

    match: str = "*"
    error: str | None = None  # an FCM error code from FCM_ERRORS
    status: int | None = None  # overrides the error's HTTP status
    message: str | None = None
    retry_after: float | None = None
    drop: bool = False  # close the connection without answering
    delay: float | None = None  # answer this many seconds late (alone: then deliver normally)
    times: int | None = None  # None: forever
    every: int = 1  # only every n-th matching request (20: 5 % of them)
    seen: int = 0

    def applies(self, token: str) -> bool:
        if not (self.times is None or self.times > 0) or not (
            self.match == "*" or self.match in token
        ):
            return False
        self.seen += 1
        return self.seen % max(self.every, 1) == 0


@dataclass
class SandboxState:
    validate: bool = True
    record: bool = True
    access_tokens: dict[str, float] = field(default_factory=dict)
    revoked_emails: set[str] = field(default_factory=set)
    faults: list[Fault] = field(default_factory=list)
    inboxes: dict[str, deque[dict[str, Any]]] = field(default_factory=dict)
    by_message_id: Counter[str] = field(default_factory=Counter)
    requests: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=REQUEST_LOG))
    received: int = 0
    request_count: int = 0
    tokens_issued: int = 0  # access tokens granted (a sender should ask about once an hour)
    names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    keys: KeyRing | None = None  # None: assertions are not checked (no data folder)
    store: InboxStore | None = None  # None: inboxes live in memory only
    control_token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    port: int | None = None  # the Host header must carry it (None: not checked)


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers=headers,
        content_type="application/json",
    )


def _fcm_error(
    code: str,
    message: str | None = None,
    status: int | None = None,
    headers: dict[str, str] | None = None,
) -> web.Response:
    http, google_status, default = FCM_ERRORS[code]
    fcm_code = None if code == "INVALID_ARGUMENT" and message is None else code
    return _json(
        error_body(status or http, google_status, message or default, fcm_code),
        status or http,
        headers,
    )


async def send(request: web.Request) -> web.StreamResponse:
    state: SandboxState = request.app["state"]
    state.request_count += 1
    project = request.match_info["project"]
    auth = request.headers.get("Authorization", "")
    bearer = auth[7:] if auth.startswith("Bearer ") else ""
    if state.validate and state.access_tokens.get(bearer, 0) < time.time():
        return _json(
            error_body(
                401,
                "UNAUTHENTICATED",
                "Request had invalid authentication credentials. Expected OAuth "
                "2 access token, login cookie or other valid authentication "
                "credential.",
            ),
            401,
        )
    raw = await request.read()
    try:
        body = json.loads(raw)
    except ValueError:
        return _json(error_body(400, "INVALID_ARGUMENT", "Invalid JSON payload received."), 400)
    try:
        message = validate_body(body) if state.validate else body["message"]
    except Invalid as exc:
        return _fcm_error("INVALID_ARGUMENT", str(exc))
    except (KeyError, TypeError):
        return _json(
            error_body(400, "INVALID_ARGUMENT", "Request contains an invalid argument."), 400
        )
    token = str(message.get("token", ""))
    state.requests.append({"at": time.time(), "token": token})
    for fault in state.faults:
        if fault.applies(token):
            if fault.times is not None:
                fault.times -= 1
            if fault.delay:
                await asyncio.sleep(fault.delay)
                if not (fault.error or fault.status or fault.drop):
                    break  # a slow but successful answer
            return await _apply_fault(request, fault)
    if state.validate and len(json.dumps(message).encode()) > MAX_PAYLOAD:
        return _fcm_error("INVALID_ARGUMENT", "Message is too big")
    name = f"projects/{project}/messages/"
    if body.get("validate_only"):
        return _json({"name": name + "fake_message_id"})
    name += f"{next(state.names)}"
    state.received += 1
    if state.record:
        message_id = str((message.get("data") or {}).get("message_id", ""))
        state.by_message_id[message_id] += 1
        inbox = state.inboxes.setdefault(token, deque(maxlen=INBOX_SIZE))
        item = {"at": time.time(), "name": name, "message": message}
        inbox.append(item)
        if state.store is not None:
            state.store.add(token, item)
    return _json({"name": name})


async def _apply_fault(request: web.Request, fault: Fault) -> web.StreamResponse:
    if fault.drop:
        transport = request.transport
        if transport is not None:
            transport.abort()
        raise ConnectionResetError("sandbox dropped the connection on purpose")
    headers = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else None
    return _fcm_error(fault.error or "INTERNAL", fault.message, fault.status, headers)


async def token(request: web.Request) -> web.Response:
    """The JWT-bearer grant: verify the assertion's signature and claims, issue an access token."""
    state: SandboxState = request.app["state"]
    form = await request.post()
    if form.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer":
        return _json({"error": "unsupported_grant_type"}, 400)
    assertion = str(form.get("assertion", ""))
    try:
        if state.keys is not None:
            claims = state.keys.verify(assertion)
        else:
            claims = json.loads(b64decode(assertion.split(".")[1]))
    except AssertionRefused as exc:
        return _json({"error": "invalid_grant", "error_description": str(exc)}, 400)
    except (ValueError, IndexError):
        return _json({"error": "invalid_grant", "error_description": "Invalid JWT."}, 400)
    if claims.get("iss") in state.revoked_emails:
        return _json({"error": "invalid_grant", "error_description": "Invalid JWT Signature."}, 400)
    if claims.get("exp", 0) < time.time():
        return _json({"error": "invalid_grant", "error_description": "JWT expired."}, 400)
    access = "sbx." + secrets.token_urlsafe(24)
    state.access_tokens[access] = time.time() + TOKEN_LIFETIME
    state.tokens_issued += 1
    return _json({"access_token": access, "expires_in": TOKEN_LIFETIME, "token_type": "Bearer"})


async def inbox(request: web.Request) -> web.Response:
    state: SandboxState = request.app["state"]
    tok = request.query.get("token", "")
    return _json(list(state.inboxes.get(tok, ())))


async def devices(request: web.Request) -> web.Response:
    state: SandboxState = request.app["state"]
    return _json({tok: len(box) for tok, box in state.inboxes.items()})


async def stats(request: web.Request) -> web.Response:
    state: SandboxState = request.app["state"]
    data: dict[str, Any] = {
        "received": state.received,
        "requests": state.request_count,
        "distinct_message_ids": len(state.by_message_id),
        "tokens_issued": state.tokens_issued,
    }
    if request.query.get("ids"):
        data["by_message_id"] = dict(state.by_message_id)
    return _json(data)


async def requests_log(request: web.Request) -> web.Response:
    state: SandboxState = request.app["state"]
    return _json(list(state.requests))


async def faults(request: web.Request) -> web.Response:
    state: SandboxState = request.app["state"]
    body = await request.json()
    state.faults = [Fault(**rule) for rule in body.get("faults", [])]
    state.revoked_emails = set(body.get("revoked_emails", []))
    if "access_tokens_valid" in body and not body["access_tokens_valid"]:
        state.access_tokens.clear()
    return _json({"faults": len(state.faults)})


async def reset(request: web.Request) -> web.Response:
    state: SandboxState = request.app["state"]
    state.faults.clear()
    state.inboxes.clear()
    if state.store is not None:
        state.store.clear()
    state.by_message_id.clear()
    state.requests.clear()
    state.received = state.request_count = state.tokens_issued = 0
    return _json({"ok": True})


def _host_allowed(host: str, port: int | None) -> bool:
    """A loopback name, with the port the sandbox listens on (when known)."""
    name, _, given = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    if not name or "]" in given:  # no port, or a bare IPv6 address
        name, given = host, ""
    if not is_loopback(name):
        return False
    return port is None or given == str(port) or (not given and port == 80)


@web.middleware
async def guard(request: web.Request, handler: Any) -> web.StreamResponse:
    """Loopback Host header for every request; the run's token for the control endpoints."""
    state: SandboxState = request.app["state"]
    if not _host_allowed(request.host, state.port):
        return _json({"error": "this sandbox only answers requests addressed to loopback"}, 421)
    if request.path.startswith("/sandbox/") and request.path != "/sandbox/health":
        given = request.headers.get(CONTROL_TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode(), state.control_token.encode()):
            return _json({"error": f"missing or wrong {CONTROL_TOKEN_HEADER} header"}, 403)
    result: web.StreamResponse = await handler(request)
    return result


def write_control_token(data_dir: Path, token: str) -> Path:
    """The run's control token, readable by this user only, replaced in one step."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / CONTROL_TOKEN_FILE
    tmp = path.with_name(f".{CONTROL_TOKEN_FILE}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(token)
    tmp.replace(path)
    return path


async def health(_request: web.Request) -> web.Response:
    return _json({"ok": True, "service": "engage-desktop-sandbox"})


def make_app(
    *,
    validate: bool = True,
    record: bool = True,
    data_dir: Path | None = None,
    port: int | None = None,
) -> web.Application:
    """``data_dir``: where the sandbox service-account keys are and the inboxes are kept;
    ``port``: the one the Host header must name. The control token is ``state.control_token``."""
    app = web.Application(client_max_size=1 << 20, middlewares=[guard])
    state = SandboxState(validate=validate, record=record, port=port)
    if data_dir is not None:
        state.keys = KeyRing(data_dir)
        if record:
            state.store = InboxStore(data_dir / "inboxes.sqlite", INBOX_SIZE)
            state.inboxes = state.store.load()
    app["state"] = state
    app.router.add_post("/v1/projects/{project}/messages:send", send)
    app.router.add_post("/token", token)
    app.router.add_get("/sandbox/health", health)
    app.router.add_get("/sandbox/inbox", inbox)
    app.router.add_get("/sandbox/devices", devices)
    app.router.add_get("/sandbox/stats", stats)
    app.router.add_get("/sandbox/requests", requests_log)
    app.router.add_post("/sandbox/faults", faults)
    app.router.add_post("/sandbox/reset", reset)
    return app


async def serve(
    host: str,
    port: int,
    *,
    validate: bool = True,
    record: bool = True,
    data_dir: Path | None = None,
    stop: asyncio.Event | None = None,
) -> None:
    """Run on a loopback address until ``stop`` is set (or forever)."""
    if not is_loopback(host):
        raise ValueError(f"The sandbox listens on loopback only (127.0.0.1, ::1), not {host}.")
    app = make_app(validate=validate, record=record, data_dir=data_dir, port=port)
    state: SandboxState = app["state"]
    if data_dir is not None:
        write_control_token(data_dir, state.control_token)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port, reuse_address=True)
    await site.start()
    log.info("sandbox listening on http://%s:%d", host, port)
    print(f"sandbox listening on http://{host}:{port}", flush=True)
    saver = asyncio.create_task(_save_inboxes(state))
    try:
        await (stop or asyncio.Event()).wait()
    finally:
        saver.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await saver
        await runner.cleanup()
        if state.store is not None:
            state.store.close()


async def _save_inboxes(state: SandboxState) -> None:
    store = state.store
    while store is not None:
        await asyncio.sleep(0.5)
        batch = store.take()
        if batch:
            await asyncio.to_thread(store.write, batch)
