"""The app-wide comparison charts: channels side by side, and fatigue (opt-outs per dose).

Same rules as ``charts``: a plain matplotlib Figure, a clear empty state, a typed table, and
every bar tagged with its value for the hover tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from engage_desktop.core.analytics.cached import AppChannels, AppFatigue
from engage_desktop.core.analytics.channels import MEASURES
from engage_desktop.core.analytics.fatigue import FatigueBucket
from engage_desktop.ui.analytics.charts import Cell, Table, count_axis, hover_text
from engage_desktop.ui.analytics.hover import tip_artist
from engage_desktop.ui.analytics.style import ChartStyle, empty_state, prepare, style_axes, title
from engage_desktop.ui.analytics.text import ChartText


@dataclass(frozen=True)
class ChannelsChart:
    """Sent, opens and conversions per channel over the date range, with the rates."""

    channels: AppChannels
    first: date
    last: date
    only: tuple[str, ...] | None = None  # the channel filter (None: every channel)
    name: str = "channels"

    def title(self, text: ChartText) -> str:
        return text.channels_title

    def draw(self, figure: Figure, style: ChartStyle, text: ChartText) -> None:
        prepare(figure, style)
        title(figure, self.title(text), style)
        first, last = self.first, self.last
        if last < first:
            return empty_state(figure, text.empty_range, style)
        totals = self.channels.totals(first, last, self.only)
        if not any(t.sent or t.opened or t.converted for t in totals):
            message = text.nothing_in_range.format(
                first=text.day(first),
                last=text.day(last),
            )
            return empty_state(figure, message, style)
        ax = figure.add_subplot()
        style_axes(ax, style)
        width = 0.8 / len(MEASURES)
        names = [text.channels.get(t.channel, t.channel) for t in totals]
        for m, measure in enumerate(MEASURES):
            values = [getattr(t, measure) for t in totals]
            xs = [i + (m - 1) * width for i in range(len(totals))]
            bars = ax.bar(
                xs, values, width * 0.92, color=style.series[measure], label=text.series[measure]
            )
            ax.bar_label(
                bars,
                labels=[text.number(v, 0) for v in values],
                padding=2,
                color=style.text,
                fontsize=style.font_size - 1,
            )
            for bar, name, value in zip(bars, names, values, strict=True):
                label = f"{name} — {text.series[measure]}"
                tip_artist(figure, bar, hover_text(text, label, text.number(value, 0)))
        ticks = [
            text.channel_rates.format(
                channel=name,
                opens=_percent(t.open_rate, text),
                conversions=_percent(t.conversion_rate, text),
            )
            for name, t in zip(names, totals, strict=True)
        ]
        ax.set_xticks(range(len(totals)), ticks)
        count_axis(ax.yaxis, text)
        ax.margins(y=0.15)
        ax.legend(frameon=False, labelcolor=style.text, fontsize=style.font_size, ncols=3)
        figure.tight_layout()

    def table(self, text: ChartText) -> Table:
        f = text.table_fields
        header = [f["channel"], *(text.series[m] for m in MEASURES), f["open_rate"], f["rate"]]
        if self.last < self.first:
            return header, []
        rows: list[list[Cell]] = [
            [
                text.channels.get(t.channel, t.channel),
                t.sent,
                t.opened,
                t.converted,
                t.open_rate,
                t.conversion_rate,
            ]
            for t in self.channels.totals(self.first, self.last, self.only)
        ]
        return header, rows


def _percent(rate: float | None, text: ChartText) -> str:
    return "—" if rate is None else text.percent.format(value=text.number(rate * 100, 1))


def bucket_label(bucket: FatigueBucket) -> str:
    if bucket.high is None:
        return f"{bucket.low}+"
    return str(bucket.low) if bucket.high == bucket.low else f"{bucket.low}-{bucket.high}"


@dataclass(frozen=True)
class FatigueChart:
    """Opt-out rate of person-weeks by messages received that week."""

    fatigue: AppFatigue
    first: date
    last: date
    name: str = "fatigue"

    def title(self, text: ChartText) -> str:
        return text.fatigue_title

    def _buckets(self) -> list[FatigueBucket]:
        return self.fatigue.buckets(self.first, self.last)

    def draw(self, figure: Figure, style: ChartStyle, text: ChartText) -> None:
        prepare(figure, style)
        title(figure, self.title(text), style)
        if self.last < self.first:
            return empty_state(figure, text.empty_range, style)
        buckets = self._buckets()
        if not any(b.people_weeks for b in buckets):
            message = text.nothing_in_range.format(
                first=text.day(self.first),
                last=text.day(self.last),
            )
            return empty_state(figure, message, style)
        ax = figure.add_subplot()
        style_axes(ax, style)
        rates = [(b.rate or 0.0) * 100 for b in buckets]
        labels = [bucket_label(b) for b in buckets]
        bars = ax.bar(labels, rates, color=style.series["opted_out"], width=0.7)
        ax.bar_label(
            bars,
            labels=[text.percent.format(value=text.number(r, 2)) for r in rates],
            padding=2,
            color=style.text,
            fontsize=style.font_size - 1,
        )
        for bar, bucket, rate in zip(bars, buckets, rates, strict=True):
            words = text.fatigue_tip.format(
                count=bucket_label(bucket),
                rate=text.percent.format(value=text.number(rate, 2)),
                opted=text.number(bucket.opted_out, 0),
                weeks=text.number(bucket.people_weeks, 0),
            )
            tip_artist(figure, bar, words)
        ax.set_xlabel(text.fatigue_axis)
        ax.set_ylabel(text.fatigue_rate_axis)
        decimals = 2 if max(rates) < 2 else 1  # small rates: 0,25 % and 0,30 %, not 0,3 % twice
        # Steps of 1, 2 or 5 units of the last decimal shown: 0,025 would print as "0,03 %".
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
        ax.yaxis.set_major_formatter(
            FuncFormatter(lambda v, _p: text.percent.format(value=text.number(v, decimals)))
        )
        ax.margins(y=0.2)
        figure.tight_layout()

    def table(self, text: ChartText) -> Table:
        f = text.table_fields
        header = [f["received_per_week"], f["person_weeks"], f["opted_out"], f["opt_out_rate"]]
        if self.last < self.first:
            return header, []
        rows: list[list[Cell]] = [
            [bucket_label(b), b.people_weeks, b.opted_out, b.rate] for b in self._buckets()
        ]
        return header, rows
