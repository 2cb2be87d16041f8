"""Workspace-wide settings, the apps (Firebase projects) it holds, and who may do what per app."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, JSONDoc, str_enum, utcnow

DEFAULT_TIME_ZONE = "Europe/Paris"


class Role(enum.StrEnum):
    """A member's role on one app. Permissions derive from it in ``security.roles``."""

    ADMIN = "admin"
    MARKETER = "marketer"
    ANALYST = "analyst"


class Platform(enum.StrEnum):
    IOS = "ios"
    ANDROID = "android"
    WEB = "web"


class WorkspaceSetting(Base):
    """One typed setting, stored as a JSON value under a dotted key (see ``core.settings``)."""

    __tablename__ = "workspace_setting"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONDoc)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class App(Base):
    """A mobile app of the workspace, i.e. one Firebase project; every permission is per app."""

    __tablename__ = "app"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    firebase_project_id: Mapped[str] = mapped_column(String(120))
    # Comma-free JSON list of Platform values, e.g. ["ios", "android"].
    platforms: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    # Use the local sandbox instead of Google (the demo workspace's default). Its service-account
    # key is in the OS keyring; ``AppCredential`` has its reference and fingerprint.
    use_sandbox: Mapped[bool] = mapped_column(default=False)
    # The app's identities in its Firebase project, checked by ``core.apps`` (migration 0007).
    android_packages: Mapped[list[str]] = mapped_column(
        JSONDoc, default=list, server_default=text("'[]'")
    )
    ios_bundle_ids: Mapped[list[str]] = mapped_column(
        JSONDoc, default=list, server_default=text("'[]'")
    )
    # The icon the phone preview draws: a square PNG made by ``core.app_icon`` (a few KB).
    icon_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    # IANA name; the app's audience lives there (the demo apps are French).
    time_zone: Mapped[str] = mapped_column(
        String(64), default=DEFAULT_TIME_ZONE, server_default=DEFAULT_TIME_ZONE
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    roles: Mapped[list[MemberRole]] = relationship(
        back_populates="app", cascade="all, delete-orphan"
    )


class Member(Base):
    """A person of the team. Identity comes from the OS account name for now."""

    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(120), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    roles: Mapped[list[MemberRole]] = relationship(
        back_populates="member", cascade="all, delete-orphan"
    )


class MemberRole(Base):
    __tablename__ = "member_role"
    __table_args__ = (UniqueConstraint("member_id", "app_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(str_enum(Role, 20))
    # The approver right, on top of any role: may approve sends on this app (migration 0007).
    approver: Mapped[bool] = mapped_column(default=False, server_default=false())

    member: Mapped[Member] = relationship(back_populates="roles")
    app: Mapped[App] = relationship(back_populates="roles")
