"""The audit log: who did what, on which app. Secrets are dropped before anything is written."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from engage_desktop.store.models import AuditEntry

_SECRET_KEY = re.compile(r"(secret|token|password|passwd|private|credential|api[_-]?key)", re.I)
REDACTED = "[redacted]"


def scrub(details: dict[str, Any]) -> dict[str, Any]:
    """Replace the value of any key that names a secret, recursively."""
    clean: dict[str, Any] = {}
    for key, value in details.items():
        if _SECRET_KEY.search(key):
            clean[key] = REDACTED
        elif isinstance(value, dict):
            clean[key] = scrub(value)
        else:
            clean[key] = value
    return clean


def record(
    session: Session,
    *,
    member_id: int | None,
    app_id: int | None,
    action: str,
    target: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an audit entry to the caller's transaction (it commits with the change it records)."""
    entry = AuditEntry(
        member_id=member_id,
        app_id=app_id,
        action=action,
        target=target,
        details=scrub(details or {}),
    )
    session.add(entry)
    return entry
