"""The import panels on a real workspace: the wizard runs an import, and a cancel undoes one."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from engage_desktop.core.imports.mapping import Field
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, Consent, Event, MemberRole, Profile, Role
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.imports import ContactsImportPanel, EventsImportPanel

DATA = Path(__file__).resolve().parents[2] / "data" / "imports"


@pytest.fixture
def context(make_workspace: Callable[..., Workspace], qsettings: QSettings) -> UiContext:
    ws = make_workspace()
    with ws.session() as session:
        app = App(name="Maison Lumière", firebase_project_id="maison-lumiere")
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.MARKETER))
    return UiContext(ws, qsettings)


def count(ws: Workspace, model: type) -> int:
    with ws.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_wizard_previews_maps_and_imports(context: UiContext, qtbot: QtBot, tmp_path: Path) -> None:
    panel = ContactsImportPanel(context)
    qtbot.addWidget(panel)
    panel.resize(1000, 640)
    panel.show()
    panel.open_file(DATA / "contacts_fr_excel.csv")
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
    assert count(context.workspace, Profile) == 0
    assert count(context.workspace, Consent) == 0


def test_events_panel_imports_the_sample(context: UiContext, qtbot: QtBot) -> None:
    panel = EventsImportPanel(context)
    qtbot.addWidget(panel)
    job = panel.start_import(DATA / "ga4_export_sample.ndjson")
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert panel.result is not None and panel.result.imported == 10
    assert "10 events imported" in panel.status.text()
    assert count(context.workspace, Event) == 10


def test_events_panel_reports_a_truncated_export(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    import gzip

    data = gzip.compress((DATA / "ga4_export_sample.ndjson").read_bytes() * 20)
    path = tmp_path / "events.json.gz"
    path.write_bytes(data[: len(data) // 2])
    panel = EventsImportPanel(context)
    qtbot.addWidget(panel)
    job = panel.start_import(path)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert "truncated" in panel.status.text() and "nothing was written" in panel.status.text()
    assert count(context.workspace, Event) == 0


def test_reasons_are_worded_in_french(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from engage_desktop.core.imports.errors import RowError
    from engage_desktop.ui.imports.common import reason_text

    catalogue = Path(__file__).resolve().parents[3] / "resources" / "translations"
    translator = QTranslator()
    assert translator.load(str(catalogue / "imports_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        error = RowError(
            7,
            "Date",
            "31/02/1990",
            "'31/02/1990' is not a real date",
            "impossible_date",
            ("31/02/1990",),
        )
        assert reason_text(error) == "« 31/02/1990 » n’est pas une date qui existe"
        plain = RowError(3, None, None, "something new")
        assert reason_text(plain) == "something new"  # no code: core's own words
    finally:
        QCoreApplication.removeTranslator(translator)


def test_stop_reasons_are_worded_in_french(qapp: object, tmp_path: Path) -> None:
    """A whole-file failure (here a truncated export) reads in French, details included."""
    import gzip

    from PySide6.QtCore import QCoreApplication, QTranslator

    from engage_desktop.core.imports.errors import ImportFailed
    from engage_desktop.core.imports.ga4 import ExportReader
    from engage_desktop.ui.imports.common import failure_text

    data = gzip.compress((DATA / "ga4_export_sample.ndjson").read_bytes() * 20)
    path = tmp_path / "export.json.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFailed) as caught:
        for _ in ExportReader(path).records():
            pass
    assert caught.value.code == "truncated_gz"
    catalogue = Path(__file__).resolve().parents[3] / "resources" / "translations"
    translator = QTranslator()
    assert translator.load(str(catalogue / "imports_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        text = failure_text(caught.value)
    finally:
        QCoreApplication.removeTranslator(translator)
    line = caught.value.args_text[1]
    assert text.startswith("L’import s’est arrêté") or "rien n’a été écrit" in text.lower(), text
    assert (
        f"export.json.gz est tronqué : les données compressées s’arrêtent au milieu de la ligne {line}"
        in text
    )
    assert "truncated" not in text


def test_a_big_file_imports_from_the_panel_with_its_reading_process(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    """From the GUI's worker thread the reading process is spawned, streams, and is reaped."""
    import multiprocessing
    import sys

    from engage_desktop.core.imports.pipeline import CHILD_ROWS

    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    from benchmarks.imports import write_contacts_csv

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
    assert count(context.workspace, Profile) == CHILD_ROWS + 500
    assert multiprocessing.active_children() == []
