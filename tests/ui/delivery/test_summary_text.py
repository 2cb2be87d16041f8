"""The send confirmation shows what the delivery rules will do, from the core summary: the
recipients per variant, the rows waiting for quiet hours, the estimated end, and a warning when
the throttle cannot finish before the offer ends; in English and French."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignFormat, CampaignVariant
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.sending.send_dialog import SendDialog
from tests.support.appearance_shots import save_light_and_dark
from tests.support.sending import seed_app, seed_campaign
from tests.support.zoned_people import Zoned, seed_zoned_app
from tests.support.zoned_people import seed_campaign as zoned_campaign

SHOTS = Path("/tmp/shots/rules")


def _opened(
    ws: Workspace, app_id: int, campaign_id: int, tmp_path: Path, qtbot: QtBot
) -> SendDialog:
    """The send confirmation of ``campaign_id``, once its summary is computed."""
    context = UiContext(
        ws,
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        access=read_member_access(ws),
    )
    context.set_app(app_id)
    dialog = SendDialog(context, campaign_id, "Soldes")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
    return dialog


def _dialog(ws: Workspace, tmp_path: Path, qtbot: QtBot) -> SendDialog:
    app_id = seed_app(ws, 40, no_consent=2)
    campaign_id = seed_campaign(ws, app_id)
    start = datetime.now(UTC)
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        campaign.variants.append(CampaignVariant(key="B", weight=1.0, content={"title": "B"}))
        campaign.schedule = {
            "until": (start + timedelta(minutes=3, seconds=-1)).isoformat(),
            "throttle_per_minute": 10,
        }
    return _opened(ws, app_id, campaign_id, tmp_path, qtbot)


def test_confirmation_shows_the_rules_in_english(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _dialog(make_workspace(), tmp_path, qtbot)
    text = dialog.rules.text()
    assert "Recipients by variant: variant A: " in text and "variant B: " in text
    assert "Estimated end: " in text
    suppressed = dialog.confirmation.rows["suppressed"].text()
    assert "offer ended: 10" in suppressed  # 40 devices, 30 slots before the offer ends
    assert "Warning: the throttle or the quiet hours do not leave time" in text
    assert "30" in dialog.question.text()
    save_light_and_dark(dialog, qtbot, SHOTS, "send_dialog_en")


@pytest.mark.usefixtures("french")
def test_confirmation_shows_the_rules_in_french(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _dialog(make_workspace(), tmp_path, qtbot)
    text = dialog.rules.text()
    assert "Destinataires par variante : variante A : " in text
    assert "Fin estimée : " in text
    assert "offre terminée : 10" in dialog.confirmation.rows["suppressed"].text()
    assert "Attention : le débit limité" in text
    save_light_and_dark(dialog, qtbot, SHOTS, "send_dialog_fr")


@pytest.mark.usefixtures("french")
def test_confirmation_says_who_gets_a_local_time_send_the_next_day(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    """10:00 local pressed at 09:00 in Paris: 10:00 has passed in Auckland (21:00 there)."""
    ws = make_workspace()
    now = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
    ws.clock = FixedClock(now)
    people = [Zoned(z, None) for z in ("Pacific/Auckland", "Europe/Paris", "America/Los_Angeles")]
    app_id, _ids = seed_zoned_app(ws, people, now, quiet=(None, None))
    schedule = {"mode": "local_time", "at": "2026-12-05T10:00"}
    campaign_id = zoned_campaign(ws, app_id, CampaignFormat.PUSH, schedule)
    dialog = _opened(ws, app_id, campaign_id, tmp_path, qtbot)
    text = dialog.rules.text()
    assert (
        "À cette heure le lendemain, car elle est passée dans son fuseau horaire : 1 message."
        in text
    )
    save_light_and_dark(dialog, qtbot, SHOTS, "send_dialog_local_time_fr")


@pytest.mark.usefixtures("french")
def test_confirmation_tells_the_french_sms_hours_from_quiet_hours(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    """Seen in review: a marketing SMS sent at noon on a Sunday said its messages "wait for the
    quiet hours to end", which a marketer reads as a wrong setting; it is the French SMS hours."""
    ws = make_workspace()
    now = datetime(2026, 12, 6, 11, 0, tzinfo=UTC)  # Sunday, noon in Paris
    ws.clock = FixedClock(now)
    people = [
        Zoned("Europe/Paris", None, "+33612345678"),
        Zoned("Europe/London", None, "+447700900123"),
        Zoned("America/New_York", None, "+12125550123"),  # 06:00: quiet hours
    ]
    app_id, _ids = seed_zoned_app(ws, people, now)
    campaign_id = zoned_campaign(ws, app_id, CampaignFormat.SMS)
    dialog = _opened(ws, app_id, campaign_id, tmp_path, qtbot)
    text = dialog.rules.text()
    assert "1 message attend la fin des heures calmes." in text
    assert "1 SMS attend les heures d’envoi des SMS en France (du lundi au samedi" in text
    save_light_and_dark(dialog, qtbot, SHOTS, "send_dialog_sms_hours_fr")
