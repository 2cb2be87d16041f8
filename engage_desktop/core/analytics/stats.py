"""Did a variant convert better than the control group? A two-proportion z-test, plainly worded.

The standard library's ``statistics.NormalDist`` gives the normal distribution, so the core needs
no scientific stack; the tests compare every figure with scipy on known inputs.

- difference: the variant's conversion rate minus the control's, with a 95 % Wald interval
  (unpooled standard error), the usual interval reported beside the test;
- p-value: two-sided, from the pooled-variance z statistic (the classic two-proportion test);
- verdict: ``too_small`` when either group has fewer than ``MIN_EXPECTED`` expected conversions
  or non-conversions (the normal approximation does not hold there, so nothing can be concluded),
  ``no_conversions`` when nobody converted in either group (the conversion event never occurs).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from statistics import NormalDist

CONFIDENCE = 0.95
ALPHA = 1.0 - CONFIDENCE
MIN_EXPECTED = 10  # expected successes and failures per group for the normal approximation

_NORMAL = NormalDist()
Z_CRITICAL = _NORMAL.inv_cdf(1.0 - ALPHA / 2.0)  # 1.959963984540054


class Verdict(enum.StrEnum):
    """What the test lets an analyst say (worded for people by the GUI and the CLI)."""

    NO_DATA = "no_data"  # a group without anyone in it
    NO_CONVERSIONS = "no_conversions"  # nobody converted in either group
    TOO_SMALL = "too_small"  # too few conversions to conclude either way
    BETTER = "better"  # the variant converts significantly more than control
    WORSE = "worse"  # significantly less
    NO_DIFFERENCE = "no_difference"  # the sample is large enough and shows no significant gap


@dataclass(frozen=True)
class Uplift:
    """A variant against control: rates, their difference with its 95 % interval, p-value, verdict.

    ``difference``, ``low``, ``high``, ``z`` and ``p_value`` are None when they cannot be
    computed (an empty group, or no conversion at all).
    """

    converted: int
    recipients: int
    control_converted: int
    control_recipients: int
    rate: float | None
    control_rate: float | None
    difference: float | None
    low: float | None
    high: float | None
    z: float | None
    p_value: float | None
    verdict: Verdict


def rate(converted: int, recipients: int) -> float | None:
    return converted / recipients if recipients > 0 else None


def uplift(
    converted: int, recipients: int, control_converted: int, control_recipients: int
) -> Uplift:
    """Compare ``converted / recipients`` (a variant) with the control group's rate."""
    _check_counts(converted, recipients, "variant")
    _check_counts(control_converted, control_recipients, "control group")
    p1, p2 = rate(converted, recipients), rate(control_converted, control_recipients)
    if p1 is None or p2 is None:
        return Uplift(
            converted,
            recipients,
            control_converted,
            control_recipients,
            p1,
            p2,
            None,
            None,
            None,
            None,
            None,
            Verdict.NO_DATA,
        )
    n1, n2 = recipients, control_recipients
    difference = p1 - p2
    spread = Z_CRITICAL * math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    pooled = (converted + control_converted) / (n1 + n2)
    if pooled == 0.0:
        return Uplift(
            converted,
            recipients,
            control_converted,
            control_recipients,
            p1,
            p2,
            0.0,
            None,
            None,
            None,
            None,
            Verdict.NO_CONVERSIONS,
        )
    z, p_value = _z_test(p1, p2, pooled, n1, n2)
    verdict = _verdict(difference, p_value, pooled, n1, n2)
    return Uplift(
        converted,
        recipients,
        control_converted,
        control_recipients,
        p1,
        p2,
        difference,
        difference - spread,
        difference + spread,
        z,
        p_value,
        verdict,
    )


def _check_counts(converted: int, recipients: int, group: str) -> None:
    if recipients < 0 or converted < 0 or converted > recipients:
        raise ValueError(
            f"{group}: {converted} converted out of {recipients} recipients is not a proportion"
        )


def _z_test(p1: float, p2: float, pooled: float, n1: int, n2: int) -> tuple[float | None, float]:
    error = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if error == 0.0:  # everybody converted in both groups: identical, nothing to test
        return None, 1.0
    z = (p1 - p2) / error
    return z, 2.0 * _NORMAL.cdf(-abs(z))


def _verdict(difference: float, p_value: float, pooled: float, n1: int, n2: int) -> Verdict:
    expected = min(n * share for n in (n1, n2) for share in (pooled, 1 - pooled))
    if expected < MIN_EXPECTED:
        return Verdict.TOO_SMALL
    if p_value < ALPHA:
        return Verdict.BETTER if difference > 0 else Verdict.WORSE
    return Verdict.NO_DIFFERENCE
