"""Workspace problems a user can act on. Each message says what is wrong and where."""

from __future__ import annotations


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
