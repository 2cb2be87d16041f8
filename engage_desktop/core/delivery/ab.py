"""A/B variants and the control group: who gets which content, or nothing.

Assignment is a stable hash of the profile and the campaign (BLAKE2b), so the same person gets
the same variant on every device, on a retry and on a re-expansion, and two campaigns split
independently. The variant is recorded on every outbox row, the control group's too (their rows
are suppressed with reason ``control_group``: they receive nothing, and analytics measures the
uplift against them). The composer edits shares through ``check_split``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from engage_desktop.core.delivery.daily_window import RuleInputError

MAX_CONTROL_SHARE = 0.5


def bucket(profile_id: int, salt: str) -> float:
    """A deterministic number in [0, 1) per profile and salt."""
    digest = hashlib.blake2b(f"{salt}:{profile_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def variant_for(profile_id: int, campaign_id: int, keys: Sequence[tuple[str, float]]) -> str:
    """The variant key of ``profile_id``, drawn in proportion to the weights."""
    total = sum(w for _, w in keys) or 1.0
    point = bucket(profile_id, f"variant:{campaign_id}") * total
    for key, weight in keys:
        if point < weight:
            return key
        point -= weight
    return keys[-1][0]


def in_control(profile_id: int, campaign_id: int, share: float) -> bool:
    # a bucket is in [0, 1): without a control share nobody is in it, no need to hash
    return share > 0 and bucket(profile_id, f"control:{campaign_id}") < share


def variant_chooser(campaign_id: int, keys: Sequence[tuple[str, float]]) -> Callable[[int], str]:
    """``variant_for`` with the campaign fixed: one variant needs no hashing at all."""
    if len(keys) == 1:
        only = keys[0][0]
        return lambda _profile_id: only
    return lambda profile_id: variant_for(profile_id, campaign_id, keys)


@dataclass(frozen=True)
class Assignment:
    variant: str
    control: bool


def assign(
    profile_id: int, campaign_id: int, keys: Sequence[tuple[str, float]], control_share: float
) -> Assignment:
    """Which variant a person is in and whether they are held back (the composer's preview)."""
    return Assignment(
        variant_for(profile_id, campaign_id, keys),
        in_control(profile_id, campaign_id, control_share),
    )


def check_split(keys: Sequence[tuple[str, float]], control_share: float) -> None:
    """Refuse shares that cannot be drawn: no variant, a negative or all-zero weight, a
    duplicated key, a control share outside 0-50 %."""
    if not keys:
        raise RuleInputError("A campaign needs at least one variant.", "ab_no_variant")
    seen: set[str] = set()
    for key, weight in keys:
        if key in seen:
            raise RuleInputError(f"Variant {key} is listed twice.", "ab_duplicate", key)
        seen.add(key)
        if not weight >= 0:
            raise RuleInputError(
                f"Variant {key}: its share {weight} is negative.", "ab_negative", key, str(weight)
            )
    if sum(w for _, w in keys) <= 0:
        raise RuleInputError("Every variant has a share of 0.", "ab_all_zero")
    if not 0 <= control_share <= MAX_CONTROL_SHARE:
        raise RuleInputError(
            f"The control share {control_share:.0%} is outside 0 % to 50 %.",
            "ab_bad_control",
            f"{control_share:.0%}",
        )
