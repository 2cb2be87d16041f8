"""Facts about a workspace for ``engage-desktop info``: where it is, its schema, row counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.migrate import head_revision, schema_revision
from engage_desktop.store.models import Base


@dataclass(frozen=True)
class WorkspaceInfo:
    location: str
    backend: str
    schema_revision: str | None
    code_revision: str
    file_bytes: int | None
    counts: dict[str, int]


def workspace_info(workspace: Workspace, *, count_rows: bool = True) -> WorkspaceInfo:
    """Where, which schema, how large; and how many rows each table holds, unless
    ``count_rows`` is False (counting a million-profile workspace takes a while)."""
    counts: dict[str, int] = {}
    if count_rows:
        with workspace.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                counts[table.name] = int(conn.scalar(select(func.count()).select_from(table)) or 0)
    path = workspace.location.sqlite_path
    size = None
    if path is not None and path.exists():
        size = sum(
            p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists()
        )
    return WorkspaceInfo(
        location=workspace.location.display(),
        backend=workspace.engine.dialect.name,
        schema_revision=schema_revision(workspace.engine),
        code_revision=head_revision(),
        file_bytes=size,
        counts=counts,
    )
