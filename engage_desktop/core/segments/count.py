"""How many profiles a rule selects, and how many of them each channel can reach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, exists, func, literal_column, select
from sqlalchemy.orm import Session

from engage_desktop.store.models import Consent, Device, Profile

from .compiler import compile_segment
from .rules import Rule


@dataclass(frozen=True)
class SegmentCount:
    profiles: int
    reachable: dict[str, int]  # "push" / "sms" / "email" → profiles


def _granted(channel: str) -> object:
    return exists(
        select(literal_column("1"))
        .select_from(Consent)
        .where(
            Consent.profile_id == Profile.id,
            Consent.channel == channel,
            Consent.state == "granted",
        )
    )


def _push_device() -> object:
    return exists(
        select(literal_column("1"))
        .select_from(Device)
        .where(
            Device.profile_id == Profile.id,
            Device.push_enabled.is_(True),
            Device.fcm_token.is_not(None),
            Device.fcm_token != "",
            Device.token_invalidated_at.is_(None),
        )
    )


def reach_conditions() -> dict[str, object]:
    """Per channel: the condition that makes a profile reachable on it."""
    return {
        "push": and_(_push_device(), _granted("push")),  # type: ignore[arg-type]
        "sms": and_(Profile.phone.is_not(None), Profile.phone != "", _granted("sms")),  # type: ignore[arg-type]
        "email": and_(Profile.email.is_not(None), Profile.email != "", _granted("email")),  # type: ignore[arg-type]
    }


def count_segment(session: Session, app_id: int, rule: Rule, now: datetime) -> SegmentCount:
    """Profiles matching ``rule`` in ``app_id`` at ``now``, and their reach per channel."""
    ids: Select[int] = compile_segment(session, app_id, rule, now)
    members = ids.subquery()
    total = session.scalar(select(func.count()).select_from(members)) or 0
    reachable: dict[str, int] = {}
    for channel, cond in reach_conditions().items():
        q = select(func.count()).where(Profile.id.in_(select(members.c.id)), cond)  # type: ignore[arg-type]
        reachable[channel] = session.scalar(q) or 0
    return SegmentCount(total, reachable)
