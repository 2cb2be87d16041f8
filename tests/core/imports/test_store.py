"""The shared bulk writer: the same imports on a real PostgreSQL server (COPY for new rows,
sequences for ids), and planner statistics refreshed after an import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.imports.contacts import import_contacts
from engage_desktop.core.imports.events import import_events
from engage_desktop.core.progress import Cancelled, CancelToken, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, Consent, Event, EventDaily, MemberRole, Profile, Role
from tests.support.db import count_rows
from tests.support.paths import IMPORT_SAMPLES

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_ws(make_workspace: Callable[..., Workspace], pg_url: str) -> tuple[Workspace, int]:
    from datetime import UTC, datetime

    ws = make_workspace(pg_url)
    ws.clock = FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    with ws.session() as session:
        app = App(name="Maison Lumière", firebase_project_id="maison-lumiere")
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.MARKETER))
        return ws, app.id


def test_contacts_on_postgresql(pg_ws: tuple[Workspace, int], tmp_path: Path) -> None:
    ws, app_id = pg_ws
    result = import_contacts(ws, app_id, IMPORT_SAMPLES / "contacts_fr_excel.csv")
    assert (result.inserted, result.failed) == (7, 2)
    again = import_contacts(ws, app_id, IMPORT_SAMPLES / "contacts_fr_excel.csv")
    assert (again.inserted, again.updated) == (0, 7)
    with ws.session() as session:
        elodie = session.scalars(select(Profile).where(Profile.external_id == "CLI0001")).one()
        assert elodie.phone == "+33612345678"
        # The sequence moved past the imported ids: an ORM insert still works.
        session.add(Profile(app_id=app_id, external_id="after-import"))
    assert count_rows(ws, Consent) == 17  # the rows with a left-out cell keep their consents
    before = count_rows(ws, Profile)
    path = tmp_path / "big.csv"
    path.write_text(
        "identifiant;email\n" + "".join(f"N{i};n{i}@exemple.fr\n" for i in range(12_000)),
        encoding="utf-8",
    )
    token = CancelToken()

    def stop(done: int, _total: int | None, _message: str) -> None:
        if done >= 5_000:
            token.cancel()

    with pytest.raises(Cancelled):
        import_contacts(ws, app_id, path, progress=Progress(stop, token))
    assert count_rows(ws, Profile) == before


def test_events_on_postgresql(pg_ws: tuple[Workspace, int]) -> None:
    ws, app_id = pg_ws
    import_events(ws, app_id, IMPORT_SAMPLES / "ga4_export_sample.ndjson")
    again = import_events(ws, app_id, IMPORT_SAMPLES / "ga4_export_sample.ndjson")
    assert again.already_stored == 10  # JSONB parameters compare equal to the file's
    assert count_rows(ws, Event) == 10
    with ws.session() as session:
        assert session.scalar(select(func.sum(EventDaily.count))) == 10


def _stat_rows(ws: Workspace, table: str) -> str | None:
    with ws.engine.connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        ).first()
        if exists is None:
            return None
        row = conn.execute(
            text("SELECT stat FROM sqlite_stat1 WHERE tbl = :t AND idx IS NULL"), {"t": table}
        ).first()
        if row is None:  # tables with indexes keep their row count on each index line
            row = conn.execute(
                text("SELECT stat FROM sqlite_stat1 WHERE tbl = :t LIMIT 1"), {"t": table}
            ).first()
    return None if row is None else str(row[0])


def test_contacts_import_refreshes_statistics(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    csv = tmp_path / "c.csv"
    csv.write_text(
        "external_id;email\n" + "".join(f"C{i};c{i}@example.fr\n" for i in range(30)),
        encoding="utf-8",
    )
    import_contacts(ws, app_id, csv)
    stat = _stat_rows(ws, "profile")
    assert stat is not None and stat.split()[0] == "30"


def test_dry_run_leaves_statistics_alone(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    csv = tmp_path / "c.csv"
    csv.write_text("external_id;email\nC1;c1@example.fr\n", encoding="utf-8")
    import_contacts(ws, app_id, csv, dry_run=True)
    assert _stat_rows(ws, "profile") is None
