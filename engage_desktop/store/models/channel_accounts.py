"""An app's SMS and email provider accounts: settings and a fingerprint, never the secret.

Twilio's auth token and the SMTP password live in the OS keyring of each sending machine
(``security.vault``), under ``reference``. The row keeps what is not secret and what the
service needs to send (Twilio's account SID and sender, the SMTP host, port, user and From
address, the STOP mention, the unsubscribe and status-callback base URLs), a fingerprint of
the secret (its last characters' hash) so admins see a change, and the last passed test.
``ChannelAccountHolder`` records each machine whose keyring holds a copy of the secret: on a
shared PostgreSQL workspace every sending machine is given it once, and admins see where.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, JSONDoc, str_enum, utcnow


class Provider(enum.StrEnum):
    TWILIO = "twilio"
    SMTP = "smtp"


class ChannelAccount(Base):
    """One provider account of one app (at most one per provider)."""

    __tablename__ = "channel_account"

    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"), primary_key=True)
    provider: Mapped[Provider] = mapped_column(str_enum(Provider, 16), primary_key=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    reference: Mapped[str] = mapped_column(String(300))  # the keyring entry's name
    fingerprint: Mapped[str] = mapped_column(String(64))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)
    set_by: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    tested_at: Mapped[datetime | None] = mapped_column()
    tested_host: Mapped[str | None] = mapped_column(String(255))  # where the last test passed


class ChannelAccountHolder(Base):
    """One machine whose keyring holds a copy of an app's provider secret (the fingerprint
    says which: the current one, or one replaced since)."""

    __tablename__ = "channel_account_holder"
    __table_args__ = (UniqueConstraint("app_id", "provider", "host"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"), index=True)
    provider: Mapped[Provider] = mapped_column(str_enum(Provider, 16))
    host: Mapped[str] = mapped_column(String(255))
    reference: Mapped[str] = mapped_column(String(300))  # the keyring entry's name there
    fingerprint: Mapped[str] = mapped_column(String(64))
    stored_at: Mapped[datetime] = mapped_column(default=utcnow)
    stored_by: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
