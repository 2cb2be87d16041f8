"""An analytics export (chart, table, campaign report) and its audit entry, together.

The issue asks for exports in the audit log: segment members and the audit log itself were
recorded, charts and reports taken offline were not. The file is written first (rendering a
report takes a while, and holding the database's write lock meanwhile would stall the
service), then recorded; if the entry cannot be written the file is deleted, so no export
leaves the machine unaudited.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record


def audited_export(
    ws: Workspace,
    app_id: int,
    path: Path,
    write: Callable[[], object],
    *,
    what: str,
    campaign_id: int | None = None,
) -> Path:
    """Run ``write`` (which puts the file at ``path``), then record who exported ``what``
    (``chart:<kind>``, ``table:<kind>``, ``report``) of which app, in which format, to which
    file name (the folder is the person's business, and may name them)."""
    write()
    details: dict[str, object] = {"what": what, "format": path.suffix.lower().lstrip(".")}
    if campaign_id is not None:
        details["campaign_id"] = campaign_id
    try:
        with ws.session() as session:
            record(
                session,
                member_id=ws.member_id,
                app_id=app_id,
                action="analytics.export",
                target=path.name,
                details=details,
                at=ws.clock.now(),
            )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path
