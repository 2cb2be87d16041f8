"""Daily results and open hours under the page's filters: one channel, a date range."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from sqlalchemy import update

from engage_desktop.core.analytics.cached import app_channels, app_trends
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignFormat
from engage_desktop.ui.analytics.style import DARK, LIGHT
from engage_desktop.ui.analytics.text import ChartText
from engage_desktop.ui.analytics.timing import OpenHoursChart, TrendsChart
from tests.support.analytics_workspace import Small, build_small

TEXT = ChartText()


def words(figure: Figure) -> str:
    return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def summer_by_sms(make_workspace: Callable[..., Workspace]) -> Small:
    small = build_small(make_workspace())
    with small.ws.session() as s:  # "Été" (July) went out as an SMS campaign
        s.execute(
            update(Campaign).where(Campaign.id == small.summer).values(format=CampaignFormat.SMS)
        )
    return small


def test_open_hours_of_a_range_and_a_channel(make_workspace: Callable[..., Workspace]) -> None:
    small = summer_by_sms(make_workspace)
    trends = app_trends(small.ws, small.app_id)
    november = OpenHoursChart(trends, date(2026, 11, 1), date(2026, 11, 30))
    monday = november.table(TEXT)[1][0]
    assert [h for h in range(24) if monday[h + 1]] == [12, 17, 20]
    for style in (LIGHT, DARK):
        figure = Figure(figsize=(7, 4))
        november.draw(figure, style, TEXT)
        assert "Best hour: 12 h" in words(figure) and figure.axes
    sms = OpenHoursChart(trends, channel="sms")
    assert sms.title(TEXT) == "Opens by hour (recipients' local time) — SMS"
    assert sum(sum(row[1:]) for row in sms.table(TEXT)[1]) == 2  # type: ignore[misc]


def test_open_hours_empty_states(make_workspace: Callable[..., Workspace]) -> None:
    small = summer_by_sms(make_workspace)
    trends = app_trends(small.ws, small.app_id)
    cases = [
        (OpenHoursChart(trends, date(2026, 11, 5), date(2026, 11, 1)), TEXT.empty_range),
        (
            OpenHoursChart(trends, date(2026, 8, 1), date(2026, 8, 31)),
            "No opens recorded from 2026-08-01 to 2026-08-31.",
        ),
        (
            OpenHoursChart(trends, date(2026, 11, 1), date(2026, 11, 30), "sms"),
            "No opens recorded from 2026-11-01 to 2026-11-30.",
        ),
    ]
    for chart, message in cases:
        figure = Figure(figsize=(7, 4))
        chart.draw(figure, LIGHT, TEXT)
        assert message in words(figure) and not figure.axes, message
    assert cases[0][0].table(TEXT)[1] == []


def test_daily_results_of_one_channel(make_workspace: Callable[..., Workspace]) -> None:
    small = summer_by_sms(make_workspace)
    trends, channels = app_trends(small.ws, small.app_id), app_channels(small.ws, small.app_id)
    july = (date(2026, 7, 5), date(2026, 7, 7))
    sms = TrendsChart(trends, *july, channels, "sms")
    assert sms.title(TEXT) == "Daily results — SMS"
    assert sms.table(TEXT)[1][1] == [date(2026, 7, 6), 2, 2, 0, 0]
    push = TrendsChart(trends, *july, channels, "push")
    figure = Figure(figsize=(7, 4))
    push.draw(figure, LIGHT, TEXT)
    assert "Nothing was sent, opened or converted" in words(figure) and not figure.axes
    assert TrendsChart(trends, *july).table(TEXT) == sms.table(TEXT)  # July: only the SMS


def test_a_small_panel_gets_few_readable_ticks(make_workspace: Callable[..., Workspace]) -> None:
    """Seen at the main window's 1280 × 760: nine count labels stacked on a 250 px panel and
    dates written over each other; now ticks follow the panel's size and days are short."""
    small = build_small(make_workspace())
    trends = app_trends(small.ws, small.app_id)
    figure = Figure(figsize=(515 / 96, 250 / 96), dpi=96)
    FigureCanvasAgg(figure)
    TrendsChart(trends, date(2026, 10, 14), date(2026, 11, 12)).draw(figure, LIGHT, TEXT)
    figure.canvas.draw()  # type: ignore[no-untyped-call]
    left = figure.axes[0]
    low, high = left.get_ylim()
    counts = [t for t in left.get_yticks() if low <= t <= high]
    assert 3 <= len(counts) <= 5
    days = [t.get_text() for t in left.get_xticklabels() if t.get_text()]
    assert 3 <= len(days) <= 7 and all(len(d) <= 6 for d in days), days  # "2 Nov"
