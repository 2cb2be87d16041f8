"""An app on the sandbox sends SMS and email to local inbox files: the demo needs no account."""

from __future__ import annotations

import json
import mailbox
import stat
from collections.abc import Callable
from pathlib import Path

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.channels.sandbox_inbox import MAIL_INBOX, SMS_INBOX
from engage_desktop.store.models import CampaignFormat, CampaignStatus, Channel, Consent, Profile
from tests.support.contacts import marketing_sms_allowed_now, seed_channel_campaign, seed_people
from tests.support.processes import credentials_dir, service_env, start_service, stop_service
from tests.support.sending import status_of
from tests.support.waiting import wait_until


def test_sms_and_email_of_a_sandbox_app_land_in_private_local_inboxes(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    ws = make_workspace()
    sms_app = seed_people(ws, [("+33600000001", None, True)], sandbox=True)
    sms = seed_channel_campaign(
        ws,
        sms_app,
        CampaignFormat.SMS,
        {"body": "Bonjour {{ first_name }}"},
        transactional=not marketing_sms_allowed_now(),  # the real clock may be at night
    )
    start_send(ws, sms)
    with ws.session() as s:  # the same person may also be mailed
        s.add(Consent(profile_id=sms_app * 1_000_000 + 1, channel=Channel.EMAIL, state="granted"))
        profile = s.get(Profile, sms_app * 1_000_000 + 1)
        assert profile is not None
        profile.email = "lea@example.com"
    mail = seed_channel_campaign(
        ws, sms_app, CampaignFormat.EMAIL, {"subject": "Soldes", "html": "<p>Bonjour</p>"}
    )
    start_send(ws, mail)
    service = start_service(
        str(ws.location.sqlite_path), service_env("http://127.0.0.1:9", tmp_path), tmp_path
    )
    try:
        for cid in (sms, mail):
            wait_until(lambda c=cid: status_of(ws, c) == CampaignStatus.COMPLETED, timeout=60)
    finally:
        assert stop_service(service) == 0
    folder = credentials_dir(tmp_path)
    lines = (folder / SMS_INBOX).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["body"] for line in lines] == ["Bonjour Client0"]
    assert json.loads(lines[0])["segments"] == 1
    (received,) = list(mailbox.mbox(folder / MAIL_INBOX))
    assert received["To"] == "lea@example.com" and received["Subject"] == "Soldes"
    for name in (SMS_INBOX, MAIL_INBOX):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
