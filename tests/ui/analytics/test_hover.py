"""Values on hover: every chart's bars, points and cells map to pixel areas with their value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QPointF, QSize
from pytestqt.qtbot import QtBot

from engage_desktop.core.analytics.cached import (
    app_channels,
    app_fatigue,
    app_trends,
    campaign_results,
)
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.analytics.app_charts import ChannelsChart, FatigueChart
from engage_desktop.ui.analytics.chart_view import ChartView, Rendered, render
from engage_desktop.ui.analytics.charts import (
    Chart,
    FunnelChart,
    UpliftChart,
)
from engage_desktop.ui.analytics.hover import text_at
from engage_desktop.ui.analytics.style import LIGHT
from engage_desktop.ui.analytics.text import ChartText
from engage_desktop.ui.analytics.timing import OpenHoursChart, TrendsChart
from tests.support.analytics_workspace import build_small

FRENCH = ChartText(
    number=lambda v, d: f"{v:,.{d}f}".replace(",", "\u202f").replace(".", ","),
    hover_value="{label} : {value}",
)
SIZE = QSize(700, 420)


def rendered(chart: Chart, ratio: float = 1.0) -> Rendered:
    return render(chart, SIZE, ratio, LIGHT, FRENCH)


def centre_of(picture: Rendered, text: str) -> tuple[float, float]:
    region = next(r for r in picture.regions if r.text == text)
    return (region.left + region.right) / 2, (region.top + region.bottom) / 2


def test_every_chart_shows_its_values_under_the_mouse(
    make_workspace: Callable[..., Workspace],
) -> None:
    small = build_small(make_workspace())
    results, _ = campaign_results(small.ws, small.soldes)
    trends = app_trends(small.ws, small.app_id)
    year = (date(2026, 1, 1), date(2026, 12, 31))
    expected: list[tuple[Chart, str]] = [
        (FunnelChart(results), "Variant A — Sent : 3"),
        (UpliftChart(results), "Control : 50,00 %"),
        (TrendsChart(trends, date(2026, 11, 1), date(2026, 11, 3)), "2026-11-02 — Opens : 3"),
        (TrendsChart(trends, date(2026, 11, 1), date(2026, 11, 3)), "2026-11-02 — Sent : 6"),
        (OpenHoursChart(trends), "Mon 12 h — opens : 2"),
        (ChannelsChart(app_channels(small.ws, small.app_id), *year), "Push — Sent : 8"),
        (
            FatigueChart(app_fatigue(small.ws, small.app_id), *year),
            "Received in the week: 1 — 16,67 % opted out (1 of 6 person-weeks)",
        ),
    ]
    for chart, text in expected:
        picture = rendered(chart)
        x, y = centre_of(picture, text)
        assert 0 <= x <= SIZE.width() and 0 <= y <= SIZE.height(), text
        assert text_at(picture.regions, x, y) == text
    # a point on a line wins over the bar beneath it; nothing in the title's corner
    picture = rendered(TrendsChart(trends, date(2026, 11, 1), date(2026, 11, 3)))
    assert text_at(picture.regions, 2, 2) is None


def test_regions_are_in_logical_pixels_on_a_high_density_screen(
    make_workspace: Callable[..., Workspace],
) -> None:
    small = build_small(make_workspace())
    results, _ = campaign_results(small.ws, small.soldes)
    one, two = rendered(FunnelChart(results)), rendered(FunnelChart(results), 2.0)
    assert two.width == 2 * one.width
    a, b = centre_of(one, "Variant B — Sent : 3"), centre_of(two, "Variant B — Sent : 3")
    assert abs(a[0] - b[0]) < 3 and abs(a[1] - b[1]) < 3


def test_the_view_scales_the_mouse_to_the_picture_and_shows_a_tooltip(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    small = build_small(make_workspace())
    results, _ = campaign_results(small.ws, small.soldes)
    picture = rendered(FunnelChart(results))
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(SIZE.width() * 2, SIZE.height())  # stretched while a new picture is drawn
    view.set_image(picture.image(), picture.regions)
    x, y = centre_of(picture, "Variant A — Opened : 1")
    assert view.value_at(x * 2, y) == "Variant A — Opened : 1"
    assert view.value_at(x, y) != "Variant A — Opened : 1"
    view.show()
    qtbot.mouseMove(view, QPointF(x * 2, y).toPoint())
    from PySide6.QtWidgets import QToolTip

    qtbot.waitUntil(lambda: QToolTip.text() == "Variant A — Opened : 1", timeout=5_000)
