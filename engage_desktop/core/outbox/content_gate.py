"""No send with content FCM would refuse or a phone would show wrong: checked before anything goes.

``start_send``, test sends, scheduling (``core.campaigns.edit``) and the service when a scheduled
campaign's time comes all ask ``validate_draft``, the composer's own check, so the issue list the
marketer sees is exactly what blocks a send. A scheduled campaign edited into an invalid state
is paused at its time with the reason, and nothing is expanded or sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, update
from sqlalchemy.orm import Session

from engage_desktop.core.campaigns.edit import never_started as never_started
from engage_desktop.core.campaigns.edit import to_draft
from engage_desktop.core.campaigns.lifecycle import move
from engage_desktop.core.campaigns.model import expired_before, validate_draft
from engage_desktop.core.messages import MessageTable
from engage_desktop.core.outbox.errors import SendError
from engage_desktop.store.models import Campaign, CampaignStatus

CONTENT_MESSAGES = MessageTable(
    {
        "content_invalid": "The content cannot be sent ({2} problem(s) in all): {0}: {1}",
        "invalid_at_its_time": (
            "Paused at its scheduled time, nothing was sent ({2} problem(s) in all; fix the "
            "content, then send or schedule it again): {0}: {1}"
        ),
        "unsendable": "Paused, nothing more was sent. The content cannot be sent: {0}",
    }
)


class ContentInvalid(SendError):
    """The campaign's content has issues; ``issues`` lists them all as (field, message).

    Code ``content_invalid``, arguments: the first issue's field path, its English message and
    the number of issues.
    """

    def __init__(self, issues: Sequence[tuple[str, str]]) -> None:
        field, message = issues[0]
        count = str(len(issues))
        text = CONTENT_MESSAGES.english("content_invalid", field, message, count)
        super().__init__(text, "content_invalid", field, message, count)
        self.issues = list(issues)

    def __reduce__(self) -> tuple[type[ContentInvalid], tuple[list[tuple[str, str]]]]:
        return (ContentInvalid, (self.issues,))


def content_issues(
    campaign: Campaign, variant_key: str | None = None, *, first_send: datetime | None = None
) -> list[tuple[str, str]]:
    """The campaign's issues (those of one variant and the campaign's own, when ``variant_key``),
    and, given when the send starts, in-app messages that would have expired by then."""
    draft = to_draft(campaign)
    issues = validate_draft(draft)
    if first_send is not None:
        issues += expired_before(draft, first_send)
    if variant_key is None:
        return issues
    return [(f, m) for f, m in issues if "." not in f or f.startswith(f"{variant_key}.")]


def require_valid_content(
    campaign: Campaign, variant_key: str | None = None, *, first_send: datetime | None = None
) -> None:
    """Raise ``ContentInvalid`` unless the content (or one variant of it) may be sent (from
    ``first_send``, when given)."""
    issues = content_issues(campaign, variant_key, first_send=first_send)
    if issues:
        raise ContentInvalid(issues)


def pause_invalid_at_its_time(session: Session, campaign_id: int, now: datetime) -> str | None:
    """A scheduled campaign whose content became invalid (or an in-app message that expired
    by ``now``): paused with the reason, nothing sent.

    Returns the reason, or None when the campaign is not scheduled any more or its content is
    valid (the caller then starts it).
    """
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or campaign.status != CampaignStatus.SCHEDULED:
        return None
    issues = content_issues(campaign, first_send=now)
    if not issues:
        return None
    field, message = issues[0]
    reason = CONTENT_MESSAGES.english("invalid_at_its_time", field, message, str(len(issues)))
    move(campaign, CampaignStatus.PAUSED)
    campaign.status_reason = reason[:2000]
    return reason


def pause_sending_campaign(conn: Connection, campaign_id: int, reason: str) -> bool:
    """The service found the content unsendable mid-send: pause it with the reason (once)."""
    result = conn.execute(
        update(Campaign)
        .where(Campaign.id == campaign_id, Campaign.status == CampaignStatus.SENDING)
        .values(status=CampaignStatus.PAUSED, status_reason=reason[:2000])
    )
    return bool(result.rowcount)
