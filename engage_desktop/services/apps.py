"""Per-app sending context: where to send, with which credentials, at what pace."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import aiohttp
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from engage_desktop.core.settings_fcm import fcm_base_url, sandbox_base_url
from engage_desktop.services.fcm.auth import TokenSource, load_service_account
from engage_desktop.services.fcm.client import FcmClient
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
    last_success: float = 0.0
    first_unreachable: float | None = None


def build_app_sender(
    engine: Engine,
    app_id: int,
    http: aiohttp.ClientSession,
    *,
    rate: float = DEFAULT_RATE,
    ensure_sandbox: Callable[[str], None] | None = None,
) -> AppSender:
    """Read the app's settings and credentials (raises ``CredentialsError`` when unusable)."""
    with Session(engine) as session:
        app = session.get(App, app_id)
        if app is None:
            raise LookupError(f"App {app_id} no longer exists.")
        label = f"app '{app.name}' (project {app.firebase_project_id})"
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
                    f"No service-account file is set for {label}: an admin sets it in the app's "
                    "settings."
                )
            path = app.fcm_credentials_path
        credentials = load_service_account(path, app.firebase_project_id)
        project = app.firebase_project_id
        sandbox = app.use_sandbox
    rate = float(os.environ.get("ENGAGE_FCM_RATE", rate))
    client = FcmClient(http, base, project, TokenSource(credentials, label))
    return AppSender(app_id, label, client, ProjectPacer(rate), sandbox)
