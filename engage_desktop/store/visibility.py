"""Which profiles readers see: none of a contacts import that is still writing (SQLite).

A large import commits its new profiles in short chunks (``core/imports/chunked.py``) so that the
sending service can write between them; until the import is published those profiles must not
be counted, targeted or expanded. Every reader of an app's profiles (segments, counts, audience
expansion, the overview) selects them through ``app_profiles``.

The rule: a profile is hidden while an ``ImportRun`` in state ``writing`` has a
``first_profile_id`` at most its id. New profiles always take ids above every existing one, and
imports of a workspace take turns, so an import's rows are the highest ids; publishing is one
UPDATE of the run's row, whatever the number of rows.

Cost: the rule is one SQL expression, so a reader's statement sees the run table and the
profiles in the same snapshot (no window between a check and the query). Written as
``NOT EXISTS (writing run) OR id + 0 < first hidden id``, the left side references no row of the
query, so SQLite computes it once and each row costs one test of that result when no import is
writing; ``+ 0`` keeps the planner from turning the bound into a rowid range scan while one is.
PostgreSQL imports in one transaction (MVCC), never writes runs, and gets no predicate at all:
its indexes do not carry the row id, so even a constant test would cost index-only scans.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, func, literal_column, or_, select, true

from engage_desktop.store.models import ImportRun, Profile
from engage_desktop.store.models.imports import WRITING


def published_profiles(dialect: str) -> ColumnElement[bool]:
    """True for profiles no writing import hides (always true off SQLite)."""
    if dialect != "sqlite":
        return true()
    writing = ImportRun.state == literal_column(f"'{WRITING}'")
    first_hidden = select(func.min(ImportRun.first_profile_id)).where(writing).scalar_subquery()
    return or_(
        ~exists(select(ImportRun.id).where(writing)),
        Profile.id + literal_column("0") < first_hidden,
    )


def app_profiles(dialect: str, app_id: int) -> ColumnElement[bool]:
    """``Profile.app_id == app_id`` for readers: the app's profiles, published ones only."""
    return and_(Profile.app_id == app_id, published_profiles(dialect))
