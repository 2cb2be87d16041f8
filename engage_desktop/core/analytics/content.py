"""What a campaign said, per variant, for the report's content page.

The report is read away from the workstation, so it shows each variant's content as written
(Liquid placeholders included): the texts a recipient reads, the image and the link it opens,
in the order a phone or a mail client shows them. Every format's content is a JSON document
with its own keys (``core.content``); the known ones are read in ``FIELDS`` order, so one
reading covers push, in-app, rich push, SMS and email. Email and rich-push HTML becomes its
readable text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from engage_desktop.core.content.email_message import html_to_text
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import Campaign, CampaignVariant

# The content keys a reader sees, in the order they are shown.
FIELDS = (
    "subject",
    "preheader",
    "title",
    "subtitle",
    "header",
    "body",
    "text",
    "html",
    "page_url",
    "image_url",
    "deep_link",
    "actions",
    "buttons",
)
LONGEST = 600  # characters of one field on the page; the rest is cut with an ellipsis


@dataclass(frozen=True)
class VariantContent:
    """One variant's readable fields: (key from ``FIELDS``, text), empty ones left out."""

    key: str
    fields: tuple[tuple[str, str], ...]


def campaign_content(ws: Workspace, campaign_id: int) -> list[VariantContent]:
    """Each variant's content, in variant order (the campaign's app needs ``VIEW_ANALYTICS``)."""
    with ws.session() as session:
        app_id = session.scalar(select(Campaign.app_id).where(Campaign.id == campaign_id))
        if app_id is None:
            return []
        require(session, ws.member_id, int(app_id), Permission.VIEW_ANALYTICS)
        rows = session.execute(
            select(CampaignVariant.key, CampaignVariant.content)
            .where(CampaignVariant.campaign_id == campaign_id)
            .order_by(CampaignVariant.key)
        )
        return [VariantContent(str(key), readable_fields(content or {})) for key, content in rows]


def readable_fields(content: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The content's known keys as text, in ``FIELDS`` order."""
    found: list[tuple[str, str]] = []
    for key in FIELDS:
        text = _as_text(key, content.get(key))
        if text:
            found.append((key, text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"))
    return tuple(found)


def _as_text(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "html":
        return html_to_text(str(value))
    if isinstance(value, list):  # push actions ("title") and in-app buttons ("label")
        labels = [
            str(item.get("title") or item.get("label") or "")
            for item in value
            if isinstance(item, dict)
        ]
        return " · ".join(label for label in labels if label)
    return str(value).strip()
