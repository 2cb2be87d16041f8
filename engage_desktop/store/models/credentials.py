"""What the workspace knows about an app's service-account key: never the key itself.

The key lives in the OS keyring of each machine that sends (``security.vault``). The database
keeps the keyring entry's name, a fingerprint people can compare with the Firebase console
(client email, key id), who set it and when, the last successful connection test, and which
machines hold a copy: on a shared PostgreSQL workspace each sending machine is given the key
once, and admins see where it is.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class AppCredential(Base):
    """The app's current key, by reference and fingerprint; at most one per app."""

    __tablename__ = "app_credential"

    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"), primary_key=True)
    reference: Mapped[str] = mapped_column(String(300))  # the keyring entry's name
    client_email: Mapped[str] = mapped_column(String(320))
    key_id: Mapped[str] = mapped_column(String(100))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)
    set_by: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    # The last connection test this key passed (None: not tested yet, or it failed since).
    tested_at: Mapped[datetime | None] = mapped_column()
    tested_host: Mapped[str | None] = mapped_column(String(255))


class CredentialHolder(Base):
    """One machine whose keyring holds a copy of an app's key (the key id says which)."""

    __tablename__ = "credential_holder"
    __table_args__ = (UniqueConstraint("app_id", "host"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"), index=True)
    host: Mapped[str] = mapped_column(String(255))
    reference: Mapped[str] = mapped_column(String(300))
    key_id: Mapped[str] = mapped_column(String(100))
    stored_at: Mapped[datetime] = mapped_column(default=utcnow)
    stored_by: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
