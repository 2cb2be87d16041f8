"""The small demo workspace every session builds once (``demo_file`` in ``tests/conftest.py``)."""

from __future__ import annotations

from datetime import UTC, datetime

DEMO_ANCHOR = datetime(2026, 11, 1, tzinfo=UTC)  # the demo's "now": its data ends the day before
DEMO_USERS = 2_000

# A saved-segment rule that matches part of the demo: its profiles of loyalty tier "gold".
GOLD = {
    "version": 1,
    "rules": {
        "type": "attribute",
        "field": "attributes.loyalty_tier",
        "op": "equals",
        "value": "gold",
    },
}
