"""The campaign report's content page: what each variant said, as the recipient read it.

A plain matplotlib Figure (no Qt: the CLI writes reports too). Each variant gets a card with
its fields in reading order (``core.analytics.content``), labelled in the user's language and
wrapped to the card's width. Characters the chart font cannot draw (emoji) are left out rather
than printed as empty boxes.
"""

from __future__ import annotations

import re
import textwrap
from functools import cache

from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.patches import FancyBboxPatch

from engage_desktop.core.analytics.content import VariantContent
from engage_desktop.ui.analytics.style import ChartStyle, empty_state, prepare, title
from engage_desktop.ui.analytics.text import ChartText

MAX_LINES = 9  # of one field; a longer text ends with an ellipsis


@cache
def _font_characters() -> frozenset[int]:
    path = font_manager.findfont(font_manager.FontProperties())
    return frozenset(FT2Font(path).get_charmap())


def drawable(text: str) -> str:
    """``text`` without the characters the chart font has no glyph for."""
    known = _font_characters()
    kept = "".join(c for c in text if ord(c) in known or c in "\n\t")
    return re.sub(" {2,}", " ", kept).strip() if kept != text else text


def draw_content(
    figure: Figure, name: str, variants: list[VariantContent], style: ChartStyle, text: ChartText
) -> None:
    """One card per variant (up to three side by side) on ``figure``."""
    prepare(figure, style)
    title(figure, drawable(f"{text.content_title} — {name}"), style)
    shown = [v for v in variants if v.fields]
    if not shown:
        return empty_state(figure, text.no_content, style)
    columns = max(2, min(len(shown), 3))  # one variant: half the page, not a bare sheet
    width = 0.96 / columns
    inches = figure.get_figwidth() * width
    characters = max(20, int(inches * 72 / (style.font_size * 0.6)))
    bodies = [_card_text(variant, text, characters) for variant in shown[:3]]
    lines = max(body.count("\n") + 1 for body in bodies) + 2  # the variant's name, a gap
    height = min(0.84, (lines * 1.3 * style.font_size + 24) / (figure.get_figheight() * 72))
    for i, (variant, body) in enumerate(zip(shown, bodies, strict=False)):
        left = 0.02 + i * width
        figure.add_artist(
            FancyBboxPatch(
                (left + 0.005, 0.88 - height),
                width - 0.02,
                height,
                boxstyle="round,pad=0.005",
                transform=figure.transFigure,
                facecolor=style.background,
                edgecolor=style.grid,
            )
        )
        figure.text(
            left + 0.015,
            0.86,
            text.variant.format(key=variant.key),
            color=style.text,
            fontsize=style.font_size + 1,
            fontweight="bold",
            va="top",
        )
        figure.text(left + 0.015, 0.82, body, color=style.text, fontsize=style.font_size, va="top")


def _card_text(variant: VariantContent, text: ChartText, characters: int) -> str:
    blocks = []
    for key, value in variant.fields:
        label = text.content_fields.get(key, key)
        lines: list[str] = []
        for paragraph in drawable(value).splitlines() or [""]:
            lines += textwrap.wrap(paragraph, characters - 2) or [""]
        if len(lines) > MAX_LINES:
            lines = [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1][: characters - 3] + "…"]
        blocks.append("\n".join([f"{label}", *("  " + line for line in lines)]))
    return "\n\n".join(blocks)
