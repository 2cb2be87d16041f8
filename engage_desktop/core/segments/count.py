"""How many profiles a rule selects, and how many of them each channel can reach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from engage_desktop.store.models import Consent, Device, Profile

from .compiler import Compiler
from .rules import Rule


@dataclass(frozen=True)
class SegmentCount:
    profiles: int
    reachable: dict[str, int]  # "push" / "sms" / "email" → profiles


def _granted(channel: str) -> ColumnElement[bool]:
    return Profile.id.in_(
        select(Consent.profile_id).where(Consent.channel == channel, Consent.state == "granted")
    )


def _push_device() -> ColumnElement[bool]:
    return Profile.id.in_(
        select(Device.profile_id).where(
            Device.profile_id.is_not(None),
            Device.push_enabled.is_(True),
            Device.fcm_token.is_not(None),
            Device.fcm_token != "",
            Device.token_invalidated_at.is_(None),
        )
    )


def reach_conditions() -> dict[str, ColumnElement[bool]]:
    """Per channel: the condition that makes a profile reachable on it."""
    return {
        "push": and_(_push_device(), _granted("push")),
        "sms": and_(Profile.phone.is_not(None), Profile.phone != "", _granted("sms")),
        "email": and_(Profile.email.is_not(None), Profile.email != "", _granted("email")),
    }


def count_segment(session: Session, app_id: int, rule: Rule, now: datetime) -> SegmentCount:
    """Profiles matching ``rule`` in ``app_id`` at ``now``, and their reach per channel.

    One query: the rule is evaluated once and the channels are summed over its rows.
    """
    return count_matching(session, app_id, Compiler(session, app_id, now).condition(rule))


def count_matching(session: Session, app_id: int, match: ColumnElement[bool]) -> SegmentCount:
    """Profiles of ``app_id`` where ``match`` holds (``true()`` for all), with reach per channel."""
    reach = reach_conditions()
    columns = [func.count()] + [
        func.coalesce(func.sum(case((cond, 1), else_=0)), 0) for cond in reach.values()
    ]
    row = session.execute(select(*columns).where(Profile.app_id == app_id, match)).one()
    return SegmentCount(int(row[0]), {ch: int(v) for ch, v in zip(reach, row[1:], strict=True)})
