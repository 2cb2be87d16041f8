"""Why a row is not sent (``outbox_message.suppression_reason``), as stable strings.

The GUI words them (``ui/sending/send_panel.py::reason_label``), analytics groups by them. The
expansion's own reasons (no token, push disabled…) live here too, so the claim-time screen and
the expansion say the same thing for the same cause.
"""

from __future__ import annotations

NO_CONSENT = "no_push_consent"
PUSH_DISABLED = "push_disabled"
NO_TOKEN = "no_token"
TOKEN_INVALIDATED = "token_invalidated"
CONTROL_GROUP = "control_group"
CANCELLED = "cancelled"
EXPIRED = "expired"  # past the offer's "do not send after" time
CAPPED = "capped"  # the person had their share of messages on the channel
NO_SEND_WINDOW = "no_send_window"  # quiet hours leave marketing SMS no allowed hour at all


def no_consent(channel: str) -> str:
    """``no_push_consent``, ``no_sms_consent``, ``no_email_consent``…"""
    return f"no_{channel}_consent"
