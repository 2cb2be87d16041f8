"""The uplift test against scipy on known inputs, and its verdicts at their boundaries."""

from __future__ import annotations

import math

import pytest
from scipy import stats as sp

from engage_desktop.core.analytics.stats import MIN_EXPECTED, Verdict, uplift


@pytest.mark.parametrize(
    ("x1", "n1", "x2", "n2"),
    [(200, 1000, 150, 1000), (21, 900, 12, 100), (480, 10_000, 500, 10_000), (3, 40, 9, 45)],
)
def test_p_value_matches_scipys_chi_square_without_correction(
    x1: int, n1: int, x2: int, n2: int
) -> None:
    """The pooled two-proportion z-test is the 2×2 chi-square test without Yates' correction."""
    got = uplift(x1, n1, x2, n2)
    chi2, p, _, _ = sp.chi2_contingency([[x1, n1 - x1], [x2, n2 - x2]], correction=False)
    assert got.z is not None and got.p_value is not None
    assert got.z**2 == pytest.approx(chi2, rel=1e-9)
    assert got.p_value == pytest.approx(p, rel=1e-9)


def test_interval_is_the_wald_interval_with_scipys_normal_quantile() -> None:
    got = uplift(200, 1000, 150, 1000)
    z = sp.norm.ppf(0.975)
    half = z * math.sqrt(0.2 * 0.8 / 1000 + 0.15 * 0.85 / 1000)
    assert got.difference == pytest.approx(0.05)
    assert (got.low, got.high) == (pytest.approx(0.05 - half), pytest.approx(0.05 + half))


def test_a_textbook_example() -> None:
    """200/1000 against 150/1000: z = 2.9424, p = 0.00326, 95 % CI 1.68 to 8.32 points."""
    got = uplift(200, 1000, 150, 1000)
    assert got.z == pytest.approx(2.9424, abs=1e-4)
    assert got.p_value == pytest.approx(0.003257, abs=1e-6)
    assert got.low == pytest.approx(0.01677, abs=1e-5)
    assert got.high == pytest.approx(0.08323, abs=1e-5)
    assert got.verdict is Verdict.BETTER
    assert uplift(150, 1000, 200, 1000).verdict is Verdict.WORSE


def test_large_sample_without_significant_gap() -> None:
    got = uplift(480, 10_000, 500, 10_000)
    assert got.p_value is not None and got.p_value > 0.05
    assert got.low is not None and got.high is not None and got.low < 0 < got.high
    assert got.verdict is Verdict.NO_DIFFERENCE


def test_too_few_conversions_to_conclude_even_with_a_big_gap() -> None:
    got = uplift(9, 20, 1, 20)  # 45 % against 5 %, p < 0.01, but 10 conversions in all
    assert got.p_value is not None and got.p_value < 0.01
    assert got.verdict is Verdict.TOO_SMALL
    # The threshold: expected conversions per group (pooled rate × group size) of MIN_EXPECTED.
    at_threshold = uplift(2 * MIN_EXPECTED, 1000, 0, 1000)  # pooled 1 %: 10 expected per group
    assert at_threshold.verdict is Verdict.BETTER
    below = uplift(2 * MIN_EXPECTED - 1, 1000, 0, 1000)
    assert below.verdict is Verdict.TOO_SMALL


def test_empty_groups_and_no_conversion_at_all() -> None:
    assert uplift(0, 0, 5, 100).verdict is Verdict.NO_DATA
    assert uplift(5, 100, 0, 0).verdict is Verdict.NO_DATA
    none = uplift(0, 5000, 0, 5000)
    assert none.verdict is Verdict.NO_CONVERSIONS and none.p_value is None
    everyone = uplift(100, 100, 50, 50)
    assert everyone.p_value == 1.0 and everyone.verdict is Verdict.TOO_SMALL


@pytest.mark.parametrize(("x", "n"), [(-1, 10), (11, 10), (0, -1)])
def test_counts_that_are_not_proportions_are_refused(x: int, n: int) -> None:
    with pytest.raises(ValueError, match=r"variant: .* is not a proportion"):
        uplift(x, n, 1, 10)
