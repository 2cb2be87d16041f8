"""Imports killed at any moment (``store/import_runs.py``): the next opening of the workspace
leaves it exactly as before the import, or, once the import was published, rolls it forward to
exactly after; the next import then works.

Real ``engage-desktop import contacts`` processes on a real workspace file, killed with SIGKILL
while reading, while writing chunks and while applying the changes of known contacts after the
publish; plus the same states built by hand, to check each step of the roll back and forward.
"""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from engage_desktop.core.imports.contacts import import_contacts
from engage_desktop.core.workspace import Workspace, open_for_current_user
from engage_desktop.store.import_runs import apply_run, discard_run, import_turn
from engage_desktop.store.location import resolve_workspace
from engage_desktop.store.models import Role
from tests.support.apps import add_app
from tests.support.paths import ROOT
from tests.support.waiting import wait_until

KNOWN = 50_000
ROWS = 60_000
AUDIENCE = (
    "SELECT id, app_id, external_id, first_name, last_name, email, phone, city, postal_code, "
    "birth_date, locale, time_zone, latitude, longitude, attributes FROM profile ORDER BY id",
    "SELECT profile_id, channel, state, source FROM consent ORDER BY profile_id, channel",
)
IMPORT_TABLES = ("import_run", "import_chunk", "import_update", "import_consent")


def write_contacts(path: Path, rows: int, city: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["identifiant", "email", "ville", "opt-in push", "opt-in sms"])
        for i in range(rows):
            out.writerow([f"N{i}", f"n{i}@exemple.fr", city, "oui", "non" if i % 2 else "oui"])


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """An app whose ``KNOWN`` contacts live in Lyon (the big file moves them to Nantes)."""
    path = tmp_path / "w" / "workspace.sqlite"
    path.parent.mkdir()
    ws = open_for_current_user(resolve_workspace(str(path)), create=True)
    app_id = add_app(ws, "Maison Lumière", Role.MARKETER, platforms=())
    assert app_id == 1
    known = tmp_path / "known.csv"
    write_contacts(known, KNOWN, "Lyon")
    import_contacts(ws, app_id, known)
    ws.close()
    return path


def copy_workspace(source: Path, target: Path) -> None:
    """A consistent copy, the write-ahead log included (SQLite's backup)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def audience(path: Path) -> tuple[list[tuple[object, ...]], ...]:
    """Every stored value of profiles and consents (times of writing aside), and the schema."""
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    return (*(query(path, q) for q in AUDIENCE), query(path, schema))


def audit_entries(path: Path) -> int:
    return int(query(path, "SELECT count(*) FROM audit_log")[0][0])


def leftovers(path: Path) -> int:
    return sum(int(query(path, f"SELECT count(*) FROM {t}")[0][0]) for t in IMPORT_TABLES)


def start_import(workspace: Path, csv_path: Path) -> subprocess.Popen[str]:
    """``engage-desktop import contacts`` as a user runs it."""
    command = [sys.executable, "-m", "engage_desktop", "import", "contacts", str(csv_path)]
    return subprocess.Popen(
        [*command, "--app", "1", "--workspace", str(workspace)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def kill_when(proc: subprocess.Popen[str], seen: Callable[[], bool]) -> bool:
    """SIGKILL the import as soon as ``seen``; False if it ended first."""
    while proc.poll() is None:
        if seen():
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=30)
            return True
        time.sleep(0.003)
    proc.communicate(timeout=30)
    return False


def reopen(workspace: Path) -> None:
    """Open the workspace as the GUI, the CLI and the service do, and let the background
    clean-up finish."""
    ws = open_for_current_user(resolve_workspace(str(workspace)))
    try:
        wait_until(lambda: leftovers(workspace) == 0, timeout=120, what="leftovers finished")
    finally:
        ws.close()


def chunks(path: Path) -> int:
    return int(query(path, "SELECT count(*) FROM import_chunk")[0][0])


def published(path: Path) -> bool:
    return bool(query(path, "SELECT 1 FROM import_run WHERE state = 'published'"))


def test_an_import_killed_at_any_moment_is_rolled_back_or_forward_by_the_next_opening(
    workspace: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big.csv"
    write_contacts(big, ROWS, "Nantes")
    before, audits = audience(workspace), audit_entries(workspace)
    # Exactly after: the same import run to its end on a copy of the workspace.
    reference = tmp_path / "reference.sqlite"
    copy_workspace(workspace, reference)
    assert start_import(reference, big).wait(300) == 0
    after = audience(reference)
    assert after != before

    moments = {
        "reading": lambda: bool(query(workspace, "SELECT 1 FROM import_run")),
        "writing chunks": lambda: chunks(workspace) >= 2,
    }
    for moment, seen in moments.items():
        assert kill_when(start_import(workspace, big), seen), moment
        assert leftovers(workspace) > 0, moment
        reopen(workspace)
        assert (audience(workspace), audit_entries(workspace)) == (before, audits), moment

    pristine = tmp_path / "pristine.sqlite"
    copy_workspace(workspace, pristine)
    caught = False
    for _attempt in range(3):  # the window after the publish lasts about a second
        caught = kill_when(start_import(workspace, big), lambda: published(workspace))
        if caught:
            break
        copy_workspace(pristine, workspace)  # it ended first: back to before, and again
    assert caught, "never saw the import between its publish and its end"
    assert leftovers(workspace) > 0
    reopen(workspace)
    assert (audience(workspace), audit_entries(workspace)) == (after, audits + 1)

    # The next import works: nothing left over, nothing imported twice.
    assert start_import(workspace, big).wait(300) == 0
    assert audience(workspace)[0] == after[0]
    assert leftovers(workspace) == 0


def test_each_step_of_a_roll_back_and_forward_is_a_state_the_next_one_goes_on_from(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    """A roll back cut after any of its transactions, then resumed, ends exactly as before;
    a roll forward cut after any of its transactions, then resumed, ends exactly after."""
    ws = make_workspace()
    app_id = add_app(ws, "Maison Lumière", Role.MARKETER, platforms=())
    path = ws.location.sqlite_path
    assert path is not None
    known = tmp_path / "known.csv"
    write_contacts(known, 30, "Lyon")
    import_contacts(ws, app_id, known)
    before = audience(path)
    with ws.engine.begin() as conn:  # a run that wrote 25 profiles in two chunks
        conn.exec_driver_sql(
            "INSERT INTO import_run (id, app_id, state, first_profile_id, started_at) "
            "VALUES (7, 1, 'writing', 31, '2026-12-03 12:00:00')"
        )
        for pid in range(31, 56):
            conn.exec_driver_sql(
                "INSERT INTO profile (id, app_id, external_id, created_at, attributes) "
                f"VALUES ({pid}, 1, 'X{pid}', '2026-12-03 12:00:00', '{{}}')"
            )
            conn.exec_driver_sql(
                "INSERT INTO consent (profile_id, channel, state, changed_at) "
                f"VALUES ({pid}, 'push', 'granted', '2026-12-03 12:00:00')"
            )
        conn.exec_driver_sql("INSERT INTO import_chunk VALUES (7, 31, 40), (7, 41, 55)")
        conn.exec_driver_sql(
            "INSERT INTO import_update (run_id, profile_id, city, attributes) "
            """SELECT 7, id, 'Nantes', '{"carte": "or"}' FROM profile WHERE id <= 30"""
        )
    with import_turn(path) as ours:
        assert ours
        discard_run(ws.engine, 7, chunk=4)  # eight transactions
    assert audience(path) == before and leftovers(path) == 0

    with ws.engine.begin() as conn:  # a published run: 30 known contacts to change
        conn.exec_driver_sql(
            "INSERT INTO import_run (id, app_id, state, first_profile_id, started_at) "
            "VALUES (8, 1, 'published', 31, '2026-12-03 12:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO import_update (run_id, profile_id, city, attributes) "
            """SELECT 8, id, 'Nantes', '{"carte": "or"}' FROM profile WHERE id <= 30"""
        )
        conn.exec_driver_sql(
            "INSERT INTO import_consent SELECT 8, id, 'sms', 'denied', "
            "'2026-12-03 12:00:00', 'import:x.csv' FROM profile WHERE id <= 30"
        )
    apply_run(ws.engine, 8, chunk=7)
    profiles, consents, _schema = audience(path)
    assert {(row[7], row[14]) for row in profiles} == {("Nantes", '{"carte":"or"}')}
    assert {row[1:3] for row in consents if row[1] == "sms"} == {("sms", "denied")}
    assert leftovers(path) == 0
