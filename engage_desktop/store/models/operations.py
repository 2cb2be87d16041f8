"""The audit log (a hash chain, see ``security.audit_chain``) and the heartbeat of services."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, JSONDoc, utcnow


class AuditEntry(Base):
    """Who did what, when, on which app. Never holds a secret (see ``security.audit``).

    Append-only: each entry carries ``seq`` (its place in the chain, gap-free), the hash of the
    entry before it and its own hash over a canonical encoding of its content. ``member_id`` and
    ``app_id`` are plain numbers, not foreign keys: removing an app or a member must not rewrite
    (and so break) the entries that tell of them; ``member_login`` keeps the name readable.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_app_at", "app_id", "at"),
        Index("ix_audit_seq", "seq", unique=True),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    member_id: Mapped[int | None] = mapped_column(Integer)
    member_login: Mapped[str | None] = mapped_column(String(120))
    app_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(80))  # "campaign.create", "campaign.send", …
    target: Mapped[str | None] = mapped_column(String(200))  # "campaign:12"
    details: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))


class AuditChainHead(Base):
    """The one row (id 1) naming the chain's last entry.

    Every append updates it first, which serialises appends (SQLite's write lock, PostgreSQL's
    row lock), and ``audit verify`` compares it with the last entry, so cutting entries off the
    end is noticed too.
    """

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


HEARTBEAT_STALE_AFTER = timedelta(seconds=30)
"""A service beats every few seconds; silence for this long means it is gone."""


class ServiceHeartbeat(Base):
    """A running dispatch service says it is alive here; the GUI shows it in its status bar."""

    __tablename__ = "service_heartbeat"

    service_id: Mapped[str] = mapped_column(String(120), primary_key=True)  # host:pid:start
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    beat_at: Mapped[datetime] = mapped_column(default=utcnow)
    state: Mapped[str] = mapped_column(String(32))  # running | stopping | stopped
    detail: Mapped[str | None] = mapped_column(String(500))
