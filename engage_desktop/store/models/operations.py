"""The audit log and the heartbeat of background services."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, JSONDoc, utcnow


class AuditEntry(Base):
    """Who did what, when, on which app. Never holds a secret (see ``security.audit``)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_app_at", "app_id", "at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    app_id: Mapped[int | None] = mapped_column(ForeignKey("app.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(80))  # "campaign.create", "campaign.send", …
    target: Mapped[str | None] = mapped_column(String(200))  # "campaign:12"
    details: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)


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
