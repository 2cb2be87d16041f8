"""Per-app sending context: where to send, with which credentials, at what pace."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from engage_desktop.core.settings_fcm import (
    SERVICE_ACCOUNT_MESSAGES,
    fcm_base_url,
    sandbox_base_url,
)
from engage_desktop.services.clock import ServiceClock
from engage_desktop.services.fcm.auth import TokenSource, load_service_account
from engage_desktop.services.fcm.client import FcmClient
from engage_desktop.services.fcm.http1 import Http1Pool
from engage_desktop.services.fcm.ratelimit import DEFAULT_RATE, ProjectPacer
from engage_desktop.services.sandbox.credentials import sandbox_credentials
from engage_desktop.store.models import App


@dataclass
class AppSender:
    app_id: int
    label: str
    client: FcmClient
    pacer: ProjectPacer
    use_sandbox: bool
    who: tuple[str, str] = ("", "")  # app name, Firebase project: the pause reasons' arguments


def build_app_sender(
    engine: Engine,
    app_id: int,
    clock: ServiceClock,
    *,
    concurrency: int = 64,
    rate: float = DEFAULT_RATE,
    ensure_sandbox: Callable[[str], None] | None = None,
) -> AppSender:
    """Read the app's settings and credentials (raises ``CredentialsError`` when unusable)."""
    with Session(engine) as session:
        app = session.get(App, app_id)
        if app is None:
            raise LookupError(f"App {app_id} no longer exists.")
        project_id = app.firebase_project_id
        label = f"app '{app.name}' (project {project_id})"
        who = (app.name, project_id)
        if app.use_sandbox:
            base = sandbox_base_url(session)
            if ensure_sandbox is not None:
                ensure_sandbox(base)
            path = str(sandbox_credentials(app.firebase_project_id, base))
        else:
            base = fcm_base_url(session)
            if not app.fcm_credentials_path:
                from engage_desktop.services.fcm.auth import CredentialsError

                raise CredentialsError(
                    SERVICE_ACCOUNT_MESSAGES.english("sa_not_set", app.name, project_id)
                )
            path = app.fcm_credentials_path
        credentials = load_service_account(path, app.firebase_project_id)
        project = app.firebase_project_id
        sandbox = app.use_sandbox
    rate = float(os.environ.get("ENGAGE_FCM_RATE", rate))
    parts = urlsplit(base)
    tls = parts.scheme == "https"
    pool = Http1Pool(
        parts.hostname or "localhost",
        parts.port or (443 if tls else 80),
        tls=tls,
        limit=concurrency,
    )
    tokens = TokenSource(credentials, label, who, clock=clock)
    client = FcmClient(pool, parts.path, project, tokens)
    return AppSender(app_id, label, client, ProjectPacer(rate, clock), sandbox, who=who)
