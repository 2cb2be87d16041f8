"""Invalid content is refused before anything is queued: send, test send, schedule, and the
service's check when a scheduled campaign's time comes (issue 14, item 2)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from engage_desktop.core.campaigns.edit import get_draft, save_draft, schedule_campaign
from engage_desktop.core.campaigns.model import CampaignDraft, CampaignInputError, Variant
from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import SendError, start_send
from engage_desktop.core.outbox.trial import queue_test_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    Campaign,
    CampaignFormat,
    CampaignStatus,
    Device,
    OutboxMessage,
)
from tests.support.sending import seed_app, seed_campaign

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # when the service looks at its scheduled campaigns
GOOD = {"title": "Soldes d'hiver", "body": "Jusqu'à -50 % ce week-end"}
FOUR_BUTTONS = [{"id": f"b{i}", "title": f"Bouton {i}"} for i in range(4)]
INVALID: dict[str, tuple[dict[str, Any], str, str]] = {
    "empty notification": ({"title": "", "body": " "}, "A.body", "push_empty"),
    "http image": (
        {**GOOD, "image_url": "http://cdn.example.com/a.jpg"},
        "A.image_url",
        "image_not_https",
    ),
    "four buttons": ({**GOOD, "actions": FOUR_BUTTONS}, "A.actions", "too_many_actions"),
    "unclosed Liquid": ({**GOOD, "body": "Bonjour {{ first_name"}, "A.body", "template_"),
    "reserved data key": (
        {**GOOD, "data": {"google.c.a.e": "1"}},
        "A.data.google.c.a.e",
        "reserved_data_key",
    ),
    "over 4096 bytes": ({**GOOD, "data": {"blob": "x" * 4100}}, "A.body", "payload_too_big"),
}


def _outbox_rows(ws: Workspace) -> int:
    with ws.session() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxMessage)) or 0)


def _status(ws: Workspace, campaign_id: int) -> tuple[CampaignStatus, str | None]:
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        return campaign.status, campaign.status_reason


@pytest.mark.parametrize("case", list(INVALID))
def test_start_send_refuses_invalid_content_naming_the_field(
    case: str, make_workspace: Callable[..., Workspace]
) -> None:
    content, field, code = INVALID[case]
    ws = make_workspace()
    app_id = seed_app(ws, 5)
    campaign_id = seed_campaign(ws, app_id, content)
    with pytest.raises(SendError) as raised:
        start_send(ws, campaign_id)
    error = raised.value
    assert error.code == "content_invalid"
    assert error.args_text[0] == field and field in str(error)
    assert getattr(error.issues[0][1], "code", "").startswith(code)  # type: ignore[attr-defined]
    assert _outbox_rows(ws) == 0
    assert _status(ws, campaign_id) == (CampaignStatus.DRAFT, None)


@pytest.mark.parametrize("case", ["http image", "reserved data key"])
def test_a_test_send_of_invalid_content_is_refused(
    case: str, make_workspace: Callable[..., Workspace]
) -> None:
    content, field, _code = INVALID[case]
    ws = make_workspace()
    app_id = seed_app(ws, 3)
    with ws.session() as s:
        s.execute(Device.__table__.update().values(is_test=True))
    campaign_id = seed_campaign(ws, app_id, content)
    with pytest.raises(SendError, match=field.replace(".", r"\.")) as raised:
        queue_test_send(ws, campaign_id)
    assert raised.value.code == "content_invalid"
    assert _outbox_rows(ws) == 0


@pytest.mark.parametrize("case", ["four buttons", "reserved data key"])
def test_scheduling_refuses_invalid_content(
    case: str, make_workspace: Callable[..., Workspace]
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3)
    campaign_id = seed_campaign(ws, app_id, INVALID[case][0])
    with ws.session() as s, pytest.raises(CampaignInputError) as raised:
        schedule_campaign(s, ws.member_id, campaign_id, datetime(2027, 1, 1, tzinfo=UTC))
    assert raised.value.code == "schedule_has_issues"
    assert _status(ws, campaign_id)[0] == CampaignStatus.DRAFT


def _scheduled_then_broken(ws: Workspace) -> int:
    app_id = seed_app(ws, 4)
    campaign_id = seed_campaign(ws, app_id, GOOD)
    with ws.session() as s:
        schedule_campaign(s, ws.member_id, campaign_id, datetime(2026, 1, 1, tzinfo=UTC))
    with ws.session() as s:  # edited after scheduling: an http:// image slips in
        draft = get_draft(s, ws.member_id, campaign_id)
        broken = {**draft.variants[0].content, "image_url": "http://cdn.example.com/a.jpg"}
        save_draft(s, ws.member_id, _with_content(draft, broken))
    return campaign_id


def _with_content(draft: CampaignDraft, content: dict[str, Any]) -> CampaignDraft:
    return replace(draft, variants=(Variant("A", 1.0, content),))


def test_a_scheduled_campaign_edited_invalid_is_paused_at_its_time_with_nothing_queued(
    make_workspace: Callable[..., Workspace],
) -> None:
    from engage_desktop.core.outbox.content_gate import pause_invalid_at_its_time

    ws = make_workspace()
    campaign_id = _scheduled_then_broken(ws)
    with ws.session() as s:
        reason = pause_invalid_at_its_time(s, campaign_id, NOW)
    assert reason is not None and "A.image_url" in reason
    status, stored = _status(ws, campaign_id)
    assert status == CampaignStatus.PAUSED and stored == reason
    assert _outbox_rows(ws) == 0
    # fixed, it can be sent: resuming a campaign paused before it started sends it from the start
    with ws.session() as s:
        draft = get_draft(s, ws.member_id, campaign_id)
        save_draft(s, ws.member_id, _with_content(draft, GOOD))
    control.resume(ws, campaign_id)
    assert _status(ws, campaign_id) == (CampaignStatus.SENDING, None)
    assert _outbox_rows(ws) == 4


def test_resuming_an_unstarted_campaign_still_invalid_is_refused(
    make_workspace: Callable[..., Workspace],
) -> None:
    from engage_desktop.core.outbox.content_gate import pause_invalid_at_its_time

    ws = make_workspace()
    campaign_id = _scheduled_then_broken(ws)
    with ws.session() as s:
        pause_invalid_at_its_time(s, campaign_id, NOW)
    with pytest.raises(SendError) as raised:
        control.resume(ws, campaign_id)
    assert raised.value.code == "content_invalid"
    assert _status(ws, campaign_id)[0] == CampaignStatus.PAUSED and _outbox_rows(ws) == 0


def test_a_valid_scheduled_campaign_is_left_to_start(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 2)
    campaign_id = seed_campaign(ws, app_id, GOOD)
    with ws.session() as s:
        schedule_campaign(s, ws.member_id, campaign_id, datetime(2026, 1, 1, tzinfo=UTC))
    from engage_desktop.core.outbox.content_gate import pause_invalid_at_its_time

    with ws.session() as s:
        assert pause_invalid_at_its_time(s, campaign_id, NOW) is None
    assert _status(ws, campaign_id)[0] == CampaignStatus.SCHEDULED


INAPP = {
    "layout": "card",
    "header": "Nouveau",
    "body": "La collection d'hiver est là.",
    "trigger": "app_open",
}


def _inapp_campaign(ws: Workspace, expires_at: str) -> int:
    campaign_id = seed_campaign(ws, seed_app(ws, 3), {**INAPP, "expires_at": expires_at})
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        campaign.format = CampaignFormat.IN_APP
    return campaign_id


def test_an_in_app_message_already_expired_is_not_sent(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id = _inapp_campaign(ws, "2020-01-01T00:00:00+01:00")
    with pytest.raises(SendError) as raised:
        start_send(ws, campaign_id)
    assert raised.value.code == "content_invalid"
    assert raised.value.args_text[0] == "A.expires_at"
    assert getattr(raised.value.issues[0][1], "code", "") == "inapp_expired"  # type: ignore[attr-defined]
    assert _outbox_rows(ws) == 0


def test_an_in_app_message_cannot_be_scheduled_past_its_expiry(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id = _inapp_campaign(ws, "2027-01-01T08:00:00+01:00")
    with ws.session() as s, pytest.raises(CampaignInputError) as raised:
        schedule_campaign(s, ws.member_id, campaign_id, datetime(2027, 1, 1, 9, tzinfo=UTC))
    assert raised.value.field == "A.expires_at"
    with ws.session() as s:  # an hour earlier it is still shown for an hour: accepted
        schedule_campaign(s, ws.member_id, campaign_id, datetime(2027, 1, 1, 6, tzinfo=UTC))
    assert _status(ws, campaign_id)[0] == CampaignStatus.SCHEDULED


def test_a_scheduled_in_app_message_expired_by_its_time_is_paused_with_nothing_queued(
    make_workspace: Callable[..., Workspace],
) -> None:
    from engage_desktop.core.outbox.content_gate import pause_invalid_at_its_time

    ws = make_workspace()
    campaign_id = _inapp_campaign(ws, "2027-02-01T00:00:00+01:00")
    with ws.session() as s:
        schedule_campaign(s, ws.member_id, campaign_id, datetime(2027, 1, 15, tzinfo=UTC))
    with ws.session() as s:  # the service was off until March
        reason = pause_invalid_at_its_time(s, campaign_id, NOW)
    assert reason is not None and "A.expires_at" in reason
    assert _status(ws, campaign_id)[0] == CampaignStatus.PAUSED
    assert _outbox_rows(ws) == 0
