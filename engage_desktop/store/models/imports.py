"""Contact imports under way on SQLite: what they wrote, and what they will change at publish.

A large contacts import commits its rows in short chunks so the sending service can write
between them (see ``core/imports/chunked.py``). Until the import is published its new profiles
must stay invisible, and its changes to known profiles unapplied:

- ``ImportRun`` is one import. While its ``state`` is ``writing``, every profile whose id is at
  least its ``first_profile_id`` is hidden from readers (``store/visibility.py``); publishing is
  one UPDATE of this row to ``published``.
- ``ImportChunk`` records the id range each committed chunk of new profiles took, so a failed,
  cancelled or killed import deletes exactly its own rows.
- ``ImportUpdate`` and ``ImportConsent`` hold the changes to profiles that existed before the
  import (non-empty values, attributes to merge, consent states). They are applied after the
  flip, in short chunks, each chunk deleting its staged rows in the same transaction: a durable
  journal that the next opening of the workspace rolls forward if the import was killed.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow

WRITING = "writing"
PUBLISHED = "published"


class ImportRun(Base):
    """One contacts import writing in chunks; deleted once published and fully applied."""

    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(16), default=WRITING)
    first_profile_id: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    source: Mapped[str | None] = mapped_column(String(120))


class ImportChunk(Base):
    """The ids of the new profiles one committed chunk of an import wrote (both ends included)."""

    __tablename__ = "import_chunk"

    run_id: Mapped[int] = mapped_column(
        ForeignKey("import_run.id", ondelete="CASCADE"), primary_key=True
    )
    first_profile_id: Mapped[int] = mapped_column(primary_key=True)
    last_profile_id: Mapped[int]


class ImportUpdate(Base):
    """New values for a profile that existed before the import (None keeps the stored one).

    No foreign key to ``profile``: a profile deleted while the import runs is simply skipped.
    """

    __tablename__ = "import_update"

    run_id: Mapped[int] = mapped_column(
        ForeignKey("import_run.id", ondelete="CASCADE"), primary_key=True
    )
    profile_id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str | None] = mapped_column(String(120))
    last_name: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(32))
    city: Mapped[str | None] = mapped_column(String(120))
    postal_code: Mapped[str | None] = mapped_column(String(16))
    birth_date: Mapped[date | None]
    locale: Mapped[str | None] = mapped_column(String(35))
    time_zone: Mapped[str | None] = mapped_column(String(64))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    attributes: Mapped[str | None] = mapped_column(Text)
    """JSON object of attributes to merge into the stored ones (None: none)."""


class ImportConsent(Base):
    """A consent state the import sets on a profile that existed before it."""

    __tablename__ = "import_consent"

    run_id: Mapped[int] = mapped_column(
        ForeignKey("import_run.id", ondelete="CASCADE"), primary_key=True
    )
    profile_id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    changed_at: Mapped[datetime]
    source: Mapped[str | None] = mapped_column(String(120))
