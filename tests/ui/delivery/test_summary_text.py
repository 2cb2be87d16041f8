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

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignVariant
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.sending.send_dialog import SendDialog
from tests.support.appearance_shots import save_light_and_dark
from tests.support.sending import seed_app, seed_campaign

SHOTS = Path("/tmp/shots/rules")


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
