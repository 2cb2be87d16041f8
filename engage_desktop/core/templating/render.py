"""Render Liquid templates the way marketers write them, and say precisely what went wrong.

Why not just ``liquid.render``: the composer needs (1) the names of fields a profile lacks, to flag
them even when ``default`` hides the gap, (2) a syntax error's line and column to mark it inline,
and (3) French formats for dates and money. One shared environment keeps parsing cheap; parsed
templates are cached because the preview re-renders on every keystroke.
"""

from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from liquid import Environment, Undefined
from liquid.exceptions import LiquidError

_missing: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "engage_liquid_missing", default=None
)

_MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
_NNBSP = "\u202f"
_DAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
# A Unix timestamp is an instant: it is written at French time, the same on the composer's preview
# and on whichever machine sends (it was the machine's own zone: UTC on a server).
TIMESTAMP_ZONE = ZoneInfo("Europe/Paris")


class _RecordingUndefined(Undefined):
    """Renders as empty text (like Shopify) but notes the missing name for the current render."""

    def __init__(self, name: str, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        found = _missing.get()
        if found is not None and name not in found:
            found.append(name)


def _as_datetime(value: Any) -> datetime | date | None:
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, TIMESTAMP_ZONE)
    if isinstance(value, str) and value.strip():
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def date_fr(value: Any, style: str = "long") -> str:
    """``{{ d | date_fr }}`` → "lundi 3 mars 2025"; ``"court"``/``"short"`` → "03/03/2025";
    ``"heure"``/``"time"`` adds " à 9 h 05". Unix timestamps are shown at Paris time."""
    when = _as_datetime(value)
    if when is None:
        return "" if value is None else str(value)
    if style in ("short", "court"):
        return when.strftime("%d/%m/%Y")
    day = "1er" if when.day == 1 else str(when.day)
    text = f"{_DAYS_FR[when.weekday()]} {day} {_MONTHS_FR[when.month - 1]} {when.year}"
    if style in ("time", "heure") and isinstance(when, datetime):
        text += f" à {when.hour} h {when.minute:02d}"
    return text


def money_fr(value: Any, currency: str = "€") -> str:
    """``{{ 1234.5 | money_fr }}`` → "1 234,50 €" (narrow no-break space as thousands separator)."""
    try:
        amount = Decimal(str(value).replace(",", ".").replace(" ", "")).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return "" if value is None else str(value)
    sign = "-" if amount < 0 else ""
    units, cents = f"{abs(amount):.2f}".split(".")
    groups: list[str] = []
    while units:
        groups.insert(0, units[-3:])
        units = units[:-3]
    return sign + _NNBSP.join(groups) + "," + cents + "\u00a0" + currency


def number_fr(value: Any, decimals: int = 0) -> str:
    """``{{ 12345.6 | number_fr: 1 }}`` → "12 345,6"."""
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        return "" if value is None else str(value)
    text = f"{number:,.{int(decimals)}f}"
    return text.replace(",", "\u202f").replace(".", ",")


# A marketer's template renders in microseconds; these bound a hostile or mistaken one (nested
# loops, a string doubled in a loop) so it fails fast instead of stalling the sender or bloating
# its memory. Push texts are at most 4 KB and an e-mail body rarely 100 KB.
LOOP_ITERATION_LIMIT = 10_000
OUTPUT_LIMIT = 200_000  # characters written by one render
LOCAL_NAMESPACE_LIMIT = 100_000  # size of what {% assign %} / {% capture %} hold


class _BoundedEnvironment(Environment):
    loop_iteration_limit = LOOP_ITERATION_LIMIT
    output_stream_limit = OUTPUT_LIMIT
    local_namespace_limit = LOCAL_NAMESPACE_LIMIT


@functools.cache
def _environment(autoescape: bool = False) -> Environment:
    """The shared environment; ``autoescape`` HTML-escapes every output (HTML fields)."""
    env = _BoundedEnvironment(undefined=_RecordingUndefined, autoescape=autoescape)
    env.filters["date_fr"] = date_fr
    env.filters["money_fr"] = money_fr
    env.filters["number_fr"] = number_fr
    return env


@dataclass(frozen=True, slots=True)
class TemplateError:
    """A Liquid problem at a 1-based line and column of the source text.

    ``message`` is python-liquid's English text; ``code`` and ``args`` name the case for a GUI
    in another language (``""`` when the case is not one of ``_CASES``: show ``message``).
    """

    message: str
    line: int
    column: int
    code: str = ""
    args: tuple[str, ...] = ()


# python-liquid's messages → (code, groups kept as args). First match wins.
_CASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("unclosed", re.compile(r"^expected '(.+?)', found end of file")),
    ("missing_end_tag", re.compile(r"^expected tag (\w+), found")),
    ("unknown_filter", re.compile(r"^unknown filter '(.+?)'")),
    ("unexpected_tag", re.compile(r"^unexpected tag '(.+?)'")),
    ("unclosed_tag", re.compile(r"^missing tag name or closing delimiter")),
    (
        "missing_expression",
        re.compile(
            r"^(?:missing expression|expected a primitive expression|expected word, found e)"
        ),
    ),
    ("bad_path", re.compile(r"^missing or unexpected path segment")),
    ("unexpected_text", re.compile(r"^expected end of expression, found '(.+?)'$")),
    ("extra_text", re.compile(r"^expected end of expression, found")),
    ("unexpected_text", re.compile(r'^unexpected "(.+)"$')),
    ("filter_arguments", re.compile(r"^(?:\w+: )?(\w+)\(\) (?:takes|missing|got)")),
    ("filter_integer", re.compile(r"^(\w+) expected an integer")),
    ("divide_by_zero", re.compile(r"can't divide by 0")),
    (
        "too_much_work",
        re.compile(r"(?:loop iteration|output stream|local namespace) limit reached"),
    ),
)


_EVERY_PROFILE = frozenset({"unknown_filter", "too_much_work"})


def _classify(message: str) -> tuple[str, tuple[str, ...]]:
    for code, pattern in _CASES:
        match = pattern.search(message)
        if match is not None:
            return code, tuple(g for g in match.groups() if g is not None)[:1]
    return "", ()


@dataclass(frozen=True, slots=True)
class RenderResult:
    """The rendered text, or an error; ``missing`` lists profile fields the context lacked."""

    text: str
    error: TemplateError | None = None
    missing: tuple[str, ...] = field(default_factory=tuple)


def _position(source: str, index: int) -> tuple[int, int]:
    before = source[: max(0, min(index, len(source)))]
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return line, column


def _error_from(exc: LiquidError, source: str) -> TemplateError:
    """Where and what. Liquid gives index -1 for "the end of the text" (an unclosed block)."""
    token = getattr(exc, "token", None)
    index = int(getattr(token, "start_index", 0) or 0) if token is not None else 0
    if index < 0:
        index = len(source)
    line, column = _position(source, index)
    message = str(getattr(exc, "message", "") or exc).splitlines()[0]
    code, args = _classify(message)
    return TemplateError(message=message, line=line, column=column, code=code, args=args)


@functools.lru_cache(maxsize=512)
def _parse(source: str, autoescape: bool = False) -> Any:
    return _environment(autoescape).from_string(source)


def render_text(source: str, context: Mapping[str, Any]) -> RenderResult:
    """Render one field; text without Liquid markers is returned as is (fast path)."""
    return _render(source, context, autoescape=False)


def render_html(source: str, context: Mapping[str, Any]) -> RenderResult:
    """Render an HTML field: every Liquid output is HTML-escaped (a profile attribute holding
    ``<script>`` arrives as text, not markup); the author's own markup is kept as written."""
    return _render(source, context, autoescape=True)


def _render(source: str, context: Mapping[str, Any], *, autoescape: bool) -> RenderResult:
    if "{" not in source:
        return RenderResult(text=source)
    try:
        template = _parse(source, autoescape)
    except LiquidError as exc:
        return RenderResult(text=source, error=_error_from(exc, source))
    found: list[str] = []
    token = _missing.set(found)
    try:
        text = template.render(**dict(context))
    except LiquidError as exc:
        return RenderResult(text=source, error=_error_from(exc, source))
    finally:
        _missing.reset(token)
    return RenderResult(text=text, missing=tuple(found))


def template_problem(source: str) -> TemplateError | None:
    """A problem every profile would hit: a syntax error, an unknown filter, or a template that
    does too much work even without profile data (nested loops over long ranges).

    Errors that depend on the data (a division by a field that is 0 for some profile) are left
    to the preview; this is the check validation runs before a campaign may be scheduled.
    """
    if "{" not in source:
        return None
    try:
        _parse(source)
    except LiquidError as exc:
        return _error_from(exc, source)
    error = render_text(source, {}).error
    return error if error is not None and error.code in _EVERY_PROFILE else None


def render_fields(
    fields: Mapping[str, str], context: Mapping[str, Any], *, only: Iterable[str] | None = None
) -> dict[str, RenderResult]:
    """Render several named fields with one context (e.g. title, subtitle, body)."""
    names = list(only) if only is not None else list(fields)
    return {name: render_text(fields[name], context) for name in names}
