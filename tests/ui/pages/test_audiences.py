"""The Audiences page as a whole: its tabs, and an import seen by the Profiles tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.pages.audiences import AudiencesPage


def _write_contacts(path: Path) -> Path:
    path.write_bytes(
        "Identifiant;Prénom;Nom;E-mail;Ville\r\n"
        "IMP-1;Zoé;Quintal;zoe.quintal@example.fr;Quimper\r\n".encode("cp1252")
    )
    return path


def test_import_tab_offers_both_imports_and_profiles_see_the_result(
    qtbot: QtBot, demo_workspace: Workspace, qsettings: QSettings, tmp_path: Path
) -> None:
    page = AudiencesPage(
        UiContext(demo_workspace, qsettings, access=read_member_access(demo_workspace))
    )
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Profiles", "Segments", "Import"]

    page.search.setText("Quintal")
    qtbot.waitUntil(lambda: page.count_label.text() == "0 profiles", timeout=10_000)

    page.show_tab("import")
    tab = page.imports
    assert tab.stack.currentWidget() is tab.contacts
    panel = tab.contacts
    panel.open_file(_write_contacts(tmp_path / "nouveaux.csv"))
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.preview_page, timeout=10_000)
    panel.to_mapping.click()
    panel.import_button.click()
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.summary_page, timeout=10_000)
    assert panel.result is not None and panel.result.inserted == 1

    page.show_tab("profiles")  # coming back searches again: the new contact is there
    qtbot.waitUntil(lambda: [r.external_id for r in page.model.rows] == ["IMP-1"], timeout=10_000)
