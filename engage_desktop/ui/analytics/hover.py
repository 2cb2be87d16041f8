"""Values on hover: each chart tags what it draws with the words to show, the renderer turns the
tags into pixel areas, and the chart view shows the area's text as a tooltip.

The page draws charts with Agg in a worker and paints finished pictures (``chart_view``), so
there is no live matplotlib canvas on the GUI thread to send motion events to. Instead, right
after the worker draws a figure, matplotlib's own transforms (``transData``, an artist's
window extent) give every tagged bar, point and cell its rectangle in the picture's pixels.
The view hit-tests the mouse against those rectangles: no drawing, no database, nothing slow
on the GUI thread. No Qt here (the CLI draws the same charts and ignores the tags).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

POINT_RADIUS = 6.0  # logical pixels around a line's point that show its value


@dataclass(frozen=True)
class Region:
    """A rectangle of the picture, in logical pixels from its top-left corner, and its text."""

    left: float
    top: float
    right: float
    bottom: float
    text: str

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


@dataclass(frozen=True)
class _ArtistTip:
    artist: Artist
    text: str


@dataclass(frozen=True)
class _AreaTip:
    axes: Axes
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class _PointTip:
    axes: Axes
    x: float
    y: float
    text: str


_Tip = _ArtistTip | _AreaTip | _PointTip
_TIPS: weakref.WeakKeyDictionary[Figure, list[_Tip]] = weakref.WeakKeyDictionary()


def tip_artist(figure: Figure, artist: Artist, text: str) -> None:
    """Show ``text`` over a drawn artist (a bar)."""
    _TIPS.setdefault(figure, []).append(_ArtistTip(artist, text))


def tip_area(
    figure: Figure, axes: Axes, x0: float, y0: float, x1: float, y1: float, text: str
) -> None:
    """Show ``text`` over a rectangle given in data coordinates (a heat-map cell)."""
    _TIPS.setdefault(figure, []).append(_AreaTip(axes, x0, y0, x1, y1, text))


def tip_point(figure: Figure, axes: Axes, x: float, y: float, text: str) -> None:
    """Show ``text`` near a point given in data coordinates (a line's marker)."""
    _TIPS.setdefault(figure, []).append(_PointTip(axes, x, y, text))


def regions(figure: Figure, pixel_ratio: float) -> tuple[Region, ...]:
    """The tagged areas of a figure that has been drawn, in logical pixels (top-left origin).
    Points come first, so a point over a bar shows the point's value."""
    height = figure.bbox.height
    out: list[Region] = []

    def add(x0: float, y0: float, x1: float, y1: float, text: str, pad: float = 0.0) -> None:
        left, right = sorted((x0, x1))
        low, high = sorted((y0, y1))
        out.append(
            Region(
                left / pixel_ratio - pad,
                (height - high) / pixel_ratio - pad,
                right / pixel_ratio + pad,
                (height - low) / pixel_ratio + pad,
                text,
            )
        )

    tips = _TIPS.pop(figure, [])
    for tip in sorted(tips, key=lambda t: not isinstance(t, _PointTip)):
        if isinstance(tip, _PointTip):
            x, y = tip.axes.transData.transform((tip.x, tip.y))
            add(x, y, x, y, tip.text, POINT_RADIUS)
        elif isinstance(tip, _AreaTip):
            (x0, y0), (x1, y1) = tip.axes.transData.transform([(tip.x0, tip.y0), (tip.x1, tip.y1)])
            add(x0, y0, x1, y1, tip.text)
        else:
            box = tip.artist.get_window_extent()
            add(box.x0, box.y0, box.x1, box.y1, tip.text)
    return tuple(out)


def text_at(found: tuple[Region, ...], x: float, y: float) -> str | None:
    """The text of the first region under ``(x, y)``, if any."""
    return next((r.text for r in found if r.contains(x, y)), None)
