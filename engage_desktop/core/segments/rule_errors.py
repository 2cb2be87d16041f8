"""Errors of segment rules: English for the CLI and logs, a code and arguments for the GUI.

Every ``RuleError`` is built by ``rule_error`` from one English template per code, so the text
the CLI prints and the case the GUI words in French can never drift apart. A condition's field
errors carry the condition's kind and the field's key first (the GUI names both in the user's
words), then the case's own values.
"""

from __future__ import annotations

from engage_desktop.core.messages import CodedError, MessageTable


class RuleError(CodedError, ValueError):
    """A rule tree that cannot be used; the message starts with the path of the bad node.

    ``code`` names the case and ``args_text`` holds its variable parts (see ``RULE_MESSAGES``),
    so the GUI words it in the user's language. For a condition's field the arguments start
    with the condition's kind ("" when unknown) and the field's key ("value", "param.key"…).
    """


# English wording per code ({0}, {1}… are the arguments). Field cases: {0} kind, {1} key.
RULE_MESSAGES = MessageTable(
    {
        # a field of a condition (or group)
        "missing": "missing",
        "wrong_type": "expected {2}, got {3}",
        "unknown_key": "unknown field",
        "empty_group": "expected a non-empty list",
        "unknown_type": "unknown condition type '{2}'",
        "bad_attribute_key": "bad attribute key '{2}'",
        "unknown_field": "unknown field '{2}'",
        "unknown_operator": "unknown operator '{2}' for {3} (use one of {4})",
        "at_least": "must be >= {2}",
        "text_list": "expected a non-empty list of strings",
        "between_pair": "between takes [low, high]",
        "bad_date": "expected a date YYYY-MM-DD, got '{2}'",
        "not_a_date": "not a date (YYYY-MM-DD): '{2}'",
        "bad_param_key": "bad parameter key '{2}'",
        "before_or_after": "give exactly one of before, after (a date, YYYY-MM-DD)",
        "one_place": "give exactly one of store_id, any_store, city, postal_prefix",
        "radius_range": "a radius in km between 0 and 1000 is required",
        "radius_without_store": "only with store_id or any_store",
        "empty_text": "must not be empty",
        "unknown_platform": "unknown platform '{2}' (ios or android)",
        "bad_app_version": "expected a version like 2.4.1, got '{2}'",
        "device_empty": "give platform, app_version_gte, push_enabled, locale or time_zone",
        "unknown_channel": "unknown channel '{2}'",
        "unknown_state": "unknown state '{2}' (granted, denied or unknown)",
        "unknown_stage": "unknown stage '{2}' (new or inactive)",
        "percent_range": "must be between 0 and 100",
        # the document or a node as a whole
        "not_document": "expected an object with 'version' and 'rules'",
        "rules_version": "unsupported rules version {0} (expected 1)",
        "not_object": "expected an object, got {0}",
        "group_keys": "a group has exactly one key, got {0}",
        # references checked when compiling or evaluating
        "no_store": "store {0} does not exist in this app",
        "no_segment": "no such segment in this app (deleted?)",
        "segment_cycle": "refers to itself through {1}",
        "in_segment": "{2}",
    }
)
NODE_CODES = frozenset(
    {
        "not_document",
        "rules_version",
        "not_object",
        "group_keys",
        "no_store",
        "no_segment",
        "segment_cycle",
        "in_segment",
    }
)
FIELD_CODES = frozenset(RULE_MESSAGES.templates) - NODE_CODES


def rule_error(where: str, code: str, *args: object) -> RuleError:
    """``RuleError("<where>: <English for code>", code, *args)``: one place builds them all."""
    text = [str(a) for a in args]
    return RuleError(f"{where}: {RULE_MESSAGES.english(code, *text)}", code, *text)


def segment_cycle(segment_id: int, stack: list[int], names: list[str]) -> RuleError:
    """A saved segment reached again while expanding itself; ``names`` is the loop, in order."""
    return rule_error(
        f"segment {segment_id}", "segment_cycle", segment_id, stack, " → ".join(names)
    )


def no_segment(segment_id: int) -> RuleError:
    return rule_error(f"segment {segment_id}", "no_segment", segment_id)


def no_store(store_id: int) -> RuleError:
    return rule_error("location", "no_store", store_id)


def within_segment(segment_id: int, name: str, exc: RuleError) -> RuleError:
    """``exc`` found in the saved rules of another segment: its code and arguments travel too."""
    return rule_error(
        f"segment {segment_id} ({name})",
        "in_segment",
        segment_id,
        name,
        exc,
        exc.code,
        *exc.args_text,
    )
