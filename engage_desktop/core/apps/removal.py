"""Delete everything of one app, table by table, in one transaction.

Why not just ``DELETE FROM app`` and let ON DELETE CASCADE do it: several foreign keys have no
index on their child column (``event.device_id``, ``segment_member.profile_id``,
``outbox_message.profile_id``…), so the database looks for the children of every deleted
profile and device with a scan of the child table: 32 s for an app of 1,400 profiles on SQLite,
hours for a million. Here each table loses the app's rows in one set-based statement, children
first, reached through indexed columns; on SQLite the per-row checks are off for it
(``bulk_connection``), as for imports. Rows of one app never point at another app's profiles,
devices or campaigns (every writer checks the app), so nothing outside the app is touched.
The audit log keeps its entries as they are, app id included: it is append-only and
hash-chained, and its app id is a plain number, not a foreign key (``security.audit``).
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from engage_desktop.core.credentials.app_secrets import secret_rows
from engage_desktop.store.models import (
    App,
    AppCredential,
    ApprovalRule,
    CachedResult,
    Campaign,
    CampaignApproval,
    CampaignVariant,
    Consent,
    CredentialHolder,
    DeliveryAttempt,
    DeliveryRules,
    Device,
    EngagementEvent,
    Event,
    EventDaily,
    EventName,
    MemberRole,
    OutboxMessage,
    Profile,
    Segment,
    SegmentMember,
    StoreLocation,
)


def delete_app_rows(session: Session, app_id: int) -> None:
    """Delete the app and every row of it, children before parents (the caller commits)."""
    campaigns = select(Campaign.id).where(Campaign.app_id == app_id)
    profiles = select(Profile.id).where(Profile.app_id == app_id)
    segments = select(Segment.id).where(Segment.app_id == app_id)
    names = select(EventName.id).where(EventName.app_id == app_id)
    statements = [
        delete(CampaignApproval).where(CampaignApproval.app_id == app_id),
        delete(DeliveryAttempt).where(DeliveryAttempt.campaign_id.in_(campaigns)),
        delete(EngagementEvent).where(EngagementEvent.campaign_id.in_(campaigns)),
        delete(OutboxMessage).where(OutboxMessage.campaign_id.in_(campaigns)),
        delete(CampaignVariant).where(CampaignVariant.campaign_id.in_(campaigns)),
        delete(Campaign).where(Campaign.app_id == app_id),
        delete(SegmentMember).where(SegmentMember.segment_id.in_(segments)),
        delete(Segment).where(Segment.app_id == app_id),
        delete(Event).where(Event.profile_id.in_(profiles)),
        delete(EventDaily).where(EventDaily.profile_id.in_(profiles)),
        delete(Consent).where(Consent.profile_id.in_(profiles)),
        delete(Device).where(Device.app_id == app_id),
        delete(Profile).where(Profile.app_id == app_id),
        delete(EventDaily).where(EventDaily.name_id.in_(names)),
        delete(EventName).where(EventName.app_id == app_id),
        delete(StoreLocation).where(StoreLocation.app_id == app_id),
        delete(CachedResult).where(CachedResult.app_id == app_id),
        delete(MemberRole).where(MemberRole.app_id == app_id),
        delete(ApprovalRule).where(ApprovalRule.app_id == app_id),
        delete(DeliveryRules).where(DeliveryRules.app_id == app_id),
        *secret_rows(app_id),  # its SMS / email accounts: a next app could reuse the id
        delete(CredentialHolder).where(CredentialHolder.app_id == app_id),
        delete(AppCredential).where(AppCredential.app_id == app_id),
        delete(App).where(App.id == app_id),
    ]
    for statement in statements:
        session.execute(statement)
