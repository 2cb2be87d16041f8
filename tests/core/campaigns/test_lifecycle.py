"""The campaign lifecycle: the transition table, and every use case refusing what it forbids
(a completed campaign can be neither edited, scheduled, sent again nor cancelled)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from engage_desktop.core.campaigns.edit import save_draft, schedule_campaign, to_draft
from engage_desktop.core.campaigns.lifecycle import (
    TRANSITIONS,
    IllegalTransition,
    check_transition,
    is_editable,
    move,
)
from engage_desktop.core.campaigns.model import CampaignDraft, CampaignInputError, Variant
from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.errors import SendError
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, Role
from tests.support.apps import add_app

S = CampaignStatus
WHEN = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def test_every_pair_follows_the_table_and_a_refusal_names_both_ends() -> None:
    for current in S:
        for new in S:
            campaign = Campaign(id=7, status=current, started_at=WHEN)
            if new in TRANSITIONS[current] and not (current == S.PAUSED and new == S.SCHEDULED):
                move(campaign, new)
                assert campaign.status == new
                continue
            with pytest.raises(IllegalTransition) as err:
                move(campaign, new)
            assert campaign.status == current  # unchanged
            assert err.value.code == "illegal_transition"
            assert err.value.args_text == (current.value, new.value)
            assert f"from {current.value} to {new.value}" in str(err.value)


def test_the_services_bulk_updates_are_transitions_of_the_table() -> None:
    """claims.finish_completed, pauses, content_gate and the outage resume write SQL directly."""
    for current, new in ((S.SENDING, S.COMPLETED), (S.SENDING, S.PAUSED), (S.PAUSED, S.SENDING)):
        check_transition(Campaign(status=current, started_at=WHEN), new)
    check_transition(Campaign(status=S.SCHEDULED), S.PAUSED)  # invalid at its time


def test_a_paused_campaign_is_scheduled_again_only_if_it_never_started() -> None:
    check_transition(Campaign(status=S.PAUSED, started_at=None), S.SCHEDULED)
    assert is_editable(Campaign(status=S.PAUSED, started_at=None))
    assert not is_editable(Campaign(status=S.PAUSED, started_at=WHEN))
    with pytest.raises(IllegalTransition):
        check_transition(Campaign(status=S.PAUSED, started_at=WHEN), S.SCHEDULED)


def _completed(ws: Workspace) -> tuple[int, int]:
    app_id = add_app(ws, "A", Role.MARKETER)
    content = {"title": "Soldes", "body": "Jusqu'à -50 %"}
    draft = CampaignDraft(app_id=app_id, name="Fini", variants=(Variant("A", 1.0, content),))
    with ws.session() as s:
        cid = save_draft(s, ws.member_id, draft)
        s.execute(
            update(Campaign)
            .where(Campaign.id == cid)
            .values(status=S.COMPLETED, started_at=WHEN, finished_at=WHEN)
        )
    return app_id, cid


def test_a_completed_campaign_refuses_edits_schedules_sends_and_cancels(
    make_workspace: Callable[..., Workspace],
) -> None:
    """The fault: a completed campaign opened editable and every edit then failed."""
    ws = make_workspace()
    _, cid = _completed(ws)
    with ws.session() as s:
        row = s.get(Campaign, cid)
        assert row is not None
        stored = to_draft(row)
    assert stored.status == "completed" and stored.started
    with pytest.raises(CampaignInputError) as err, ws.session() as s:
        save_draft(s, ws.member_id, stored)
    assert err.value.code == "not_editable"
    with pytest.raises(CampaignInputError) as err, ws.session() as s:
        schedule_campaign(s, ws.member_id, cid, WHEN)
    assert err.value.code == "not_schedulable"
    with pytest.raises(SendError):
        start_send(ws, cid)
    with pytest.raises(SendError):
        control.cancel(ws, cid)
    with ws.session() as s:
        row = s.get(Campaign, cid)
        assert row is not None and row.status == S.COMPLETED


@pytest.fixture
def one_app(make_workspace: Callable[..., Workspace]) -> Workspace:
    """A workspace with app 1, where the user is a marketer."""
    ws = make_workspace()
    add_app(ws, "A", Role.MARKETER)
    return ws


OPS = ("edit", "schedule", "send", "pause", "resume", "cancel", "retry", "finish")


def _apply(ws: Workspace, cid: int, op: str) -> None:
    """One user or service action on the campaign; refusals are expected and ignored."""
    from engage_desktop.core.campaigns.edit import get_draft
    from engage_desktop.core.outbox.claims import finish_completed
    from engage_desktop.core.outbox.retry import retry_failed

    try:
        if op == "edit":
            with ws.session() as s:
                save_draft(s, ws.member_id, get_draft(s, ws.member_id, cid))
        elif op == "schedule":
            with ws.session() as s:
                schedule_campaign(s, ws.member_id, cid, WHEN)
        elif op == "send":
            start_send(ws, cid)
        elif op in ("pause", "resume", "cancel"):
            getattr(control, op)(ws, cid)
        elif op == "retry":
            retry_failed(ws, cid)
        else:
            with ws.engine.begin() as conn:
                finish_completed(conn, WHEN)
    except (CampaignInputError, SendError, IllegalTransition):
        pass


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=st.lists(st.sampled_from(OPS), max_size=8))
def test_no_sequence_of_actions_leaves_the_table(ops: list[str], one_app: Workspace) -> None:
    """Whatever people and the service do, in any order, each status change is in the table.
    The examples share ``one_app`` (a fresh campaign each): a workspace per example would cost
    more than the examples."""
    ws = one_app
    content = {"title": "Soldes", "body": "b"}
    draft = CampaignDraft(app_id=1, name="P", variants=(Variant("A", 1.0, content),))
    with ws.session() as s:
        cid = save_draft(s, ws.member_id, draft)
    status = S.DRAFT
    for op in ops:
        _apply(ws, cid, op)
        with ws.session() as s:
            row = s.get(Campaign, cid)
            assert row is not None
            new = row.status
        assert new == status or new in TRANSITIONS[status], (op, status, new)
        status = new
