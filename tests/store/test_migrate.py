"""The schema: migrations apply on SQLite and PostgreSQL and match the models; opening an older
workspace copies the file aside, then upgrades it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from engage_desktop.core.workspace import Workspace
from engage_desktop.store import migrate
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
