"""Campaign editing use cases: create, update, read, list and export campaigns and variants."""

from engage_desktop.core.campaigns.model import (
    CampaignDraft,
    CampaignError,
    CampaignInvalid,
    CampaignNotFound,
    CampaignSummary,
    CampaignView,
    VariantDraft,
    validate_campaign,
)
from engage_desktop.core.campaigns.service import (
    create_campaign,
    export_campaign,
    get_campaign,
    list_campaigns,
    update_campaign,
)

__all__ = [
    "CampaignDraft",
    "CampaignError",
    "CampaignInvalid",
    "CampaignNotFound",
    "CampaignSummary",
    "CampaignView",
    "VariantDraft",
    "create_campaign",
    "export_campaign",
    "get_campaign",
    "list_campaigns",
    "update_campaign",
    "validate_campaign",
]
