"""How outbox rows are named: one message id per recipient device, the idempotency key.

A leaf module (it imports nothing of ours), so the composer, the expansion, test sends and the
claims share the one spelling without importing each other.
"""

from __future__ import annotations

TEST_PREFIX = "edt-"  # message ids of test sends (claimed whatever the campaign's status)
TEST_PREFIX_END = "edt."  # the next string after every "edt-…" id, for an index range scan
_SAMPLE_ID = 1_000_000_000  # ten digits: ids stay below this for a long time


def message_id_for(campaign_id: int, device_id: int) -> str:
    """Stable across retries and restarts: the same recipient always gets the same id."""
    return f"ed-{campaign_id}-{device_id}"


def test_message_id(campaign_id: int, device_id: int, stamp_ms: int) -> str:
    """A test send's id: a new one per test send, so each test shows up on the phone."""
    return f"{TEST_PREFIX}{campaign_id}-{device_id}-{stamp_ms}"


def sample_message_id(campaign_id: int | None = None) -> str:
    """An id as long as the campaign's real ones (ten-digit device ids), for byte counts."""
    return message_id_for(campaign_id or _SAMPLE_ID, _SAMPLE_ID)


def contact_message_id(campaign_id: int, profile_id: int) -> str:
    """An SMS or email row's id: one per recipient person (the address is theirs, not a
    device's); stable across retries like the push ones."""
    return f"ed-{campaign_id}-p{profile_id}"
