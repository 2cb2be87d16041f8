"""Per-app sending context: where to send, with which credentials, at what pace.

Addresses come from this machine (``core.endpoints``), never from the workspace. A sandbox app
uses the sandbox's own generated key; an FCM app the key in this machine's OS keyring
(``core.credentials.admin.read_key``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from google.oauth2 import service_account
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from engage_desktop.core.credentials.admin import read_key
from engage_desktop.core.credentials.messages import CredentialError
from engage_desktop.core.endpoints import fcm_url, sandbox_url, token_url
from engage_desktop.security.vault import Vault, VaultUnavailable
from engage_desktop.services.clock import ServiceClock
from engage_desktop.services.fcm.auth import (
    CredentialsError,
    TokenSource,
    credentials_for,
    load_key_file,
)
from engage_desktop.services.fcm.client import FcmClient
from engage_desktop.services.fcm.http1 import Http1Pool
from engage_desktop.services.fcm.ratelimit import DEFAULT_RATE, ProjectPacer
from engage_desktop.services.sandbox.credentials import sandbox_credentials
from engage_desktop.store.models import App, AppCredential


@dataclass
class AppSender:
    app_id: int
    label: str
    client: FcmClient
    pacer: ProjectPacer
    use_sandbox: bool
    who: tuple[str, str] = ("", "")  # app name, Firebase project: the pause reasons' arguments
    # What the sender was built from: sandbox or FCM, and which key. When the admin switches the
    # mode or replaces or removes the key, the running service builds a new sender.
    identity: tuple[bool, str | None] = (True, None)


def sending_identities(engine: Engine, app_ids: list[int]) -> dict[int, tuple[bool, str | None]]:
    """Each app's current (sandbox?, key id): compared with its cached sender's ``identity``."""
    if not app_ids:
        return {}
    with Session(engine) as session:
        rows = session.execute(
            select(App.id, App.use_sandbox, AppCredential.key_id)
            .outerjoin(AppCredential, AppCredential.app_id == App.id)
            .where(App.id.in_(app_ids))
        )
        return {app_id: (sandbox, None if sandbox else key_id) for app_id, sandbox, key_id in rows}


def _fcm_credentials(
    session: Session, vault: Vault | None, app: App
) -> tuple[service_account.Credentials, str]:
    """The app's key from this machine's keyring, as google-auth credentials, and its key id."""
    try:
        if vault is None:
            raise VaultUnavailable("No keyring was given to this service.", "refused", "", "")
        key = read_key(session, vault, app)
    except (CredentialError, VaultUnavailable) as exc:
        raise CredentialsError(str(exc)) from None
    return credentials_for(key, token_url()), key.key_id


def build_app_sender(
    engine: Engine,
    app_id: int,
    clock: ServiceClock,
    *,
    vault: Vault | None = None,
    concurrency: int = 64,
    rate: float = DEFAULT_RATE,
    ensure_sandbox: Callable[[str], None] | None = None,
) -> AppSender:
    """Read the app's mode and credentials (raises ``CredentialsError`` when unusable)."""
    with Session(engine) as session:
        app = session.get(App, app_id)
        if app is None:
            raise LookupError(f"App {app_id} no longer exists.")
        project = app.firebase_project_id
        label = f"app '{app.name}' (project {project})"
        who = (app.name, project)
        sandbox = app.use_sandbox
        if sandbox:
            base = sandbox_url()
            if ensure_sandbox is not None:
                ensure_sandbox(base)
            key_file = sandbox_credentials(project, base)
            credentials = load_key_file(key_file, project, base + "/token")
            key_id: str | None = None
        else:
            base = fcm_url()
            credentials, key_id = _fcm_credentials(session, vault, app)
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
    return AppSender(
        app_id,
        label,
        client,
        ProjectPacer(rate, clock),
        sandbox,
        who=who,
        identity=(sandbox, key_id),
    )
