"""Frequency caps: at most N messages per person, channel and period (day, week).

A message is a campaign that reached the person (several devices of one person getting the
same campaign count once). Counted at claim time over what was really sent in the period, plus
what is in flight (claimed, not answered yet), so two campaigns running at once cannot both
slip under the cap. Transactional campaigns are neither capped nor counted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select

from engage_desktop.core.delivery.daily_window import RuleInputError
from engage_desktop.store.models import Campaign, OutboxMessage, OutboxState

PERIODS = {"day": timedelta(days=1), "week": timedelta(days=7)}
CHANNELS = ("push", "in_app", "sms", "email")
OUTBOX = OutboxMessage.metadata.tables["outbox_message"]
_ITEM = re.compile(r"^\s*(\d+)\s*/\s*(day|week)\s*$")

Caps = Mapping[str, Mapping[str, int]]  # channel → period → most messages


def parse_caps(text: str) -> dict[str, dict[str, int]]:
    """``"push:2/day,5/week;sms:1/week"`` → ``{"push": {"day": 2, "week": 5}, "sms": {"week": 1}}``."""
    caps: dict[str, dict[str, int]] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        channel, _, limits = part.partition(":")
        channel = channel.strip()
        if channel not in CHANNELS or not limits:
            raise RuleInputError(
                f"caps: {part!r} should read CHANNEL:N/day,N/week with CHANNEL one of "
                f"{', '.join(CHANNELS)}.",
                "caps_bad_channel",
                part,
            )
        for item in limits.split(","):
            match = _ITEM.match(item)
            if match is None or int(match[1]) < 1:
                raise RuleInputError(
                    f"caps: {item.strip()!r} in {part!r} should read N/day or N/week (N ≥ 1).",
                    "caps_bad_limit",
                    item.strip(),
                    part,
                )
            caps.setdefault(channel, {})[match[2]] = int(match[1])
    return caps


def caps_text(caps: Caps) -> str:
    return ";".join(
        f"{ch}:" + ",".join(f"{n}/{p}" for p, n in sorted(limits.items()))
        for ch, limits in sorted(caps.items())
    )


def recent_counts(
    conn: Connection,
    channel: str,
    campaign_id: int,
    profile_ids: Iterable[int],
    since: datetime,
) -> dict[int, int]:
    """Per profile: other non-transactional campaigns sent since ``since`` or in flight now."""
    ids = sorted(set(profile_ids))
    counts: dict[int, int] = defaultdict(int)
    recent = (OUTBOX.c.state == OutboxState.SENT) & (OUTBOX.c.sent_at >= since)
    in_flight = OUTBOX.c.state == OutboxState.CLAIMED
    for start in range(0, len(ids), 500):
        query = (
            select(OUTBOX.c.profile_id, func.count(OUTBOX.c.campaign_id.distinct()))
            .join(Campaign, Campaign.id == OUTBOX.c.campaign_id)
            .where(
                OUTBOX.c.profile_id.in_(ids[start : start + 500]),
                OUTBOX.c.state.in_([OutboxState.SENT, OutboxState.CLAIMED]),
                recent | in_flight,
                OUTBOX.c.channel == channel,
                OUTBOX.c.campaign_id != campaign_id,
                func.coalesce(Campaign.schedule["transactional"].as_boolean(), False).is_(False),
            )
            .group_by(OUTBOX.c.profile_id)
        )
        for profile_id, count in conn.execute(query):
            counts[profile_id] = int(count)
    return counts


def capped_profiles(
    conn: Connection,
    channel: str,
    campaign_id: int,
    profile_ids: Iterable[int],
    now: datetime,
    limits: Mapping[str, int],
) -> set[int]:
    """The profiles that already had their share of ``channel`` in some capped period."""
    ids = list(profile_ids)
    capped: set[int] = set()
    for period, most in limits.items():
        counts = recent_counts(conn, channel, campaign_id, ids, now - PERIODS[period])
        capped.update(pid for pid, n in counts.items() if n >= most)
    return capped
