"""The analytics charts: each draws itself on a matplotlib Figure and gives its table.

No Qt and no pyplot here: figures are plain ``matplotlib.figure.Figure`` objects, which a
worker thread can draw (the page renders off the GUI thread) and the CLI can save. Every chart
draws a clear empty state rather than empty axes, and ``table`` gives the numbers behind it
(the CSV export).
"""

from __future__ import annotations

import textwrap
import threading
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from engage_desktop.core.analytics.funnel import CampaignResults, VariantFunnel
from engage_desktop.core.analytics.stats import Uplift
from engage_desktop.ui.analytics.hover import tip_artist, tip_point
from engage_desktop.ui.analytics.style import (
    CHARACTER_WIDTH,
    LINE,
    ChartStyle,
    empty_state,
    prepare,
    style_axes,
    title,
)
from engage_desktop.ui.analytics.text import ChartText

# Matplotlib's text and font caches are shared and not made for concurrent use: a cancelled load
# may still be drawing when the next one starts, or an export runs beside a redraw. Drawings
# (``chart_view.render``, ``export``) take turns.
DRAWING = threading.Lock()

Cell = str | int | float | date | None
Table = tuple[list[str], list[list[Cell]]]
FUNNEL_STAGES = (
    "targeted",
    "suppressed",
    "sent",
    "failed",
    "received",
    "opened",
    "converted",
    "opted_out",
)


class Chart(Protocol):
    @property
    def name(self) -> str: ...

    def title(self, text: ChartText) -> str: ...

    def draw(self, figure: Figure, style: ChartStyle, text: ChartText) -> None: ...

    def table(self, text: ChartText) -> Table: ...


def _count_format(text: ChartText) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: text.number(value, 0))


def count_axis(axis: Any, text: ChartText) -> None:
    """Whole numbers only: a count axis never shows 0, 0, 1, 1 from rounded half steps; and
    only as many ticks as the figure's size holds (one per 40 points), so a panel 250 pixels
    high does not stack nine labels on top of each other."""
    figure = axis.axes.figure
    inches = figure.get_figwidth() if axis.axis_name == "x" else figure.get_figheight()
    axis.set_major_locator(MaxNLocator(nbins=max(3, int(inches * 72 / 40)), integer=True))
    axis.set_major_formatter(_count_format(text))


def stage_value(variant: VariantFunnel, stage: str) -> int:
    if stage == "suppressed":
        return sum(variant.suppressed.values())
    value: int = getattr(variant, stage)
    return value


@dataclass(frozen=True)
class FunnelChart:
    """Targeted → suppressed → sent → failed → received → opened → converted → opted out."""

    results: CampaignResults | None
    variant: str | None = None  # one variant, or all of them
    name: str = "funnel"

    def _variants(self) -> list[VariantFunnel]:
        found = self.results.variants if self.results else []
        return [v for v in found if self.variant in (None, v.key)]

    def title(self, text: ChartText) -> str:
        return f"{text.funnel_title} — {self.results.name}" if self.results else text.funnel_title

    def draw(self, figure: Figure, style: ChartStyle, text: ChartText) -> None:
        prepare(figure, style)
        title(figure, self.title(text), style)
        variants = self._variants()
        if self.results is None:
            return empty_state(figure, text.no_campaign, style)
        if not any(v.targeted for v in variants):
            if self.variant is not None and self.results.has_data:
                label = text.variant.format(key=self.variant)
                return empty_state(figure, text.no_variant_messages.format(variant=label), style)
            return empty_state(figure, text.no_messages, style)
        ax = figure.add_subplot()
        style_axes(ax, style, grid_axis="x")
        height = 0.8 / len(variants)
        positions = range(len(FUNNEL_STAGES))
        for i, variant in enumerate(variants):
            values = [stage_value(variant, s) for s in FUNNEL_STAGES]
            ys = [p + (i - (len(variants) - 1) / 2) * height for p in positions]
            bars = ax.barh(
                ys,
                values,
                height=height * 0.9,
                color=style.variant_colour(i),
                label=text.variant.format(key=variant.key),
            )
            ax.bar_label(
                bars,
                labels=[text.number(v, 0) for v in values],
                padding=3,
                color=style.text,
                fontsize=style.font_size - 1,
            )
            name = text.variant.format(key=variant.key)
            for bar, stage, value in zip(bars, FUNNEL_STAGES, values, strict=True):
                label = f"{name} — {text.stages[stage]}"
                tip_artist(figure, bar, hover_text(text, label, text.number(value, 0)))
        ax.set_yticks(list(positions), [text.stages[s] for s in FUNNEL_STAGES])
        ax.invert_yaxis()
        count_axis(ax.xaxis, text)
        ax.margins(x=0.15)
        if len(variants) > 1:
            ax.legend(frameon=False, labelcolor=style.text, fontsize=style.font_size)
        figure.tight_layout()

    def table(self, text: ChartText) -> Table:
        variants = self._variants()
        header = [text.table_stage, *(text.variant.format(key=v.key) for v in variants)]
        rows: list[list[Cell]] = []
        for stage in FUNNEL_STAGES:
            rows.append([text.stages[stage], *(stage_value(v, stage) for v in variants)])
            if stage == "suppressed":
                reasons = sorted({r for v in variants for r in v.suppressed})
                for reason in reasons:
                    label = f"{text.stages['suppressed']}: {text.reasons.get(reason, reason)}"
                    rows.append([label, *(v.suppressed.get(reason, 0) for v in variants)])
        return header, rows


def hover_text(text: ChartText, label: str, value: str) -> str:
    """What a tooltip says: "label: value" in the user's typography (French: "label : value")."""
    return text.hover_value.format(label=label, value=value)


def verdict_sentence(up: Uplift, key: str, text: ChartText, reference: str | None = None) -> str:
    """The verdict in plain words, with the figures that back it; against the control group,
    or against the variant ``reference`` when the campaign has none."""

    def points(value: float | None) -> str:
        return "—" if value is None else text.number(value * 100, 1)

    sentences = text.verdicts if reference is None else text.versus_verdicts
    return sentences[up.verdict.value].format(
        variant=text.variant.format(key=key),
        reference=text.variant.format(key=reference or ""),
        difference=points(up.difference),
        low=points(up.low),
        high=points(up.high),
        p="—" if up.p_value is None else text.number(up.p_value, 3),
        converted=text.number(up.converted, 0),
        recipients=text.number(up.recipients, 0),
        control_converted=text.number(up.control_converted, 0),
        control_recipients=text.number(up.control_recipients, 0),
    )


@dataclass(frozen=True)
class UpliftChart:
    """Each variant's conversion rate beside control's, and the difference with its 95 % CI."""

    results: CampaignResults | None
    variant: str | None = None
    name: str = "uplift"

    def _variants(self) -> list[VariantFunnel]:
        found = self.results.variants if self.results else []
        return [v for v in found if self.variant in (None, v.key)]

    def title(self, text: ChartText) -> str:
        reference = self._reference_name(text)
        if reference is None:
            return text.uplift_title
        return text.uplift_versus_title.format(reference=reference)

    def _reference_name(self, text: ChartText) -> str | None:
        """ "Variant A" when the variants are compared with one of them (no control group)."""
        reference = self.results.reference if self.results else None
        return None if reference is None else text.variant.format(key=reference.key)

    def _sentences(self, results: CampaignResults, text: ChartText) -> list[str]:
        variants = self._variants()
        reference = results.reference
        if not results.has_control and reference is None:
            return [text.no_control]
        key = None if reference is None else reference.key
        lines = [
            verdict_sentence(results.uplift(v), v.key, text, key)
            for v in results.compared(variants)
        ]
        if reference is not None and any(v.key == reference.key for v in variants):
            lines.insert(0, text.is_reference.format(variant=text.variant.format(key=key)))
        return lines

    def draw(self, figure: Figure, style: ChartStyle, text: ChartText) -> None:
        prepare(figure, style)
        title(figure, self.title(text), style)
        results, variants = self.results, self._variants()
        if results is None:
            return empty_state(figure, text.no_campaign, style)
        if not any(v.recipients for v in variants) and not results.control_recipients:
            return empty_state(figure, text.no_messages, style)
        grid = figure.add_gridspec(1, 2)
        self._rates(figure.add_subplot(grid[0]), results, variants, style, text)
        compared = results.compared(variants)
        if compared:
            self._differences(figure.add_subplot(grid[1]), results, compared, style, text)
        lines = self._sentences(results, text)
        # Wrapped here, with a margin, rather than by matplotlib at the figure's very edge
        # (French sentences ran into it); the plots keep the room the lines take.
        points = style.font_size * CHARACTER_WIDTH
        chars = max(30, int(figure.get_figwidth() * 72 * 0.94 / points))
        wrapped = [part for line in lines for part in textwrap.wrap(line, chars)]
        figure.text(
            0.02, 0.02, "\n".join(wrapped), color=style.text, fontsize=style.font_size, va="bottom"
        )
        room = (len(wrapped) * LINE * style.font_size + 14) / (figure.get_figheight() * 72)
        figure.tight_layout(rect=(0, min(room, 0.5), 1, 1))

    def _rates(
        self,
        ax: Axes,
        results: CampaignResults,
        variants: list[VariantFunnel],
        style: ChartStyle,
        text: ChartText,
    ) -> None:
        style_axes(ax, style)
        names = [text.variant.format(key=v.key) for v in variants]
        rates = [(v.conversion_rate or 0.0) * 100 for v in variants]
        colours = [style.variant_colour(i) for i in range(len(variants))]
        if results.has_control:
            names.append(text.control)
            rates.append(results.control_converted / results.control_recipients * 100)
            colours.append(style.series["control"])
        bars = ax.bar(names, rates, color=colours)
        labels = [text.percent.format(value=text.number(r, 2)) for r in rates]
        for bar, name, label in zip(bars, names, labels, strict=True):
            tip_artist(ax.figure, bar, hover_text(text, name, label))  # type: ignore[arg-type]
        ax.bar_label(
            bars,
            labels=labels,
            color=style.text,
            fontsize=style.font_size - 1,
            padding=2,
        )
        # Steps of 1, 2 or 5 in the last decimal shown: a 0,25 step printed "1,3 %" for 1,25.
        decimals = 2 if max(rates, default=0.0) < 2 else 1
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
        ax.yaxis.set_major_formatter(
            FuncFormatter(lambda v, _p: text.percent.format(value=text.number(v, decimals)))
        )
        ax.margins(y=0.2)

    def _differences(
        self,
        ax: Axes,
        results: CampaignResults,
        variants: list[VariantFunnel],
        style: ChartStyle,
        text: ChartText,
    ) -> None:
        style_axes(ax, style, grid_axis="x")
        ax.axvline(0, color=style.muted, linewidth=1)
        colour_of = {v.key: n for n, v in enumerate(self._variants())}  # as in the rates
        for i, variant in enumerate(variants):
            up = results.uplift(variant)
            if up.difference is None or up.low is None or up.high is None:
                continue
            ax.errorbar(
                [up.difference * 100],
                [i],
                xerr=[[(up.difference - up.low) * 100], [(up.high - up.difference) * 100]],
                fmt="o",
                color=style.variant_colour(colour_of.get(variant.key, i)),
                capsize=4,
            )
            words = text.difference_tip.format(
                difference=text.number(up.difference * 100, 1),
                low=text.number(up.low * 100, 1),
                high=text.number(up.high * 100, 1),
            )
            name = text.variant.format(key=variant.key)
            tip_point(ax.figure, ax, up.difference * 100, i, hover_text(text, name, words))  # type: ignore[arg-type]
        ax.set_yticks(range(len(variants)), [text.variant.format(key=v.key) for v in variants])
        ax.set_ylim(-0.8, len(variants) - 0.2)
        ax.invert_yaxis()
        reference = self._reference_name(text)
        ax.set_xlabel(
            text.difference_axis
            if reference is None
            else text.difference_versus_axis.format(reference=reference)
        )
        # Steps of 1, 2 or 5 tenths: the default 0.25 steps printed "0.2" for 0.25, "0.8" for 0.75.
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: text.number(v, 1)))

    def table(self, text: ChartText) -> Table:
        f = text.table_fields
        reference = self._reference_name(text)
        against = (
            f["control_rate"]
            if reference is None
            else f["reference_rate"].format(reference=reference)
        )
        names = ("variant", "recipients", "converted", "rate")
        rest = ("difference", "low", "high", "p_value", "verdict")
        header = [*(f[k] for k in names), against, *(f[k] for k in rest)]
        rows: list[list[Cell]] = []
        if self.results is None:
            return header, rows
        results = self.results
        compared = {v.key for v in results.compared(self._variants())}
        key = results.reference.key if results.reference else None
        for v in self._variants():
            if v.key not in compared:  # the reference itself, or nothing to compare with
                alone = text.no_control if key is None else text.is_reference
                said = alone.format(variant=text.variant.format(key=v.key))
                rows.append(
                    [v.key, v.recipients, v.converted, v.conversion_rate, *[None] * 5, said]
                )
                continue
            up = results.uplift(v)
            rows.append(
                [
                    v.key,
                    v.recipients,
                    v.converted,
                    up.rate,
                    up.control_rate,
                    None if up.difference is None else up.difference * 100,
                    None if up.low is None else up.low * 100,
                    None if up.high is None else up.high * 100,
                    up.p_value,
                    verdict_sentence(up, v.key, text, key),
                ]
            )
        return header, rows
        for v in self._variants():
            up = self.results.uplift(v)
            rows.append(
                [
                    v.key,
                    v.recipients,
                    v.converted,
                    up.rate,
                    up.control_rate,
                    None if up.difference is None else up.difference * 100,
                    None if up.low is None else up.low * 100,
                    None if up.high is None else up.high * 100,
                    up.p_value,
                    verdict_sentence(up, v.key, text),
                ]
            )
        return header, rows
