"""The channel comparison and fatigue charts: data in both styles, empty states, typed tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from matplotlib.figure import Figure

from engage_desktop.core.analytics.cached import app_channels, app_fatigue
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.analytics.app_charts import ChannelsChart, FatigueChart
from engage_desktop.ui.analytics.charts import Chart
from engage_desktop.ui.analytics.style import DARK, LIGHT
from engage_desktop.ui.analytics.text import ChartText
from tests.support.analytics_workspace import build_small
from tests.support.apps import add_app

TEXT = ChartText()
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def drawn(chart: Chart, dark: bool = False) -> Figure:
    figure = Figure(figsize=(7, 4))
    chart.draw(figure, DARK if dark else LIGHT, TEXT)
    return figure


def words(figure: Figure) -> str:
    return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def test_channels_and_fatigue_with_data_in_both_styles(
    make_workspace: Callable[..., Workspace],
) -> None:
    small = build_small(make_workspace())
    channels, fatigue = app_channels(small.ws, small.app_id), app_fatigue(small.ws, small.app_id)
    for dark in (False, True):
        figure = drawn(ChannelsChart(channels, *YEAR), dark)
        assert figure.axes and "Push\nopens 62.5 %\nconv. 37.5 %" in words(figure)
        figure = drawn(FatigueChart(fatigue, *YEAR), dark)
        assert figure.axes and "16.67 %" in words(figure) and "5-6" in words(figure)


def test_empty_states(make_workspace: Callable[..., Workspace]) -> None:
    small = build_small(make_workspace())
    empty_app = add_app(small.ws, "Vide")
    channels, fatigue = app_channels(small.ws, small.app_id), app_fatigue(small.ws, small.app_id)
    backwards = (date(2026, 11, 5), date(2026, 11, 1))
    august = (date(2026, 8, 1), date(2026, 8, 31))
    nothing = "Nothing was sent, opened or converted from 2026-08-01 to 2026-08-31."
    cases: list[tuple[Chart, str]] = [
        (ChannelsChart(channels, *backwards), TEXT.empty_range),
        (FatigueChart(fatigue, *backwards), TEXT.empty_range),
        (ChannelsChart(channels, *august), nothing),
        (FatigueChart(fatigue, *august), nothing),
        (ChannelsChart(channels, *YEAR, ("email",)), "Nothing was sent"),
        (ChannelsChart(app_channels(small.ws, empty_app), *YEAR), "Nothing was sent"),
        (FatigueChart(app_fatigue(small.ws, empty_app), *YEAR), "Nothing was sent"),
    ]
    for chart, message in cases:
        figure = drawn(chart)
        assert message in words(figure), message
        assert not figure.axes


def test_tables(make_workspace: Callable[..., Workspace]) -> None:
    small = build_small(make_workspace())
    channels, fatigue = app_channels(small.ws, small.app_id), app_fatigue(small.ws, small.app_id)
    header, rows = ChannelsChart(channels, *YEAR).table(TEXT)
    assert header == ["Channel", "Sent", "Opens", "Conversions", "Open rate", "Conversion rate"]
    assert rows == [["Push", 8, 5, 3, 5 / 8, 3 / 8]]
    header, rows = FatigueChart(fatigue, *YEAR).table(TEXT)
    assert header == ["Messages received per week", "Person-weeks", "Opted out", "Opt-out rate"]
    assert rows == [
        ["1", 6, 1, 1 / 6],
        ["2", 1, 0, 0.0],
        ["3", 0, 0, None],
        ["4", 0, 0, None],
        ["5-6", 0, 0, None],
        ["7+", 0, 0, None],
    ]
    assert ChannelsChart(channels, date(2026, 2, 1), date(2026, 1, 1)).table(TEXT)[1] == []
