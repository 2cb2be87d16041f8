"""Where FCM requests go: Google, or any FCM-compatible server (the local sandbox, a test double).

Stored as workspace settings (``WorkspaceSetting``); environment variables override them for a
run (``ENGAGE_FCM_URL``, ``ENGAGE_SANDBOX_URL``), which is how tests and benchmarks point a
service at a server on loopback.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from engage_desktop.core.messages import CodedError, MessageTable
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import App, WorkspaceSetting

GOOGLE_FCM_URL = "https://fcm.googleapis.com"
DEFAULT_SANDBOX_URL = "http://127.0.0.1:8765"
FCM_URL_KEY = "fcm.base_url"
SANDBOX_URL_KEY = "fcm.sandbox_url"
FCM_URL_ENV = "ENGAGE_FCM_URL"
SANDBOX_URL_ENV = "ENGAGE_SANDBOX_URL"


SERVICE_ACCOUNT_FIELDS = ("type", "project_id", "private_key", "client_email", "token_uri")


class SettingError(CodedError, ValueError):
    """A setting value that cannot be used; the message says which and why (never a secret)."""


# scheme://host[:port][/path], no query or fragment (urllib is off limits in core: no network).
_BASE_URL = re.compile(r"^https?://(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(/[^?#\s]*)?$")


def check_base_url(value: str, name: str = FCM_URL_KEY) -> str:
    clean = value.strip()
    if not _BASE_URL.match(clean):
        raise SettingError(
            f"{name}: '{value}' is not an http(s) base URL like {GOOGLE_FCM_URL} "
            "(no query or fragment).",
            "bad_base_url",
            name,
            value,
            GOOGLE_FCM_URL,
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


SERVICE_ACCOUNT_MESSAGES = MessageTable(
    {
        "sa_not_found": "Service-account file not found: {0}",
        "sa_is_folder": "{0} is a folder, not a service-account file.",
        "sa_unreadable": "Cannot read the service-account file {0}: {1}",
        "sa_not_json": "The service-account file {0} is not valid JSON (line {1}).",
        "sa_wrong_type": (
            '{0} is not a Google service-account key ("type" must be "service_account").'
        ),
        "sa_missing": "The service-account file {0} lacks: {1}.",
        "sa_wrong_project": (
            "The service-account file {0} belongs to project '{1}', but this app sends through "
            "project '{2}'. Pick the key of the right project."
        ),
        "sa_bad_key": "The private key in {0} cannot be loaded (damaged or not an RSA key).",
        # Said by the dispatch service when it pauses an app's campaigns ({0} app, {1} project).
        "sa_not_set": (
            "No service-account file is set for app '{0}' (project {1}): an admin sets it in "
            "the app's settings."
        ),
        "token_unreachable": (
            "Cannot reach the token server for app '{0}' (project {1}) ({2}): check the network."
        ),
        "key_refused": (
            "The service account of app '{0}' (project {1}) was refused ({2}); the key may be "
            "revoked or deleted. Download a new key."
        ),
        "fcm_refused": "FCM refused the credentials of app '{0}' (project {1}): {2} — {3}",
    }
)
"""What can be wrong with an app's credentials. The service stores these sentences as a
campaign's pause reason; ``SERVICE_ACCOUNT_MESSAGES.recognise`` gives the GUI their code back."""


def _sa_error(code: str, *args: str) -> SettingError:
    return SettingError(SERVICE_ACCOUNT_MESSAGES.english(code, *args), code, *args)


def _read_key_file(file: Path) -> Any:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _sa_error("sa_not_found", str(file)) from None
    except IsADirectoryError:
        raise _sa_error("sa_is_folder", str(file)) from None
    except OSError as exc:
        raise _sa_error("sa_unreadable", str(file), exc.strerror or type(exc).__name__) from None
    except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8
        raise _sa_error("sa_not_json", str(file), str(getattr(exc, "lineno", "?"))) from None


def check_service_account_file(path: str | Path, expected_project: str) -> dict[str, Any]:
    """Read a Google service-account key file and check its shape and project; returns it.

    Why in core: the Settings page checks a file before storing its path, and the dispatch
    service checks it again before sending (then loads the key with google-auth). Messages name
    the file and the problem, never a value from the key.
    """
    file = Path(path).expanduser()
    info = _read_key_file(file)
    if not isinstance(info, dict) or info.get("type") != "service_account":
        raise _sa_error("sa_wrong_type", str(file))
    missing = [k for k in SERVICE_ACCOUNT_FIELDS if not info.get(k)]
    if missing:
        raise _sa_error("sa_missing", str(file), ", ".join(missing))
    found = str(info["project_id"])
    if found != expected_project:
        raise _sa_error("sa_wrong_project", str(file), found, expected_project)
    if "PRIVATE KEY-----" not in str(info["private_key"]):
        raise _sa_error("sa_bad_key", str(file))
    return info


def set_service_account_path(session: Session, app_id: int, path: str | None) -> str | None:
    """Check the file (unless clearing) and store its absolute path on the app.

    The caller checks MANAGE_CREDENTIALS. Only the path is stored, never the key.
    """
    app = session.get(App, app_id)
    if app is None:
        raise SettingError(f"No app with id {app_id}.", "no_app", str(app_id))
    if path is None or not path.strip():
        app.fcm_credentials_path = None
        return None
    file = Path(path.strip()).expanduser().resolve()
    check_service_account_file(file, app.firebase_project_id)
    app.fcm_credentials_path = str(file)
    return str(file)


def save_service_account_path(
    session: Session, member_id: int, app_id: int, path: str | None
) -> str | None:
    """The Settings page's save: permission, check, store, audit (the path, never the key)."""
    require(session, member_id, app_id, Permission.MANAGE_CREDENTIALS)
    stored = set_service_account_path(session, app_id, path)
    record(
        session,
        member_id=member_id,
        app_id=app_id,
        action="app.service_account",
        target=f"app:{app_id}",
        details={"path": stored},
    )
    return stored


def service_account_path(session: Session, app_id: int) -> str | None:
    app = session.get(App, app_id)
    return app.fcm_credentials_path if app is not None else None
