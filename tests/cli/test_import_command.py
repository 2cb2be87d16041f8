"""``engage-desktop import``, run as a user would: a real process on a real workspace file."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from engage_desktop.core.workspace import open_for_current_user
from engage_desktop.store.location import resolve_workspace
from engage_desktop.store.models import Role
from tests.support.apps import add_app
from tests.support.cli import run_cli
from tests.support.paths import IMPORT_SAMPLES


def cli(workspace: Path, *args: str) -> CompletedProcess[str]:
    """``engage-desktop import ARGS --workspace WORKSPACE`` in a real process."""
    return run_cli("import", *args, workspace=workspace)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """Not the demo: an empty app the user may import into."""
    path = tmp_path / "w.sqlite"
    ws = open_for_current_user(resolve_workspace(str(path)), create=True)
    add_app(ws, "Maison Lumière", Role.MARKETER, platforms=())
    ws.close()
    return path


def test_contacts_with_rejected_rows_exit_3_and_write_the_report(
    workspace: Path, tmp_path: Path
) -> None:
    report = tmp_path / "erreurs.csv"
    done = cli(
        workspace,
        "contacts",
        str(IMPORT_SAMPLES / "contacts_fr_excel.csv"),
        "--app",
        "1",
        "--mapping",
        "Carte fidélité=attribute:carte",
        "--errors",
        str(report),
    )
    assert done.returncode == 3, done.stderr
    assert "imported 7 new, updated 0, rejected 2 of 9 rows (1 duplicates)" in done.stdout
    assert "3 rows imported without a value that could not be read" in done.stdout
    assert "line 8, column 'Identifiant': duplicate external id" in done.stderr
    assert "line 6, column 'Téléphone': '06 12 34' is not a valid phone number" in done.stderr
    with open(report, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 1 + 6
    assert [row[4] for row in rows[1:]].count("row rejected") == 2
    again = cli(workspace, "contacts", str(IMPORT_SAMPLES / "contacts_fr_excel.csv"), "--app", "1")
    assert "imported 0 new, updated 7" in again.stdout


def test_dry_run_writes_nothing(workspace: Path) -> None:
    dry = cli(
        workspace,
        "contacts",
        str(IMPORT_SAMPLES / "contacts_fr_excel.csv"),
        "--app",
        "1",
        "--dry-run",
    )
    assert "would import 7 new" in dry.stdout and "nothing was written" in dry.stdout
    real = cli(workspace, "contacts", str(IMPORT_SAMPLES / "contacts_fr_excel.csv"), "--app", "1")
    assert "imported 7 new" in real.stdout  # the dry run left nothing behind


def test_clean_file_exits_0(workspace: Path, tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("email,first name\nzoe@exemple.fr,Zoé\n", encoding="utf-8-sig")
    done = cli(workspace, "contacts", str(path), "--app", "1")
    assert done.returncode == 0, done.stderr
    assert "UTF-8 (BOM), comma" in done.stdout


def test_bad_mapping_and_missing_file_exit_1(workspace: Path, tmp_path: Path) -> None:
    bad = cli(
        workspace,
        "contacts",
        str(IMPORT_SAMPLES / "contacts_fr_excel.csv"),
        "--app",
        "1",
        "--mapping",
        "Fax=phone",
    )
    assert bad.returncode == 1
    assert "the mapping names column 'Fax', which is not in the file" in bad.stderr
    assert "Traceback" not in bad.stderr
    missing = cli(workspace, "contacts", str(tmp_path / "absent.csv"), "--app", "1")
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_events_plain_gzip_and_truncated(workspace: Path, tmp_path: Path) -> None:
    done = cli(workspace, "events", str(IMPORT_SAMPLES / "ga4_export_sample.ndjson"), "--app", "1")
    assert done.returncode == 0, done.stderr
    assert "imported 10 events" in done.stdout
    packed = tmp_path / "events.json.gz"
    data = gzip.compress((IMPORT_SAMPLES / "ga4_export_sample.ndjson").read_bytes() * 50)
    packed.write_bytes(data[: len(data) // 2])
    cut = cli(workspace, "events", str(packed), "--app", "1")
    assert cut.returncode == 1
    assert "is truncated" in cut.stderr and "Nothing was imported" in cut.stderr
