"""Segments and the local cache of what was computed from them (counts, members, chart data)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, JSONDoc, utcnow


class Segment(Base):
    """A dynamic segment: a versioned JSON rule tree, re-evaluated on demand.

    ``cached_*`` hold the last count so the list opens instantly and offline, with its age.
    """

    __tablename__ = "segment"
    __table_args__ = (UniqueConstraint("app_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(String(2000))
    rules: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    rules_version: Mapped[int] = mapped_column(Integer, default=1)
    cached_count: Mapped[int | None] = mapped_column(Integer)
    # Reachable devices per channel, e.g. {"push": 1234, "sms": 99}.
    cached_reachable: Mapped[dict[str, int] | None] = mapped_column(JSONDoc)
    computed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SegmentMember(Base):
    """Membership snapshot of a segment at ``Segment.computed_at`` (for offline use and sends)."""

    __tablename__ = "segment_member"
    __table_args__ = ({"sqlite_with_rowid": False},)

    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segment.id", ondelete="CASCADE"), primary_key=True
    )
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True
    )


class CachedResult(Base):
    """Any computed figure kept for offline reading: chart series, reports, counts.

    ``key`` names the query and its parameters (e.g. ``"opens_by_hour:campaign=12"``).
    """

    __tablename__ = "cached_result"
    __table_args__ = (
        UniqueConstraint("app_id", "key"),
        Index("ix_cached_result_computed", "computed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(300))
    payload: Mapped[Any] = mapped_column(JSONDoc)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
