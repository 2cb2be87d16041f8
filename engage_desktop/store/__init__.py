"""Persistence: SQLAlchemy models, engine set-up, Alembic migrations. No business rules here."""
