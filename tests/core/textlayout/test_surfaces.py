"""Truncation with real font metrics: where each surface cuts, emoji, RTL, combining marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.core.textlayout.metrics import graphemes, text_width
from engage_desktop.core.textlayout.surfaces import (
    ANDROID_BODY,
    IOS_BODY,
    Surface,
    cut_surfaces,
    layout,
)
from engage_desktop.core.textlayout.wrap import fit

LONG = (
    "Bonjour Léa, vos articles préférés sont en promotion jusqu'à dimanche soir, ne tardez pas ! "
    * 3
)


def test_short_text_is_never_cut() -> None:
    assert cut_surfaces(title="Promo", body="-20 % ce soir") == []


def test_long_text_is_cut_everywhere_but_expanded_android() -> None:
    cut = cut_surfaces(title="Soldes", body=LONG)
    assert Surface.IOS_LOCK in cut and Surface.ANDROID_COLLAPSED in cut
    assert Surface.ANDROID_EXPANDED not in cut  # 13 lines of 312 dp hold it


def test_android_collapsed_uses_the_real_ellipsis_and_fits() -> None:
    # Fault: Android's cut was drawn as "‥" (two dots), which read as "..".
    shown = layout(Surface.ANDROID_COLLAPSED, title="T", body=LONG)
    line = shown.body.lines[0]
    assert line.endswith("…") and not line.endswith("‥…") and shown.body.truncated
    assert text_width(line, ANDROID_BODY) <= 272.0
    assert LONG.startswith(line[:-1])


def test_ios_lock_screen_matches_vendor_guidance() -> None:
    shown = layout(Surface.IOS_LOCK, title="T", body=LONG)
    assert len(shown.body.lines) == 4 and shown.body.lines[-1].endswith("…")
    # Braze: ≈160 characters on the lock screen; font metrics should land near that.
    assert 130 <= shown.body.shown_chars <= 175
    for line in shown.body.lines:
        assert text_width(line.rstrip(), IOS_BODY) <= 290.0 + 0.01


def test_image_thumbnail_shortens_ios_lines() -> None:
    plain = layout(Surface.IOS_LOCK, title="T", body=LONG)
    with_image = layout(Surface.IOS_LOCK, title="T", body=LONG, image=True)
    assert with_image.body.shown_chars < plain.body.shown_chars


def test_emoji_clusters_kept_whole() -> None:
    family = "👨\u200d👩\u200d👧\u200d👦"
    text = ("Fête " + family + " 🇫🇷 👍🏽 ") * 30
    shown = fit(text, IOS_BODY, 200.0, 2)
    visible = "".join(shown.lines)[:-1]
    clusters = graphemes(text)
    assert "".join(graphemes(visible)) == visible
    assert visible.rstrip() == "".join(clusters)[: len(visible.rstrip())].rstrip()
    assert all(c in clusters for c in graphemes(visible))


def test_emoji_measured_wider_than_letters() -> None:
    assert text_width("😀", IOS_BODY) > text_width("a", IOS_BODY) * 1.5


def test_combining_marks_not_split() -> None:
    text = "e\u0301" * 400  # é as e + combining acute
    shown = fit(text, ANDROID_BODY, 100.0, 1, single_line=True, ellipsis="‥")
    assert shown.lines[0][:-1].count("\u0301") == shown.lines[0][:-1].count("e")


def test_rtl_text_cut_at_cluster_boundary() -> None:
    arabic = "مرحبا بكم في متجرنا، تخفيضات كبيرة اليوم فقط " * 6
    shown = fit(arabic, IOS_BODY, 290.0, 2)
    assert shown.truncated and arabic.startswith(shown.lines[0])


def test_newlines_become_spaces_on_single_line() -> None:
    shown = layout(Surface.ANDROID_COLLAPSED, title="T", body="un\ndeux")
    assert shown.body.lines == ("un deux",)


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=0, max_size=300), st.integers(1, 6), st.floats(60.0, 400.0))
def test_lines_never_exceed_box(text: str, lines: int, width: float) -> None:
    shown = fit(text, IOS_BODY, width, lines)
    if shown.truncated:
        assert len(shown.lines) == lines
        assert text_width(shown.lines[-1], IOS_BODY) <= width + 1e-6
    assert 0 <= shown.shown_chars <= len(text)


def test_no_break_between_minus_and_number() -> None:
    shown = fit("Des lampes à prix réduit, jusqu'à -50 % ce soir", IOS_BODY, 185.0, 3)
    assert not any(line.rstrip().endswith("-") for line in shown.lines)


def test_the_time_label_in_the_users_language_takes_its_room_beside_the_title() -> None:
    """French "maintenant" is wider than "now": a title that just fits in English is cut."""
    for surface in (Surface.IOS_LOCK, Surface.ANDROID_COLLAPSED):
        title = ""
        while not layout(surface, title=title + "x", body="b").title.truncated:
            title += "x"  # the longest title that fits beside "now"
        french = layout(surface, title=title, body="b", time_label="maintenant")
        assert french.title.truncated, surface
        assert french.time_label == "maintenant"


FRENCH = (
    "Bonjour Camille, profitez de nos offres exceptionnelles d'automne sur toute la collection "
    "de manteaux, écharpes et bottines : jusqu'à moins cinquante pour cent dans vos boutiques "
    "préférées et sur l'application, seulement jusqu'à dimanche soir."
)


@pytest.mark.parametrize("surface", list(Surface))
def test_french_text_is_cut_after_a_whole_word(surface: Surface) -> None:
    # Fault: French text was cut mid-word ("exceptionnel…").
    shown = layout(surface, title=FRENCH, body=FRENCH * 3)
    words = set(FRENCH.replace(",", " ").replace(":", " ").split())
    for fitted in (shown.title, shown.body):
        if not fitted.truncated:
            continue
        last = fitted.lines[-1][:-1].rstrip(" ,:")
        assert last.split()[-1] in words, fitted.lines[-1]


def test_a_single_word_longer_than_the_line_is_cut_between_letters() -> None:
    word = "Anticonstitutionnellement" * 4
    shown = fit(word, ANDROID_BODY, 120.0, 1, single_line=True)
    assert shown.truncated and len(shown.lines[0]) > 3 and word.startswith(shown.lines[0][:-1])


def test_french_no_break_spaces_keep_punctuation_with_its_word() -> None:
    # "Profitez-en vite !" is written with a no-break space: "!" never starts a line alone.
    text = "Profitez-en vite\u00a0!"
    room = text_width("Profitez-en vite\u00a0", IOS_BODY) + 1.0
    shown = fit(text, IOS_BODY, room, 3)
    assert shown.lines == ("Profitez-en ", "vite\u00a0!") or shown.lines[-1].endswith("vite\u00a0!")
    assert all(not line.startswith("!") for line in shown.lines)
