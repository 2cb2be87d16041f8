"""One look for every chart: colours from the app's palette, light or dark, the same fonts.

The GUI builds a ``ChartStyle`` from its QPalette (``page.style_from_palette``); the CLI and
reports use ``LIGHT``. Series keep the same colour everywhere (sent is always blue, and so on).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

SERIES_COLOURS = {
    "sent": "#3b82f6",
    "received": "#06b6d4",
    "opened": "#f59e0b",
    "converted": "#10b981",
    "opted_out": "#ef4444",
    "suppressed": "#94a3b8",
    "failed": "#b91c1c",
    "control": "#8b5cf6",
}
VARIANT_COLOURS = ("#3b82f6", "#f59e0b", "#10b981", "#ec4899", "#8b5cf6", "#06b6d4")


@dataclass(frozen=True)
class ChartStyle:
    """Colours of the figure; ``dark`` picks colour maps that read on a dark background."""

    background: str = "#ffffff"
    text: str = "#1f2937"
    muted: str = "#6b7280"
    grid: str = "#e5e7eb"
    accent: str = "#2563eb"
    dark: bool = False
    font_size: float = 9.0
    series: dict[str, str] = field(default_factory=lambda: dict(SERIES_COLOURS))

    def variant_colour(self, index: int) -> str:
        return VARIANT_COLOURS[index % len(VARIANT_COLOURS)]

    def heat_map(self) -> LinearSegmentedColormap:
        """From the background (no opens) to the accent colour (the most opens)."""
        return LinearSegmentedColormap.from_list("opens", [self.background, self.accent])


LIGHT = ChartStyle()
DARK = ChartStyle(
    background="#1e1f22",
    text="#e5e7eb",
    muted="#9ca3af",
    grid="#374151",
    accent="#60a5fa",
    dark=True,
)


def prepare(figure: Figure, style: ChartStyle) -> None:
    figure.set_facecolor(style.background)
    figure.clear()


def style_axes(ax: Axes, style: ChartStyle, *, grid_axis: str = "y") -> None:
    """Background, text and grid colours; no top or right frame."""
    ax.set_facecolor(style.background)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(style.grid)
    ax.tick_params(colors=style.muted, labelsize=style.font_size, length=0)
    ax.xaxis.label.set_color(style.muted)
    ax.yaxis.label.set_color(style.muted)
    if grid_axis:
        ax.grid(axis=grid_axis, color=style.grid, linewidth=0.8)  # type: ignore[arg-type]
        ax.set_axisbelow(True)


CHARACTER_WIDTH = 0.62  # of the font size: DejaVu Sans's mean width, accents included
LINE = 1.35  # a line of text's height, of the font size
BOLD_CHARACTER_WIDTH = 0.64  # of the font size: DejaVu Sans Bold's mean, accents included


def title(figure: Figure, text: str, style: ChartStyle) -> None:
    """The chart's title, its size lowered (down to the body's) so that a long French title
    fits the panel's width rather than being cut at its edge."""
    room = figure.get_figwidth() * 72 * 0.96
    size = min(style.font_size + 3, room / (BOLD_CHARACTER_WIDTH * max(len(text), 1)))
    figure.suptitle(
        text,
        x=0.02,
        ha="left",
        color=style.text,
        fontsize=max(size, style.font_size),
        fontweight="bold",
    )


def empty_state(figure: Figure, text: str, style: ChartStyle) -> None:
    """A message where the chart would be: an empty chart never looks like a broken one."""
    figure.text(
        0.5,
        0.5,
        text,
        ha="center",
        va="center",
        wrap=True,
        color=style.muted,
        fontsize=style.font_size + 2,
    )


def figure_width(figure: Figure) -> float:
    return float(figure.get_figwidth() * 72)


def points_rect(
    figure: Figure, left: float, right: float, top: float, bottom: float
) -> tuple[float, float, float, float]:
    """An axes' rectangle (figure fractions) leaving these margins in points around it."""
    width, height = figure_width(figure), float(figure.get_figheight() * 72)
    return (
        left / width,
        bottom / height,
        max(width - left - right, 1.0) / width,
        max(height - top - bottom, 1.0) / height,
    )
