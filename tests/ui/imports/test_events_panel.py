"""The events import panel on a real workspace: the GA4 sample imports, a truncated export is
reported and writes nothing."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from engage_desktop.store.models import Event
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.imports import EventsImportPanel
from tests.support.db import count_rows
from tests.support.paths import IMPORT_SAMPLES


def test_events_panel_imports_the_sample(context: UiContext, qtbot: QtBot) -> None:
    panel = EventsImportPanel(context)
    qtbot.addWidget(panel)
    job = panel.start_import(IMPORT_SAMPLES / "ga4_export_sample.ndjson")
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert panel.result is not None and panel.result.imported == 10
    assert "10 events imported" in panel.status.text()
    assert count_rows(context.workspace, Event) == 10


def test_events_panel_reports_a_truncated_export(
    context: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    import gzip

    data = gzip.compress((IMPORT_SAMPLES / "ga4_export_sample.ndjson").read_bytes() * 20)
    path = tmp_path / "events.json.gz"
    path.write_bytes(data[: len(data) // 2])
    panel = EventsImportPanel(context)
    qtbot.addWidget(panel)
    job = panel.start_import(path)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert "truncated" in panel.status.text() and "nothing was written" in panel.status.text()
    assert count_rows(context.workspace, Event) == 0


def test_counts_take_their_plural_form_in_french(
    context: UiContext, qtbot: QtBot, tmp_path: Path, french: None
) -> None:
    # Fault: "1 lignes rejetées".
    sample = (IMPORT_SAMPLES / "ga4_export_sample.ndjson").read_text(encoding="utf-8")
    path = tmp_path / "events.ndjson"
    path.write_text(sample.splitlines()[0] + "\n{not json\n", encoding="utf-8")
    panel = EventsImportPanel(context)
    qtbot.addWidget(panel)
    job = panel.start_import(path)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    text = panel.status.text()
    assert panel.result is not None and panel.result.failed == 1, text
    assert "1 ligne rejetée" in text and "1 événement importé" in text, text
    assert "lignes rejetées" not in text
    assert "1 contact," in text and "1 appareil," in text
