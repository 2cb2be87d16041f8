"""Render message text with Liquid, reporting missing fields and syntax errors precisely.

A marketer's template is rendered for a sample profile in the composer and for every recipient at
send time. Undefined variables must not raise (a preview still has to show something) but must be
reported, so the composer can say "missing fields: first_name"; ``| default: "ami"`` silences the
report. Syntax errors carry line and column so the composer can point at them.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import liquid
from liquid.exceptions import LiquidError, LiquidSyntaxError

from engage_desktop.core.templating.filters import date_fr, euros

_missing: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "_missing", default=None
)


class _RecordingUndefined(liquid.Undefined):
    """Renders as nothing, records its name when output; ``default`` replaces it silently."""

    __slots__ = ()
    force_liquid_default = True

    def _record(self) -> None:
        names = _missing.get()
        if names is not None and self.name not in names:
            names.append(self.name)

    def __str__(self) -> str:
        self._record()
        return ""

    def __iter__(self) -> Any:
        self._record()
        return iter([])


class TemplateSyntaxError(ValueError):
    """A template that cannot be parsed; line and column are 1-based."""

    def __init__(self, message: str, line: int, column: int, source: str) -> None:
        super().__init__(f"line {line}, column {column}: {message}")
        self.message = message
        self.line = line
        self.column = column
        self.source = source


@dataclass(frozen=True)
class RenderResult:
    """Rendered text and the variables it used but the context did not provide."""

    text: str
    missing_fields: tuple[str, ...]


@lru_cache(maxsize=1)
def _environment() -> liquid.Environment:
    env = liquid.Environment(undefined=_RecordingUndefined)
    env.filters["date_fr"] = date_fr
    env.filters["euros"] = euros
    return env


@lru_cache(maxsize=512)
def _parse(source: str) -> liquid.BoundTemplate:
    try:
        return _environment().from_string(source)
    except LiquidSyntaxError as exc:
        raise _syntax_error(exc, source) from None


def check_syntax(source: str) -> TemplateSyntaxError | None:
    """The syntax error in ``source``, or None when it parses."""
    try:
        _parse(source)
    except TemplateSyntaxError as exc:
        return exc
    return None


def render(source: str, context: Mapping[str, Any]) -> RenderResult:
    """Render ``source`` with ``context``; raises TemplateSyntaxError on bad syntax."""
    if "{" not in source:
        return RenderResult(source, ())
    template = _parse(source)
    names: list[str] = []
    token = _missing.set(names)
    try:
        text = template.render(**dict(context))
    except LiquidSyntaxError as exc:
        raise _syntax_error(exc, source) from None
    except LiquidError as exc:  # unknown filter, bad filter argument: still the author's error
        raise _syntax_error(exc, source) from None
    finally:
        _missing.reset(token)
    return RenderResult(text, tuple(names))


_MARKUP = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def _syntax_error(exc: LiquidError, source: str) -> TemplateSyntaxError:
    message = str(getattr(exc, "message", None) or exc.args[0] if exc.args else exc)
    tok = getattr(exc, "token", None)
    index = getattr(tok, "start_index", -1) if tok is not None else -1
    if index is None or index < 0 or getattr(tok, "source", source) != source:
        index = _locate(source, message)
    line = source.count("\n", 0, index) + 1
    column = index - (source.rfind("\n", 0, index) + 1) + 1
    return TemplateSyntaxError(message, line, column, source)


def _locate(source: str, message: str) -> int:
    """Liquid sometimes loses the position; find the first markup that fails the same way alone."""
    env = _environment()
    for match in _MARKUP.finditer(source):
        try:
            env.from_string(match.group(0))
        except LiquidError as exc:
            if str(getattr(exc, "message", "")) == message:
                return match.start()
    return max(len(source) - 1, 0)
