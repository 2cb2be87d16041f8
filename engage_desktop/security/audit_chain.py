"""The audit log's hash chain: how an entry is hashed, and checking the whole chain.

Each entry's hash is SHA-256 over a canonical JSON encoding of its content and the hash of the
entry before it, so editing, deleting or moving any entry changes what every later hash should
be. ``verify_chain`` walks the entries in chain order and names the first one that does not fit.

The chain detects tampering; it does not prevent it. Whoever can write the database can also
recompute every hash after an edit (see docs/security.md): the chain's value is that a plain
edit, delete or reorder made with a database tool is found and named.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.store.models import AuditChainHead, AuditEntry

GENESIS = "0" * 64  # the "previous hash" of the first entry
FORMAT = 1  # bump (and keep the old encoder) if the encoding ever changes
HEAD_ID = 1
COLUMNS = (
    "id",
    "seq",
    "at",
    "member_id",
    "member_login",
    "app_id",
    "action",
    "target",
    "details",
    "prev_hash",
    "entry_hash",
)


def canonical_json(value: Any) -> Any:
    """``value`` as the database gives it back: JSON types only (tuples become lists, …)."""
    return json.loads(json.dumps(value, ensure_ascii=False, allow_nan=False, default=str))


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def entry_hash(
    *,
    seq: int,
    at: datetime,
    member_id: int | None,
    member_login: str | None,
    app_id: int | None,
    action: str,
    target: str | None,
    details: Any,
    prev_hash: str,
) -> str:
    """SHA-256 (hex) of the entry's content and the previous entry's hash."""
    content = {
        "format": FORMAT,
        "seq": seq,
        "at": _stamp(at),
        "member_id": member_id,
        "member_login": member_login,
        "app_id": app_id,
        "action": action,
        "target": target,
        "details": details,
        "prev": prev_hash,
    }
    encoded = json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


class ChainedEntry(Protocol):
    """An audit entry as a model object or a row of its columns."""

    @property
    def id(self) -> int: ...
    @property
    def seq(self) -> int: ...
    @property
    def at(self) -> datetime: ...
    @property
    def member_id(self) -> int | None: ...
    @property
    def member_login(self) -> str | None: ...
    @property
    def app_id(self) -> int | None: ...
    @property
    def action(self) -> str: ...
    @property
    def target(self) -> str | None: ...
    @property
    def details(self) -> Any: ...
    @property
    def prev_hash(self) -> str: ...
    @property
    def entry_hash(self) -> str: ...


def hash_of(entry: ChainedEntry) -> str:
    return entry_hash(
        seq=entry.seq,
        at=entry.at,
        member_id=entry.member_id,
        member_login=entry.member_login,
        app_id=entry.app_id,
        action=entry.action,
        target=entry.target,
        details=entry.details,
        prev_hash=entry.prev_hash,
    )


@dataclass(frozen=True)
class ChainBreak:
    """The first place the chain does not hold.

    ``problem`` is one of ``changed`` (the entry does not match its hash: edited or moved),
    ``missing`` (entries ``first_missing``…``seq - 1`` are gone), ``relinked`` (the entry does
    not follow the one before it), ``tail_missing`` (entries after ``seq`` are gone) and
    ``no_head`` (the chain's head row is gone).
    """

    problem: str
    seq: int
    entry_id: int | None
    first_missing: int | None = None

    def describe(self) -> str:
        where = f"entry #{self.seq}" + (f" (id {self.entry_id})" if self.entry_id else "")
        if self.problem == "changed":
            return f"{where} does not match its hash: it was edited or moved after it was written."
        if self.problem == "missing":
            return f"entries #{self.first_missing} to #{self.seq - 1} are missing before {where}."
        if self.problem == "relinked":
            return f"{where} does not follow the entry before it (entries replaced or reordered)."
        if self.problem == "tail_missing":
            return f"entries after #{self.seq} are missing (the chain's head names later ones)."
        return "the audit chain's head row is missing: appends are refused until it is restored."


@dataclass(frozen=True)
class ChainReport:
    checked: int
    last_seq: int
    broken: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify_chain(session: Session, batch: int = 5_000) -> ChainReport:
    """Recompute every hash in chain order; stop at the first entry that does not fit."""
    if session.get_bind().dialect.name == "postgresql":
        # One snapshot for the head and every entry, so an append meanwhile is not a "break".
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    head = session.get(AuditChainHead, HEAD_ID)
    previous_hash, previous_seq, checked = GENESIS, 0, 0
    columns = [getattr(AuditEntry, name) for name in COLUMNS]
    rows = session.execute(
        select(*columns).order_by(AuditEntry.seq).execution_options(yield_per=batch)
    )
    for entry in rows:  # rows, not model objects: a long chain stays out of the identity map
        broken = _check(entry, previous_seq, previous_hash)
        if broken is not None:
            return ChainReport(checked, previous_seq, broken)
        previous_hash, previous_seq = entry.entry_hash, entry.seq
        checked += 1
    if head is None:
        return ChainReport(checked, previous_seq, ChainBreak("no_head", previous_seq, None))
    if head.seq != previous_seq or head.last_hash != previous_hash:
        return ChainReport(checked, previous_seq, ChainBreak("tail_missing", previous_seq, None))
    return ChainReport(checked, previous_seq, None)


def _check(entry: ChainedEntry, previous_seq: int, previous_hash: str) -> ChainBreak | None:
    if entry.seq != previous_seq + 1:
        if entry.seq > previous_seq + 1:
            return ChainBreak("missing", entry.seq, entry.id, first_missing=previous_seq + 1)
        return ChainBreak("changed", entry.seq, entry.id)
    if hash_of(entry) != entry.entry_hash:
        return ChainBreak("changed", entry.seq, entry.id)
    if entry.prev_hash != previous_hash:
        return ChainBreak("relinked", entry.seq, entry.id)
    return None
