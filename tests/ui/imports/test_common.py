"""What the import panels say about a row or a whole file, in the French GUI."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from engage_desktop.core.imports.errors import ImportFailed, RowError
from engage_desktop.core.imports.ga4 import ExportReader
from engage_desktop.ui.imports.common import failure_text, reason_text
from tests.support.paths import IMPORT_SAMPLES


def test_reasons_are_worded_in_french(french: None) -> None:
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


def test_stop_reasons_are_worded_in_french(french: None, tmp_path: Path) -> None:
    """A whole-file failure (here a truncated export) reads in French, details included."""
    data = gzip.compress((IMPORT_SAMPLES / "ga4_export_sample.ndjson").read_bytes() * 20)
    path = tmp_path / "export.json.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFailed) as caught:
        for _ in ExportReader(path).records():
            pass
    assert caught.value.code == "truncated_gz"
    text = failure_text(caught.value)
    line = caught.value.args_text[1]
    assert text.startswith("L’import s’est arrêté et rien n’a été écrit : "), text
    assert (
        f"export.json.gz est tronqué : les données compressées s’arrêtent au milieu de la ligne {line}"
        in text
    )
    assert "truncated" not in text
