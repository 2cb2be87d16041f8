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
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, func, select, text

from engage_desktop.core.delivery.daily_window import RuleInputError
from engage_desktop.store.models import Campaign, OutboxMessage, aware_utc

PERIODS = {"day": timedelta(days=1), "week": timedelta(days=7)}
CHANNELS = ("push", "in_app", "sms", "email")
OUTBOX = OutboxMessage.metadata.tables["outbox_message"]
RECENT_ROWS = "outbox_message.state IN ('sent', 'claimed')"  # ix_outbox_profile_recent's WHERE
IN_FLIGHT = datetime(9999, 1, 1, tzinfo=UTC)
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


def _latest_per_campaign(
    conn: Connection, channel: str, campaign_id: int, ids: list[int], since: datetime
) -> list[tuple[int, datetime]]:
    """(profile, latest time) per other non-transactional campaign sent since ``since`` or in
    flight (claimed rows have no ``sent_at`` yet: they count as now)."""
    # one condition, not an OR, which SQLite answered with a scan of every claimed/sent row
    at = func.coalesce(OUTBOX.c.sent_at, IN_FLIGHT)
    found: list[tuple[int, datetime]] = []
    for start in range(0, len(ids), 500):
        query = (
            select(OUTBOX.c.profile_id, func.max(at))
            .join(Campaign, Campaign.id == OUTBOX.c.campaign_id)
            .where(
                OUTBOX.c.profile_id.in_(ids[start : start + 500]),
                # literal, not bound: SQLite uses a partial index only when it can see that
                # the query's condition implies the index's (0.4 s → ~1 ms per 500 people)
                text(RECENT_ROWS),
                at >= since,
                OUTBOX.c.channel == channel,
                OUTBOX.c.campaign_id != campaign_id,
                func.coalesce(Campaign.schedule["transactional"].as_boolean(), False).is_(False),
            )
            .group_by(OUTBOX.c.profile_id, OUTBOX.c.campaign_id)
        )
        # ``max()`` of a date column comes back as text on SQLite
        found.extend((int(pid), aware_utc(latest)) for pid, latest in conn.execute(query))
    return found


def capped_profiles(
    conn: Connection,
    channel: str,
    campaign_id: int,
    profile_ids: Iterable[int],
    now: datetime,
    limits: Mapping[str, int],
) -> set[int]:
    """The profiles that already had their share of ``channel`` in some capped period (one
    query over the longest period; the shorter ones are counted from its rows)."""
    ids = sorted(set(profile_ids))
    if not ids or not limits:
        return set()
    since = {period: now - PERIODS[period] for period in limits}
    counts: dict[str, dict[int, int]] = {period: defaultdict(int) for period in limits}
    for pid, latest in _latest_per_campaign(conn, channel, campaign_id, ids, min(since.values())):
        for period, start in since.items():
            if latest >= start:
                counts[period][pid] += 1
    return {
        pid for period, most in limits.items() for pid, n in counts[period].items() if n >= most
    }
