"""The contacts import panel on a real workspace: the wizard runs an import, a cancel undoes
one, and a big file goes through the reading process."""

from __future__ import annotations

import csv
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from engage_desktop.core.imports.mapping import Field
from engage_desktop.store.models import Consent, Profile
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.imports import ContactsImportPanel
from tests.support.db import count_rows
from tests.support.paths import IMPORT_SAMPLES


def test_wizard_previews_maps_and_imports(context: UiContext, qtbot: QtBot, tmp_path: Path) -> None:
    panel = ContactsImportPanel(context)
    qtbot.addWidget(panel)
    panel.resize(1000, 640)
    panel.show()
    panel.open_file(IMPORT_SAMPLES / "contacts_fr_excel.csv")
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.preview_page)
    assert "Windows-1252" in panel.format_label.text()
    assert panel.preview.item(0, 2).text() == "Élodie"
    panel.to_mapping.click()
    chosen = [Field(c.currentData()) for c in panel.combos]
    assert chosen[:3] == [Field.EXTERNAL_ID, Field.IGNORE, Field.FIRST_NAME]
    # Keep "Carte fidélité" as an attribute; an import needs a key column.
    panel.combos[13].setCurrentIndex(list(Field).index(Field.ATTRIBUTE))
    panel.combos[0].setCurrentIndex(list(Field).index(Field.IGNORE))
    panel.combos[4].setCurrentIndex(list(Field).index(Field.IGNORE))
    assert not panel.import_button.isEnabled()
    assert "external id" in panel.mapping_warning.text()
    panel.combos[0].setCurrentIndex(list(Field).index(Field.EXTERNAL_ID))
    panel.combos[4].setCurrentIndex(list(Field).index(Field.EMAIL))
    assert panel.import_button.isEnabled()
    panel.import_button.click()
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.summary_page, timeout=10_000)
    qtbot.waitUntil(lambda: panel.job is None)  # its finished signal came too
    assert panel.result is not None
    assert (panel.result.inserted, panel.result.failed) == (7, 2)
    assert panel.errors.rowCount() == 6  # 2 rejected rows, 4 cells left out, in line order
    assert panel.errors.item(0, 1).text() == "Téléphone"
    assert panel.errors.item(0, 4).text() == "imported without this value"
    assert "without a value that could not be read: 3" in panel.summary_label.text()
    assert panel.save_button.isEnabled()
    with context.workspace.session() as session:
        elodie = session.scalars(select(Profile).where(Profile.external_id == "CLI0001")).one()
        assert elodie.attributes == {"carte_fidelite": "Or"}
    panel.grab().save(str(tmp_path / "summary.png"))


def test_cancel_from_the_panel_writes_nothing(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "gros.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["identifiant", "e-mail", "opt-in sms"])
        for i in range(30_000):
            out.writerow([f"N{i}", f"n{i}@exemple.fr", "oui"])
    panel = ContactsImportPanel(context)
    qtbot.addWidget(panel)
    panel.open_file(path)
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.preview_page)
    panel.to_mapping.click()
    job = panel.start_import()
    assert job is not None
    with qtbot.waitSignal(job.progressed, timeout=10_000):
        pass  # the import is running
    with qtbot.waitSignal(job.finished, timeout=20_000):
        panel.cancel_button.click()
    assert panel.stack.currentWidget() is panel.summary_page
    assert panel.result is None
    assert "cancelled" in panel.summary_label.text().lower()
    assert count_rows(context.workspace, Profile) == 0
    assert count_rows(context.workspace, Consent) == 0


def test_a_big_file_imports_from_the_panel_with_its_reading_process(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    """From the GUI's worker thread the reading process is spawned, streams, and is reaped."""
    import multiprocessing

    from benchmarks.imports import write_contacts_csv
    from engage_desktop.core.imports.pipeline import CHILD_ROWS

    path = tmp_path / "gros.csv"
    bad = write_contacts_csv(path, CHILD_ROWS + 500, seed=11)
    panel = ContactsImportPanel(context)
    qtbot.addWidget(panel)
    panel.open_file(path)
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.preview_page)
    panel.to_mapping.click()
    job = panel.start_import()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert panel.result is not None
    # Every deliberately bad row has one unreadable optional cell: kept, with a warning.
    assert (panel.result.inserted, panel.result.failed) == (CHILD_ROWS + 500, 0)
    assert panel.result.rows_with_left_out == bad
    assert count_rows(context.workspace, Profile) == CHILD_ROWS + 500
    assert multiprocessing.active_children() == []


def test_the_publish_shows_a_busy_bar_and_can_no_longer_be_cancelled(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    """Every row is written; the publish, then the changes of known contacts, run: no count
    to show, and no cancel (the contacts are already visible)."""
    path = tmp_path / "contacts.csv"
    path.write_text("identifiant;e-mail\nN1;n1@exemple.fr\n", encoding="utf-8")
    panel = ContactsImportPanel(context)
    qtbot.addWidget(panel)
    panel.open_file(path)
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.preview_page)
    panel.to_mapping.click()
    job = panel.start_import()
    assert job is not None
    seen: list[tuple[str, int, bool]] = []
    job.progressed.connect(
        lambda *args: seen.append(
            (args[2], panel.progress_bar.maximum(), panel.cancel_button.isEnabled())
        )
    )
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    publishing = [(bar, cancel) for message, bar, cancel in seen if message == "publishing"]
    assert publishing and set(publishing) == {(0, False)}
    assert count_rows(context.workspace, Profile) == 1
