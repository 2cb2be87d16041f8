"""Outbox rules without network: suppression, body templates, permissions, pause/cancel."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import SendError, start_send, suppression_reason
from engage_desktop.core.outbox.payload import compile_body
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import PermissionDenied
from engage_desktop.store.models import MemberRole, Role

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from services.dispatch.helpers import seed_app, seed_campaign


@given(
    token=st.one_of(st.none(), st.text(max_size=20)),
    invalid=st.booleans(),
    push=st.booleans(),
    consent=st.sampled_from([None, "granted", "denied", "unknown"]),
)
def test_a_device_is_sendable_only_with_everything_in_place(
    token: str | None, invalid: bool, push: bool, consent: str | None
) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC) if invalid else None
    reason = suppression_reason(token, at, push, consent)
    assert (reason is None) == (bool(token) and not invalid and push and consent == "granted")


@given(
    token=st.text(min_size=1, max_size=200),
    message_id=st.text(min_size=1, max_size=64),
    title=st.text(max_size=50),
)
def test_template_render_equals_encoding_each_message(
    token: str, message_id: str, title: str
) -> None:
    template = compile_body(
        {"title": title or "t", "body": "b"}, analytics_label="lbl", validate_only=False
    )
    body = json.loads(template.render(token, message_id))
    message = body["message"]
    assert message["token"] == token
    assert message["data"]["message_id"] == message_id
    assert message["android"]["collapse_key"] == message_id
    assert message["apns"]["headers"]["apns-collapse-id"] == message_id


def test_analyst_cannot_send_and_nothing_is_written(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3)
    campaign_id = seed_campaign(ws, app_id)
    with ws.session() as s:
        role = s.query(MemberRole).filter_by(member_id=ws.member_id, app_id=app_id).one()
        role.role = Role.ANALYST
    with pytest.raises(PermissionDenied):
        start_send(ws, campaign_id)
    with ws.session() as s:
        assert control.campaign_progress(s, ws.member_id, campaign_id, ws.clock.now()).total == 0


def test_pause_resume_cancel_and_counts(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 10, no_consent=2)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    with pytest.raises(SendError, match="only a draft or scheduled"):
        start_send(ws, campaign_id)
    control.pause(ws, campaign_id, "lunch")
    with pytest.raises(SendError, match="not sending"):
        control.pause(ws, campaign_id)
    control.resume(ws, campaign_id)
    assert control.cancel(ws, campaign_id) == 10
    with ws.session() as s:
        p = control.campaign_progress(s, ws.member_id, campaign_id, ws.clock.now())
    assert p.queued == 0 and p.suppressed == {"cancelled": 10, "no_push_consent": 2}
    assert p.total == 12
