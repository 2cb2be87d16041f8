"""Asking FCM whether it answers again, for an app whose campaigns an outage paused.

The probe is a real send request with ``validate_only``: it goes through the app's address,
credentials and quota like a message, but FCM delivers nothing. It is addressed to a device
token still waiting in one of the paused campaigns, so a device-level quota cannot mislead it.
Any answer but an outage one (5xx, 429, no connection) means FCM is back.
"""

from __future__ import annotations

import orjson

from engage_desktop.services.apps import AppSender
from engage_desktop.services.faults import TROUBLE, scope_of
from engage_desktop.services.fcm.auth import CredentialsError


def probe_body(token: str) -> bytes:
    return orjson.dumps(
        {"validate_only": True, "message": {"token": token, "data": {"engage_probe": "1"}}}
    )


async def fcm_answers(sender: AppSender, token: str) -> bool:
    """True when FCM gave this app a real answer (not an outage one)."""
    try:
        result = await sender.client.send(probe_body(token))
    except CredentialsError:
        return False
    return scope_of(result) not in TROUBLE
