"""The audit log: who did what, on which app. Secrets are dropped before anything is written.

``record`` appends to the hash chain (``security.audit_chain``) inside the caller's
transaction, so an entry commits with the change it records or not at all. Appends are
serialised by updating the chain's head row first: on SQLite that takes the database's write
lock, on PostgreSQL the row's lock, so two writers can never both chain onto the same entry.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from engage_desktop.security.audit_chain import HEAD_ID, canonical_json, hash_of
from engage_desktop.store.models import AuditChainHead, AuditEntry, Member, utcnow

_SECRET_KEY = re.compile(
    r"(secret|token|password|passwd|passphrase|private|credential|api[_-]?key|authori[sz]ation"
    r"|bearer|cookie|signature)",
    re.I,
)
# Values that are secrets whatever their key: PEM private keys, Google OAuth access tokens,
# JWTs (signed assertions), FCM registration tokens, and any long opaque token-like word.
_SECRET_VALUE = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|\Z)"
    r"|\bya29\.[\w.-]+"
    r"|\beyJ[\w-]+\.[\w-]+\.[\w-]*"
    r"|[\w-]{8,}:APA91[\w-]+"
    r"|(?<![\w/.%+=-])[\w-]{100,}(?![\w/.%+=-])",
    re.S,
)
REDACTED = "[redacted]"


class AuditChainError(RuntimeError):
    """The chain cannot be appended to (its head row is gone): say so rather than fork it."""


def scrub_value(value: Any) -> Any:
    """A value with every secret inside it replaced, lists and nested mappings included."""
    if isinstance(value, dict):
        return scrub(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [scrub_value(item) for item in value]
    if isinstance(value, str):
        return _SECRET_VALUE.sub(REDACTED, value)
    return value


def scrub(details: dict[str, Any]) -> dict[str, Any]:
    """Replace the value of any key that names a secret, and secrets found in values.

    The one scrubber for everything the audit log keeps: a key that looks secret loses its
    whole value, whatever its shape; other values are searched (in lists too) for private keys
    and tokens.
    """
    clean: dict[str, Any] = {}
    for key, value in details.items():
        name = str(key)
        clean[name] = REDACTED if _SECRET_KEY.search(name) else scrub_value(value)
    return clean


def record(
    session: Session,
    *,
    member_id: int | None,
    app_id: int | None,
    action: str,
    target: str | None = None,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Append an audit entry in the caller's transaction (it commits with what it records).

    ``at`` is the time of the change (the caller's clock); now when not given.
    """
    seq, prev_hash = _advance_head(session)
    login = (
        session.scalar(select(Member.login).where(Member.id == member_id))
        if member_id is not None
        else None
    )
    entry = AuditEntry(
        seq=seq,
        at=at or utcnow(),
        member_id=member_id,
        member_login=login,
        app_id=app_id,
        action=action,
        target=scrub_value(target) if target is not None else None,
        details=canonical_json(scrub(details or {})),
        prev_hash=prev_hash,
    )
    entry.entry_hash = hash_of(entry)
    session.add(entry)
    session.execute(
        update(AuditChainHead)
        .where(AuditChainHead.id == HEAD_ID)
        .values(last_hash=entry.entry_hash)
        .execution_options(synchronize_session=False)
    )
    return entry


def _advance_head(session: Session) -> tuple[int, str]:
    """Take the next place in the chain, locking the head until the transaction ends."""
    row = session.execute(
        update(AuditChainHead)
        .where(AuditChainHead.id == HEAD_ID)
        .values(seq=AuditChainHead.seq + 1)
        .returning(AuditChainHead.seq, AuditChainHead.last_hash)
        .execution_options(synchronize_session=False)
    ).first()
    if row is None:
        raise AuditChainError(
            "The audit log's chain head is missing, so nothing can be recorded safely: "
            "run 'engage-desktop audit verify' and restore the workspace from a backup."
        )
    return int(row[0]), str(row[1])
