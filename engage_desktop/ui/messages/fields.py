"""Field paths and template (Liquid) errors in words: where a problem is, and what it is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from engage_desktop.ui.messages.base import QT_TRANSLATE_NOOP, coded_text, fill, translated

if TYPE_CHECKING:
    from engage_desktop.core.templating import TemplateError

_FIELD_NAMES: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("FieldNames", "campaign name"),
    "variants": QT_TRANSLATE_NOOP("FieldNames", "variants"),
    "shares": QT_TRANSLATE_NOOP("FieldNames", "variant shares"),
    "title": QT_TRANSLATE_NOOP("FieldNames", "title"),
    "subtitle": QT_TRANSLATE_NOOP("FieldNames", "subtitle"),
    "body": QT_TRANSLATE_NOOP("FieldNames", "body"),
    "image_url": QT_TRANSLATE_NOOP("FieldNames", "image"),
    "deep_link": QT_TRANSLATE_NOOP("FieldNames", "deep link"),
    "actions": QT_TRANSLATE_NOOP("FieldNames", "buttons"),
    "buttons": QT_TRANSLATE_NOOP("FieldNames", "buttons"),
    "data": QT_TRANSLATE_NOOP("FieldNames", "custom data"),
    "badge": QT_TRANSLATE_NOOP("FieldNames", "badge"),
    "ttl_seconds": QT_TRANSLATE_NOOP("FieldNames", "time to live"),
    "analytics_label": QT_TRANSLATE_NOOP("FieldNames", "analytics label"),
    "subject": QT_TRANSLATE_NOOP("FieldNames", "subject"),
    "preheader": QT_TRANSLATE_NOOP("FieldNames", "preheader"),
    "html": QT_TRANSLATE_NOOP("FieldNames", "HTML"),
    "sms": QT_TRANSLATE_NOOP("FieldNames", "SMS text"),
    "header": QT_TRANSLATE_NOOP("FieldNames", "header"),
    "layout": QT_TRANSLATE_NOOP("FieldNames", "layout"),
    "background": QT_TRANSLATE_NOOP("FieldNames", "background colour"),
    "text_colour": QT_TRANSLATE_NOOP("FieldNames", "text colour"),
    "button_colour": QT_TRANSLATE_NOOP("FieldNames", "button colour"),
    "close_button": QT_TRANSLATE_NOOP("FieldNames", "close control"),
    "status": QT_TRANSLATE_NOOP("FieldNames", "status"),
    "page_url": QT_TRANSLATE_NOOP("FieldNames", "page address"),
    "inbox_days": QT_TRANSLATE_NOOP("FieldNames", "inbox keep time"),
    "trigger": QT_TRANSLATE_NOOP("FieldNames", "trigger"),
    "trigger_event": QT_TRANSLATE_NOOP("FieldNames", "trigger event"),
    "expires_at": QT_TRANSLATE_NOOP("FieldNames", "expiry"),
}


def _field_names() -> dict[str, str]:
    return translated("FieldNames", _FIELD_NAMES)


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


_TEMPLATE_ERRORS: dict[str, str] = {
    "unclosed": QT_TRANSLATE_NOOP("TemplateErrors", "“%1” is missing: a tag is not closed"),
    "missing_end_tag": QT_TRANSLATE_NOOP(
        "TemplateErrors", "{% %1 %} is missing before the end of the text"
    ),
    "unknown_filter": QT_TRANSLATE_NOOP("TemplateErrors", "unknown filter “%1”"),
    "unexpected_tag": QT_TRANSLATE_NOOP(
        "TemplateErrors", "unexpected tag “%1” (unknown, or with no opening tag)"
    ),
    "unclosed_tag": QT_TRANSLATE_NOOP("TemplateErrors", "a tag is not closed: “%}” is missing"),
    "missing_expression": QT_TRANSLATE_NOOP(
        "TemplateErrors", "a value or a variable name is missing"
    ),
    "bad_path": QT_TRANSLATE_NOOP(
        "TemplateErrors", "a variable name is incomplete (a “.” or “[” leads nowhere)"
    ),
    "unexpected_text": QT_TRANSLATE_NOOP("TemplateErrors", "unexpected “%1” here"),
    "extra_text": QT_TRANSLATE_NOOP(
        "TemplateErrors", "extra words before the end of the tag (a missing “|” or “,”?)"
    ),
    "filter_arguments": QT_TRANSLATE_NOOP(
        "TemplateErrors", "wrong number of arguments for the filter “%1”"
    ),
    "filter_integer": QT_TRANSLATE_NOOP("TemplateErrors", "the filter “%1” expects a whole number"),
    "divide_by_zero": QT_TRANSLATE_NOOP("TemplateErrors", "division by zero"),
    "too_much_work": QT_TRANSLATE_NOOP(
        "TemplateErrors", "the template does too much work (a loop too long, or too much text)"
    ),
}


def _template_templates() -> dict[str, str]:
    return translated("TemplateErrors", _TEMPLATE_ERRORS)


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
