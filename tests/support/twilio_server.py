"""Twilio's side of the SMS path, on loopback over TLS: the Messages and Account resources.

Speaks the REST shape the real API documents: ``POST /2010-04-01/Accounts/{sid}/Messages.json``
(form fields ``To``, ``From`` or ``MessagingServiceSid``, ``Body``, ``StatusCallback``; HTTP
Basic auth with the account SID and auth token) answering 201 with the message resource, or an
error body ``{"code", "message", "more_info", "status"}``; ``GET /2010-04-01/Accounts/{sid}.json``.
Numbers listed in ``refuse`` get that Twilio error code; ``busy`` numbers get one 429 (code
20429, ``Retry-After``) before being accepted. Runs on its own event loop in a thread, with a
certificate from the test CA.
"""

from __future__ import annotations

import asyncio
import base64
import socket
import threading
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from .tls import TestCA

ERRORS = {  # code -> (HTTP status, message), as Twilio words them
    21211: (400, "The 'To' number {to} is not a valid phone number."),
    21610: (400, "Attempt to send to unsubscribed recipient"),
    20003: (401, "Authenticate"),
}


@dataclass
class FakeTwilio:
    ca: TestCA
    account_sid: str
    auth_token: str
    refuse: dict[str, int] = field(default_factory=dict)  # number -> Twilio error code
    busy: set[str] = field(default_factory=set)  # numbers answered 429 once
    received: list[dict[str, str]] = field(default_factory=list)  # accepted messages' forms
    answers: list[tuple[str, int]] = field(default_factory=list)  # (To, HTTP status) in order
    port: int = 0
    _loop: asyncio.AbstractEventLoop | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        return {"ENGAGE_TWILIO_URL": self.url, **self.ca.env()}

    def _authorised(self, request: web.Request) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return request.headers.get("Authorization") == f"Basic {expected}"

    def _error(
        self, code: int, to: str = "", headers: dict[str, str] | None = None
    ) -> web.Response:
        status, text = ERRORS.get(code, (429, "Too Many Requests"))
        body = {
            "code": code,
            "message": text.format(to=to),
            "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status,
        }
        return web.json_response(body, status=status, headers=headers)

    async def _messages(self, request: web.Request) -> web.Response:
        if request.match_info["sid"] != self.account_sid or not self._authorised(request):
            return self._error(20003)
        form = {k: str(v) for k, v in (await request.post()).items()}
        to = form.get("To", "")
        if to in self.busy:
            self.busy.discard(to)
            self.answers.append((to, 429))
            return self._error(20429, to, {"Retry-After": "1"})
        if to in self.refuse:
            self.answers.append((to, 400))
            return self._error(self.refuse[to], to)
        self.received.append(form)
        self.answers.append((to, 201))
        sid = f"SM{len(self.received):032x}"
        resource: dict[str, Any] = {
            "sid": sid,
            "account_sid": self.account_sid,
            "to": to,
            "from": form.get("From"),
            "body": form.get("Body"),
            "status": "queued",
            "num_segments": "1",
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
        }
        return web.json_response(resource, status=201)

    async def _account(self, request: web.Request) -> web.Response:
        if request.match_info["sid"] != self.account_sid or not self._authorised(request):
            return self._error(20003)
        return web.json_response(
            {"sid": self.account_sid, "friendly_name": "Maison Lumière", "status": "active"}
        )

    def start(self) -> FakeTwilio:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        ready = threading.Event()
        threading.Thread(target=self._serve, args=(ready,), daemon=True).start()
        assert ready.wait(20), "the Twilio stand-in did not start"
        return self

    def _serve(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        app = web.Application()
        app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", self._messages)
        app.router.add_get("/2010-04-01/Accounts/{sid}.json", self._account)
        runner = web.AppRunner(app, access_log=None)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", self.port, ssl_context=self.ca.server_context())
        loop.run_until_complete(site.start())
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
