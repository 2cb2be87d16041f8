"""One campaign's results per A/B variant: the funnel, conversions, and the control group.

Funnel stages count messages (outbox rows; a profile with two phones gets two):

    targeted → suppressed (by reason) → sent → failed → received → opened → opted out

``received``, ``opened`` and ``opted out`` are distinct messages with that engagement (rows
attributed by label only, without a message id, count once each). Conversions count people:
``recipients`` are the profiles sent at least one message of the variant, ``converted`` those
whose conversion event fell in their attribution window (``conversion.py``). The control group
(profiles held back, suppressed with reason ``control_group``) is measured the same way, so each
variant's uplift against it can be tested (``stats.uplift``). A campaign without a control group
but with several variants (the usual A/B test) compares each variant with the first one that
reached anybody (``reference``, normally A), with the same test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, distinct, func, select
from sqlalchemy.orm import Session

from engage_desktop.core.analytics.conversion import (
    ConversionGoal,
    converted_profiles,
    recipients,
)
from engage_desktop.core.analytics.stats import Uplift, uplift
from engage_desktop.store.models import (
    Campaign,
    EngagementEvent,
    EngagementKind,
    OutboxMessage,
    OutboxState,
)

PENDING = (OutboxState.QUEUED, OutboxState.CLAIMED, OutboxState.RETRY)
ENGAGEMENT_STAGES = {
    EngagementKind.DELIVERED: "received",
    EngagementKind.OPENED: "opened",
    EngagementKind.OPTED_OUT: "opted_out",
}


class CampaignNotFound(LookupError):
    """No campaign with that id (or not in the app the caller asked about)."""


@dataclass(frozen=True)
class VariantFunnel:
    """One variant's funnel (messages) and conversions (people)."""

    key: str
    targeted: int
    suppressed: dict[str, int]
    sent: int
    failed: int
    pending: int
    received: int
    opened: int
    opted_out: int
    recipients: int
    converted: int

    @property
    def conversion_rate(self) -> float | None:
        return self.converted / self.recipients if self.recipients else None

    @property
    def open_rate(self) -> float | None:
        return self.opened / self.sent if self.sent else None


@dataclass(frozen=True)
class CampaignResults:
    """A campaign's variants, its control group, and each variant's uplift against control."""

    campaign_id: int
    app_id: int
    name: str
    format: str
    status: str
    started_at: str | None  # ISO 8601, UTC
    goal: ConversionGoal
    variants: list[VariantFunnel]
    control_recipients: int
    control_converted: int

    @property
    def has_control(self) -> bool:
        return self.control_recipients > 0

    @property
    def reference(self) -> VariantFunnel | None:
        """The variant the others are compared with when there is no control group: the first
        one sent to anybody, when at least one other was too. None with a control group."""
        if self.has_control:
            return None
        reached = [v for v in self.variants if v.recipients > 0]
        return reached[0] if len(reached) >= 2 else None

    def compared(self, variants: list[VariantFunnel]) -> list[VariantFunnel]:
        """Those of ``variants`` that get a verdict: all of them against the control group,
        all but the reference against it, none when there is nothing to compare with."""
        if self.has_control:
            return variants
        reference = self.reference
        if reference is None:
            return []
        return [v for v in variants if v.key != reference.key]

    @property
    def has_data(self) -> bool:
        return any(v.targeted for v in self.variants)

    def uplift(self, variant: VariantFunnel) -> Uplift:
        """``variant`` against the control group, else against the reference variant (its
        ``control_*`` fields then hold the reference's counts)."""
        reference = self.reference
        if reference is not None:
            return uplift(
                variant.converted, variant.recipients, reference.converted, reference.recipients
            )
        return uplift(
            variant.converted, variant.recipients, self.control_converted, self.control_recipients
        )


def campaign_app(session: Session, campaign_id: int) -> int:
    """The app a campaign belongs to, or ``CampaignNotFound``."""
    app_id = session.scalar(select(Campaign.app_id).where(Campaign.id == campaign_id))
    if app_id is None:
        raise CampaignNotFound(f"No campaign with id {campaign_id}.")
    return int(app_id)


def compute_payload(session: Session, campaign_id: int, goal: ConversionGoal) -> dict[str, Any]:
    """The campaign's results as plain JSON (what the cache stores)."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise CampaignNotFound(f"No campaign with id {campaign_id}.")
    stages = _outbox_stages(session, campaign_id)
    _add_engagement(session, campaign_id, stages)
    people = recipients(session, campaign_id)
    converted = converted_profiles(session, campaign.app_id, campaign_id, goal, people)
    control = [0, 0]
    for person in people:
        won = int(person.profile_id in converted)
        if person.variant is None:
            control[0] += 1
            control[1] += won
            continue
        row = stages.get(person.variant) or stages.setdefault(
            person.variant, _empty(person.variant)
        )
        row["recipients"] += 1
        row["converted"] += won
    for key in (v.key for v in campaign.variants):
        stages.setdefault(key, _empty(key))
    return {
        "campaign_id": campaign.id,
        "app_id": campaign.app_id,
        "name": campaign.name,
        "format": campaign.format.value,
        "status": campaign.status.value,
        "started_at": campaign.started_at.isoformat() if campaign.started_at else None,
        "goal": {"event": goal.event, "window_days": goal.window_days},
        "variants": [stages[k] for k in sorted(stages)],
        "control": {"recipients": control[0], "converted": control[1]},
    }


def from_payload(payload: dict[str, Any]) -> CampaignResults:
    return CampaignResults(
        campaign_id=payload["campaign_id"],
        app_id=payload["app_id"],
        name=payload["name"],
        format=payload["format"],
        status=payload["status"],
        started_at=payload["started_at"],
        goal=ConversionGoal(**payload["goal"]),
        variants=[VariantFunnel(**v) for v in payload["variants"]],
        control_recipients=payload["control"]["recipients"],
        control_converted=payload["control"]["converted"],
    )


def _empty(key: str) -> dict[str, Any]:
    return {
        "key": key,
        "targeted": 0,
        "suppressed": {},
        "sent": 0,
        "failed": 0,
        "pending": 0,
        "received": 0,
        "opened": 0,
        "opted_out": 0,
        "recipients": 0,
        "converted": 0,
    }


def _outbox_stages(session: Session, campaign_id: int) -> dict[str, dict[str, Any]]:
    o = OutboxMessage
    rows = session.execute(
        select(o.variant_key, o.state, o.suppression_reason, func.count())
        .where(o.campaign_id == campaign_id)
        .group_by(o.variant_key, o.state, o.suppression_reason)
    )
    stages: dict[str, dict[str, Any]] = {}
    for variant, state, reason, count in rows:
        row = stages.setdefault(variant or "", _empty(variant or ""))
        n = int(count)
        row["targeted"] += n
        if state == OutboxState.SUPPRESSED:
            reason_key = reason or "unknown"
            row["suppressed"][reason_key] = row["suppressed"].get(reason_key, 0) + n
        elif state == OutboxState.SENT:
            row["sent"] += n
        elif state == OutboxState.FAILED:
            row["failed"] += n
        elif state in PENDING:
            row["pending"] += n
    return stages


def _add_engagement(session: Session, campaign_id: int, stages: dict[str, dict[str, Any]]) -> None:
    g = EngagementEvent
    message = func.coalesce(g.message_id, "row:" + cast(g.id, String))
    rows = session.execute(
        select(g.variant_key, g.kind, func.count(distinct(message)))
        .where(
            g.campaign_id == campaign_id,
            g.is_control.is_(False),
            g.kind.in_(list(ENGAGEMENT_STAGES)),
        )
        .group_by(g.variant_key, g.kind)
    )
    for variant, kind, count in rows:
        row = stages.setdefault(variant or "", _empty(variant or ""))
        row[ENGAGEMENT_STAGES[EngagementKind(kind)]] += int(count)
