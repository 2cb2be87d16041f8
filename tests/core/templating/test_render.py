"""Liquid rendering is bounded: a hostile template fails fast instead of hanging the sender."""

from __future__ import annotations

import time

from engage_desktop.core.campaigns.model import CampaignDraft, Variant, validate_draft
from engage_desktop.core.templating import render_text, template_problem

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
