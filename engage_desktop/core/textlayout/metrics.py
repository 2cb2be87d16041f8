"""Advance widths of grapheme clusters, shaped with HarfBuzz from the bundled font files.

Why HarfBuzz and not a per-character width table: kerning and ligatures change widths, and the
preview must agree with the glyphs Qt draws from the same files. Emoji are absent from the text
fonts (HarfBuzz returns glyph 0); a cluster holding one is measured with Noto Color Emoji's
advance, which is the same for every emoji glyph (2550/2048 em), so the 11 MB font (bundled for
drawing, see ``ui/preview/fonts.py``) is not loaded for measuring.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import regex  # type: ignore[import-untyped]
import uharfbuzz as hb

from engage_desktop.resources import resource_path

EMOJI_ADVANCE_EM = 2550 / 2048  # Noto Color Emoji: every emoji glyph has this advance.
_GRAPHEME = regex.compile(r"\X")


@dataclass(frozen=True, slots=True)
class FontSpec:
    """A font file at a size (pt or sp: logical units), with optional tracking per cluster."""

    file: str
    size: float
    tracking: float = 0.0


@functools.cache
def _hb_font(file: str) -> tuple[hb.Font, int]:
    path: Path = resource_path("fonts", file)
    blob = hb.Blob.from_file_path(str(path))
    face = hb.Face(blob)
    return hb.Font(face), int(face.upem)


def graphemes(text: str) -> list[str]:
    """Extended grapheme clusters (UAX #29): flags, ZWJ sequences and combining marks stay whole."""
    found: list[str] = _GRAPHEME.findall(text)
    return found


@functools.lru_cache(maxsize=4096)
def _cluster_widths(text: str, spec: FontSpec) -> tuple[float, ...]:
    clusters = graphemes(text)
    owner: list[int] = []
    for index, cluster in enumerate(clusters):
        owner.extend([index] * len(cluster))
    font, upem = _hb_font(spec.file)
    buf = hb.Buffer()
    buf.add_codepoints([ord(ch) for ch in text])
    buf.guess_segment_properties()
    hb.shape(font, buf, {"kern": True, "liga": True})
    scale = spec.size / upem
    widths = [0.0] * len(clusters)
    missing = [False] * len(clusters)
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        which = owner[info.cluster]
        if info.codepoint == 0:
            missing[which] = True
        else:
            widths[which] += pos.x_advance * scale
    for index, cluster in enumerate(clusters):
        if missing[index] and not cluster.isspace():
            widths[index] = EMOJI_ADVANCE_EM * spec.size
        if cluster not in ("\n", "\u200b"):
            widths[index] += spec.tracking
    return tuple(widths)


def cluster_widths(text: str, spec: FontSpec) -> Sequence[float]:
    """Width of each grapheme cluster of ``text`` (shaped as one run, so kerning counts)."""
    return _cluster_widths(text, spec) if text else ()


def text_width(text: str, spec: FontSpec) -> float:
    return float(sum(cluster_widths(text, spec)))
