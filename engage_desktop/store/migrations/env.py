"""Alembic environment: always run with a connection handed over by ``store.migrate``."""

from __future__ import annotations

from alembic import context

from engage_desktop.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs plain `alembic`
    raise RuntimeError("run migrations through engage_desktop.store.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
