"""Each chart draws its data, or a clear empty state, never empty axes; tables match the data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from engage_desktop.core.analytics.cached import app_trends, campaign_results
from engage_desktop.core.analytics.conversion import ConversionGoal
from engage_desktop.core.analytics.funnel import CampaignResults, VariantFunnel
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.analytics.charts import (
    Chart,
    FunnelChart,
    UpliftChart,
)
from engage_desktop.ui.analytics.export import DPI, FIGURE_SIZE
from engage_desktop.ui.analytics.qt_text import translated_text
from engage_desktop.ui.analytics.style import DARK, LIGHT
from engage_desktop.ui.analytics.text import ChartText
from engage_desktop.ui.analytics.timing import OpenHoursChart, TrendsChart
from tests.support.analytics_workspace import build_small
from tests.support.apps import add_app

TEXT = ChartText()


def drawn(chart: Chart, dark: bool = False) -> Figure:
    figure = Figure(figsize=(7, 4))
    chart.draw(figure, DARK if dark else LIGHT, TEXT)
    return figure


def words(figure: Figure) -> str:
    return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def test_empty_states_say_what_is_missing(make_workspace: Callable[..., Workspace]) -> None:
    small = build_small(make_workspace())
    empty_app = add_app(small.ws, "Vide")
    draft, _ = campaign_results(small.ws, small.draft)
    summer, _ = campaign_results(small.ws, small.summer)
    trends = app_trends(small.ws, small.app_id)
    cases: list[tuple[Chart, str]] = [
        (FunnelChart(None), TEXT.no_campaign),
        (FunnelChart(draft), TEXT.no_messages),
        (UpliftChart(draft), TEXT.no_messages),
        (TrendsChart(trends, date(2026, 11, 5), date(2026, 11, 1)), TEXT.empty_range),
        (
            TrendsChart(trends, date(2026, 8, 1), date(2026, 8, 31)),
            "Nothing was sent, opened or converted from 2026-08-01 to 2026-08-31.",
        ),
        (OpenHoursChart(app_trends(small.ws, empty_app)), TEXT.no_opens),
    ]
    for chart, message in cases:
        figure = drawn(chart)
        assert message in words(figure), message
        assert not figure.axes  # a message, not empty axes
    figure = drawn(UpliftChart(summer))
    assert TEXT.no_control in words(figure) and figure.axes  # rates shown, no uplift


def test_charts_with_data_in_both_styles(make_workspace: Callable[..., Workspace]) -> None:
    small = build_small(make_workspace())
    results, _ = campaign_results(small.ws, small.soldes, ConversionGoal("purchase", 10))
    trends = app_trends(small.ws, small.app_id)
    for dark in (False, True):
        uplift = drawn(UpliftChart(results), dark)
        assert "Too few conversions to conclude for Variant A" in words(uplift)
        assert len(uplift.axes) == 2
        assert "Best hour: 12 h" in words(drawn(OpenHoursChart(trends), dark))
        funnel = drawn(FunnelChart(results, "B"), dark)
        assert "Variant A" not in words(funnel) and funnel.axes
        assert drawn(TrendsChart(trends, date(2026, 11, 1), date(2026, 11, 3)), dark).axes


def test_tables(make_workspace: Callable[..., Workspace]) -> None:
    small = build_small(make_workspace())
    results, _ = campaign_results(small.ws, small.soldes)
    header, rows = FunnelChart(results, "A").table(TEXT)
    assert header == ["Stage", "Variant A"]
    assert rows == [
        ["Targeted", 6],
        ["Suppressed", 2],
        ["Suppressed: control group", 1],
        ["Suppressed: no push consent", 1],
        ["Sent", 3],
        ["Failed", 1],
        ["Received", 3],
        ["Opened", 1],
        ["Converted (people)", 1],
        ["Opted out", 1],
    ]
    header, rows = OpenHoursChart(app_trends(small.ws, small.app_id)).table(TEXT)
    assert header[:3] == ["Weekday", "0", "1"] and rows[0][13] == 2  # Monday 12 h


def test_a_variant_with_no_recipients_is_an_empty_state(
    make_workspace: Callable[..., Workspace],
) -> None:
    from engage_desktop.store.models import CampaignVariant

    small = build_small(make_workspace())
    with small.ws.session() as s:  # variant C was written but nobody fell in it
        s.add(CampaignVariant(campaign_id=small.soldes, key="C", content={"title": "C"}))
    results, _ = campaign_results(small.ws, small.soldes)
    figure = drawn(FunnelChart(results, "C"))
    assert "Variant C has no messages: nobody was sent it." in words(figure)
    assert not figure.axes
    uplift = drawn(UpliftChart(results, "C"))
    assert "Variant C has no recipients yet." in words(uplift)
    assert UpliftChart(results, "C").table(TEXT)[1][0][:3] == ["C", 0, 0]


def test_uplift_ticks_print_exactly_and_the_verdict_wraps_inside_the_panel() -> None:
    """Seen on screen: rate ticks every 0,25 printed "1,3 %" for 1,25, and a French verdict
    ran into the panel's right edge."""
    variant = VariantFunnel("A", 743, {}, 743, 0, 0, 700, 50, 1, 743, 12)
    results = CampaignResults(1, 1, "Soldes", "push", "completed", None, ConversionGoal(),
                              [variant], 82, 1)  # fmt: skip
    figure = Figure(figsize=(530 / 96, 400 / 96), dpi=96)
    FigureCanvasAgg(figure)
    UpliftChart(results).draw(figure, LIGHT, TEXT)
    figure.canvas.draw()  # type: ignore[no-untyped-call]
    rates = figure.axes[0]
    low, high = rates.get_ylim()
    for tick, label in zip(rates.get_yticks(), rates.get_yticklabels(), strict=True):
        if low <= tick <= high:
            assert float(label.get_text().removesuffix(" %")) == pytest.approx(tick), label
    verdict = next(t for t in figure.texts if "Too few conversions" in t.get_text())
    assert "12 of 743" in verdict.get_text().replace("\n", " ")
    right = verdict.get_window_extent().x1  # type: ignore[no-untyped-call]
    assert right < figure.bbox.width - 5


def test_an_ab_test_without_control_compares_each_variant_with_a(french: None) -> None:
    """Seen in review: an A/B campaign without a control group showed its rates and "no uplift
    to measure", with no test of B against A."""
    a = VariantFunnel("A", 1000, {}, 1000, 0, 0, 1000, 300, 0, 1000, 100)
    b = VariantFunnel("B", 1000, {}, 1000, 0, 0, 1000, 300, 0, 1000, 150)
    results = CampaignResults(1, 1, "Soldes", "push", "completed", None, ConversionGoal(),
                              [a, b], 0, 0)  # fmt: skip
    chart = UpliftChart(results)
    english = drawn(chart)
    assert len(english.axes) == 2 and TEXT.no_control not in words(english)
    said = words(english).replace("\n", " ")
    assert "Variant B converts better than Variant A: 5.0 points" in said
    assert "Variant A is the reference" in said
    assert chart.title(TEXT) == "Conversion of each variant against Variant A"
    header, rows = chart.table(TEXT)
    assert header[4] == "Rate of Variant A"
    assert rows[0][4:9] == [None] * 5 and rows[1][4] == pytest.approx(0.1)
    figure = Figure(figsize=(7, 4))
    chart.draw(figure, LIGHT, translated_text())
    assert "La Variante B convertit mieux que la Variante A" in words(figure).replace("\n", " ")


def test_gap_ticks_print_exactly() -> None:
    """Seen on the demo's A/B campaign: the gap axis had ticks every 0.25 printed with one
    decimal, "0.2 0.5 0.8" for 0.25, 0.5, 0.75."""
    a = VariantFunnel("A", 1391, {}, 1391, 0, 0, 1391, 300, 0, 1391, 20)
    b = VariantFunnel("B", 1368, {}, 1368, 0, 0, 1368, 300, 0, 1368, 29)
    results = CampaignResults(1, 1, "Printemps", "push", "completed", None, ConversionGoal(),
                              [a, b], 0, 0)  # fmt: skip
    figure = Figure(figsize=FIGURE_SIZE, dpi=DPI)  # as ``chart uplift --out x.png`` draws it
    FigureCanvasAgg(figure)
    UpliftChart(results).draw(figure, LIGHT, TEXT)
    figure.canvas.draw()  # type: ignore[no-untyped-call]
    gaps = figure.axes[1]
    low, high = gaps.get_xlim()
    shown = [
        (tick, label.get_text())
        for tick, label in zip(gaps.get_xticks(), gaps.get_xticklabels(), strict=True)
        if low <= tick <= high
    ]
    assert len(shown) >= 3
    for tick, label in shown:
        assert float(label.replace("\u2212", "-")) == pytest.approx(tick), label
