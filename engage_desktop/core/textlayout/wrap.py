"""Line breaking and end truncation as the phones do it (PREVIEW-GEOMETRY.md §5).

Greedy wrapping at break opportunities (after spaces and hyphens, around CJK ideographs — a
close subset of UAX #14), words wider than the line broken between grapheme clusters, and on the
last allowed line the longest run of whole words that still fits with the ellipsis (a word wider
than that whole line is cut between clusters). French no-break spaces (before ``! ? ; : »``,
after ``«``, in ``10 000``) glue their neighbours as they do on the phones.
"""

from __future__ import annotations

from dataclasses import dataclass

from .metrics import FontSpec, cluster_widths, graphemes, text_width


@dataclass(frozen=True, slots=True)
class Fitted:
    """The text as shown: its lines, whether it was cut, and how many characters are visible.

    ``shown_chars`` is an offset into the original string, so the UI can say "42 shown, 17 hidden".
    """

    lines: tuple[str, ...]
    truncated: bool
    shown_chars: int
    total_chars: int


def _is_cjk(cluster: str) -> bool:
    code = ord(cluster[0])
    return 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF


NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007\u2060\ufeff")


def _breaking_space(cluster: str) -> bool:
    """A space a line may end at (a no-break space is not one: it glues its neighbours)."""
    return cluster.isspace() and cluster not in NO_BREAK_SPACES


def _break_after(clusters: list[str], index: int) -> bool:
    """May a line end after cluster ``index``?"""
    here = clusters[index]
    nxt = clusters[index + 1] if index + 1 < len(clusters) else ""
    if nxt == "" or here == "\n":
        return True
    if nxt in NO_BREAK_SPACES or here in NO_BREAK_SPACES:
        return False
    if _breaking_space(here) and not nxt.isspace():
        return True
    if here in "-\u2010\u2013\u2014/" and not nxt.isspace() and not nxt[0].isdigit():
        return True
    return _is_cjk(here) or _is_cjk(nxt)


def _wrap(clusters: list[str], widths: list[float], width: float) -> list[tuple[int, int]]:
    """Greedy lines as (start, end) cluster ranges; trailing spaces hang past the edge."""
    lines: list[tuple[int, int]] = []
    start = 0
    n = len(clusters)
    while start < n:
        used = 0.0
        last_break = -1
        end = start
        while end < n:
            cluster = clusters[end]
            if cluster == "\n":
                end += 1
                last_break = -1
                break
            if not _breaking_space(cluster) and used + widths[end] > width:
                if last_break >= start:
                    end = last_break + 1
                elif end == start:
                    end += 1  # one cluster wider than the line: it goes alone
                break
            used += widths[end]
            if _break_after(clusters, end):
                last_break = end
            end += 1
        lines.append((start, end))
        start = end
    return lines


def fit(
    text: str,
    spec: FontSpec,
    width: float,
    max_lines: int,
    *,
    ellipsis: str = "…",
    single_line: bool = False,
    keep_space_before_ellipsis: bool = False,
) -> Fitted:
    """Lay ``text`` out in ``max_lines`` lines of ``width`` and cut it where the device would.

    ``single_line`` views (titles, Android collapsed text) show newlines as spaces.
    """
    total = len(text)
    if single_line:
        text = text.replace("\r\n", " ").replace("\n", " ")
        max_lines = 1
    clusters = graphemes(text)
    widths = list(cluster_widths(text, spec))
    ranges = _wrap(clusters, widths, width) if not single_line else [(0, len(clusters))]
    if single_line and sum(widths) <= width:
        return Fitted((text,), False, total, total)
    if not single_line and len(ranges) <= max_lines:
        lines = tuple("".join(clusters[a:b]).rstrip("\n") for a, b in ranges)
        return Fitted(lines or ("",), False, total, total)
    kept = [("".join(clusters[a:b]).rstrip("\n")) for a, b in ranges[: max_lines - 1]]
    start = ranges[max_lines - 1][0]
    budget = width - text_width(ellipsis, spec)
    used = 0.0
    end = start
    while end < len(clusters) and clusters[end] != "\n" and used + widths[end] <= budget:
        used += widths[end]
        end += 1
    word_end = _word_end(clusters, start, end)
    last = "".join(clusters[start:word_end])
    if not keep_space_before_ellipsis or word_end != end:
        last = last.rstrip()
    shown = sum(len(c) for c in clusters[:start]) + len(last)
    return Fitted((*kept, last + ellipsis), True, min(shown, total), total)


def _word_end(clusters: list[str], start: int, end: int) -> int:
    """Back ``end`` up to the end of the last whole word in ``clusters[start:end]``.

    The cut falls after a word, as the phones show it ("Profitez de nos…", not "Profitez de
    no…"); a line holding part of a single word keeps the clusters that fit.
    """
    if end >= len(clusters) or clusters[end] == "\n" or _breaking_space(clusters[end]):
        return end  # the cut already falls at a word's end
    for index in range(end, start, -1):
        if _break_after(clusters, index - 1) and not clusters[index].isspace():
            return index
    return end
