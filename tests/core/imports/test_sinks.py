"""Where a contacts import writes (``core/imports/sinks.py``): short hidden chunks on SQLite,
one transaction on PostgreSQL.

Real workspaces, a real sending service and a real PostgreSQL server. The fault these cover:
an import held SQLite's write lock from its first chunk to its commit (33 to 107 s for a
million contacts), so the service could neither claim nor record a send meanwhile.
"""

from __future__ import annotations

import csv
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from engage_desktop.core.imports.contacts import (
    PROFILE_VALUE_COLUMNS,
    PUBLISHING,
    import_contacts,
)
from engage_desktop.core.imports.mapping import apply_overrides, auto_map
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.progress import CancelToken, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.import_runs import UPDATED_COLUMNS
from engage_desktop.store.models import (
    AuditEntry,
    Consent,
    ImportRun,
    OutboxMessage,
    OutboxState,
    Profile,
    Role,
)
from tests.support.apps import add_app
from tests.support.processes import Sandbox, service_env, start_service, stop_service
from tests.support.sending import seed_app, seed_campaign
from tests.support.waiting import wait_until


def write_contacts(path: Path, rows: int, city: str = "Paris") -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["identifiant", "email", "ville", "opt-in push", "opt-in sms"])
        for i in range(rows):
            out.writerow([f"N{i}", f"n{i}@exemple.fr", city, "oui", "non" if i % 2 else "oui"])


def import_app(ws: Workspace, name: str = "Maison Lumière") -> int:
    return add_app(ws, name, Role.MARKETER, platforms=())


def lock_free_within(path: Path, seconds: float) -> bool:
    """Whether another connection gets SQLite's write lock within ``seconds`` (as the service
    does to record a result)."""
    conn = sqlite3.connect(path, timeout=seconds, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


def test_another_writer_gets_the_lock_between_the_chunks_of_a_large_import(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    """Fails on the one-transaction import: it held the lock from its first chunk on."""
    ws = make_workspace()
    app_id = import_app(ws)
    path = ws.location.sqlite_path
    assert path is not None
    big = tmp_path / "contacts.csv"
    write_contacts(big, 30_000)
    free: list[bool] = []

    def on_progress(done: int, total: int | None, message: str) -> None:
        if message == "rows" and 5_000 <= done < 30_000:
            free.append(lock_free_within(path, 0.5))

    result = import_contacts(ws, app_id, big, progress=Progress(on_progress))
    assert result.inserted == 30_000
    assert len(free) >= 4 and all(free)


def sent(ws: Workspace, campaign_id: int) -> int:
    with ws.session() as s:
        count = select(func.count()).where(
            OutboxMessage.campaign_id == campaign_id, OutboxMessage.state == OutboxState.SENT
        )
        return int(s.scalar(count) or 0)


def test_a_running_service_keeps_acknowledging_sends_while_a_contact_import_runs(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    """The service starts once the import is under way and must record every send before the
    import goes on (it waits inside the import's progress report, between two chunks)."""
    ws = make_workspace()
    app_id = seed_app(ws, 50)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    target = import_app(ws, "Import")
    big = tmp_path / "contacts.csv"
    write_contacts(big, 12_000)
    services: list[subprocess.Popen[bytes]] = []
    acknowledged: list[bool] = []

    def on_progress(done: int, total: int | None, message: str) -> None:
        if message != "rows" or done < 5_000 or services:
            return
        env = service_env(sandbox.url, tmp_path)
        services.append(start_service(str(ws.location.sqlite_path), env, tmp_path))
        try:
            wait_until(lambda: sent(ws, campaign_id) == 50, timeout=60, what="sends recorded")
            acknowledged.append(True)
        except AssertionError:
            acknowledged.append(False)

    try:
        result = import_contacts(ws, target, big, progress=Progress(on_progress))
    finally:
        for service in services:
            stop_service(service)
    assert acknowledged == [True]
    assert result.inserted == 12_000
    with ws.session() as s:
        assert s.scalar(select(func.count()).where(Profile.app_id == target)) == 12_000
        assert s.scalar(select(func.count()).select_from(ImportRun)) == 0
        assert (s.scalar(select(func.count()).select_from(AuditEntry)) or 0) >= 1


def test_known_contacts_change_only_at_the_publish(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    """Their new values are staged while the file is read, and applied after the publish."""
    ws = make_workspace()
    app_id = import_app(ws)
    first = tmp_path / "first.csv"
    write_contacts(first, 7_000, city="Lyon")
    import_contacts(ws, app_id, first)
    again = tmp_path / "again.csv"
    write_contacts(again, 12_000, city="Nantes")
    seen: list[tuple[int, int]] = []

    def cities() -> tuple[int, int]:
        with ws.session() as s:
            lyon = s.scalar(select(func.count()).where(Profile.city == "Lyon"))
            nantes = s.scalar(select(func.count()).where(Profile.city == "Nantes"))
            return int(lyon or 0), int(nantes or 0)

    def on_progress(done: int, total: int | None, message: str) -> None:
        if message == "rows" and 5_000 <= done < 12_000:
            seen.append(cities())

    result = import_contacts(ws, app_id, again, progress=Progress(on_progress))
    assert (result.inserted, result.updated) == (5_000, 7_000)
    assert seen and all(lyon == 7_000 for lyon, _nantes in seen)  # nothing applied yet
    assert cities() == (0, 12_000)
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(ImportRun)) == 0


def test_a_contact_met_twice_in_a_file_keeps_what_each_row_brought(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    """Its external id on one row, its email on a later one: both stage changes of the same
    profile, the later row's values over the earlier's, nothing brought by either lost."""
    ws = make_workspace()
    app_id = import_app(ws)
    first = tmp_path / "first.csv"
    first.write_text("identifiant;email\nA-1;zoe@exemple.fr\n", encoding="utf-8")
    import_contacts(ws, app_id, first)
    again = tmp_path / "again.csv"
    again.write_text(
        "identifiant;email;ville;carte;opt-in sms\nA-1;;Lyon;or;oui\n;zoe@exemple.fr;;;non\n",
        encoding="utf-8",
    )
    headers = ["identifiant", "email", "ville", "carte", "opt-in sms"]
    mapping = apply_overrides(headers, auto_map(headers), {"carte": "attribute:carte"})
    result = import_contacts(ws, app_id, again, mapping)
    assert (result.inserted, result.updated) == (0, 2)
    with ws.session() as s:
        profile = s.scalars(select(Profile).where(Profile.app_id == app_id)).one()
        consent = s.scalars(select(Consent).where(Consent.profile_id == profile.id)).one()
    assert (profile.city, profile.attributes) == ("Lyon", {"carte": "or"})
    assert (consent.channel.value, consent.state.value) == ("sms", "denied")


def test_a_cancel_once_the_publish_has_begun_is_too_late(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    """The last moment a cancel is honoured is the report that announces the publish."""
    ws = make_workspace()
    app_id = import_app(ws)
    small = tmp_path / "small.csv"
    write_contacts(small, 100)
    token = CancelToken()
    messages: list[str] = []

    def on_progress(done: int, total: int | None, message: str) -> None:
        messages.append(message)
        if message == PUBLISHING:
            token.cancel()

    result = import_contacts(ws, app_id, small, progress=Progress(on_progress, token))
    assert result.inserted == 100 and PUBLISHING in messages
    with ws.session() as s:
        assert s.scalar(select(func.count()).where(Profile.app_id == app_id)) == 100


@pytest.mark.postgres
def test_on_postgresql_the_import_is_one_transaction_that_holds_up_no_other_writer(
    make_workspace: Callable[..., Workspace], pg_url: str, tmp_path: Path
) -> None:
    """PostgreSQL writes straight into the tables in one transaction: its MVCC lets the service
    record sends meanwhile (row locks, not a database lock), and no one sees a half-done
    import; it never writes import runs."""
    ws = make_workspace(pg_url)
    app_id = seed_app(ws, 20)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    target = import_app(ws, "Import")
    big = tmp_path / "contacts.csv"
    write_contacts(big, 12_000)
    seen: list[tuple[int, int, int]] = []

    def on_progress(done: int, total: int | None, message: str) -> None:
        if message != "rows" or done < 5_000 or seen:
            return
        with ws.engine.begin() as conn:  # what the service does when FCM answers
            conn.exec_driver_sql("SET LOCAL lock_timeout = '5s'")
            written = conn.execute(
                update(OutboxMessage)
                .where(OutboxMessage.campaign_id == campaign_id)
                .values(state=OutboxState.SENT)
            ).rowcount
        with ws.session() as s:
            visible = s.scalar(select(func.count()).where(Profile.app_id == target))
            runs = s.scalar(select(func.count()).select_from(ImportRun))
        seen.append((written, int(visible or 0), int(runs or 0)))

    import_contacts(ws, target, big, progress=Progress(on_progress))
    assert seen == [(20, 0, 0)]  # the send recorded mid-import; none of the import visible
    assert sent(ws, campaign_id) == 20
    with ws.session() as s:
        assert s.scalar(select(func.count()).where(Profile.app_id == target)) == 12_000


def test_every_field_an_import_writes_can_be_staged_for_a_known_contact() -> None:
    """The staging table (store) and the import's profile fields (core) are listed apart, on
    either side of the layers: a field added to one only would be dropped from known contacts."""
    assert set(UPDATED_COLUMNS) == set(PROFILE_VALUE_COLUMNS)
