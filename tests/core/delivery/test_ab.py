"""A/B assignment: stable per person, independent of the device, drawn in proportion; the
control group is held back and never sent (checked end to end in ``test_screen.py``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.delivery.ab import assign, check_split, in_control, variant_for
from engage_desktop.core.delivery.daily_window import RuleInputError

weights = st.lists(st.floats(min_value=0.0, max_value=10.0), min_size=1, max_size=5).filter(
    lambda ws: sum(ws) > 0
)


@given(st.integers(min_value=1, max_value=10**12), st.integers(1, 10**6), weights)
def test_assignment_is_stable_and_only_picks_weighted_variants(
    profile_id: int, campaign_id: int, ws: list[float]
) -> None:
    keys = [(chr(65 + i), w) for i, w in enumerate(ws)]
    first = variant_for(profile_id, campaign_id, keys)
    assert first == variant_for(profile_id, campaign_id, keys)  # same person, same answer
    assert dict(keys)[first] > 0  # a variant with no share is never drawn


def test_shares_are_respected_over_many_people() -> None:
    keys = [("A", 1.0), ("B", 3.0)]
    drawn = [variant_for(p, 7, keys) for p in range(20_000)]
    assert abs(drawn.count("B") / len(drawn) - 0.75) < 0.02
    held = sum(in_control(p, 7, 0.1) for p in range(20_000))
    assert abs(held / 20_000 - 0.1) < 0.01


def test_control_and_variant_draws_are_independent_of_each_other() -> None:
    keys = [("A", 1.0), ("B", 1.0)]
    held = [p for p in range(20_000) if assign(p, 3, keys, 0.2).control]
    share_b = sum(variant_for(p, 3, keys) == "B" for p in held) / len(held)
    assert abs(share_b - 0.5) < 0.04


@pytest.mark.parametrize(
    ("keys", "control", "code"),
    [
        ([], 0.0, "ab_no_variant"),
        ([("A", 1.0), ("A", 1.0)], 0.0, "ab_duplicate"),
        ([("A", -1.0)], 0.0, "ab_negative"),
        ([("A", 0.0)], 0.0, "ab_all_zero"),
        ([("A", 1.0)], 0.6, "ab_bad_control"),
    ],
)
def test_bad_splits_are_refused(keys: list[tuple[str, float]], control: float, code: str) -> None:
    with pytest.raises(RuleInputError) as caught:
        check_split(keys, control)
    assert caught.value.code == code
