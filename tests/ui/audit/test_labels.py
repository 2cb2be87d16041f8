"""Every action the product records reads in words in the audit log, in English and French."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QTranslator

from engage_desktop.core.audit_trail.query import AuditRow
from engage_desktop.core.audit_trail.targets import TargetName
from engage_desktop.ui.audit.details import details_text
from engage_desktop.ui.audit.labels import action_label, action_labels, target_text

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "engage_desktop"
CATALOGUES = ROOT / "resources" / "translations"
CODE = re.compile(r'"([a-z_]+\.[a-z_]+)"')  # on a line that passes ``action=``
TEMPLATED = re.compile(r'action=f"([a-z_]+)\.\{verb\}"')
VERBS = {"campaign": ("pause", "resume", "cancel"), "approval": ("approve", "reject")}


def recorded_actions() -> set[str]:
    """The action codes written by ``record(..., action=...)`` anywhere in the product."""
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            if "action=" in line:
                found.update(CODE.findall(line))
        for family in TEMPLATED.findall(text):
            found.update(f"{family}.{verb}" for verb in VERBS[family])
    return found


def test_every_recorded_action_has_a_label() -> None:
    """Seen on screen: the audit log showed member.add, app.sending_mode, credentials.test."""
    actions = recorded_actions()
    assert {"member.add", "credentials.test", "app.sending_mode"} <= actions
    assert sorted(actions - set(action_labels())) == []


def test_every_label_has_its_french_translation(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load(str(CATALOGUES / "admin_audit_fr.qm"))
    labels = action_labels()
    missing = [
        code for code in recorded_actions() if not translator.translate("AuditLabels", labels[code])
    ]
    assert missing == []
    assert translator.translate("AuditLabels", labels["member.add"]) == "Membre ajouté"


def test_an_action_this_version_does_not_know_shows_its_code() -> None:
    assert action_label("journey.start") == "journey.start"  # written by a newer version


def test_details_read_in_french_and_unknown_keys_keep_their_code(french: None) -> None:
    """Seen on screen: "approver: False · role: analyst" in the French audit log."""
    row = AuditRow(
        seq=1,
        at=datetime(2026, 12, 3, tzinfo=UTC),
        member_login="camille",
        app_id=1,
        app_name="Boutique",
        action="member.add",
        target="member:claire",
        details={"approver": False, "role": "analyst", "mode": "fcm", "newer_key": 3, "to": []},
    )
    assert details_text(row) == (
        "Envoie vers : Firebase (FCM) · newer_key : 3 · Rôle : Analyste · Valide les envois : non"
        " · Vers : —"
    )


def _about(target: str, named: TargetName | None) -> AuditRow:
    at = datetime(2026, 12, 3, tzinfo=UTC)
    return AuditRow(1, at, "camille", 1, "Boutique", "campaign.send", target, {}, named)


def test_targets_read_as_names_in_french(french: None) -> None:
    """Seen on screen: the Target column showed "campaign:42" for every campaign."""
    assert target_text(_about("campaign:42", TargetName("campaign", "Soldes"))) == (
        "Campagne « Soldes »"
    )
    assert target_text(_about("segment:7", TargetName("segment", None))) == ("Segment 7 (supprimé)")
    assert target_text(_about("member:claire", TargetName("member", "claire"))) == (
        "Membre « claire »"
    )
    assert target_text(_about("audit.csv", None)) == "audit.csv"
