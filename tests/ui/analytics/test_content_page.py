"""The report's content page: one card per variant, labelled, wrapped, never empty boxes."""

from __future__ import annotations

import warnings

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from engage_desktop.core.analytics.content import VariantContent
from engage_desktop.ui.analytics.content_page import draw_content, drawable
from engage_desktop.ui.analytics.style import DARK, LIGHT
from engage_desktop.ui.analytics.text import ChartText

TEXT = ChartText()


def words(figure: Figure) -> str:
    return "\n".join(t.get_text() for t in figure.texts)


def test_emoji_the_font_cannot_draw_are_left_out() -> None:
    assert drawable("Soldes 💡 : -30 %") == "Soldes : -30 %"
    assert drawable("Été, «déjà» !") == "Été, «déjà» !"


def test_one_card_per_variant_with_labelled_wrapped_fields() -> None:
    variants = [
        VariantContent("A", (("title", "Les soldes 💡"), ("body", "mot " * 80))),
        VariantContent("B", (("title", "Nouveautés"),)),
    ]
    for style in (LIGHT, DARK):
        figure = Figure(figsize=(11.69, 8.27))
        FigureCanvasAgg(figure)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph would warn
            draw_content(figure, "Soldes", variants, style, TEXT)
            figure.canvas.draw()  # type: ignore[no-untyped-call]
        text = words(figure)
        assert "Content — Soldes" in text and "Variant A" in text and "Variant B" in text
        assert "Title" in text and "Les soldes" in text and "💡" not in text
        body = next(t.get_text() for t in figure.texts if "mot mot" in t.get_text())
        assert max(len(line) for line in body.splitlines()) < 90  # wrapped to its card


def test_no_content_is_an_empty_state() -> None:
    figure = Figure()
    draw_content(figure, "Brouillon", [VariantContent("A", ())], LIGHT, TEXT)
    assert TEXT.no_content in words(figure)
