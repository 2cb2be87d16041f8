"""Workspace problems a user can act on. Each message says what is wrong and where."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class WorkspaceError(Exception):
    """A workspace could not be opened. ``str(error)`` is an English sentence (CLI, logs).

    ``code`` and ``args_text`` name the case for the GUI, which words it in the user's language
    (the shape of ``core.messages.CodedError``; store sits below core so it does not import it).
    """

    def __init__(self, message: str, code: str = "", *args: str) -> None:
        super().__init__(message)
        self.code = code
        self.args_text: tuple[str, ...] = tuple(str(a) for a in args)


class WorkspaceMissingError(WorkspaceError):
    pass


class WorkspaceUnreadableError(WorkspaceError):
    pass


class NotAWorkspaceError(WorkspaceError):
    """The file exists but is corrupt, not SQLite, or another application's database."""


class SchemaTooNewError(WorkspaceError):
    """Written by a newer Engage Desktop: we must not touch it."""


class DatabaseUnreachableError(WorkspaceError):
    pass


class WorkspaceBusyError(WorkspaceError):
    """Another program kept the workspace locked past the busy timeout. Nothing was changed,
    and it passes once that program's transaction ends: the GUI offers to try again."""


def is_busy(exc: BaseException) -> bool:
    """Another connection holds the lock (SQLite's "database is locked", a PostgreSQL lock
    timeout or deadlock): it passes once that transaction ends."""
    inner = getattr(exc, "orig", None) or exc
    lower = str(inner).lower()
    name = str(getattr(inner, "sqlite_errorname", ""))
    return (
        name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
        or "database is locked" in lower
        or "database table is locked" in lower
        or "lock timeout" in lower
        or "deadlock detected" in lower
    )


def busy_error(where: str, waited_seconds: int) -> WorkspaceBusyError:
    """The workspace ``where`` stayed locked by another program for ``waited_seconds``."""
    return WorkspaceBusyError(
        f"The workspace {where} is busy: another program has kept it locked for more "
        f"than {waited_seconds} s. Nothing was changed; try again when it is done.",
        "busy",
        where,
        str(waited_seconds),
    )


@contextmanager
def busy_as_workspace_error(where: str, waited_seconds: int) -> Iterator[None]:
    """Turn a lock wait that ran out into ``WorkspaceBusyError`` naming the workspace."""
    try:
        yield
    except Exception as exc:
        if not is_busy(exc):
            raise
        raise busy_error(where, waited_seconds) from None
