"""Errors from core calls said in the user's language, never as a raw exception text.

Core messages are English sentences for logs and the CLI; the GUI maps what it can recognise
(permission, send rules, database faults, a sandbox that does not answer) to translated text and
keeps the core's sentence only as the detail of an unexpected error.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from sqlalchemy.exc import OperationalError

from engage_desktop.core.approvals.messages import APPROVAL_MESSAGES
from engage_desktop.core.delivery.daily_window import RuleInputError
from engage_desktop.core.outbox.content_gate import CONTENT_MESSAGES, ContentInvalid
from engage_desktop.core.outbox.expand import SendError
from engage_desktop.security.roles import PermissionDenied
from engage_desktop.ui.delivery.summary_text import rule_error_text
from engage_desktop.ui.messages import (
    approval_error_text,
    field_label,
    fill,
    issue_line,
    permission_text,
    stored_reason_text,
)


def user_message(exc: BaseException) -> str:
    if isinstance(exc, PermissionDenied) and (
        exc.code == "app_not_found" or exc.args_text[1:2] not in ((), ("send_campaigns",))
    ):
        return permission_text(exc)  # saving a draft, approving…: say which right is missing
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate(
            "SendErrors",
            "Your role on this app does not allow sending campaigns. An admin of the app can "
            "give you the marketer role.",
        )
    if isinstance(exc, ContentInvalid):
        return content_invalid_text(exc.issues)
    if isinstance(exc, RuleInputError):
        return rule_error_text(exc)
    if isinstance(exc, SendError) and exc.code in APPROVAL_MESSAGES.templates:
        return approval_error_text(exc)  # waiting for, or refused, an approval
    if isinstance(exc, SendError):
        known = {
            "not_found": QCoreApplication.translate(
                "SendErrors", "This campaign no longer exists (deleted meanwhile?)."
            ),
            "wrong_status": QCoreApplication.translate(
                "SendErrors",
                "This campaign's state changed meanwhile (sent, paused or cancelled elsewhere): "
                "the panel shows it again now.",
            ),
            "no_test_for_channel": QCoreApplication.translate(
                "SendErrors",
                "Test sends go to test devices: send an SMS or email campaign to a segment of "
                "testers instead.",
            ),
            "no_variant": QCoreApplication.translate(
                "SendErrors", "This campaign has no content to send yet."
            ),
            "no_test_device": QCoreApplication.translate(
                "SendErrors", "This app has no test device with a valid push token yet."
            ),
            "scheduler_lost_right": fill(
                QCoreApplication.translate(
                    "SendErrors",
                    "%1 scheduled this campaign but may no longer send on this app: someone "
                    "allowed to send must schedule it again.",
                ),
                [exc.args_text[0] if exc.args_text else ""],
            ),
        }
        if exc.code in known:
            return known[exc.code]
    if isinstance(exc, OperationalError):
        return QCoreApplication.translate(
            "SendErrors",
            "The workspace database cannot be written right now (locked by another program, "
            "or the disk is full). Try again in a moment.",
        )
    if isinstance(exc, (ConnectionError, TimeoutError)):
        return QCoreApplication.translate(
            "SendErrors",
            "A connection failed: check that the dispatch service and the network work.",
        )
    detail = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
    return fill(QCoreApplication.translate("SendErrors", "Something went wrong: %1"), [detail])


class CountedTexts(QObject):
    """Sentences with a count, in Qt's plural forms (lupdate finds those in ``self.tr`` only)."""

    def content_invalid(self, count: int) -> str:
        return self.tr(
            "The content cannot be sent (%n problem(s) in all, see the list under the form): %1",
            "",
            count,
        )

    def stored_content_invalid(self, count: int) -> str:
        return self.tr("The content cannot be sent (%n problem(s) in all): %1", "", count)

    def invalid_at_its_time(self, count: int) -> str:
        return self.tr(
            "Paused at its scheduled time, nothing was sent (%n problem(s) in all; fix the "
            "content, then send or schedule it again): %1",
            "",
            count,
        )


def content_invalid_text(issues: list[tuple[str, str]]) -> str:
    """Why the content blocks the send: the first issue, where it is, and how many there are."""
    field, message = issues[0]
    return fill(CountedTexts().content_invalid(len(issues)), [issue_line(field, message)])


def _content_reason(reason: str) -> str | None:
    """A pause reason about the content (stored in English by the service), in the user's
    language; the problem itself stays as stored."""
    coded = CONTENT_MESSAGES.recognise(reason)
    if coded is None:
        return None
    args = coded.args_text
    if coded.code == "unsendable":
        return fill(
            QCoreApplication.translate(
                "SendErrors", "Paused, nothing more was sent. The content cannot be sent: %1"
            ),
            [args[0]],
        )
    what = fill(QCoreApplication.translate("SendErrors", "%1: %2"), [field_label(args[0]), args[1]])
    texts = CountedTexts()
    if coded.code == "invalid_at_its_time":
        return fill(texts.invalid_at_its_time(int(args[2])), [what])
    return fill(texts.stored_content_invalid(int(args[2])), [what])


def reason_text(reason: str) -> str:
    """A pause reason the service stored (English), translated when it is a known one."""
    content = _content_reason(reason)
    if content is not None:
        return content
    if reason.startswith("The database is full"):
        return QCoreApplication.translate(
            "SendErrors",
            "The database is full (no space left on the disk, or its size limit reached): "
            "sending is paused. Free some disk space, then resume the campaign.",
        )
    if reason.startswith("The database is locked"):
        return QCoreApplication.translate(
            "SendErrors",
            "The database is locked by another program: sending is paused. Close the program "
            "that holds it (a database browser, a backup tool), then resume the campaign.",
        )
    if reason.startswith("Cannot connect to ") and "Check the FCM address" in reason:
        where = reason[len("Cannot connect to ") :].split(":", 2)
        host = ":".join(where[:2])
        return fill(
            QCoreApplication.translate(
                "SendErrors",
                "FCM cannot be reached at %1: sending is paused and nothing was sent meanwhile. "
                "Check the FCM address in the settings and the network, then resume.",
            ),
            [host],
        )
    if reason == "paused by a user":
        return QCoreApplication.translate("SendErrors", "paused by a user")
    prefix = "Not started at its time: "
    if reason.startswith(prefix):
        return fill(
            QCoreApplication.translate("SendErrors", "Not started at its time: %1"),
            [reason_text(reason[len(prefix) :])],
        )
    return stored_reason_text(reason) or reason
