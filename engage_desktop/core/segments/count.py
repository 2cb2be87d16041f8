"""How many profiles a rule selects, and how many of them each channel can reach.

Reach is a few correlated EXISTS probes per matching profile, each answered from an index
(consent key with state, push-ready devices): the cost follows the segment's size, where IN
lists would first gather every granted profile and device of the workspace (about a second on
1 M profiles, however small the segment). LEFT JOINs on consent measured the same on SQLite and
gave PostgreSQL without statistics nested-loop plans 100x slower. Profiles found through a
range index come in scattered id order and are sorted first (``_scattered``). For a whole app,
``app_reach`` counts each channel from its consent list instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal_column, select
from sqlalchemy.orm import Session

from engage_desktop.store.models import Consent, Device, Profile, push_ready, sql_constant
from engage_desktop.store.visibility import app_profiles, published_profiles

from .compiler import Compiler
from .rules import DATE_COLUMNS, Attribute, Group, Lifecycle, Location, Not, Rule

REACH_CHANNELS = ("push", "sms", "email")


@dataclass(frozen=True)
class SegmentCount:
    profiles: int
    reachable: dict[str, int]  # "push" / "sms" / "email" → profiles


def _granted(channel: str) -> ColumnElement[bool]:
    # Selecting the key (not *) lets SQLite answer from the consent index alone.
    return (
        select(Consent.profile_id)
        .where(
            Consent.profile_id == Profile.id,
            Consent.channel == sql_constant(channel),
            Consent.state == sql_constant("granted"),
        )
        .exists()
    )


def _push_device() -> ColumnElement[bool]:
    # Probes the partial index of push-ready devices (same terms, so SQLite can use it).
    return select(Device.profile_id).where(Device.profile_id == Profile.id, *push_ready()).exists()


def reach_conditions() -> dict[str, ColumnElement[bool]]:
    """Per channel: the condition that makes a profile reachable on it.

    Consent comes first: it is answered from an index, and SQLite reads the profile row (for
    the phone or email) only for profiles that passed it.
    """
    return {
        "push": and_(_granted("push"), _push_device()),
        "sms": and_(_granted("sms"), Profile.phone.is_not(None), Profile.phone != sql_constant("")),
        "email": and_(
            _granted("email"), Profile.email.is_not(None), Profile.email != sql_constant("")
        ),
    }


def count_segment(session: Session, app_id: int, rule: Rule, now: datetime) -> SegmentCount:
    """Profiles matching ``rule`` in ``app_id`` at ``now``, and their reach per channel."""
    match = Compiler(session, app_id, now).condition(rule)
    if _scattered(rule):
        # Range rules (a radius, dates) yield profiles in index order, scattered over the ids:
        # sorting them first makes the reach lookups walk the indexes in order (measured 2x
        # faster on a 10 km geofence of 144,000 profiles; 10% slower where ids come sorted).
        dialect = session.get_bind().dialect.name
        match = Profile.id.in_(select(Profile.id).where(app_profiles(dialect, app_id), match))
    return count_matching(session, app_id, match)


def count_profiles(session: Session, app_id: int, rule: Rule, now: datetime) -> int:
    """Only how many profiles match: several times cheaper than with the reach on big segments,
    so a live count can show this first and the reach when it comes."""
    ids = Compiler(session, app_id, now).select_ids(rule).subquery()
    return int(session.scalar(select(func.count()).select_from(ids)) or 0)


def _scattered(rule: Rule) -> bool:
    """Whether the rule may be answered from a range index, so not in profile-id order."""
    if isinstance(rule, Group):
        return any(_scattered(c) for c in rule.children)
    if isinstance(rule, Not):
        return _scattered(rule.child)
    if isinstance(rule, Location):
        return rule.radius_km is not None
    if isinstance(rule, Attribute):
        return rule.field in DATE_COLUMNS and rule.op != "is_set"
    return isinstance(rule, Lifecycle)


def count_matching(session: Session, app_id: int, match: ColumnElement[bool]) -> SegmentCount:
    """Profiles of ``app_id`` where ``match`` holds (``true()`` for all), with reach per channel.

    One query: the rule is evaluated once and the channels are summed over its rows.
    """
    reach = reach_conditions()
    columns = [func.count()] + [
        func.coalesce(func.sum(case((cond, 1), else_=0)), 0) for cond in reach.values()
    ]
    in_app = app_profiles(session.get_bind().dialect.name, app_id)
    row = session.execute(select(*columns).where(in_app, match)).one()
    return SegmentCount(int(row[0]), {ch: int(v) for ch, v in zip(reach, row[1:], strict=True)})


def app_reach(session: Session, app_id: int) -> dict[str, int]:
    """Reach per channel of a whole app: one count per channel, led by its granted consents.

    Same definitions as ``reach_conditions``; about five times faster than summing over every
    profile when the segment is the whole app.
    """
    # length(x) > 0 means "set and not empty", spelled so that SQLite does not walk the
    # (app, email) index instead of the consent list (measured 4x slower).
    extra = {
        "push": _push_device(),
        "sms": func.length(Profile.phone) > 0,
        "email": func.length(Profile.email) > 0,
    }
    # On SQLite, "+ 0" keeps the planner from scanning a profile index of the whole app and
    # probing consent 700,000 times: the consent list leads, each profile is checked once.
    app: Any = Profile.app_id
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        app = Profile.app_id + literal_column("0")
    counts: dict[str, int] = {}
    for channel in REACH_CHANNELS:
        q = (
            select(func.count())
            .select_from(Profile)
            .join(
                Consent,
                and_(
                    Consent.profile_id == Profile.id,
                    Consent.channel == sql_constant(channel),
                    Consent.state == sql_constant("granted"),
                ),
            )
            .where(app == app_id, published_profiles(dialect), extra[channel])
        )
        counts[channel] = int(session.scalar(q) or 0)
    return counts
