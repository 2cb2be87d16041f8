"""What the composer reads when it opens, on a worker thread, in one session.

The app's segments (for the picker), the stored campaign (if one is opened), the From /
Reply-To an email gets by default (the app's SMTP account, ``core.campaigns.senders``) and the
app's event names (for the in-app trigger).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.campaigns.edit import get_draft
from engage_desktop.core.campaigns.model import CampaignDraft
from engage_desktop.core.campaigns.senders import DefaultSender, default_sender
from engage_desktop.core.segments.catalog import event_names
from engage_desktop.core.sorting import name_key
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Segment


@dataclass(frozen=True)
class Opened:
    segments: list[tuple[int, str]] = field(default_factory=list)
    draft: CampaignDraft | None = None
    sender: DefaultSender = field(default_factory=DefaultSender)
    events: list[str] = field(default_factory=list)


def read_for_composer(ws: Workspace, app_id: int | None, campaign_id: int | None) -> Opened:
    """Everything the composer shows besides what is typed (runs off the GUI thread)."""
    with ws.session_factory() as session:
        draft = get_draft(session, ws.member_id, campaign_id) if campaign_id is not None else None
        if app_id is None:
            return Opened(draft=draft)
        return Opened(
            _segment_choices(session, app_id),
            draft,
            default_sender(session, ws.member_id, app_id),
            event_names(session, app_id),
        )


def _segment_choices(session: Session, app_id: int) -> list[tuple[int, str]]:
    """The app's segments as the Segments tab lists them (accents and case ignored)."""
    rows = session.execute(select(Segment.id, Segment.name).where(Segment.app_id == app_id))
    return sorted(((int(i), str(n)) for i, n in rows), key=lambda row: name_key(row[1]))
