"""Find an app's devices and mark the ones that receive test sends ("Send to test devices").

A marketer finds their own phone by their profile (email, name, external id), the device's
installation id or the start of its push token, then marks it as a test device with a label
("Camille's Pixel 8"). Only the token's last characters are ever shown: it addresses one phone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from engage_desktop.core.messages import CodedError
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import Device, Profile

LABEL_LIMIT = 120
TOKEN_TAIL = 6


class DeviceError(CodedError):
    """A device that cannot be found or changed; the message says which and why."""


@dataclass(frozen=True)
class DeviceRow:
    id: int
    platform: str
    model: str | None
    app_version: str | None
    token_tail: str | None  # the token's last characters, never the whole token
    push_enabled: bool
    token_invalidated: bool
    is_test: bool
    label: str | None
    profile_external_id: str | None
    profile_name: str | None
    last_seen_at: datetime | None


def find_devices(
    session: Session,
    member_id: int,
    app_id: int,
    text: str = "",
    *,
    test_only: bool = False,
    limit: int = 200,
) -> list[DeviceRow]:
    """The app's devices whose owner, installation id, label or token start matches ``text``."""
    require(session, member_id, app_id, Permission.VIEW_AUDIENCE)
    query = (
        select(Device, Profile.external_id, Profile.first_name, Profile.last_name)
        .outerjoin(Profile, Profile.id == Device.profile_id)
        .where(Device.app_id == app_id)
    )
    if test_only:
        query = query.where(Device.is_test.is_(True))
    text = text.strip()
    if text:
        columns = (
            Profile.email,
            Profile.external_id,
            Profile.first_name,
            Profile.last_name,
            Device.installation_id,
            Device.label,
        )
        query = query.where(
            or_(
                *(column.icontains(text, autoescape=True) for column in columns),
                Device.fcm_token.startswith(text, autoescape=True),
            )
        )
    rows = session.execute(query.order_by(Device.is_test.desc(), Device.id).limit(limit))
    return [_row(device, ext, first, last) for device, ext, first, last in rows]


def set_test_device(
    ws: Workspace, app_id: int, device_id: int, on: bool, label: str | None = None
) -> DeviceRow:
    """Mark (or unmark) a device of the app for test sends; an admin or marketer may do it."""
    label = (label or "").strip() or None
    if label is not None and len(label) > LABEL_LIMIT:
        raise DeviceError(
            f"A device label has at most {LABEL_LIMIT} characters.",
            "label_too_long",
            str(LABEL_LIMIT),
        )
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.EDIT_CAMPAIGNS)
        device = session.get(Device, device_id)
        if device is None or device.app_id != app_id:
            raise DeviceError(
                f"Device {device_id} does not exist in this app.",
                "device_not_found",
                str(device_id),
            )
        device.is_test = on
        if label is not None:
            device.label = label
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="device.test_on" if on else "device.test_off",
            target=f"device:{device_id}",
            details={"label": device.label},
        )
        session.flush()
        profile = session.get(Profile, device.profile_id) if device.profile_id else None
        return _row(
            device,
            profile.external_id if profile else None,
            profile.first_name if profile else None,
            profile.last_name if profile else None,
        )


def _row(device: Device, external_id: str | None, first: str | None, last: str | None) -> DeviceRow:
    name = " ".join(part for part in (first, last) if part) or None
    token = device.fcm_token
    return DeviceRow(
        id=device.id,
        platform=device.platform,
        model=device.model,
        app_version=device.app_version,
        token_tail=f"…{token[-TOKEN_TAIL:]}" if token else None,
        push_enabled=device.push_enabled,
        token_invalidated=device.token_invalidated_at is not None,
        is_test=device.is_test,
        label=device.label,
        profile_external_id=external_id,
        profile_name=name,
        last_seen_at=device.last_seen_at,
    )
