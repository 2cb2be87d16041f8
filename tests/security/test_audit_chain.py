"""``verify_chain`` names the first entry that was edited, deleted, moved or cut off.

Tampering is done as someone with raw database access would: the append-only triggers are
dropped (SQLite) or disabled by the owner (PostgreSQL) first.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.audit_chain import entry_hash, verify_chain
from engage_desktop.store.models import AuditEntry

ENTRIES = 6


def _workspace(make_workspace: Callable[..., Workspace], url: str | None) -> Workspace:
    ws = make_workspace(url)
    for i in range(ENTRIES):
        with ws.session() as session:
            record(
                session,
                member_id=ws.member_id,
                app_id=None,
                action=f"campaign.step{i + 1}",
                details={"n": i + 1, "names": ["Soldes d'hiver", "Noël"]},
            )
    return ws


def _tamper(ws: Workspace, *statements: str) -> None:
    with ws.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
            conn.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        for statement in statements:
            conn.execute(text(statement))


def _broken(ws: Workspace) -> tuple[str, int, int | None] | None:
    with ws.session_factory() as session:
        report = verify_chain(session, batch=2)  # small batches: the batching is exercised too
    if report.broken is None:
        return None
    return report.broken.problem, report.broken.seq, report.broken.first_missing


BACKENDS = [None, pytest.param("pg", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS, ids=["sqlite", "postgresql"])
def chained(request: pytest.FixtureRequest, make_workspace: Callable[..., Workspace]) -> Workspace:
    url = request.getfixturevalue("pg_url") if request.param == "pg" else None
    return _workspace(make_workspace, url)


def test_an_untouched_chain_holds(chained: Workspace) -> None:
    assert _broken(chained) is None


def test_an_edited_entry_is_named(chained: Workspace) -> None:
    _tamper(chained, "UPDATE audit_log SET target = 'campaign:99' WHERE seq = 3")
    assert _broken(chained) == ("changed", 3, None)


def test_edited_details_are_named(chained: Workspace) -> None:
    json = '\'{"n": 4, "names": ["Soldes"]}\''
    if chained.engine.dialect.name == "postgresql":
        json += "::jsonb"
    _tamper(chained, f"UPDATE audit_log SET details = {json} WHERE seq = 4")
    assert _broken(chained) == ("changed", 4, None)


def test_a_deleted_entry_is_named(chained: Workspace) -> None:
    _tamper(chained, "DELETE FROM audit_log WHERE seq = 3")
    assert _broken(chained) == ("missing", 4, 3)


def test_reordered_entries_are_named(chained: Workspace) -> None:
    _tamper(
        chained,
        "UPDATE audit_log SET seq = -2 WHERE seq = 2",
        "UPDATE audit_log SET seq = 2 WHERE seq = 5",
        "UPDATE audit_log SET seq = 5 WHERE seq = -2",
    )
    assert _broken(chained) == ("changed", 2, None)


def test_a_rehashed_edit_is_still_named_by_the_next_entry(chained: Workspace) -> None:
    """Editing an entry and recomputing its own hash breaks the link to the next one."""
    with chained.session_factory() as session:
        entry = session.query(AuditEntry).filter_by(seq=3).one()
        forged = entry_hash(
            seq=3,
            at=entry.at,
            member_id=entry.member_id,
            member_login=entry.member_login,
            app_id=entry.app_id,
            action="campaign.nothing_happened",
            target=entry.target,
            details=entry.details,
            prev_hash=entry.prev_hash,
        )
    _tamper(
        chained,
        f"UPDATE audit_log SET action = 'campaign.nothing_happened', entry_hash = '{forged}' "
        "WHERE seq = 3",
    )
    assert _broken(chained) == ("relinked", 4, None)


def test_entries_cut_off_the_end_are_noticed(chained: Workspace) -> None:
    _tamper(chained, f"DELETE FROM audit_log WHERE seq >= {ENTRIES - 1}")
    assert _broken(chained) == ("tail_missing", ENTRIES - 2, None)


def test_a_missing_head_is_named(chained: Workspace) -> None:
    _tamper(chained, "DELETE FROM audit_chain_head")
    assert _broken(chained) == ("no_head", ENTRIES, None)
