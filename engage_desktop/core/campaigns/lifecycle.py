"""A campaign's life: which status may follow which, and what each status allows.

    draft ─▶ scheduled ─▶ sending ─▶ completed
      │          │  ▲        │ ▲         │
      │          ▼  │        ▼ │         └─▶ sending (its failed messages retried)
      └─────────▶ paused ◀───┘ │
                    └──────────┘      scheduled, sending, paused ─▶ cancelled

Every write of ``Campaign.status`` through the ORM goes through ``move``, which refuses a
transition the table does not hold with ``IllegalTransition`` naming both ends. The service's
bulk updates (completion, pauses for outages) filter on their source status in SQL, and their
pairs are in the table too (tests check it). Archiving is not a status: a finished campaign
keeps "completed" or "cancelled" and gets an ``archived_at`` time, which hides it from the
default list.
"""

from __future__ import annotations

from collections.abc import Mapping

from engage_desktop.core.messages import CodedError
from engage_desktop.store.models import Campaign, CampaignStatus

S = CampaignStatus

TRANSITIONS: Mapping[CampaignStatus, frozenset[CampaignStatus]] = {
    S.DRAFT: frozenset({S.SCHEDULED, S.SENDING}),
    # Scheduled again (a new time), started at its time, paused when its content turned
    # invalid, or cancelled before it fired.
    S.SCHEDULED: frozenset({S.SCHEDULED, S.SENDING, S.PAUSED, S.CANCELLED}),
    S.SENDING: frozenset({S.PAUSED, S.COMPLETED, S.CANCELLED}),
    # Resumed; a campaign paused before anything was queued may also be scheduled again.
    S.PAUSED: frozenset({S.SENDING, S.SCHEDULED, S.CANCELLED}),
    S.COMPLETED: frozenset({S.SENDING}),  # "Retry failed" sends its failed messages again
    S.CANCELLED: frozenset(),
}

FINISHED = frozenset({S.COMPLETED, S.CANCELLED})
"""Statuses a campaign can be archived from: nothing of it is waiting to be sent."""


class IllegalTransition(CodedError, ValueError):
    """A status change the lifecycle forbids; code ``illegal_transition`` (from, to)."""

    def __init__(self, campaign_id: int | None, current: CampaignStatus, new: CampaignStatus):
        super().__init__(
            f"Campaign {campaign_id} cannot go from {current.value} to {new.value}.",
            "illegal_transition",
            current.value,
            new.value,
        )
        self.current = current
        self.new = new


def allowed(current: CampaignStatus, new: CampaignStatus) -> bool:
    return new in TRANSITIONS[current]


def check_transition(campaign: Campaign, new: CampaignStatus) -> None:
    """Raise ``IllegalTransition`` unless ``campaign`` may move to ``new``; a paused campaign
    goes back to scheduled only if it never started (nothing of it was queued)."""
    current = campaign.status
    if not allowed(current, new) or (
        current == S.PAUSED and new == S.SCHEDULED and campaign.started_at is not None
    ):
        raise IllegalTransition(campaign.id, current, new)


def move(campaign: Campaign, new: CampaignStatus) -> None:
    """Set the status after checking the transition (the caller's transaction writes it)."""
    check_transition(campaign, new)
    campaign.status = new


def is_editable(campaign: Campaign) -> bool:
    """Content may change while nothing of the campaign was queued: drafts, scheduled
    campaigns, and campaigns paused at their time before any row was written."""
    if campaign.status in (S.DRAFT, S.SCHEDULED):
        return True
    return campaign.status == S.PAUSED and campaign.started_at is None


def status_is_editable(status: str, started: bool) -> bool:
    """``is_editable`` for a plain draft value (the composer knows the status as text)."""
    return status in (S.DRAFT.value, S.SCHEDULED.value) or (
        status == S.PAUSED.value and not started
    )
