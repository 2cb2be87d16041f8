"""The permission matrix: every core operation × every role → allowed, or PermissionDenied.

One table (``MATRIX``) says who may do what on an app. Each column is a member made for the
test on a fresh copy of the demo workspace: admin, marketer, analyst, approver (an analyst with
the approver flag) and a member with no role on the app. Each row calls the real core
function; "allowed" means it succeeds, "refused" means it raises ``PermissionDenied`` and
changed nothing it was asked to change.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from engage_desktop.core import team
from engage_desktop.core.access import app_session
from engage_desktop.core.apps import manage as apps
from engage_desktop.core.apps.identity import AppIdentity
from engage_desktop.core.audience_overview import audience_overview
from engage_desktop.core.campaigns import edit as campaigns
from engage_desktop.core.campaigns import housekeeping
from engage_desktop.core.campaigns.model import CampaignDraft, Variant
from engage_desktop.core.credentials import admin as credentials
from engage_desktop.core.devices import find_devices, set_test_device
from engage_desktop.core.imports.contacts import import_contacts
from engage_desktop.core.listing import list_campaigns, search_profiles
from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import audience_summary, start_send
from engage_desktop.core.outbox.trial import queue_test_send, trial_outcomes
from engage_desktop.core.segments import count_segment, parse_rules
from engage_desktop.core.segments import saved as segments
from engage_desktop.core.workspace import Workspace, open_for_current_user
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.location import resolve_workspace
from engage_desktop.store.models import (
    AuditEntry,
    Campaign,
    CampaignStatus,
    Device,
    Member,
    MemberRole,
    Role,
)

APP = 1  # "Maison Lumière" in the demo
COLUMNS = ("admin", "marketer", "analyst", "approver", "none")
RULES = {"version": 1, "rules": {"type": "sample", "percent": 10}}


@dataclass
class Fixture:
    """Ids the operations work on, made by the workspace's owner before each column runs."""

    draft: int  # a push draft with content
    to_send: int
    sending: int
    paused: int
    to_cancel: int
    segment: int
    device: int
    csv: Path
    completed: int = 0  # a finished campaign to archive
    scrap: int = 0  # a draft to delete


def _ops() -> list[tuple[str, Callable[[Workspace, Fixture], Any], str]]:
    """(operation, call, who may: one letter per column, Y allowed, - refused)."""
    draft = CampaignDraft(
        APP, "Matrice", variants=(Variant("A", 1.0, {"title": "t", "body": "b"}),)
    )
    identity = AppIdentity("Maison Lumière", "maison-lumiere-demo", ("fr.maison.app",))
    return [
        # operation, call,                                                        A M A P N
        ("see the app", lambda ws, f: apps.get_app(ws, APP), "YYYY-"),
        ("list the team", lambda ws, f: team.list_members(ws, APP), "YYYY-"),
        ("list campaigns", lambda ws, f: list_campaigns_in(ws), "YYYY-"),
        ("open a campaign", lambda ws, f: get_draft(ws, f.draft), "YYYY-"),
        ("export a campaign's JSON", lambda ws, f: export_campaign(ws, f.draft), "YYYY-"),
        ("latest drafts", lambda ws, f: latest_drafts(ws), "YYYY-"),
        ("send progress", lambda ws, f: progress(ws, f.sending), "YYYY-"),
        ("test-send outcomes", lambda ws, f: outcomes(ws), "YYYY-"),
        ("search profiles", lambda ws, f: profiles(ws), "YYYY-"),
        ("find devices", lambda ws, f: devices(ws), "YYYY-"),
        ("audience overview", lambda ws, f: audience_overview(ws, APP), "YYYY-"),
        ("list segments", lambda ws, f: segments.list_segments(ws, APP), "YYYY-"),
        ("segment figures", lambda ws, f: segments.segment_summary(ws, f.segment), "YYYY-"),
        ("recount a segment", lambda ws, f: segments.refresh_segment(ws, f.segment), "YYYY-"),
        ("live segment count", lambda ws, f: live_count(ws), "YYYY-"),
        ("export segment members", lambda ws, f: segments.segment_members(ws, f.segment), "Y-YY-"),
        ("audience of a send", lambda ws, f: audience_summary(ws, f.draft), "YY---"),
        ("save a draft", lambda ws, f: save_draft(ws, draft), "YY---"),
        ("duplicate a campaign", lambda ws, f: duplicate(ws, f.draft), "YY---"),
        ("create a segment", lambda ws, f: segments.create_segment(ws, APP, "M", RULES), "YY---"),
        ("mark a test device", lambda ws, f: set_test_device(ws, APP, f.device, True), "YY---"),
        ("import contacts", lambda ws, f: import_contacts(ws, APP, f.csv), "YY---"),
        ("schedule a campaign", lambda ws, f: schedule(ws, f.draft), "YY---"),
        ("send to test devices", lambda ws, f: queue_test_send(ws, f.to_send), "YY---"),
        ("start a send", lambda ws, f: start_send(ws, f.to_send), "YY---"),
        ("pause a send", lambda ws, f: control.pause(ws, f.sending), "YY---"),
        ("resume a send", lambda ws, f: control.resume(ws, f.paused), "YY---"),
        ("cancel a send", lambda ws, f: control.cancel(ws, f.to_cancel), "YY---"),
        ("archive a campaign", lambda ws, f: archive(ws, f.completed), "YY---"),
        ("delete a draft", lambda ws, f: delete(ws, f.scrap), "YY---"),
        ("approve sends", lambda ws, f: approve(ws), "Y--Y-"),
        ("read the credentials' status", lambda ws, f: credential_status(ws), "Y----"),
        ("send through the sandbox", lambda ws, f: sandbox_mode(ws), "Y----"),
        ("store an SMS account", lambda ws, f: sms_account(ws), "Y----"),
        ("read the SMS and email accounts", lambda ws, f: sms_accounts(ws), "Y----"),
        ("test the SMS account", lambda ws, f: check_sms_account(ws), "Y----"),
        ("add a member", lambda ws, f: add_member(ws), "Y----"),
        ("change a role", lambda ws, f: team.grant(ws, APP, "victim", Role.ANALYST), "Y----"),
        ("take a role away", lambda ws, f: team.revoke(ws, APP, "victim"), "Y----"),
        ("edit the app", lambda ws, f: apps.edit_app(ws, APP, identity), "Y----"),
        ("what removing takes", lambda ws, f: apps.removal_impact(ws, APP), "Y----"),
        ("add an app", lambda ws, f: apps.add_app(ws, AppIdentity("Neuve", "neuve-app")), "Y----"),
        ("remove the app", lambda ws, f: remove(ws), "Y----"),
    ]


def archive(ws: Workspace, campaign_id: int) -> None:
    with ws.session() as s:
        housekeeping.set_archived(s, ws.member_id, campaign_id, ws.clock.now())


def delete(ws: Workspace, campaign_id: int) -> object:
    with ws.session() as s:
        return housekeeping.delete_draft(s, ws.member_id, campaign_id)


def list_campaigns_in(ws: Workspace) -> object:
    with ws.session() as s:
        return list_campaigns(s, ws.member_id, APP)


def get_draft(ws: Workspace, campaign_id: int) -> object:
    with ws.session() as s:
        return campaigns.get_draft(s, ws.member_id, campaign_id)


def export_campaign(ws: Workspace, campaign_id: int) -> object:
    with ws.session() as s:
        return campaigns.export_campaign(s, ws.member_id, campaign_id)


def latest_drafts(ws: Workspace) -> object:
    with ws.session() as s:
        return campaigns.latest_drafts(s, ws.member_id, APP)


def progress(ws: Workspace, campaign_id: int) -> object:
    with ws.session() as s:
        return control.campaign_progress(s, ws.member_id, campaign_id, ws.clock.now())


def outcomes(ws: Workspace) -> object:
    with ws.session() as s:
        return trial_outcomes(s, ws.member_id, APP, ["edt-none"])


def profiles(ws: Workspace) -> object:
    with ws.session() as s:
        return search_profiles(s, ws.member_id, APP, "a")


def devices(ws: Workspace) -> object:
    with ws.session() as s:
        return find_devices(s, ws.member_id, APP, "")


def live_count(ws: Workspace) -> object:
    with app_session(ws, APP, Permission.VIEW_AUDIENCE) as s:
        return count_segment(s, APP, parse_rules(RULES), ws.clock.now())


def save_draft(ws: Workspace, draft: CampaignDraft) -> object:
    with ws.session() as s:
        return campaigns.save_draft(s, ws.member_id, draft)


def duplicate(ws: Workspace, campaign_id: int) -> object:
    with ws.session() as s:
        return campaigns.duplicate(s, ws.member_id, campaign_id)


def schedule(ws: Workspace, campaign_id: int) -> None:
    with ws.session() as s:
        campaigns.schedule_campaign(s, ws.member_id, campaign_id, ws.clock.now())


def approve(ws: Workspace) -> None:
    """The right `core.approvals.workflow` checks before an approval or a rejection."""
    with ws.session() as s:
        require(s, ws.member_id, APP, Permission.APPROVE_SENDS)


def credential_status(ws: Workspace) -> object:
    return credentials.credential_status(ws, APP)


def sandbox_mode(ws: Workspace) -> object:
    return credentials.set_sending_mode(ws, APP, fcm=False)


def sms_account(ws: Workspace) -> object:
    from engage_desktop.core.credentials.providers import set_provider_account
    from engage_desktop.security.vault import Vault
    from engage_desktop.store.models import Provider

    settings = {"account_sid": "AC" + "0" * 32, "sender": "+33700000000"}
    return set_provider_account(ws, Vault.system(), APP, Provider.TWILIO, settings, "token")


def sms_accounts(ws: Workspace) -> object:
    from engage_desktop.core.credentials.provider_status import accounts_status

    return accounts_status(ws, APP)


def check_sms_account(ws: Workspace) -> object:
    """The tester is handed in (the network half lives in the services): one that passes."""
    from engage_desktop.core.credentials.provider_testing import check_provider_account
    from engage_desktop.core.credentials.testing import TestReport
    from engage_desktop.core.messages import CodedText
    from engage_desktop.core.progress import Progress
    from engage_desktop.security.vault import Vault
    from engage_desktop.store.models import Provider

    def passes(_account: object, _progress: Progress) -> TestReport:
        return TestReport(True, CodedText("ok"))

    return check_provider_account(ws, Vault.system(), APP, Provider.TWILIO, passes, Progress())


def add_member(ws: Workspace) -> object:
    return team.add_member(ws, APP, "newcomer", Role.ANALYST)


def remove(ws: Workspace) -> object:
    return apps.remove_app(ws, APP, confirm_name="Maison Lumière")


MATRIX = _ops()


@pytest.fixture
def columns(
    demo_file: Path, tmp_path: Path
) -> Iterator[Callable[[str], tuple[Workspace, Fixture]]]:
    """Factory: a fresh demo copy with the objects of ``Fixture``, opened as one column's member."""
    opened: list[Workspace] = []

    def make(column: str) -> tuple[Workspace, Fixture]:
        path = tmp_path / f"{column}.sqlite"
        shutil.copy(demo_file, path)
        owner = open_for_current_user(resolve_workspace(str(path)))
        opened.append(owner)
        fixture = _objects(owner, tmp_path)
        member_id = _column_member(owner, column)
        ws = Workspace(owner.location, owner.engine, member_id, owner.clock)
        return ws, fixture

    yield make
    for ws in opened:
        ws.close()


def _column_member(owner: Workspace, column: str) -> int:
    grants = {
        "admin": (Role.ADMIN, False),
        "marketer": (Role.MARKETER, False),
        "analyst": (Role.ANALYST, False),
        "approver": (Role.ANALYST, True),
    }
    with owner.session() as s:
        member = Member(login=f"matrix-{column}", display_name=column)
        s.add(member)
        victim = Member(login="victim", display_name="Victim")
        s.add(victim)
        s.flush()
        s.add(MemberRole(member_id=victim.id, app_id=APP, role=Role.MARKETER))
        if column in grants:
            role, approver = grants[column]
            s.add(MemberRole(member_id=member.id, app_id=APP, role=role, approver=approver))
        # Every column has a role elsewhere (app 2) except through app 1: refusals are per app.
        s.add(MemberRole(member_id=member.id, app_id=2, role=Role.ANALYST))
        return member.id


def _objects(owner: Workspace, folder: Path) -> Fixture:
    content = {"title": "Bonjour", "body": "Une offre"}
    ids = []
    for name in ("draft", "to send", "sending", "paused", "to cancel", "completed", "scrap"):
        draft = CampaignDraft(APP, f"Matrix {name}", variants=(Variant("A", 1.0, content),))
        with owner.session() as s:
            ids.append(campaigns.save_draft(s, owner.member_id, draft))
    with owner.session() as s:
        states = ("sending", "paused", "sending", "completed")
        for campaign_id, status in zip(ids[2:6], states, strict=True):
            s.execute(
                update(Campaign)
                .where(Campaign.id == campaign_id)
                .values(status=CampaignStatus(status))
            )
        device = s.scalars(
            select(Device.id).where(
                Device.app_id == APP,
                Device.fcm_token.is_not(None),
                Device.token_invalidated_at.is_(None),
            )
        ).first()
        assert device is not None
        s.execute(update(Device).where(Device.id == device).values(is_test=True))
    segment = segments.create_segment(owner, APP, "Matrix segment", RULES)
    csv = folder / "contacts.csv"
    csv.write_text("id;email\nmatrix-1;un@exemple.fr\nmatrix-2;deux@exemple.fr\n", encoding="utf-8")
    return Fixture(*ids[:5], segment, device, csv, completed=ids[5], scrap=ids[6])


def _audit_count(ws: Workspace) -> int:
    with ws.session() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.mark.parametrize("column", COLUMNS)
def test_every_core_operation_for_every_role(
    column: str, columns: Callable[[str], tuple[Workspace, Fixture]]
) -> None:
    ws, fixture = columns(column)
    index = COLUMNS.index(column)
    wrong: list[str] = []
    for name, call, who in MATRIX:
        allowed = who[index] == "Y"
        before = _audit_count(ws)
        try:
            call(ws, fixture)
        except PermissionDenied as exc:
            if allowed:
                wrong.append(f"{name}: refused ({exc})")
            elif _audit_count(ws) != before:
                wrong.append(f"{name}: refused but wrote an audit entry")
            continue
        if not allowed:
            wrong.append(f"{name}: allowed")
    assert wrong == [], f"{column}: " + "; ".join(wrong)
