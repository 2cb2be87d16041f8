"""Security errors, importable without loading the database layer."""

from __future__ import annotations


class PermissionDenied(Exception):
    """Raised before any write or send the member is not allowed to do.

    Like core's coded errors (``core.messages``; security sits below core so it does not import
    it): the message is English for the CLI, ``code`` and ``args_text`` (role or "", permission,
    app id or "") let the GUI say it in the user's language.
    """

    def __init__(self, message: str, role: str = "", permission: str = "", app: str = "") -> None:
        super().__init__(message)
        self.code = "permission_denied" if permission else ""
        self.args_text: tuple[str, ...] = (role, permission, app)

    def __reduce__(self) -> tuple[type[PermissionDenied], tuple[str, ...]]:
        return (self.__class__, (str(self), *self.args_text))


class AppNotFound(PermissionDenied):
    """The app id names no app of the workspace (removed, or a typo on the command line).

    A ``PermissionDenied`` so every caller that reports refusals reports this one too; its code
    is ``app_not_found`` with the id as argument.
    """

    def __init__(self, message: str, app: str = "") -> None:
        super().__init__(message)
        self.code = "app_not_found"
        self.args_text = (app,)

    def __reduce__(self) -> tuple[type[PermissionDenied], tuple[str, ...]]:
        return (self.__class__, (str(self), *self.args_text))
