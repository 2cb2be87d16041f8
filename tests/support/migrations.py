"""Moving a test database to a given schema revision with the project's own Alembic set-up."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine

from engage_desktop.store import migrate


def migrate_to(engine: Engine, revision: str, *, down: bool = False) -> None:
    """Upgrade (or with ``down``, downgrade) the database to ``revision`` in one transaction."""
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)
