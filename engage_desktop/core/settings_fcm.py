"""Where FCM requests go: Google, or any FCM-compatible server (the local sandbox, a test double).

Stored as workspace settings (``WorkspaceSetting``); environment variables override them for a
run (``ENGAGE_FCM_URL``, ``ENGAGE_SANDBOX_URL``), which is how tests and benchmarks point a
service at a server on loopback.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from sqlalchemy.orm import Session

from engage_desktop.store.models import WorkspaceSetting

GOOGLE_FCM_URL = "https://fcm.googleapis.com"
DEFAULT_SANDBOX_URL = "http://127.0.0.1:8765"
FCM_URL_KEY = "fcm.base_url"
SANDBOX_URL_KEY = "fcm.sandbox_url"
FCM_URL_ENV = "ENGAGE_FCM_URL"
SANDBOX_URL_ENV = "ENGAGE_SANDBOX_URL"


class SettingError(ValueError):
    """A setting value that cannot be used; the message says which and why."""


# scheme://host[:port][/path], no query or fragment (urllib is off limits in core: no network).
_BASE_URL = re.compile(r"^https?://(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(/[^?#\s]*)?$")


def check_base_url(value: str, name: str = FCM_URL_KEY) -> str:
    clean = value.strip()
    if not _BASE_URL.match(clean):
        raise SettingError(
            f"{name}: '{value}' is not an http(s) base URL like {GOOGLE_FCM_URL} "
            "(no query or fragment)."
        )
    return clean.rstrip("/")


def _read(session: Session, key: str) -> str | None:
    row = session.get(WorkspaceSetting, key)
    return str(row.value) if row is not None and row.value else None


def fcm_base_url(session: Session, environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    raw = env.get(FCM_URL_ENV) or _read(session, FCM_URL_KEY) or GOOGLE_FCM_URL
    return check_base_url(raw, FCM_URL_ENV if env.get(FCM_URL_ENV) else FCM_URL_KEY)


def sandbox_base_url(session: Session, environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    raw = env.get(SANDBOX_URL_ENV) or _read(session, SANDBOX_URL_KEY) or DEFAULT_SANDBOX_URL
    return check_base_url(raw, SANDBOX_URL_ENV if env.get(SANDBOX_URL_ENV) else SANDBOX_URL_KEY)


def set_fcm_base_url(session: Session, value: str | None) -> None:
    """Store (or clear, with None) the FCM base URL; the caller checks MANAGE_CREDENTIALS."""
    row = session.get(WorkspaceSetting, FCM_URL_KEY)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    clean = check_base_url(value)
    if row is None:
        session.add(WorkspaceSetting(key=FCM_URL_KEY, value=clean))
    else:
        row.value = clean
