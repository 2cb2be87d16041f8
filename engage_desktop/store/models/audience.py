"""The audience of an app: profiles, their devices, consent, behaviour events and places.

Shaped for segment counts on a million profiles: events are narrow integer rows
(``event(profile_id, name_id, ts)``) with a per-day rollup beside them, and profile fields that
rules filter on are real columns, not JSON.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, JSONDoc, str_enum, utcnow


class Channel(enum.StrEnum):
    PUSH = "push"
    IN_APP = "in_app"
    SMS = "sms"
    EMAIL = "email"


class ConsentState(enum.StrEnum):
    GRANTED = "granted"
    DENIED = "denied"
    UNKNOWN = "unknown"


class Profile(Base):
    """One end user of an app, keyed by the app's own external id."""

    __tablename__ = "profile"
    __table_args__ = (
        UniqueConstraint("app_id", "external_id"),
        Index("ix_profile_app_email", "app_id", "email"),
        Index("ix_profile_app_city", "app_id", "city"),
        Index("ix_profile_app_postal_code", "app_id", "postal_code"),
        Index("ix_profile_app_last_seen", "app_id", "last_seen_at"),
        Index("ix_profile_app_created", "app_id", "created_at"),
        Index("ix_profile_app_lat_lon", "app_id", "latitude", "longitude"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str | None] = mapped_column(String(120))
    last_name: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(32))  # E.164
    locale: Mapped[str | None] = mapped_column(String(35))  # BCP 47, e.g. fr-FR
    time_zone: Mapped[str | None] = mapped_column(String(64))  # IANA, e.g. Europe/Paris
    city: Mapped[str | None] = mapped_column(String(120))
    postal_code: Mapped[str | None] = mapped_column(String(16))
    birth_date: Mapped[date | None]
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None]
    # Free attributes (interests, loyalty tier, …) that have no column of their own.
    attributes: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)


class Device(Base):
    """An app installation: where a push goes. A profile may have several."""

    __tablename__ = "device"
    __table_args__ = (Index("ix_device_app_test", "app_id", "is_test"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"))
    profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), index=True
    )
    installation_id: Mapped[str | None] = mapped_column(String(200))  # GA4 user_pseudo_id
    fcm_token: Mapped[str | None] = mapped_column(String(512), unique=True)
    # Set when FCM answered UNREGISTERED / SENDER_ID_MISMATCH: the token is never used again.
    token_invalidated_at: Mapped[datetime | None]
    platform: Mapped[str] = mapped_column(String(16))  # Platform value
    model: Mapped[str | None] = mapped_column(String(80))
    os_version: Mapped[str | None] = mapped_column(String(32))
    app_version: Mapped[str | None] = mapped_column(String(32))
    locale: Mapped[str | None] = mapped_column(String(35))
    time_zone: Mapped[str | None] = mapped_column(String(64))
    push_enabled: Mapped[bool] = mapped_column(default=False)
    is_test: Mapped[bool] = mapped_column(default=False)
    label: Mapped[str | None] = mapped_column(String(120))  # "Camille's Pixel 8" for test devices
    last_seen_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Consent(Base):
    """The latest consent state of a profile for one channel, with where it came from."""

    __tablename__ = "consent"
    __table_args__ = (Index("ix_consent_channel_state", "channel", "state", "profile_id"),)

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, 16), primary_key=True)
    state: Mapped[ConsentState] = mapped_column(str_enum(ConsentState, 16))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    source: Mapped[str | None] = mapped_column(String(120))  # "app_prompt", "import:file.csv", …


class EventName(Base):
    """Interned event names, so the big event table holds small integers."""

    __tablename__ = "event_name"
    __table_args__ = (UniqueConstraint("app_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))


class Event(Base):
    """One behaviour event (GA4 naming). ``ts`` is Unix seconds, UTC, for compact fast scans."""

    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_name_ts_profile", "name_id", "ts", "profile_id"),
        Index("ix_event_profile_ts", "profile_id", "ts"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    name_id: Mapped[int] = mapped_column(ForeignKey("event_name.id", ondelete="CASCADE"))
    ts: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("device.id", ondelete="SET NULL"))
    # Flattened event_params (item_id, value, currency, message_id, label, …); absent for most rows.
    params: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)


class EventDaily(Base):
    """Rollup: how many times a profile did an event on a UTC day (days since 1970-01-01).

    Event rules ("at least N times in the last D days") read this instead of the raw events.
    Writers of ``event`` keep it in step in the same transaction.
    """

    __tablename__ = "event_daily"
    __table_args__ = (
        Index("ix_event_daily_profile", "profile_id", "name_id", "day"),
        {"sqlite_with_rowid": False},
    )

    name_id: Mapped[int] = mapped_column(
        ForeignKey("event_name.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True
    )
    count: Mapped[int] = mapped_column(Integer)
    first_ts: Mapped[int] = mapped_column(BigInteger)
    last_ts: Mapped[int] = mapped_column(BigInteger)


class StoreLocation(Base):
    """A store or point of interest, for catchment and geofence targeting."""

    __tablename__ = "store_location"
    __table_args__ = (UniqueConstraint("app_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(120))
    postal_code: Mapped[str | None] = mapped_column(String(16))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
