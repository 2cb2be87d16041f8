"""Every user-visible string has a French translation, and the compiled catalogues are current."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from tests.support.paths import CATALOGUES, ROOT

UI = ROOT / "engage_desktop" / "ui"


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in {
                "unfinished",
                "vanished",
                "obsolete",
            }
            text = translation.text if done and translation is not None else None
            found[(name, message.findtext("source") or "")] = text
    return found


def test_every_ui_string_is_translated_to_french(tmp_path: Path) -> None:
    scratch = tmp_path / "all.ts"
    sources = [str(p) for p in sorted(UI.rglob("*.py"))]
    subprocess.run(
        ["pyside6-lupdate", "-locations", "none", *sources, "-ts", str(scratch)],
        check=True,
        capture_output=True,
    )
    needed = set(_messages(scratch))
    assert needed, "lupdate found no strings: the extraction is broken"
    assert ("", "") not in needed
    shipped: dict[tuple[str, str], str | None] = {}
    for ts in CATALOGUES.glob("*_fr.ts"):
        shipped.update({k: v for k, v in _messages(ts).items() if v})
    missing = sorted(f"{ctx}: {src!r}" for ctx, src in needed if not shipped.get((ctx, src)))
    assert not missing, "no French translation for:\n" + "\n".join(missing)
    empty_context = [src for ctx, src in needed if not ctx]
    assert not empty_context, f"strings lupdate cannot attach to a class context: {empty_context}"


def test_compiled_catalogues_match_their_sources(tmp_path: Path) -> None:
    for ts in CATALOGUES.glob("*_*.ts"):  # French, and English plural forms
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run(
            ["pyside6-lrelease", str(ts), "-qm", str(fresh)], check=True, capture_output=True
        )
        shipped = ts.with_suffix(".qm")
        assert shipped.exists(), f"{shipped.name} is missing: run scripts/update_translations.py"
        assert shipped.read_bytes() == fresh.read_bytes(), f"{shipped.name} is stale"


def test_french_is_loaded(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(CATALOGUES / "foundation_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Service: stopped") == "Service : arrêté"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_counted_messages_take_their_plural_form(qapp) -> None:
    def counted(lang: str, n: int) -> str:
        translator = QTranslator()
        assert translator.load(str(CATALOGUES / f"dispatch_{lang}.qm"))
        QCoreApplication.installTranslator(translator)
        try:
            source = "Cancelled: %Ln message(s) will not be sent."
            return QCoreApplication.translate("SendPanel", source, "", n)
        finally:
            QCoreApplication.removeTranslator(translator)

    assert counted("en", 1) == "Cancelled: 1 message will not be sent."
    assert counted("en", 3) == "Cancelled: 3 messages will not be sent."
    assert counted("fr", 1) == "Annulée : 1 message ne sera pas envoyé."
    assert counted("fr", 3) == "Annulée : 3 messages ne seront pas envoyés."
