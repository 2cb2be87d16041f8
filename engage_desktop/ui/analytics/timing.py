"""The app's results over time: daily results (one channel or all) and open hours.

Both read the cached trends (``core.analytics.cached.AppTrends``): the daily results of one
channel come from the channel comparison's days (``AppChannels.series``), the open hours of a
date range and channel from the opens kept per local day and channel. Same rules as
``charts``: a plain matplotlib Figure, a clear empty state, a typed table, values on hover.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from engage_desktop.core.analytics.cached import AppChannels, AppTrends
from engage_desktop.core.analytics.trends import TREND_SERIES, best_hour, days_between
from engage_desktop.ui.analytics.charts import Table, count_axis, hover_text
from engage_desktop.ui.analytics.hover import tip_area, tip_artist, tip_point
from engage_desktop.ui.analytics.style import (
    CHARACTER_WIDTH,
    LINE,
    ChartStyle,
    empty_state,
    figure_width,
    points_rect,
    prepare,
    style_axes,
    title,
)
from engage_desktop.ui.analytics.text import ChartText


@dataclass(frozen=True)
class TrendsChart:
    """Messages sent per day (bars) with opens, conversions and opt-outs (lines)."""

    trends: AppTrends
    first: date
    last: date
    channels: AppChannels | None = None  # the days per channel, for ``channel``
    channel: str | None = None  # one channel's results (None: every channel)
    name: str = "trends"

    def title(self, text: ChartText) -> str:
        if self.channel is None:
            return text.trends_title
        return f"{text.trends_title} — {text.channels.get(self.channel, self.channel)}"

    def _series(self) -> dict[str, list[int]]:
        if self.channel is None or self.channels is None:
            return self.trends.series(self.first, self.last)
        return self.channels.series(self.first, self.last, self.channel)

    def draw(self, figure: Figure, style: ChartStyle, text: ChartText) -> None:
        prepare(figure, style)
        title(figure, self.title(text), style)
        if self.last < self.first:
            return empty_state(figure, text.empty_range, style)
        series = self._series()
        if not any(any(values) for values in series.values()):
            message = text.nothing_in_range.format(
                first=text.day(self.first), last=text.day(self.last)
            )
            return empty_state(figure, message, style)
        days = [_day_number(d) for d in days_between(self.first, self.last)]
        ax = figure.add_subplot()
        style_axes(ax, style)
        sent_bars = ax.bar(
            days,
            series["sent"],
            color=style.series["sent"],
            alpha=0.6 if style.dark else 0.35,
            label=text.series["sent"],
            width=0.9,
        )
        ax.set_ylabel(text.messages_axis)
        count_axis(ax.yaxis, text)
        right = ax.twinx()
        style_axes(right, style, grid_axis="")
        right.spines["right"].set_visible(True)
        right.spines["right"].set_color(style.grid)
        for name in ("opened", "converted", "opted_out"):
            right.plot(
                days,
                series[name],
                color=style.series[name],
                linewidth=1.6,
                label=text.series[name],
                marker="o" if len(days) < 40 else None,
                markersize=3,
            )
        self._tips(figure, sent_bars, right, days, series, text)
        right.set_ylabel(text.engagement_axis)
        count_axis(right.yaxis, text)
        right.set_ylim(bottom=0)
        # Whole days only, as many as the width holds: "23 nov." is about 45 px at 9 pt.
        width = figure.get_figwidth() * 72
        ax.xaxis.set_major_locator(MaxNLocator(nbins=max(2, int(width / 70)), integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: text.day_month(_as_date(v))))
        handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
        ax.legend(  # above the plot, never over the bars
            handles=handles,
            frameon=False,
            labelcolor=style.text,
            fontsize=style.font_size - 1,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=4 if _legend_width(handles, style) <= 0.9 * width else 2,
            borderaxespad=0.2,
            handlelength=1.4,
            columnspacing=1.0,
        )
        ax.margins(y=0.15)
        figure.tight_layout()

    def _tips(
        self,
        figure: Figure,
        bars: Any,
        right: Axes,
        days: list[int],
        series: dict[str, list[int]],
        text: ChartText,
    ) -> None:
        """Each day's bar and each point of the lines show their value on hover."""
        for i, (bar, day) in enumerate(zip(bars, days, strict=True)):
            when = text.day(_as_date(day))
            value = text.number(series["sent"][i], 0)
            tip_artist(figure, bar, hover_text(text, f"{when} — {text.series['sent']}", value))
            for name in ("opened", "converted", "opted_out"):
                label = f"{when} — {text.series[name]}"
                words = hover_text(text, label, text.number(series[name][i], 0))
                tip_point(figure, right, day, series[name][i], words)

    def table(self, text: ChartText) -> Table:
        header = [text.table_day, *(text.series[s] for s in TREND_SERIES)]
        if self.last < self.first:
            return header, []
        series = self._series()
        days = days_between(self.first, self.last)
        return header, [[d, *(series[s][i] for s in TREND_SERIES)] for i, d in enumerate(days)]


def _legend_width(handles: list[Any], style: ChartStyle) -> float:
    """About how wide (points) the legend is on one row: its labels, handles and gaps."""
    labels = sum(len(str(h.get_label())) for h in handles)
    return (labels * CHARACTER_WIDTH + len(handles) * (1.4 + 0.8 + 1.0)) * (style.font_size - 1)


EPOCH = date(1970, 1, 1).toordinal()


def _day_number(value: date) -> int:
    """Days since 1970-01-01: the x axis of daily charts (plain numbers, no date converter)."""
    return value.toordinal() - EPOCH


def _as_date(value: float) -> date:
    return date.fromordinal(EPOCH + round(value))


@dataclass(frozen=True)
class OpenHoursChart:
    """Opens by weekday × hour in the recipients' local time, the best hour outlined."""

    trends: AppTrends
    first: date | None = None  # the local days shown (None: the whole history)
    last: date | None = None
    channel: str | None = None  # one channel's opens (None: every channel)
    name: str = "open-hours"

    def title(self, text: ChartText) -> str:
        if self.channel is None:
            return text.hours_title
        return f"{text.hours_title} — {text.channels.get(self.channel, self.channel)}"

    def grid(self) -> list[list[int]]:
        return self.trends.open_hours(self.first, self.last, self.channel)

    def draw(self, figure: Figure, style: ChartStyle, text: ChartText) -> None:
        prepare(figure, style)
        title(figure, self.title(text), style)
        if self.first is not None and self.last is not None and self.last < self.first:
            return empty_state(figure, text.empty_range, style)
        grid = self.grid()
        best = best_hour(grid)
        if best is None:
            return empty_state(figure, self._no_opens(text), style)
        ax, bar_ax = self._axes(figure, grid, style, text)
        style_axes(ax, style, grid_axis="")
        image = ax.imshow(grid, aspect="auto", cmap=style.heat_map(), interpolation="nearest")
        for d, row in enumerate(grid):
            for h, count in enumerate(row):
                label = text.hour_cell.format(weekday=text.weekdays[d], hour=h)
                words = hover_text(text, label, text.number(count, 0))
                tip_area(figure, ax, h - 0.5, d - 0.5, h + 0.5, d + 0.5, words)
        ax.set_yticks(range(7), list(text.weekdays))
        ax.set_xticks(range(0, 24, 2), [str(h) for h in range(0, 24, 2)])
        ax.set_xlabel(text.hour_axis)
        ax.add_patch(
            Rectangle((best - 0.5, -0.5), 1, 7, fill=False, edgecolor=style.text, linewidth=1.5)
        )
        ax.set_title(
            text.best_hour.format(hour=best),
            color=style.muted,
            fontsize=style.font_size,
            loc="left",
        )
        bar = figure.colorbar(image, cax=bar_ax)
        bar.ax.tick_params(colors=style.muted, labelsize=style.font_size - 1, length=0)
        bar.outline.set_visible(False)
        count_axis(bar.ax.yaxis, text)

    @staticmethod
    def _axes(
        figure: Figure, grid: list[list[int]], style: ChartStyle, text: ChartText
    ) -> tuple[Axes, Axes]:
        """The heat map's and its colour bar's axes, placed from the labels' known sizes.

        Every label here is short and known before drawing (weekday names, hours, the largest
        count), so the margins are computed instead of measured: ``tight_layout`` measured
        every text of both axes and was a third of this chart's drawing time."""
        size = style.font_size
        widest = max(len(day) for day in text.weekdays)
        counts = len(text.number(max(map(max, grid)), 0))
        left = widest * CHARACTER_WIDTH * size + 12
        bottom = 2 * LINE * size + 8
        top = LINE * (size + 3) + LINE * size + 14
        bar_room = 8 + 10 + counts * CHARACTER_WIDTH * (size - 1) + 8
        ax = figure.add_axes(points_rect(figure, left, bar_room, top, bottom))
        _, y, _, height = points_rect(figure, 0, 0, top, bottom)
        width = figure_width(figure)
        bar = figure.add_axes((1 - (bar_room - 8) / width, y, 10 / width, height))
        return ax, bar

    def _no_opens(self, text: ChartText) -> str:
        if self.first is None or self.last is None:
            return text.no_opens
        return text.no_opens_in_range.format(first=text.day(self.first), last=text.day(self.last))

    def table(self, text: ChartText) -> Table:
        header = [text.table_weekday, *(str(h) for h in range(24))]
        if self.first is not None and self.last is not None and self.last < self.first:
            return header, []
        grid = self.grid()
        return header, [[text.weekdays[d], *grid[d]] for d in range(7)]
