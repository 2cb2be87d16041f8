"""Audience segments: the rule tree, its SQL compiler, counts and saved segments."""

from .compiler import compile_segment
from .count import SegmentCount, count_profiles, count_segment
from .rules import RULES_VERSION, Rule, RuleError, parse_rules, to_document

__all__ = [
    "RULES_VERSION",
    "Rule",
    "RuleError",
    "SegmentCount",
    "compile_segment",
    "count_profiles",
    "count_segment",
    "parse_rules",
    "to_document",
]
