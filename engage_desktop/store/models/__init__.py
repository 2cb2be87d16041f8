"""All persistent models. Import from here: ``from engage_desktop.store.models import Campaign``."""

from .approvals import ApprovalRule, ApprovalState, CampaignApproval
from .audience import (
    INDEXED_ATTRIBUTES,
    Channel,
    Consent,
    ConsentState,
    Device,
    Event,
    EventDaily,
    EventName,
    Profile,
    StoreLocation,
    push_ready,
    sql_constant,
)
from .base import Base, UTCDateTime, aware_utc, utcnow
from .changes import CHANGE_AREAS, ChangeStamp
from .channel_accounts import ChannelAccount, ChannelAccountHolder, Provider
from .credentials import AppCredential, CredentialHolder
from .delivery import DeliveryRules
from .imports import ImportChunk, ImportConsent, ImportRun, ImportUpdate
from .messaging import (
    Campaign,
    CampaignFormat,
    CampaignStatus,
    CampaignVariant,
    DeliveryAttempt,
    EngagementEvent,
    EngagementKind,
    OutboxMessage,
    OutboxState,
)
from .operations import AuditChainHead, AuditEntry, ServiceHeartbeat
from .targeting import CachedResult, Segment, SegmentMember
from .workspace import App, Member, MemberRole, Platform, Role, WorkspaceSetting

__all__ = [
    "CHANGE_AREAS",
    "INDEXED_ATTRIBUTES",
    "App",
    "AppCredential",
    "ApprovalRule",
    "ApprovalState",
    "AuditChainHead",
    "AuditEntry",
    "Base",
    "CachedResult",
    "Campaign",
    "CampaignApproval",
    "CampaignFormat",
    "CampaignStatus",
    "CampaignVariant",
    "ChangeStamp",
    "Channel",
    "ChannelAccount",
    "ChannelAccountHolder",
    "Consent",
    "ConsentState",
    "CredentialHolder",
    "DeliveryAttempt",
    "DeliveryRules",
    "Device",
    "EngagementEvent",
    "EngagementKind",
    "Event",
    "EventDaily",
    "EventName",
    "ImportChunk",
    "ImportConsent",
    "ImportRun",
    "ImportUpdate",
    "Member",
    "MemberRole",
    "OutboxMessage",
    "OutboxState",
    "Platform",
    "Profile",
    "Provider",
    "Role",
    "Segment",
    "SegmentMember",
    "ServiceHeartbeat",
    "StoreLocation",
    "UTCDateTime",
    "WorkspaceSetting",
    "aware_utc",
    "push_ready",
    "sql_constant",
    "utcnow",
]
