"""Campaign funnels and conversions against the figures worked out by hand in conftest.py."""

from __future__ import annotations

import pytest

from engage_desktop.core.analytics.cached import campaign_results
from engage_desktop.core.analytics.conversion import ConversionGoal
from engage_desktop.core.analytics.funnel import CampaignNotFound, CampaignResults, VariantFunnel
from engage_desktop.core.analytics.stats import Verdict
from tests.support.analytics_workspace import Small


def funnel(small: Small, goal: ConversionGoal | None = None) -> dict[str, VariantFunnel]:
    results, _ = campaign_results(small.ws, small.soldes, goal, refresh=True)
    return {v.key: v for v in results.variants}


def test_funnel_stages_per_variant_count_messages(small: Small) -> None:
    got = funnel(small)
    assert got["A"] == VariantFunnel(
        key="A",
        targeted=6,
        suppressed={"no_push_consent": 1, "control_group": 1},
        sent=3,
        failed=1,
        pending=0,
        received=3,
        opened=1,  # p1 opened its message twice: one message opened
        opted_out=1,
        recipients=3,
        converted=1,  # p1 within 7 days; p2 converted after 10 days, outside the window
    )
    assert got["B"] == VariantFunnel(
        key="B",
        targeted=4,
        suppressed={"control_group": 1},
        sent=3,
        failed=0,
        pending=0,
        received=3,
        opened=1,
        opted_out=0,
        recipients=2,  # p7's two phones are one person
        converted=1,
    )


def test_control_group_is_measured_beside_the_variants(small: Small) -> None:
    results, _ = campaign_results(small.ws, small.soldes)
    assert (results.control_recipients, results.control_converted) == (2, 1)
    assert results.has_control and results.has_data
    up = results.uplift(results.variants[0])
    assert (up.converted, up.recipients, up.control_converted, up.control_recipients) == (
        1,
        3,
        1,
        2,
    )
    assert up.verdict is Verdict.TOO_SMALL


def test_attribution_window_decides_what_counts(small: Small) -> None:
    assert funnel(small, ConversionGoal(window_days=14))["A"].converted == 2


def test_behaviour_event_as_conversion_starts_at_each_recipients_send(small: Small) -> None:
    week = campaign_results(small.ws, small.soldes, ConversionGoal("purchase", 7))[0]
    assert [v.converted for v in week.variants] == [1, 0]  # p6 bought on day 8
    # p8 (control) bought on day 2; p9 bought before the campaign, which does not count.
    assert (week.control_recipients, week.control_converted) == (2, 1)
    ten = campaign_results(small.ws, small.soldes, ConversionGoal("purchase", 10))[0]
    assert [v.converted for v in ten.variants] == [1, 1]


def test_a_conversion_event_that_never_occurs_says_so(small: Small) -> None:
    for name in ("never_happens", "not_an_event_of_this_app"):
        results, _ = campaign_results(small.ws, small.soldes, ConversionGoal(name, 7))
        assert [v.converted for v in results.variants] == [0, 0]
        assert results.control_converted == 0
        assert results.uplift(results.variants[0]).verdict is Verdict.NO_CONVERSIONS


def test_campaign_without_outbox_has_no_data_and_no_control(small: Small) -> None:
    results, _ = campaign_results(small.ws, small.draft)
    assert not results.has_data and not results.has_control
    assert results.variants == []
    assert (
        results.uplift(VariantFunnel("A", 0, {}, 0, 0, 0, 0, 0, 0, 0, 0)).verdict is Verdict.NO_DATA
    )


def test_unknown_campaign_is_a_clear_error(small: Small) -> None:
    with pytest.raises(CampaignNotFound, match="No campaign with id 999"):
        campaign_results(small.ws, 999)


@pytest.mark.parametrize("days", [0, 91])
def test_attribution_window_out_of_range_is_refused(days: int) -> None:
    with pytest.raises(ValueError, match="attribution window"):
        ConversionGoal(window_days=days)


def _ab(control: tuple[int, int] = (0, 0), b_recipients: int = 1000) -> CampaignResults:
    """An A/B campaign: A converts 100 of 1,000, B 150 of ``b_recipients``."""
    a = VariantFunnel("A", 1000, {}, 1000, 0, 0, 1000, 300, 0, 1000, 100)
    b = VariantFunnel("B", b_recipients, {}, b_recipients, 0, 0, 0, 0, 0, b_recipients, 150)
    return CampaignResults(1, 1, "Soldes", "push", "completed", None, ConversionGoal(),
                           [a, b], control[1], control[0])  # fmt: skip


def test_without_a_control_group_each_variant_is_tested_against_the_first() -> None:
    """The usual A/B test has no control group: it showed rates and no verdict at all."""
    results = _ab()
    assert results.reference is not None and results.reference.key == "A"
    assert [v.key for v in results.compared(results.variants)] == ["B"]
    up = results.uplift(results.variants[1])
    assert (up.control_converted, up.control_recipients) == (100, 1000)
    assert up.verdict is Verdict.BETTER and up.difference == pytest.approx(0.05)


def test_a_control_group_stays_the_reference_and_one_variant_alone_has_none() -> None:
    with_control = _ab(control=(20, 200))
    assert with_control.reference is None
    assert [v.key for v in with_control.compared(with_control.variants)] == ["A", "B"]
    assert with_control.uplift(with_control.variants[1]).control_recipients == 200
    nobody_in_b = _ab(b_recipients=0)
    assert nobody_in_b.reference is None and nobody_in_b.compared(nobody_in_b.variants) == []
