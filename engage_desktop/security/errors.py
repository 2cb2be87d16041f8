"""Security errors, importable without loading the database layer."""

from __future__ import annotations


class PermissionDenied(Exception):
    """Raised before any write or send the member is not allowed to do.

    Like core's coded errors (``core.messages``; security sits below core so it does not import
    it): the message is English for the CLI, ``code`` and ``args_text`` (role or "", permission)
    let the GUI say it in the user's language.
    """

    def __init__(self, message: str, role: str = "", permission: str = "") -> None:
        super().__init__(message)
        self.code = "permission_denied" if permission else ""
        self.args_text: tuple[str, ...] = (role, permission)
