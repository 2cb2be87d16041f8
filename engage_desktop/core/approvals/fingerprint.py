"""A campaign's content as one hash: an approval is for this content, not for the campaign id.

Computed from the rows themselves (Core selects, so the service's connection and the GUI's
session both work), so an edit made by any path, the GUI, the CLI or a database tool, changes it.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from engage_desktop.store.models import Campaign, CampaignVariant


def content_fingerprint(db: Session | Connection, campaign_id: int) -> str | None:
    """SHA-256 (hex) of what the campaign would send and to whom; None if it does not exist."""
    row = db.execute(
        select(
            Campaign.name,
            Campaign.format,
            Campaign.control_share,
            Campaign.segment_id,
            Campaign.schedule,
            Campaign.analytics_label,
            Campaign.tags,
        ).where(Campaign.id == campaign_id)
    ).first()
    if row is None:
        return None
    variants = db.execute(
        select(CampaignVariant.key, CampaignVariant.weight, CampaignVariant.content)
        .where(CampaignVariant.campaign_id == campaign_id)
        .order_by(CampaignVariant.key)
    ).all()
    document = {
        "name": row[0],
        "format": str(row[1]),
        "control_share": row[2],
        "segment_id": row[3],
        "schedule": row[4],
        "analytics_label": row[5],
        "tags": row[6],
        "variants": [[key, weight, content] for key, weight, content in variants],
    }
    encoded = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()
