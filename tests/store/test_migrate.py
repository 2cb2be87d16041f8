"""The schema: migrations apply on SQLite and PostgreSQL and match the models; opening an older
workspace copies the file aside, then upgrades it — all or nothing, never beside a running older
service, with a bounded set of private backups."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text

from engage_desktop.core.workspace import Workspace
from engage_desktop.store import migrate
from engage_desktop.store.errors import WorkspaceError
from engage_desktop.store.location import resolve_workspace
from engage_desktop.store.migrate import head_revision, schema_revision
from engage_desktop.store.models import (
    App,
    Base,
    Campaign,
    CampaignFormat,
    CampaignVariant,
    Channel,
    Consent,
    ConsentState,
    Profile,
)
from tests.support.paths import ROOT


def _roundtrip(ws: Workspace) -> None:
    with ws.session() as session:
        app = App(name="Test app", firebase_project_id="test-proj", platforms=["ios"])
        session.add(app)
        session.flush()
        profile = Profile(
            app_id=app.id,
            external_id="x1",
            first_name="Zoé",
            attributes={"tier": "or"},
            last_seen_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        )
        session.add(profile)
        session.flush()
        session.add(
            Consent(profile_id=profile.id, channel=Channel.PUSH, state=ConsentState.GRANTED)
        )
        campaign = Campaign(app_id=app.id, name="Soldes", format=CampaignFormat.PUSH)
        campaign.variants.append(CampaignVariant(key="A", content={"title": "Bonjour"}))
        session.add(campaign)
    with ws.session_factory() as session:
        got = session.scalar(select(Profile).where(Profile.external_id == "x1"))
        assert got is not None
        assert got.first_name == "Zoé"
        assert got.attributes == {"tier": "or"}
        assert got.last_seen_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
        assert session.scalar(select(Consent.state)) is ConsentState.GRANTED
        raw = session.execute(text("SELECT state FROM consent")).scalar_one()
        assert raw == "granted"  # values, not enum names, so raw SQL reads naturally
        campaign = session.scalar(select(Campaign))
        assert campaign is not None and campaign.variants[0].content == {"title": "Bonjour"}


def _schema_matches_models(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"


def test_sqlite_workspace_is_migrated_to_head(make_workspace) -> None:
    ws = make_workspace()
    assert schema_revision(ws.engine) == head_revision()
    _schema_matches_models(ws)
    _roundtrip(ws)


def test_sqlite_is_wal_with_foreign_keys_and_busy_timeout(make_workspace) -> None:
    ws = make_workspace()
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


@pytest.mark.postgres
def test_postgresql_workspace_is_migrated_to_head(make_workspace, pg_url: str) -> None:
    ws = make_workspace(pg_url)
    assert ws.engine.dialect.name == "postgresql"
    assert schema_revision(ws.engine) == head_revision()
    _schema_matches_models(ws)
    _roundtrip(ws)


def test_indexes_for_segment_queries_exist(make_workspace) -> None:
    ws = make_workspace()
    names = {ix["name"] for ix in inspect(ws.engine).get_indexes("event")}
    assert "ix_event_name_ts_profile" in names
    daily = {ix["name"] for ix in inspect(ws.engine).get_indexes("event_daily")}
    assert "ix_event_daily_profile" in daily


def test_first_member_is_admin_of_every_app(tmp_path: Path) -> None:
    from engage_desktop.core.workspace import ensure_member, open_for_current_user
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.store.models import Role

    location = resolve_workspace(str(tmp_path / "w.sqlite"))
    ws = open_for_current_user(location, create=True)
    with ws.session() as session:
        session.add(App(name="A", firebase_project_id="a", platforms=[]))
    ws.close()
    # A new workspace whose apps exist before the first member: that member administers them.
    ws.engine.dispose()
    from engage_desktop.store.migrate import open_workspace

    engine = open_workspace(location)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM member"))
    member_id = ensure_member(engine, "first.person")
    second = ensure_member(engine, "second.person")
    from engage_desktop.security.roles import role_of
    from engage_desktop.store.engine import make_session_factory

    with make_session_factory(engine)() as session:
        app_id = session.scalar(select(App.id))
        assert app_id is not None
        assert role_of(session, member_id, app_id) is Role.ADMIN
        assert role_of(session, second, app_id) is None
    engine.dispose()


NEXT_REVISION = '''
"""test: a later schema"""
import sqlalchemy as sa
from alembic import op

revision = "9000_test_next"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workspace_setting") as batch:
        batch.add_column(sa.Column("note", sa.String(50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workspace_setting") as batch:
        batch.drop_column("note")
'''


def _install_later_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Stand in for a newer Engage Desktop: the real migrations plus one more revision."""
    head = migrate.head_revision()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9000_test_next.py").write_text(NEXT_REVISION.format(head=head))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    migrate.head_revision.cache_clear()
    return head


@pytest.fixture(autouse=True)
def _fresh_head_cache() -> Iterator[None]:
    migrate.head_revision.cache_clear()
    yield
    migrate.head_revision.cache_clear()


def test_older_workspace_is_backed_up_then_upgraded(
    make_workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = make_workspace()  # at today's head
    path = ws.location.sqlite_path
    assert path is not None
    ws.close()
    old_head = _install_later_code(tmp_path, monkeypatch)
    assert migrate.head_revision() == "9000_test_next"

    engine = migrate.open_workspace(resolve_workspace(str(path)))
    try:
        assert migrate.schema_revision(engine) == "9000_test_next"
    finally:
        engine.dispose()
    backups = list(path.parent.glob(f"{path.name}.before-{old_head}-*.bak"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (old_head,)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(workspace_setting)")}
        assert "note" not in columns  # the copy is the file as it was before the upgrade
    finally:
        conn.close()


NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def workspace_at(path: Path, revision: str) -> None:
    """A SQLite workspace at an old schema revision, with one consent row to carry over."""
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.execute(
            text(
                "INSERT INTO app (id, name, firebase_project_id, platforms, use_sandbox, "
                "created_at) VALUES (1, 'Shop', 'shop', '[]', false, '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO profile (id, app_id, external_id, attributes, created_at) "
                "VALUES (1, 1, 'a', '{}', '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO consent (profile_id, channel, state, changed_at) "
                "VALUES (1, 'push', 'granted', '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()


def tables(path: Path) -> set[str]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


KILLED_MID_UPGRADE = textwrap.dedent(
    """
    import os, sys
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.store.migrate import open_workspace

    @event.listens_for(Engine, "before_cursor_execute")
    def kill_at_the_copy(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO _consent_new"):
            os._exit(9)  # as a kill -9 would: no rollback, no cleanup

    open_workspace(resolve_workspace(sys.argv[1]))
    """
)


def test_a_kill_in_the_middle_of_an_upgrade_leaves_the_old_schema(tmp_path: Path) -> None:
    """The fault: SQLite's driver does not begin a transaction before DDL, so a migration killed
    after its first CREATE TABLE left that table committed, and the next start failed on it."""
    path = tmp_path / "workspace.sqlite"
    workspace_at(path, "0002")
    before = tables(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", KILLED_MID_UPGRADE, str(path)], env=env, timeout=120
    )
    assert done.returncode == 9
    assert tables(path) == before  # no half-built table left behind
    engine = migrate.open_workspace(resolve_workspace(str(path)))  # the next start upgrades
    try:
        assert migrate.schema_revision(engine) == migrate.head_revision()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT state FROM consent")).scalar_one() == "granted"
    finally:
        engine.dispose()


def _heartbeat(path: Path, beat_at: datetime, state: str = "running") -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO service_heartbeat (service_id, host, pid, started_at, beat_at, "
                "state, detail) VALUES ('h:42:1', 'poste-7', 42, :t, :t, :s, NULL)"
            ),
            {"t": beat_at.strftime("%Y-%m-%d %H:%M:%S.%f"), "s": state},
        )
    engine.dispose()


def test_an_upgrade_waits_for_a_running_older_service_to_stop(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    workspace_at(path, "0002")
    _heartbeat(path, NOW - timedelta(seconds=4))
    with pytest.raises(WorkspaceError) as caught:
        migrate.open_workspace(resolve_workspace(str(path)), now=NOW)
    assert caught.value.code == "service_running"
    assert "poste-7" in str(caught.value) and "42" in str(caught.value)
    assert migrate.schema_revision_of_file(path) == "0002"  # untouched


def test_a_silent_or_stopped_service_does_not_block_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    workspace_at(path, "0002")
    _heartbeat(path, NOW - timedelta(minutes=5))  # crashed long ago
    engine = migrate.open_workspace(resolve_workspace(str(path)), now=NOW)
    engine.dispose()
    assert migrate.schema_revision_of_file(path) == migrate.head_revision()


def test_old_backups_are_pruned_to_the_last_three(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    workspace_at(path, "0002")
    for day in range(1, 6):
        old = tmp_path / f"workspace.sqlite.before-0001-2026110{day}T000000Z.bak"
        old.write_bytes(b"old copy")
        os.utime(old, (1_700_000_000 + day, 1_700_000_000 + day))
    (tmp_path / "other.sqlite.before-0001-20261101T000000Z.bak").write_bytes(b"not ours")
    migrate.open_workspace(resolve_workspace(str(path)), now=NOW).dispose()
    kept = sorted(p.name for p in tmp_path.glob("workspace.sqlite.before-*.bak"))
    assert len(kept) == 3
    assert kept[-1].startswith("workspace.sqlite.before-0002-")  # the copy just made
    assert "workspace.sqlite.before-0001-20261105T000000Z.bak" in kept
    assert (tmp_path / "other.sqlite.before-0001-20261101T000000Z.bak").exists()


def test_workspace_and_backups_are_private_to_their_owner(tmp_path: Path) -> None:
    folder = tmp_path / "EngageDesktop"
    path = folder / "workspace.sqlite"
    migrate.open_workspace(resolve_workspace(str(path)), create=True).dispose()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600
    path2 = tmp_path / "old.sqlite"
    workspace_at(path2, "0002")
    path2.chmod(0o644)
    migrate.open_workspace(resolve_workspace(str(path2)), now=NOW).dispose()
    assert path2.stat().st_mode & 0o777 == 0o600
    [backup] = tmp_path.glob("old.sqlite.before-*.bak")
    assert backup.stat().st_mode & 0o777 == 0o600
