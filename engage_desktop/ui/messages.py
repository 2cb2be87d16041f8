"""Core's coded messages said in the user's language (see ``core.messages``).

Core gives English text plus a code and arguments; here each code has a template with ``%1``,
``%2``… for the arguments, translated like any other UI string. A code with no template here (a
case added in core later) shows core's English text rather than nothing or a crash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from engage_desktop.core.messages import CodedText, code_of

if TYPE_CHECKING:
    from engage_desktop.core.templating import TemplateError

_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(template: str, args: Sequence[str]) -> str:
    """Put the arguments in for ``%1``, ``%2``… in one pass (an argument's own "%2" stays)."""

    def arg(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(arg, template)


def coded_text(message: object, templates: Mapping[str, str]) -> str:
    """``message`` (a coded error or text) in the user's language, else its English text."""
    code, args = code_of(message)
    template = templates.get(code) if code else None
    return str(message) if template is None else fill(template, args)


def _field_names() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("FieldNames", "campaign name"),
        "variants": QCoreApplication.translate("FieldNames", "variants"),
        "shares": QCoreApplication.translate("FieldNames", "variant shares"),
        "title": QCoreApplication.translate("FieldNames", "title"),
        "subtitle": QCoreApplication.translate("FieldNames", "subtitle"),
        "body": QCoreApplication.translate("FieldNames", "body"),
        "image_url": QCoreApplication.translate("FieldNames", "image"),
        "deep_link": QCoreApplication.translate("FieldNames", "deep link"),
        "actions": QCoreApplication.translate("FieldNames", "buttons"),
        "buttons": QCoreApplication.translate("FieldNames", "buttons"),
        "data": QCoreApplication.translate("FieldNames", "custom data"),
        "badge": QCoreApplication.translate("FieldNames", "badge"),
        "ttl_seconds": QCoreApplication.translate("FieldNames", "time to live"),
        "analytics_label": QCoreApplication.translate("FieldNames", "analytics label"),
        "subject": QCoreApplication.translate("FieldNames", "subject"),
        "preheader": QCoreApplication.translate("FieldNames", "preheader"),
        "html": QCoreApplication.translate("FieldNames", "HTML"),
        "sms": QCoreApplication.translate("FieldNames", "SMS text"),
        "header": QCoreApplication.translate("FieldNames", "header"),
        "layout": QCoreApplication.translate("FieldNames", "layout"),
        "background": QCoreApplication.translate("FieldNames", "background colour"),
        "text_colour": QCoreApplication.translate("FieldNames", "text colour"),
        "button_colour": QCoreApplication.translate("FieldNames", "button colour"),
        "close_button": QCoreApplication.translate("FieldNames", "close control"),
        "status": QCoreApplication.translate("FieldNames", "status"),
        "page_url": QCoreApplication.translate("FieldNames", "page address"),
        "inbox_days": QCoreApplication.translate("FieldNames", "inbox keep time"),
        "trigger": QCoreApplication.translate("FieldNames", "trigger"),
        "trigger_event": QCoreApplication.translate("FieldNames", "trigger event"),
        "expires_at": QCoreApplication.translate("FieldNames", "expiry"),
        "from": QCoreApplication.translate("FieldNames", "From"),
        "reply_to": QCoreApplication.translate("FieldNames", "Reply-to"),
        "text": QCoreApplication.translate("FieldNames", "text part"),
    }


_INDEXED = re.compile(r"^(actions|buttons)\[(\d+)\]$")


def field_label(path: str) -> str:
    """A core field path ("A.body", "A.actions[1]", "A.data.promo") in words for the user."""
    variant, dot, rest = path.partition(".")
    if not dot or variant in _field_names():
        variant, rest = "", path
    head, _, key = rest.partition(".")
    indexed = _INDEXED.match(head)
    if indexed is not None:
        label = fill(
            QCoreApplication.translate("FieldNames", "button %1"), [str(int(indexed.group(2)) + 1)]
        )
    elif head == "data" and key:
        label = fill(QCoreApplication.translate("FieldNames", "custom data “%1”"), [key])
    else:
        label = _field_names().get(head, rest)
    if not variant:
        return label
    return fill(QCoreApplication.translate("FieldNames", "variant %1, %2"), [variant, label])


def _template_templates() -> dict[str, str]:
    return {
        "unclosed": QCoreApplication.translate(
            "TemplateErrors", "“%1” is missing: a tag is not closed"
        ),
        "missing_end_tag": QCoreApplication.translate(
            "TemplateErrors", "{% %1 %} is missing before the end of the text"
        ),
        "unknown_filter": QCoreApplication.translate("TemplateErrors", "unknown filter “%1”"),
        "unexpected_tag": QCoreApplication.translate(
            "TemplateErrors", "unexpected tag “%1” (unknown, or with no opening tag)"
        ),
        "unclosed_tag": QCoreApplication.translate(
            "TemplateErrors", "a tag is not closed: “%}” is missing"
        ),
        "missing_expression": QCoreApplication.translate(
            "TemplateErrors", "a value or a variable name is missing"
        ),
        "bad_path": QCoreApplication.translate(
            "TemplateErrors", "a variable name is incomplete (a “.” or “[” leads nowhere)"
        ),
        "unexpected_text": QCoreApplication.translate("TemplateErrors", "unexpected “%1” here"),
        "extra_text": QCoreApplication.translate(
            "TemplateErrors", "extra words before the end of the tag (a missing “|” or “,”?)"
        ),
        "filter_arguments": QCoreApplication.translate(
            "TemplateErrors", "wrong number of arguments for the filter “%1”"
        ),
        "filter_integer": QCoreApplication.translate(
            "TemplateErrors", "the filter “%1” expects a whole number"
        ),
        "divide_by_zero": QCoreApplication.translate("TemplateErrors", "division by zero"),
        "too_much_work": QCoreApplication.translate(
            "TemplateErrors", "the template does too much work (a loop too long, or too much text)"
        ),
    }


def template_error_text(field: str, error: TemplateError) -> str:
    """Where (field, line, column) and what, for the composer's note under the preview."""
    what = coded_text(_TemplateCase(error), _template_templates())
    return fill(
        QCoreApplication.translate(
            "TemplateErrors", "Template error in %1, line %2, column %3: %4"
        ),
        [field_label(field), str(error.line), str(error.column), what],
    )


class _TemplateCase:
    """A ``TemplateError`` seen as a coded message (its fields have other names)."""

    def __init__(self, error: TemplateError) -> None:
        self.code = error.code
        self.args_text = tuple(error.args)
        self._message = error.message

    def __str__(self) -> str:
        return self._message


def _issue_templates() -> dict[str, str]:
    return {
        "no_name": QCoreApplication.translate("ContentIssues", "A campaign needs a name."),
        "no_variant": QCoreApplication.translate(
            "ContentIssues", "A campaign needs at least one variant."
        ),
        "same_key": QCoreApplication.translate("ContentIssues", "Two variants have the same key."),
        "shares_not_100": QCoreApplication.translate(
            "ContentIssues", "The variants' shares add up to %1 %; they must add up to 100 %."
        ),
        "no_subject": QCoreApplication.translate("ContentIssues", "An email needs a subject."),
        "push_empty": QCoreApplication.translate(
            "ContentIssues", "Write a title or a body: the notification would be empty."
        ),
        "image_not_https": QCoreApplication.translate(
            "ContentIssues", "The image must be an https:// address (got “%1”)."
        ),
        "not_a_link": QCoreApplication.translate(
            "ContentIssues", "“%1” is not a link: write scheme://path, e.g. myapp://promo."
        ),
        "link_spaces": QCoreApplication.translate(
            "ContentIssues", "A link may not contain spaces."
        ),
        "too_many_actions": QCoreApplication.translate(
            "ContentIssues", "At most %1 buttons; remove %2."
        ),
        "too_many_buttons": QCoreApplication.translate("ContentIssues", "At most %1 buttons."),
        "button_no_label": QCoreApplication.translate("ContentIssues", "Button %1 has no label."),
        "button_no_id": QCoreApplication.translate("ContentIssues", "Button %1 has no identifier."),
        "data_not_text": QCoreApplication.translate(
            "ContentIssues", "Custom data “%1” must be text, not %2 (write it in quotes)."
        ),
        "badge_negative": QCoreApplication.translate(
            "ContentIssues", "The badge must be 0 or more."
        ),
        "ttl_range": QCoreApplication.translate(
            "ContentIssues", "Time to live must be between 0 and 28 days (2,419,200 s)."
        ),
        "reserved_message_id": QCoreApplication.translate(
            "ContentIssues", "“message_id” is reserved: use another key."
        ),
        "reserved_data_key": QCoreApplication.translate(
            "ContentIssues", "“%1” is reserved by FCM: use another key."
        ),
        "bad_analytics_label": QCoreApplication.translate(
            "ContentIssues", "Analytics label: up to 50 letters, digits, - _ . ~ % only."
        ),
        "payload_too_big": QCoreApplication.translate(
            "ContentIssues",
            "The payload is %1 bytes; FCM accepts at most %2. Shorten the texts or data.",
        ),
        "sms_empty": QCoreApplication.translate("ContentIssues", "The SMS is empty."),
        "sms_segments": QCoreApplication.translate(
            "ContentIssues", "The SMS needs %1 segments; the cap is %2."
        ),
        "sms_segments_ucs2": QCoreApplication.translate(
            "ContentIssues",
            "The SMS needs %1 segments; the cap is %2. The characters %3 force UCS-2 "
            "(70 per SMS instead of 160).",
        ),
        "unknown_layout": QCoreApplication.translate(
            "ContentIssues", "Unknown layout “%1”: use %2."
        ),
        "inapp_empty": QCoreApplication.translate("ContentIssues", "Write a header or a body."),
        "bad_colour": QCoreApplication.translate(
            "ContentIssues", "Write the colour as #RRGGBB (or #RRGGBBAA), not “%1”."
        ),
        "cannot_dismiss": QCoreApplication.translate(
            "ContentIssues",
            "With no button and no close control the message cannot be dismissed.",
        ),
        "rich_no_page": QCoreApplication.translate(
            "ContentIssues", "Write the page or give the address where it is published."
        ),
        "rich_url_not_https": QCoreApplication.translate(
            "ContentIssues", "The page address must be https:// (got “%1”)."
        ),
        "rich_inbox_days": QCoreApplication.translate(
            "ContentIssues", "Keep the page in the inbox 1 to %1 days."
        ),
        "rich_page_too_big": QCoreApplication.translate(
            "ContentIssues",
            "The page (%1 bytes) does not fit in the %2-byte message and no page address is "
            "given: shorten it or give the address where it is published.",
        ),
        "inapp_unknown_trigger": QCoreApplication.translate(
            "ContentIssues", "Unknown trigger “%1”: use app_open or event."
        ),
        "inapp_trigger_event": QCoreApplication.translate(
            "ContentIssues",
            "Name the event that shows the message (letters, digits, _; 40 at most).",
        ),
        "inapp_bad_expiry": QCoreApplication.translate(
            "ContentIssues",
            "“%1” is not a date and time with its offset (2026-12-24T18:00:00+01:00).",
        ),
        "bad_mailbox": QCoreApplication.translate(
            "ContentIssues", "“%1” is not a display name and an address (write it like %2)."
        ),
    }


def issue_text(message: str) -> str:
    """A validation issue's message (a ``CodedText`` from core) in the user's language."""
    code, args = code_of(message)
    if code.startswith("template_") and len(args) >= 2:
        return _template_issue_text(code.removeprefix("template_"), args, str(message))
    return coded_text(message, _issue_templates())


def _template_issue_text(case: str, args: tuple[str, ...], english: str) -> str:
    """``template_<case>`` issues: line, column, then the case's arguments."""
    line, column, *rest = args
    template = _template_templates().get(case)
    if template is not None:
        what = fill(template, rest)
    elif case == "other" and rest:
        what = rest[-1]  # python-liquid's English: a case without a wording yet
    else:
        return english
    return fill(
        QCoreApplication.translate("ContentIssues", "Template error, line %1, column %2: %3"),
        [line, column, what],
    )


def issue_line(field: str, message: str) -> str:
    """One line of the composer's issue list: the field in words, then the problem."""
    return fill(
        QCoreApplication.translate("ContentIssues", "%1: %2"),
        [field_label(field), issue_text(message)],
    )


def _status_name(status: str) -> str:
    return {
        "draft": QCoreApplication.translate("CampaignErrors", "a draft"),
        "scheduled": QCoreApplication.translate("CampaignErrors", "scheduled"),
        "sending": QCoreApplication.translate("CampaignErrors", "being sent"),
        "paused": QCoreApplication.translate("CampaignErrors", "paused"),
        "completed": QCoreApplication.translate("CampaignErrors", "sent"),
        "cancelled": QCoreApplication.translate("CampaignErrors", "cancelled"),
    }.get(status, status)


def campaign_error_text(exc: BaseException) -> str:
    """A ``CampaignInputError`` or ``CampaignNotFound`` in the user's language."""
    code, args = code_of(exc)
    templates = {
        "not_editable": QCoreApplication.translate(
            "CampaignErrors", "This campaign is %1: it can no longer be edited."
        ),
        "not_schedulable": QCoreApplication.translate(
            "CampaignErrors", "This campaign is %1: it cannot be scheduled."
        ),
        "campaign_not_found": QCoreApplication.translate(
            "CampaignErrors", "This campaign no longer exists (deleted meanwhile?)."
        ),
        "not_archivable": QCoreApplication.translate(
            "CampaignErrors", "This campaign is %1: only a completed or cancelled one is archived."
        ),
        "not_deletable": QCoreApplication.translate(
            "CampaignErrors",
            "This campaign is %1: only a draft can be deleted (archive a finished one instead).",
        ),
        "illegal_transition": QCoreApplication.translate(
            "CampaignErrors", "A campaign cannot go from “%1” to “%2”."
        ),
        "schedule_has_issues": QCoreApplication.translate(
            "CampaignErrors",
            "The campaign cannot be scheduled: %1 problem(s) to fix first (see the list under "
            "the form).",
        ),
    }
    template = templates.get(code)
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


def _pause_templates() -> dict[str, str]:
    """Why the dispatch service paused a send (``core.outbox.pause_reasons``)."""
    return {
        "fcm_unreachable": QCoreApplication.translate(
            "PauseReasons",
            "FCM cannot be reached at %1 for %2 s (%3). Sending is paused and resumes by "
            "itself when FCM answers again; check the FCM address in the settings and the "
            "network.",
        ),
        "fcm_unavailable": QCoreApplication.translate(
            "PauseReasons",
            "FCM has answered only errors for %2 s (%1). Sending is paused and resumes by "
            "itself when FCM answers again.",
        ),
        "fcm_quota": QCoreApplication.translate(
            "PauseReasons",
            "FCM has refused the project's messages as over quota for %2 s (%1). Sending is "
            "paused and resumes by itself when FCM accepts messages again.",
        ),
        "token_unavailable": QCoreApplication.translate(
            "PauseReasons",
            "The token server of the app “%1” (project %2) at %3 gives no access token (%4). "
            "Sending is paused and resumes by itself when it gives tokens again.",
        ),
        "project_refused": QCoreApplication.translate(
            "PauseReasons",
            "FCM refuses every message of the app “%1” (project %2): %3 — %4. Sending is "
            "paused and the device tokens are kept: fix the project's set-up (service "
            "account, sender, APNs key), then resume.",
        ),
        "message_refused": QCoreApplication.translate(
            "PauseReasons",
            "FCM refuses this campaign's message: %1 — %2. Sending is paused: correct the "
            "content, then resume.",
        ),
        "provider_refused": QCoreApplication.translate(
            "PauseReasons",
            "The %1 provider refuses app %2's account: %3. Its campaigns on that channel are "
            "paused: fix the account with 'engage-desktop credentials set', then resume.",
        ),
        "provider_missing": QCoreApplication.translate(
            "PauseReasons",
            "App %2 has no %1 account usable on this machine. Its campaigns on that channel "
            "are paused: give it with 'engage-desktop credentials set' here, then resume.",
        ),
    }


def _permission_names() -> dict[str, str]:
    return {
        "view_campaigns": QCoreApplication.translate("PermissionErrors", "viewing campaigns"),
        "edit_campaigns": QCoreApplication.translate("PermissionErrors", "editing campaigns"),
        "send_campaigns": QCoreApplication.translate("PermissionErrors", "sending campaigns"),
        "approve_sends": QCoreApplication.translate("PermissionErrors", "approving sends"),
        "view_audience": QCoreApplication.translate("PermissionErrors", "viewing the audience"),
        "edit_audience": QCoreApplication.translate(
            "PermissionErrors", "changing the audience (imports, segments)"
        ),
        "view_analytics": QCoreApplication.translate("PermissionErrors", "viewing analytics"),
        "export_analytics": QCoreApplication.translate("PermissionErrors", "exporting analytics"),
        "manage_credentials": QCoreApplication.translate(
            "PermissionErrors", "changing the app's credentials"
        ),
        "manage_team": QCoreApplication.translate("PermissionErrors", "managing the team"),
        "view_team": QCoreApplication.translate("PermissionErrors", "seeing the team"),
        "manage_app": QCoreApplication.translate(
            "PermissionErrors", "changing or removing the app"
        ),
    }


def permission_text(exc: BaseException) -> str:
    """A ``PermissionDenied`` in the user's language: which role, on which app, what it lacks."""
    code, args = code_of(exc)
    if code == "app_not_found" and args:
        return QCoreApplication.translate(
            "PermissionErrors", "There is no app with id %1 in this workspace (removed?)."
        ).replace("%1", args[0])
    if code != "permission_denied" or len(args) not in (2, 3):
        return str(exc)
    role, permission = args[0], args[1]
    app = args[2] if len(args) == 3 else ""
    what = _permission_names().get(permission, permission)
    if not role:
        if app:
            return fill(
                QCoreApplication.translate(
                    "PermissionErrors", "You have no role on the app “%1”, so %2 is not allowed."
                ),
                [app, what],
            )
        return fill(
            QCoreApplication.translate(
                "PermissionErrors", "You have no role on this app, so %1 is not allowed."
            ),
            [what],
        )
    roles = {
        "admin": QCoreApplication.translate("PermissionErrors", "administrator"),
        "marketer": QCoreApplication.translate("PermissionErrors", "marketer"),
        "analyst": QCoreApplication.translate("PermissionErrors", "analyst"),
    }
    if app:
        return fill(
            QCoreApplication.translate(
                "PermissionErrors", "Your role on the app “%1” (%2) does not allow %3."
            ),
            [app, roles.get(role, role), what],
        )
    return fill(
        QCoreApplication.translate(
            "PermissionErrors", "Your role on this app (%1) does not allow %2."
        ),
        [roles.get(role, role), what],
    )


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


def _approval_templates() -> dict[str, str]:
    return {
        "needs_approval": QCoreApplication.translate(
            "ApprovalErrors",
            "This send would reach %2 recipients, above this app's approval threshold (%3): "
            "submit it for approval first.",
        ),
        "approval_pending": QCoreApplication.translate(
            "ApprovalErrors", "This send is waiting for an approver's decision."
        ),
        "approval_rejected": QCoreApplication.translate(
            "ApprovalErrors", "This send was rejected by %2: “%3”. Change it and submit again."
        ),
        "no_campaign": QCoreApplication.translate(
            "ApprovalErrors", "This campaign no longer exists (deleted meanwhile?)."
        ),
        "no_app": QCoreApplication.translate("ApprovalErrors", "This app no longer exists."),
        "not_submittable": QCoreApplication.translate(
            "ApprovalErrors", "Only a draft or scheduled campaign can be submitted."
        ),
        "has_issues": QCoreApplication.translate(
            "ApprovalErrors", "The campaign has problems to fix before it can be submitted (%2)."
        ),
        "already_pending": QCoreApplication.translate(
            "ApprovalErrors", "This campaign is already waiting for an approver."
        ),
        "already_approved": QCoreApplication.translate(
            "ApprovalErrors", "This campaign is already approved as it is."
        ),
        "nothing_pending": QCoreApplication.translate(
            "ApprovalErrors", "Nothing is waiting for a decision (decided meanwhile?)."
        ),
        "own_request": QCoreApplication.translate(
            "ApprovalErrors", "You submitted this campaign yourself: another approver must decide."
        ),
        "bad_threshold": QCoreApplication.translate(
            "ApprovalErrors", "The threshold must be a whole number of 0 or more."
        ),
        "comment_too_long": QCoreApplication.translate(
            "ApprovalErrors", "The comment is too long (%1 characters; at most %2)."
        ),
    }


def approval_error_text(exc: BaseException | CodedText) -> str:
    """An approval refusal (``ApprovalError``, a ``SendError`` waiting for approval or the
    stored text of one), or a permission refusal, in the user's language."""
    code, _args = code_of(exc)
    if code == "permission_denied" and isinstance(exc, BaseException):
        return permission_text(exc)
    return coded_text(exc, _approval_templates())
