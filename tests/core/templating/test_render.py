"""Liquid rendering: defaults, French formats, missing fields, error positions."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from engage_desktop.core.campaigns.model import CampaignDraft, Variant, validate_draft
from engage_desktop.core.templating import render_text, template_problem
from engage_desktop.core.templating.render import date_fr, money_fr


def test_default_and_missing_field_flagged() -> None:
    result = render_text("Bonjour {{ first_name | default: 'cher client' }}", {})
    assert result.text == "Bonjour cher client"
    assert result.missing == ("first_name",)
    assert render_text("Bonjour {{ first_name }}", {"first_name": "Zoé"}).missing == ()


def test_french_formats() -> None:
    assert money_fr(1234.5) == "1\u202f234,50\u00a0€"
    assert money_fr("-3,2") == "-3,20\u00a0€"
    assert date_fr("2025-03-01") == "samedi 1er mars 2025"
    assert date_fr("2025-03-04", "court") == "04/03/2025"
    assert render_text("{{ p | money_fr }}", {"p": 10}).text == "10,00\u00a0€"


@pytest.fixture
def kiritimati(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process in UTC+14, where the local date is already tomorrow most of the day."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_timestamp_is_written_at_french_time_whatever_the_machine_zone(kiritimati: None) -> None:
    # 2026-12-03 23:30 UTC: 00:30 on Friday the 4th in Paris, 13:30 on the 4th in Kiritimati.
    # Fault: the machine's zone decided the day and hour of a sent message.
    instant = 1796340600
    assert date_fr(instant, "heure") == "vendredi 4 décembre 2026 à 0 h 30"
    assert render_text("{{ t | date_fr: 'court' }}", {"t": instant}).text == "04/12/2026"
    summer = 1782941400  # 2026-07-01 21:30 UTC, 23:30 in Paris (summer time)
    assert date_fr(summer, "heure") == "mercredi 1er juillet 2026 à 23 h 30"


def test_syntax_error_has_line_and_column() -> None:
    result = render_text("Ligne un\n  {{ x | }", {})
    assert result.error is not None
    assert (result.error.line, result.error.column) == (2, 3)
    assert result.text == "Ligne un\n  {{ x | }"


def test_plain_text_fast_path() -> None:
    assert render_text("sans balise", {}).text == "sans balise"


LOOP_ITERATION_LIMIT = 10_000  # the limits set in core.templating.render
OUTPUT_LIMIT = 200_000

NESTED = "{% for a in (1..1000) %}{% for b in (1..1000) %}x{% endfor %}{% endfor %}"
DOUBLING = (
    '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}'
    "{% endfor %}{{ s | size }}"
)


def _timed(source: str, context: dict[str, object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = render_text(source, context)
    return time.perf_counter() - started, result


def test_a_million_loop_iterations_stop_at_the_limit() -> None:
    elapsed, result = _timed(NESTED, {})
    assert result.error is not None and result.error.code == "too_much_work"  # type: ignore[attr-defined]
    assert elapsed < 0.5  # unbounded, this render takes about a second and writes 1 MB


def test_a_string_doubled_in_a_loop_stops_before_it_grows() -> None:
    elapsed, result = _timed(DOUBLING, {})
    assert result.error is not None and result.error.code == "too_much_work"  # type: ignore[attr-defined]
    assert elapsed < 0.5


def test_output_is_bounded_even_for_a_loop_over_profile_data() -> None:
    items = list(range(LOOP_ITERATION_LIMIT // 2))
    source = "{% for i in items %}" + "y" * 100 + "{% endfor %}"
    result = render_text(source, {"items": items})
    assert result.error is not None and result.error.code == "too_much_work"
    assert 100 * len(items) > OUTPUT_LIMIT


def test_ordinary_loops_still_render() -> None:
    result = render_text("{% for p in products %}{{ p }} {% endfor %}", {"products": ["a", "b"]})
    assert result.error is None and result.text == "a b "


def test_validation_flags_a_template_every_profile_would_overrun() -> None:
    assert template_problem(NESTED) is not None
    draft = CampaignDraft(app_id=1, name="x", variants=(Variant("A", 1.0, {"body": NESTED}),))
    assert [(f, getattr(m, "code", "")) for f, m in validate_draft(draft)] == [
        ("A.body", "template_too_much_work")
    ]
