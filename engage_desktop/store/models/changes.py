"""Change stamps: one counter per area of data, bumped by database triggers (migration 0014).

Readers (the GUI's lists) poll these few rows instead of re-reading whole lists, and every
writer counts — the GUI, the CLI, the service, another machine on a shared PostgreSQL —
because the database bumps them, not the code that writes.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

CHANGE_AREAS = ("campaigns", "segments")
"""Areas with a stamp: ``campaigns`` (any campaign row: created, edited, scheduled, started,
paused, completed…), ``segments`` (created, edited, counted, deleted)."""


class ChangeStamp(Base):
    """How many times an area's rows changed (only ever grows; compared, never interpreted)."""

    __tablename__ = "change_stamp"

    area: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
