"""An analytics export is recorded in the audit log, and never leaves unrecorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text

from engage_desktop.core.audit_trail.exports import audited_export
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import AuditChainError
from engage_desktop.store.models import AuditEntry
from tests.support.sending import seed_app


def test_the_export_is_recorded_with_its_file_name_and_format(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 0)
    path = tmp_path / "Rapports" / "soldes.pdf"
    path.parent.mkdir()
    audited_export(
        ws, app_id, path, lambda: path.write_bytes(b"%PDF"), what="report", campaign_id=7
    )
    with ws.session_factory() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "analytics.export")
        ).one()
    assert (entry.app_id, entry.member_id, entry.target) == (app_id, ws.member_id, "soldes.pdf")
    assert entry.details == {"what": "report", "format": "pdf", "campaign_id": 7}
    assert "Rapports" not in str(entry.details)  # the folder is the person's business


def test_a_file_whose_entry_cannot_be_written_is_deleted(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 0)
    with ws.session() as session:
        session.execute(text("DELETE FROM audit_chain_head"))  # the chain cannot be appended to
    path = tmp_path / "heures.csv"
    with pytest.raises(AuditChainError):
        audited_export(ws, app_id, path, lambda: path.write_text("a;b"), what="table:X")
    assert not path.exists()


def test_a_failed_write_records_nothing(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 0)

    def disk_full() -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        audited_export(ws, app_id, tmp_path / "x.png", disk_full, what="chart:X")
    with ws.session_factory() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "analytics.export" not in actions
