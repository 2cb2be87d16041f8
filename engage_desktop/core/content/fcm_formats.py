"""Which builder makes the FCM message of each format that travels through FCM.

Push, rich push and in-app messages all leave as FCM v1 messages; the payload tab, the content
check and the sender ask here, by the campaign's format, so the three never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .fcm import SAMPLE_MESSAGE_ID, Issue, build_fcm_message, check_message
from .inapp_fcm import build_inapp_message, check_inapp_message
from .push import PushContent
from .rich_fcm import RichPushContent, build_rich_message, check_rich_message

FCM_FORMATS = frozenset({"push", "rich_push", "in_app"})


def build_format_message(fmt: str, content: Mapping[str, Any], **kwargs: Any) -> dict[str, Any]:
    """The ``message`` of ``fmt`` for one token (``build_fcm_message``'s keyword arguments)."""
    if fmt == "rich_push":
        return build_rich_message(RichPushContent.from_dict(content), **kwargs)
    if fmt == "in_app":
        return build_inapp_message(content, **kwargs)
    return build_fcm_message(PushContent.from_dict(content), **kwargs)


def check_format_message(
    fmt: str,
    content: Mapping[str, Any],
    *,
    message_id: str = SAMPLE_MESSAGE_ID,
    analytics_label: str | None = None,
    render_context: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any] | None, int, list[Issue]]:
    """(message or None, payload bytes, issues) for a variant of ``fmt``: never both."""
    if fmt == "rich_push":
        return check_rich_message(
            RichPushContent.from_dict(content),
            message_id=message_id,
            analytics_label=analytics_label,
            render_context=render_context,
        )
    if fmt == "in_app":
        return check_inapp_message(
            content,
            message_id=message_id,
            analytics_label=analytics_label,
            render_context=render_context,
        )
    return check_message(
        PushContent.from_dict(content),
        message_id=message_id,
        analytics_label=analytics_label,
        render_context=render_context,
    )
