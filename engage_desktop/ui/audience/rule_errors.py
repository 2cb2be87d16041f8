"""Segment rule errors (``core.segments.rules.RuleError``) in the user's language.

Core raises them in English with a code and arguments; a condition's field errors carry the
condition's kind and the field's key first, then the case's values. Here each code has a
translated template, the kind and key are worded with the builder's own labels, and a code this
module does not know shows core's English text (see ``ui.messages.coded_text``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from engage_desktop.core.messages import CodedText, code_of
from engage_desktop.ui.messages import fill

from .labels import field_label, kind_label, op_label, rule_key_label


def _field_templates() -> dict[str, str]:
    """What is wrong with one field of a condition; %1, %2… are the case's values."""
    not_a_date = QCoreApplication.translate("RuleErrors", "“%1” is not a date (YYYY-MM-DD)")
    return {
        "missing": QCoreApplication.translate("RuleErrors", "required"),
        "wrong_type": QCoreApplication.translate("RuleErrors", "expected %1, not %2"),
        "unknown_key": QCoreApplication.translate(
            "RuleErrors", "not a field of this kind of condition"
        ),
        "empty_group": QCoreApplication.translate(
            "RuleErrors", "a group is empty: add a condition or remove the group"
        ),
        "unknown_type": QCoreApplication.translate("RuleErrors", "unknown kind of condition “%1”"),
        "bad_attribute_key": QCoreApplication.translate(
            "RuleErrors",
            "“%1” is not a valid attribute key (up to 64 unaccented letters, digits or _, "
            "not starting with a digit)",
        ),
        "unknown_field": QCoreApplication.translate("RuleErrors", "unknown profile field “%1”"),
        "unknown_operator": QCoreApplication.translate(
            "RuleErrors", "“%1” cannot be used with “%2” (use: %3)"
        ),
        "at_least": QCoreApplication.translate("RuleErrors", "must be at least %1"),
        "text_list": QCoreApplication.translate("RuleErrors", "give at least one value"),
        "between_pair": QCoreApplication.translate("RuleErrors", "give two values, from and to"),
        "bad_date": not_a_date,
        "not_a_date": not_a_date,
        "bad_param_key": QCoreApplication.translate(
            "RuleErrors",
            "“%1” is not a valid parameter name (up to 64 unaccented letters, digits or _, "
            "not starting with a digit)",
        ),
        "before_or_after": QCoreApplication.translate(
            "RuleErrors", "give one date: last done before it, or on or after it"
        ),
        "one_place": QCoreApplication.translate(
            "RuleErrors",
            "choose one place: a store, any store, a city or the start of a postal code",
        ),
        "radius_range": QCoreApplication.translate(
            "RuleErrors", "must be above 0 and at most 1,000 km"
        ),
        "radius_without_store": QCoreApplication.translate("RuleErrors", "only with a store"),
        "empty_text": QCoreApplication.translate("RuleErrors", "must not be empty"),
        "unknown_platform": QCoreApplication.translate(
            "RuleErrors", "“%1” is neither iOS nor Android"
        ),
        "bad_app_version": QCoreApplication.translate(
            "RuleErrors", "“%1” is not a version like 2.4.1"
        ),
        "device_empty": QCoreApplication.translate(
            "RuleErrors", "choose at least one of: platform, app version, push, language, time zone"
        ),
        "unknown_channel": QCoreApplication.translate(
            "RuleErrors", "“%1” is not a channel (push, SMS, email or in-app)"
        ),
        "unknown_state": QCoreApplication.translate(
            "RuleErrors", "“%1” is not granted, denied or unknown"
        ),
        "unknown_stage": QCoreApplication.translate(
            "RuleErrors", "“%1” is neither new nor inactive"
        ),
        "percent_range": QCoreApplication.translate("RuleErrors", "must be between 0 and 100 %"),
    }


def _node_templates() -> dict[str, str]:
    """Whole sentences for the document, a group, or a reference checked when counting."""
    return {
        "not_document": QCoreApplication.translate(
            "RuleErrors", "The rules are not a JSON object with “version” and “rules”."
        ),
        "rules_version": QCoreApplication.translate(
            "RuleErrors",
            "These rules were written by another version of Engage Desktop (rules version %1; "
            "this one reads version 1).",
        ),
        "not_object": QCoreApplication.translate(
            "RuleErrors", "A condition is not a JSON object (got %1)."
        ),
        "group_keys": QCoreApplication.translate(
            "RuleErrors", "A group has exactly one key, “all”, “any” or “not” (got %1)."
        ),
        "no_store": QCoreApplication.translate(
            "RuleErrors", "The store with id %1 no longer exists in this app (deleted?)."
        ),
        "no_segment": QCoreApplication.translate(
            "RuleErrors", "The segment with id %1 no longer exists in this app (deleted?)."
        ),
        "segment_cycle": QCoreApplication.translate(
            "RuleErrors",
            "Segments refer to each other in a loop: %3. Remove one of these references.",
        ),
        "in_segment": QCoreApplication.translate("RuleErrors", "In the segment “%2”: %3"),
    }


def _value_kind(names: str) -> str:
    words = {
        "str": QCoreApplication.translate("RuleErrors", "text"),
        "int": QCoreApplication.translate("RuleErrors", "a whole number"),
        "bool": QCoreApplication.translate("RuleErrors", "yes or no"),
        "list": QCoreApplication.translate("RuleErrors", "a list"),
        "dict": QCoreApplication.translate("RuleErrors", "an object"),
        "int or float": QCoreApplication.translate("RuleErrors", "a number"),
    }
    return words.get(names, names)


def _case_args(code: str, args: Sequence[str]) -> list[str]:
    """The case's values as the user should read them (labels rather than JSON words)."""
    values = list(args)
    if code == "wrong_type" and values:
        values[0] = _value_kind(values[0])
    elif code == "bad_attribute_key" and values:
        values[0] = values[0].removeprefix("attributes.")
    elif code == "unknown_operator" and len(values) == 3:
        op, field, allowed = values
        choices = ", ".join(op_label(o) for o in allowed.split(", "))
        values = [op_label(op), field_label(field), choices]
    elif code == "unknown_type" and values:
        values[0] = kind_label(values[0])
    return values


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def rule_problem_text(message: object) -> str | None:
    """A field error as "field: problem" (lower case first), for the row that shows it; None
    when ``message`` is not a field error this module knows."""
    code, args = code_of(message)
    template = _field_templates().get(code)
    if template is None or len(args) < 2:
        return None
    problem = fill(template, _case_args(code, args[2:]))
    label = "" if code == "empty_group" else rule_key_label(args[1])
    if not label:
        return problem
    return fill(QCoreApplication.translate("RuleErrors", "%1: %2"), [label, problem])


def rule_row_text(message: object) -> str | None:
    """What the builder writes under a condition row (None for an unknown code)."""
    problem = rule_problem_text(message)
    return None if problem is None else _capitalised(problem)


def rule_error_text(message: object) -> str:
    """A ``RuleError`` (or its ``CodedText``) in the user's language; core's English for a code
    this module does not know."""
    code, args = code_of(message)
    problem = rule_problem_text(message)
    if problem is not None:
        kind = args[0]
        if not kind:
            return _capitalised(problem)
        return fill(
            QCoreApplication.translate("RuleErrors", "“%1” condition — %2"),
            [kind_label(kind), problem],
        )
    template = _node_templates().get(code)
    if template is None:
        return str(message)
    if code == "in_segment" and len(args) >= 4:
        segment_id, name, english, inner_code, *inner_args = args
        inner = rule_error_text(CodedText(english, inner_code, *inner_args))
        return fill(template, [segment_id, name, inner])
    return fill(template, args)
