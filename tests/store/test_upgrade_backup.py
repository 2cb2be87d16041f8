"""Opening a workspace with an older schema copies the file aside, then upgrades it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from engage_desktop.store import migrate
from engage_desktop.store.location import resolve_workspace

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
