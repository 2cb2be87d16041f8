"""Refusals about approvals, segments and the workspace file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engage_desktop.core.messages import CodedText, code_of
from engage_desktop.ui.messages.base import QT_TRANSLATE_NOOP, coded_text, translated
from engage_desktop.ui.messages.permissions import permission_text

_APPROVAL_REFUSALS: dict[str, str] = {
    "needs_approval": QT_TRANSLATE_NOOP(
        "ApprovalErrors",
        "This send would reach %2 recipients, above this app's approval threshold (%3): "
        "submit it for approval first.",
    ),
    "approval_pending": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "This send is waiting for an approver's decision."
    ),
    "approval_rejected": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "This send was rejected by %2: “%3”. Change it and submit again."
    ),
    "no_campaign": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "This campaign no longer exists (deleted meanwhile?)."
    ),
    "no_app": QT_TRANSLATE_NOOP("ApprovalErrors", "This app no longer exists."),
    "not_submittable": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "Only a draft or scheduled campaign can be submitted."
    ),
    "has_issues": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "The campaign has problems to fix before it can be submitted (%2)."
    ),
    "already_pending": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "This campaign is already waiting for an approver."
    ),
    "already_approved": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "This campaign is already approved as it is."
    ),
    "nothing_pending": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "Nothing is waiting for a decision (decided meanwhile?)."
    ),
    "own_request": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "You submitted this campaign yourself: another approver must decide."
    ),
    "bad_threshold": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "The threshold must be a whole number of 0 or more."
    ),
    "comment_too_long": QT_TRANSLATE_NOOP(
        "ApprovalErrors", "The comment is too long (%1 characters; at most %2)."
    ),
}


def _approval_templates() -> dict[str, str]:
    return translated("ApprovalErrors", _APPROVAL_REFUSALS)


def approval_error_text(exc: BaseException | CodedText) -> str:
    """An approval refusal (``ApprovalError``, a ``SendError`` waiting for approval or the
    stored text of one), or a permission refusal, in the user's language."""
    code, _args = code_of(exc)
    if code == "permission_denied" and isinstance(exc, BaseException):
        return permission_text(exc)
    return coded_text(exc, _approval_templates())


def segment_error_text(exc: BaseException) -> str:
    """A ``SegmentError`` (save, rename, delete) in the user's language."""
    return coded_text(
        exc,
        {
            "no_segment": QCoreApplication.translate(
                "SegmentErrors", "This segment no longer exists (deleted meanwhile?)."
            ),
            "no_name": QCoreApplication.translate("SegmentErrors", "A segment needs a name."),
            "name_taken": QCoreApplication.translate(
                "SegmentErrors", "A segment named “%1” already exists in this app."
            ),
            "in_use": QCoreApplication.translate(
                "SegmentErrors", "The segment “%1” is used by %2: change those first."
            ),
        },
    )


def workspace_error_text(exc: BaseException) -> str:
    """Why a workspace cannot be opened (``store.errors.WorkspaceError``), in the user's language."""
    return coded_text(
        exc,
        {
            "missing": QCoreApplication.translate(
                "WorkspaceErrors",
                "There is no workspace at %1. Create one with “engage-desktop demo --workspace "
                "%1” or pick another file.",
            ),
            "is_folder": QCoreApplication.translate(
                "WorkspaceErrors", "%1 is a folder, not a workspace file."
            ),
            "no_access": QCoreApplication.translate(
                "WorkspaceErrors",
                "The workspace file %1 cannot be read and written: check its permissions.",
            ),
            "unreadable": QCoreApplication.translate("WorkspaceErrors", "%1 cannot be read (%2)."),
            "not_sqlite": QCoreApplication.translate(
                "WorkspaceErrors",
                "%1 is not an Engage Desktop workspace (not a SQLite database). The file was "
                "left untouched.",
            ),
            "other_app": QCoreApplication.translate(
                "WorkspaceErrors",
                "%1 belongs to another application (no Engage Desktop tables). It was left "
                "untouched.",
            ),
            "damaged": QCoreApplication.translate(
                "WorkspaceErrors",
                "%1 is damaged or not a workspace (%2). The file was left untouched.",
            ),
            "too_new": QCoreApplication.translate(
                "WorkspaceErrors",
                "The workspace %1 was written by a newer version of Engage Desktop (schema %2). "
                "Update Engage Desktop to open it; the file was left untouched.",
            ),
            "busy": QCoreApplication.translate(
                "WorkspaceErrors",
                "The workspace %1 is busy: another program (an import, another Engage Desktop or "
                "a sending service) has kept it locked for more than %2 s. Nothing was "
                "changed. Retry when it is done, or close.",
            ),
            "unreachable": QCoreApplication.translate(
                "WorkspaceErrors", "The workspace database %1 cannot be reached: %2"
            ),
            "refused": QCoreApplication.translate(
                "WorkspaceErrors", "%1 cannot be opened as a workspace: %2"
            ),
            "update_failed": QCoreApplication.translate(
                "WorkspaceErrors", "The workspace %1 could not be updated: %2"
            ),
            "service_running": QCoreApplication.translate(
                "WorkspaceErrors",
                "The workspace %1 needs an update, but a sending service of the previous version "
                "is running on it (host %2, process %3). Stop that service, then open the "
                "workspace again.",
            ),
        },
    )
