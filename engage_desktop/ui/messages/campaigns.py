"""Refusals about campaigns, and the reasons the service stored for a paused send."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from engage_desktop.core.messages import code_of
from engage_desktop.ui.messages.approvals import approval_error_text
from engage_desktop.ui.messages.base import QT_TRANSLATE_NOOP, coded_text, fill, translated


def _status_name(status: str) -> str:
    return {
        "draft": QCoreApplication.translate("CampaignErrors", "a draft"),
        "scheduled": QCoreApplication.translate("CampaignErrors", "scheduled"),
        "sending": QCoreApplication.translate("CampaignErrors", "being sent"),
        "paused": QCoreApplication.translate("CampaignErrors", "paused"),
        "completed": QCoreApplication.translate("CampaignErrors", "sent"),
        "cancelled": QCoreApplication.translate("CampaignErrors", "cancelled"),
    }.get(status, status)


_CAMPAIGN_REFUSALS: dict[str, str] = {
    "not_editable": QT_TRANSLATE_NOOP(
        "CampaignErrors", "This campaign is %1: it can no longer be edited."
    ),
    "not_schedulable": QT_TRANSLATE_NOOP(
        "CampaignErrors", "This campaign is %1: it cannot be scheduled."
    ),
    "campaign_not_found": QT_TRANSLATE_NOOP(
        "CampaignErrors", "This campaign no longer exists (deleted meanwhile?)."
    ),
    "not_archivable": QT_TRANSLATE_NOOP(
        "CampaignErrors", "This campaign is %1: only a completed or cancelled one is archived."
    ),
    "not_deletable": QT_TRANSLATE_NOOP(
        "CampaignErrors",
        "This campaign is %1: only a draft can be deleted (archive a finished one instead).",
    ),
    "illegal_transition": QT_TRANSLATE_NOOP(
        "CampaignErrors", "A campaign cannot go from “%1” to “%2”."
    ),
}


class CampaignErrors(QObject):
    """Refusals with a count, in Qt's plural forms (lupdate finds those in ``self.tr`` only)."""

    def schedule_has_issues(self, count: int) -> str:
        return self.tr(
            "The campaign cannot be scheduled: %n problem(s) to fix first (see the list under "
            "the form).",
            "",
            count,
        )


def campaign_error_text(exc: BaseException) -> str:
    """A ``CampaignInputError`` or ``CampaignNotFound`` in the user's language."""
    code, args = code_of(exc)
    if code == "schedule_has_issues" and args and args[0].isdigit():
        return CampaignErrors().schedule_has_issues(int(args[0]))
    template = translated("CampaignErrors", _CAMPAIGN_REFUSALS).get(code)
    if template is None:
        return str(exc)
    if code in ("not_editable", "not_schedulable", "not_archivable", "not_deletable") and args:
        args = (_status_name(args[0]), *args[1:])
    if code == "illegal_transition":
        args = tuple(_status_name(a) for a in args)
    return fill(template, args)


def stored_reason_text(reason: str) -> str | None:
    """A reason the service stored as English text, translated when core recognises it."""
    from engage_desktop.core.approvals.messages import APPROVAL_MESSAGES
    from engage_desktop.core.credentials.messages import CREDENTIAL_MESSAGES
    from engage_desktop.core.outbox.pause_reasons import PAUSE_REASONS
    from engage_desktop.ui.credentials.messages import credential_text

    paused = PAUSE_REASONS.recognise(reason)
    if paused is not None:
        return coded_text(paused, _pause_templates())
    coded = CREDENTIAL_MESSAGES.recognise(reason)
    if coded is not None:
        return credential_text(coded)
    waiting = APPROVAL_MESSAGES.recognise(reason)  # a scheduled send still waiting for approval
    return None if waiting is None else approval_error_text(waiting)


# Why the dispatch service paused a send (``core.outbox.pause_reasons``).
_PAUSE_REASONS: dict[str, str] = {
    "fcm_unreachable": QT_TRANSLATE_NOOP(
        "PauseReasons",
        "FCM cannot be reached at %1 for %2 s (%3). Sending is paused and resumes by "
        "itself when FCM answers again; check the FCM address in the settings and the "
        "network.",
    ),
    "fcm_unavailable": QT_TRANSLATE_NOOP(
        "PauseReasons",
        "FCM has answered only errors for %2 s (%1). Sending is paused and resumes by "
        "itself when FCM answers again.",
    ),
    "fcm_quota": QT_TRANSLATE_NOOP(
        "PauseReasons",
        "FCM has refused the project's messages as over quota for %2 s (%1). Sending is "
        "paused and resumes by itself when FCM accepts messages again.",
    ),
    "token_unavailable": QT_TRANSLATE_NOOP(
        "PauseReasons",
        "The token server of the app “%1” (project %2) at %3 gives no access token (%4). "
        "Sending is paused and resumes by itself when it gives tokens again.",
    ),
    "project_refused": QT_TRANSLATE_NOOP(
        "PauseReasons",
        "FCM refuses every message of the app “%1” (project %2): %3 — %4. Sending is "
        "paused and the device tokens are kept: fix the project's set-up (service "
        "account, sender, APNs key), then resume.",
    ),
    "message_refused": QT_TRANSLATE_NOOP(
        "PauseReasons",
        "FCM refuses this campaign's message: %1 — %2. Sending is paused: correct the "
        "content, then resume.",
    ),
    "provider_refused": QT_TRANSLATE_NOOP(
        "PauseReasons",
        "The %1 provider refuses app %2's account: %3. Its campaigns on that channel are "
        "paused: fix the account with 'engage-desktop credentials set', then resume.",
    ),
    "provider_missing": QT_TRANSLATE_NOOP(
        "PauseReasons",
        "App %2 has no %1 account usable on this machine. Its campaigns on that channel "
        "are paused: give it with 'engage-desktop credentials set' here, then resume.",
    ),
}


def _pause_templates() -> dict[str, str]:
    return translated("PauseReasons", _PAUSE_REASONS)
