"""The content check's issues (``core.campaigns.model.validate_draft``) in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engage_desktop.core.messages import code_of
from engage_desktop.ui.messages.base import QT_TRANSLATE_NOOP, coded_text, fill, translated
from engage_desktop.ui.messages.fields import _template_templates, field_label

_ISSUES: dict[str, str] = {
    "no_name": QT_TRANSLATE_NOOP("ContentIssues", "A campaign needs a name."),
    "no_variant": QT_TRANSLATE_NOOP("ContentIssues", "A campaign needs at least one variant."),
    "same_key": QT_TRANSLATE_NOOP("ContentIssues", "Two variants have the same key."),
    "shares_not_100": QT_TRANSLATE_NOOP(
        "ContentIssues", "The variants' shares add up to %1 %; they must add up to 100 %."
    ),
    "no_subject": QT_TRANSLATE_NOOP("ContentIssues", "An email needs a subject."),
    "push_empty": QT_TRANSLATE_NOOP(
        "ContentIssues", "Write a title or a body: the notification would be empty."
    ),
    "image_not_https": QT_TRANSLATE_NOOP(
        "ContentIssues", "The image must be an https:// address (got “%1”)."
    ),
    "not_a_link": QT_TRANSLATE_NOOP(
        "ContentIssues", "“%1” is not a link: write scheme://path, e.g. myapp://promo."
    ),
    "link_spaces": QT_TRANSLATE_NOOP("ContentIssues", "A link may not contain spaces."),
    "too_many_actions": QT_TRANSLATE_NOOP("ContentIssues", "At most %1 buttons; remove %2."),
    "too_many_buttons": QT_TRANSLATE_NOOP("ContentIssues", "At most %1 buttons."),
    "button_no_label": QT_TRANSLATE_NOOP("ContentIssues", "Button %1 has no label."),
    "button_no_id": QT_TRANSLATE_NOOP("ContentIssues", "Button %1 has no identifier."),
    "data_not_text": QT_TRANSLATE_NOOP(
        "ContentIssues", "Custom data “%1” must be text, not %2 (write it in quotes)."
    ),
    "badge_negative": QT_TRANSLATE_NOOP("ContentIssues", "The badge must be 0 or more."),
    "ttl_range": QT_TRANSLATE_NOOP(
        "ContentIssues", "Time to live must be between 0 and 28 days (2,419,200 s)."
    ),
    "reserved_message_id": QT_TRANSLATE_NOOP(
        "ContentIssues", "“message_id” is reserved: use another key."
    ),
    "reserved_data_key": QT_TRANSLATE_NOOP(
        "ContentIssues", "“%1” is reserved by FCM: use another key."
    ),
    "bad_analytics_label": QT_TRANSLATE_NOOP(
        "ContentIssues", "Analytics label: up to 50 letters, digits, - _ . ~ % only."
    ),
    "payload_too_big": QT_TRANSLATE_NOOP(
        "ContentIssues",
        "The payload is %1 bytes; FCM accepts at most %2. Shorten the texts or data.",
    ),
    "sms_empty": QT_TRANSLATE_NOOP("ContentIssues", "The SMS is empty."),
    "sms_segments": QT_TRANSLATE_NOOP("ContentIssues", "The SMS needs %1 segments; the cap is %2."),
    "sms_segments_ucs2": QT_TRANSLATE_NOOP(
        "ContentIssues",
        "The SMS needs %1 segments; the cap is %2. The characters %3 force UCS-2 "
        "(70 per SMS instead of 160).",
    ),
    "unknown_layout": QT_TRANSLATE_NOOP("ContentIssues", "Unknown layout “%1”: use %2."),
    "inapp_empty": QT_TRANSLATE_NOOP("ContentIssues", "Write a header or a body."),
    "bad_colour": QT_TRANSLATE_NOOP(
        "ContentIssues", "Write the colour as #RRGGBB (or #RRGGBBAA), not “%1”."
    ),
    "cannot_dismiss": QT_TRANSLATE_NOOP(
        "ContentIssues",
        "With no button and no close control the message cannot be dismissed.",
    ),
    "rich_no_page": QT_TRANSLATE_NOOP(
        "ContentIssues", "Write the page or give the address where it is published."
    ),
    "rich_url_not_https": QT_TRANSLATE_NOOP(
        "ContentIssues", "The page address must be https:// (got “%1”)."
    ),
    "rich_inbox_days": QT_TRANSLATE_NOOP(
        "ContentIssues", "Keep the page in the inbox 1 to %1 days."
    ),
    "rich_page_too_big": QT_TRANSLATE_NOOP(
        "ContentIssues",
        "The page (%1 bytes) does not fit in the %2-byte message and no page address is "
        "given: shorten it or give the address where it is published.",
    ),
    "inapp_unknown_trigger": QT_TRANSLATE_NOOP(
        "ContentIssues", "Unknown trigger “%1”: use app_open or event."
    ),
    "inapp_trigger_event": QT_TRANSLATE_NOOP(
        "ContentIssues",
        "Name the event that shows the message (letters, digits, _; 40 at most).",
    ),
    "inapp_bad_expiry": QT_TRANSLATE_NOOP(
        "ContentIssues",
        "“%1” is not a date and time with its offset (2026-12-24T18:00:00+01:00).",
    ),
    "inapp_expired": QT_TRANSLATE_NOOP(
        "ContentIssues", "The message expires (%1) before it is sent: nobody would see it."
    ),
    "bad_mailbox": QT_TRANSLATE_NOOP(
        "ContentIssues", "“%1” is not a display name and an address (write it like %2)."
    ),
}


def _issue_templates() -> dict[str, str]:
    return translated("ContentIssues", _ISSUES)


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
