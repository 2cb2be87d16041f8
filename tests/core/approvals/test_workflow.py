"""Submitting, approving and rejecting sends; an edit voids an approval; all of it audited."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text, update

from engage_desktop.core.approvals import workflow
from engage_desktop.core.approvals.messages import ApprovalError
from engage_desktop.core.approvals.rules import approval_threshold, set_approval_threshold
from engage_desktop.core.campaigns.edit import get_draft, save_draft
from engage_desktop.core.outbox.expand import SendError, start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit_chain import verify_chain
from engage_desktop.security.roles import PermissionDenied
from engage_desktop.store.models import (
    ApprovalState,
    AuditEntry,
    Campaign,
    CampaignStatus,
    OutboxMessage,
    Role,
)
from tests.support.apps import colleague
from tests.support.sending import seed_app, seed_campaign

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class Team:
    def __init__(self, make_workspace: Callable[..., Workspace], url: str | None = None) -> None:
        self.admin = make_workspace(url)
        self.app_id = seed_app(self.admin, 5)
        self.campaign_id = seed_campaign(self.admin, self.app_id)
        self.marketer = colleague(self.admin, "marion", Role.MARKETER, self.app_id)
        self.analyst = colleague(self.admin, "anatole", Role.ANALYST, self.app_id)
        self.other_admin = colleague(self.admin, "adele", Role.ADMIN, self.app_id)

    def threshold(self, above: int | None) -> None:
        with self.admin.session() as session:
            set_approval_threshold(session, self.admin.member_id, self.app_id, above, T0)

    def status(self) -> CampaignStatus:
        with self.admin.session() as session:
            campaign = session.get(Campaign, self.campaign_id)
            assert campaign is not None
            return campaign.status

    def outbox_rows(self) -> int:
        with self.admin.session() as session:
            return len(session.scalars(select(OutboxMessage.id)).all())


@pytest.fixture
def team(make_workspace: Callable[..., Workspace]) -> Team:
    return Team(make_workspace)


def test_an_unapproved_send_above_the_threshold_is_refused_and_nothing_is_written(
    team: Team,
) -> None:
    team.threshold(4)
    with pytest.raises(SendError) as refused:
        start_send(team.marketer, team.campaign_id)
    assert refused.value.code == "needs_approval"
    assert refused.value.args_text == (str(team.campaign_id), "5", "4")
    assert team.status() == CampaignStatus.DRAFT and team.outbox_rows() == 0


def test_the_scheduled_start_is_refused_too(team: Team) -> None:
    team.threshold(0)
    with team.admin.session() as session:  # scheduled by the marketer, who may still send
        session.execute(
            update(Campaign)
            .where(Campaign.id == team.campaign_id)
            .values(scheduled_by=team.marketer.member_id)
        )
    with pytest.raises(SendError, match="approval threshold"):
        start_send(team.marketer, team.campaign_id, scheduled=True)


@pytest.mark.parametrize("above", [None, 5, 100])
def test_sends_at_or_below_the_threshold_need_no_approval(team: Team, above: int | None) -> None:
    team.threshold(above)
    assert start_send(team.marketer, team.campaign_id).queued == 5


def test_submitted_then_approved_by_another_member_the_send_starts(team: Team) -> None:
    team.threshold(1)
    request = workflow.submit(team.marketer, team.campaign_id)
    assert (request.state, request.recipients) == (ApprovalState.PENDING, 5)
    with pytest.raises(SendError) as waiting:
        start_send(team.marketer, team.campaign_id)
    assert waiting.value.code == "approval_pending"
    workflow.approve(team.admin, team.campaign_id, "OK pour samedi")
    assert start_send(team.marketer, team.campaign_id).queued == 5
    view = workflow.approval_view(team.marketer, team.campaign_id)
    assert view.state == ApprovalState.APPROVED and view.comment == "OK pour samedi"
    assert view.decided_by == team.admin.member().display_name


def test_a_rejected_send_says_who_rejected_it_and_why(team: Team) -> None:
    team.threshold(1)
    workflow.submit(team.marketer, team.campaign_id)
    workflow.reject(team.other_admin, team.campaign_id, "  Trop de destinataires  ")
    with pytest.raises(SendError) as refused:
        start_send(team.marketer, team.campaign_id)
    assert refused.value.code == "approval_rejected"
    assert refused.value.args_text[1:] == ("Adele", "Trop de destinataires")
    workflow.submit(team.marketer, team.campaign_id)  # may ask again


def test_nobody_approves_their_own_request(team: Team) -> None:
    team.threshold(1)
    workflow.submit(team.admin, team.campaign_id)
    with pytest.raises(ApprovalError) as refused:
        workflow.approve(team.admin, team.campaign_id)
    assert refused.value.code == "own_request"
    assert not workflow.approval_view(team.admin, team.campaign_id).may_decide
    assert workflow.approval_view(team.other_admin, team.campaign_id).may_decide


def test_roles_without_the_right_cannot_submit_or_decide(team: Team) -> None:
    team.threshold(1)
    with pytest.raises(PermissionDenied):
        workflow.submit(team.analyst, team.campaign_id)
    workflow.submit(team.marketer, team.campaign_id)
    for member in (team.marketer, team.analyst):
        with pytest.raises(PermissionDenied) as refused:
            workflow.approve(member, team.campaign_id)
        assert refused.value.args_text[1] == "approve_sends"
    assert not workflow.approval_view(team.marketer, team.campaign_id).may_decide


def test_deciding_needs_a_pending_request(team: Team) -> None:
    with pytest.raises(ApprovalError) as refused:
        workflow.reject(team.admin, team.campaign_id, "non")
    assert refused.value.code == "nothing_pending"
    workflow.submit(team.marketer, team.campaign_id)
    with pytest.raises(ApprovalError) as twice:
        workflow.submit(team.marketer, team.campaign_id)
    assert twice.value.code == "already_pending"


def test_an_edit_after_approval_voids_it(team: Team) -> None:
    team.threshold(1)
    workflow.submit(team.marketer, team.campaign_id)
    workflow.approve(team.admin, team.campaign_id)
    with team.marketer.session() as session:
        unchanged = get_draft(session, team.marketer.member_id, team.campaign_id)
        save_draft(session, team.marketer.member_id, unchanged)  # autosave, nothing changed
    assert workflow.approval_view(team.marketer, team.campaign_id).state == ApprovalState.APPROVED
    with team.marketer.session() as session:
        draft = get_draft(session, team.marketer.member_id, team.campaign_id)
        save_draft(
            session, team.marketer.member_id, dataclasses.replace(draft, name="Soldes : -70 %")
        )
    view = workflow.approval_view(team.marketer, team.campaign_id)
    assert view.state == ApprovalState.VOIDED and view.may_submit
    with pytest.raises(SendError) as refused:
        start_send(team.marketer, team.campaign_id)
    assert refused.value.code == "needs_approval"


def test_an_edit_behind_cores_back_leaves_the_approval_behind(team: Team) -> None:
    team.threshold(1)
    workflow.submit(team.marketer, team.campaign_id)
    workflow.approve(team.admin, team.campaign_id)
    with team.admin.engine.begin() as conn:
        conn.execute(
            text("UPDATE campaign_variant SET content = :c WHERE campaign_id = :id"),
            {"c": '{"title": "Autre chose", "body": "!"}', "id": team.campaign_id},
        )
    with pytest.raises(SendError) as refused:
        start_send(team.marketer, team.campaign_id)
    assert refused.value.code == "needs_approval"
    assert not workflow.approval_view(team.marketer, team.campaign_id).current


def test_the_threshold_is_an_admins_setting_and_is_checked(team: Team) -> None:
    with pytest.raises(PermissionDenied), team.marketer.session() as session:
        set_approval_threshold(session, team.marketer.member_id, team.app_id, 10, T0)
    with pytest.raises(ApprovalError) as bad, team.admin.session() as session:
        set_approval_threshold(session, team.admin.member_id, team.app_id, -1, T0)
    assert bad.value.code == "bad_threshold"
    with pytest.raises(ApprovalError) as missing, team.admin.session() as session:
        set_approval_threshold(session, team.admin.member_id, 999, 10, T0)
    assert missing.value.code == "no_app"
    team.threshold(10)
    team.threshold(None)
    with team.admin.session() as session:
        assert approval_threshold(session, team.app_id) is None


def test_every_step_is_in_the_audit_log_with_who_did_it(team: Team) -> None:
    team.threshold(1)
    workflow.submit(team.marketer, team.campaign_id)
    workflow.reject(team.admin, team.campaign_id, "Pas ce week-end")
    workflow.submit(team.marketer, team.campaign_id)
    workflow.approve(team.other_admin, team.campaign_id)
    with team.marketer.session() as session:
        draft = get_draft(session, team.marketer.member_id, team.campaign_id)
        save_draft(session, team.marketer.member_id, dataclasses.replace(draft, name="Nouveau nom"))
    with team.admin.session_factory() as session:
        steps = session.execute(
            select(AuditEntry.action, AuditEntry.member_login, AuditEntry.details)
            .where(AuditEntry.action.startswith("approval."))
            .order_by(AuditEntry.seq)
        ).all()
        assert verify_chain(session).ok
    admin_login = team.admin.member().login
    assert [(a, who) for a, who, _ in steps] == [
        ("approval.threshold", admin_login),
        ("approval.submit", "marion"),
        ("approval.reject", admin_login),
        ("approval.submit", "marion"),
        ("approval.approve", "adele"),
        ("approval.void", "marion"),
    ]
    assert steps[2][2]["comment"] == "Pas ce week-end" and steps[1][2]["recipients"] == 5
