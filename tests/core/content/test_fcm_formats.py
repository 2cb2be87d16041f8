"""In-app and rich push campaigns end to end: expansion, the real service, the sandbox's FCM.

The sandbox validates every message like FCM's v1 API; the virtual phone's inbox shows what
the app would receive: a silent data message carrying the in-app contract, and a rich push
with its page inline.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignFormat, CampaignStatus, Consent
from tests.support.processes import Sandbox, service_env, start_service, stop_service
from tests.support.sending import seed_app, seed_campaign, status_of, token_for
from tests.support.waiting import wait_until

INAPP = {
    "layout": "modal",
    "header": "Bienvenue {{ first_name | default: 'à vous' }}",
    "body": "Découvrez la collection d'hiver.",
    "buttons": [{"label": "Voir", "deep_link": "ml://hiver"}],
    "trigger": "app_open",
    "expires_at": "2030-01-01T00:00:00+01:00",
}
RICH = {
    "title": "Soldes",
    "body": "Ouvrez la page",
    "html": "<h1>Soldes</h1><p>Jusqu'à -50 %</p><script>alert(1)</script>",
    "inbox_days": 3,
}


def _as(ws: Workspace, campaign_id: int, fmt: CampaignFormat) -> None:
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        campaign.format = fmt


def test_in_app_and_rich_push_reach_the_phone_as_their_own_messages(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3)
    with ws.session() as s:  # in-app needs the in-app consent, not the push one
        for pid in range(app_id * 10_000_000 + 1, app_id * 10_000_000 + 3):
            s.add(Consent(profile_id=pid, channel="in_app", state="granted"))
    inapp = seed_campaign(ws, app_id, INAPP)
    _as(ws, inapp, CampaignFormat.IN_APP)
    rich = seed_campaign(ws, app_id, RICH)
    _as(ws, rich, CampaignFormat.RICH_PUSH)
    assert start_send(ws, inapp).suppressed == {"no_in_app_consent": 1}
    assert start_send(ws, rich).queued == 3
    service = start_service(
        str(ws.location.sqlite_path), service_env(sandbox.url, tmp_path), tmp_path
    )
    try:
        for cid in (inapp, rich):
            wait_until(lambda c=cid: status_of(ws, c) == CampaignStatus.COMPLETED, timeout=60)
    finally:
        assert stop_service(service) == 0
    device = app_id * 10_000_000 + 1
    inbox = sandbox.get(f"/sandbox/inbox?token={token_for(device)}")
    by_type = {m["message"]["data"].get("engage_type"): m["message"] for m in inbox}
    silent = by_type["in_app"]
    assert "notification" not in silent and "notification" not in silent["android"]
    contract = json.loads(silent["data"]["engage_inapp"])
    assert contract["v"] == 1 and contract["layout"] == "modal"
    assert contract["header"] == "Bienvenue à vous"  # Liquid rendered per recipient
    assert contract["trigger"] == {"on": "app_open"}
    page = by_type["rich_push"]
    assert page["notification"]["title"] == "Soldes"
    assert "<h1>Soldes</h1>" in page["data"]["rich_html"]
    assert "<script" not in page["data"]["rich_html"]
    assert page["data"]["inbox_days"] == "3"
