"""Workspace problems a user can act on. Each message says what is wrong and where."""

from __future__ import annotations


class WorkspaceError(Exception):
    """A workspace could not be opened. ``str(error)`` is a sentence for the user."""


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
