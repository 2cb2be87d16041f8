"""The FCM message of a rich push: the notification, plus the page inline or by its address.

The app shows the notification like a push; opening it (or the app's inbox) shows the page. The
page travels inline in ``data.rich_html`` when the whole message fits FCM's 4,096 bytes, else
the author's ``page_url`` goes in ``data.rich_url``; with neither, no message is built (an
issue of ``html``). The HTML is rendered with Liquid whose output is HTML-escaped (a profile
attribute holding ``<script>`` arrives as text), then sanitised with nh3 whatever the preview
allows: a page sent to thousands of phones never carries scripts or event handlers.
``inbox_days`` is how long the app keeps the page in its inbox. The keys are documented for
app developers in ``docs/inapp-contract.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.messages import CodedText
from engage_desktop.core.templating import render_html

from .fcm import (
    FCM_MAX_BYTES,
    SAMPLE_MESSAGE_ID,
    Issue,
    RenderFailed,
    build_fcm_message,
    check_message,
    payload_size,
    template_issue_text,
)
from .push import PushContent
from .rich import sanitize_rich_html

RICH_CONTRACT_VERSION = "1"
DEFAULT_INBOX_DAYS = 7
MAX_INBOX_DAYS = 90


@dataclass(frozen=True, slots=True)
class RichPushContent:
    """What the author writes for a rich push (one variant)."""

    push: PushContent  # title, body, image, deep link… as a classic push
    html: str = ""
    page_url: str = ""
    inbox_days: int = DEFAULT_INBOX_DAYS

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RichPushContent:
        raw_days = d.get("inbox_days")
        try:
            days = DEFAULT_INBOX_DAYS if raw_days in (None, "") else int(str(raw_days))
        except ValueError:
            days = -1  # validation names it
        return cls(
            push=PushContent.from_dict(d),
            html=str(d.get("html") or ""),
            page_url=str(d.get("page_url") or "").strip(),
            inbox_days=days,
        )


def _page_html(content: RichPushContent, render_context: Mapping[str, Any] | None) -> str:
    """The page as sent: Liquid (escaped output), then nh3."""
    html = content.html
    if render_context is not None and "{" in html:
        result = render_html(html, render_context)
        if result.error is not None:
            raise RenderFailed(Issue("html", template_issue_text(result.error)))
        html = result.text
    return sanitize_rich_html(html).html


def build_rich_message(
    content: RichPushContent,
    *,
    token: str,
    message_id: str,
    analytics_label: str | None = None,
    render_context: Mapping[str, Any] | None = None,
    now_unix: int | None = None,
) -> dict[str, Any]:
    """The ``message`` for one token; raises ``RenderFailed`` when the page fits neither way."""
    message = build_fcm_message(
        content.push,
        token=token,
        message_id=message_id,
        analytics_label=analytics_label,
        render_context=render_context,
        now_unix=now_unix,
    )
    data = message["data"]
    data["engage_type"] = "rich_push"
    data["rich_v"] = RICH_CONTRACT_VERSION
    data["inbox_days"] = str(content.inbox_days)
    page = _page_html(content, render_context)
    if page.strip():
        data["rich_html"] = page
        if payload_size(message) <= FCM_MAX_BYTES:
            return message
        del data["rich_html"]
    if content.page_url:
        data["rich_url"] = content.page_url
        return message
    raise RenderFailed(Issue("html", _too_big(len(page.encode()))))


def _too_big(page_bytes: int) -> CodedText:
    text = (
        f"The page ({page_bytes} bytes) does not fit in the {FCM_MAX_BYTES}-byte message and "
        "no page address is given: shorten it or give the address where it is published."
    )
    return CodedText(text, "rich_page_too_big", str(page_bytes), str(FCM_MAX_BYTES))


def validate_rich(content: RichPushContent) -> list[Issue]:
    """Problems of a rich push's own fields (the push part is checked as a push)."""
    issues: list[Issue] = []
    if not content.html.strip() and not content.page_url:
        text = "Write the page or give the address where it is published."
        issues.append(Issue("html", CodedText(text, "rich_no_page")))
    if content.page_url and not content.page_url.startswith("https://"):
        shown = content.page_url[:60]
        text = f"The page address must be https:// (got “{shown}”)."
        issues.append(Issue("page_url", CodedText(text, "rich_url_not_https", shown)))
    if not 1 <= content.inbox_days <= MAX_INBOX_DAYS:
        text = f"Keep the page in the inbox 1 to {MAX_INBOX_DAYS} days."
        issues.append(Issue("inbox_days", CodedText(text, "rich_inbox_days", str(MAX_INBOX_DAYS))))
    return issues


def check_rich_message(
    content: RichPushContent,
    *,
    token: str = "PREVIEW_TOKEN",
    message_id: str = SAMPLE_MESSAGE_ID,
    analytics_label: str | None = None,
    render_context: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any] | None, int, list[Issue]]:
    """Like ``fcm.check_message``: a message within 4,096 bytes, or issues — never both."""
    _message, size, issues = check_message(
        content.push,
        token=token,
        message_id=message_id,
        analytics_label=analytics_label,
        render_context=render_context,
    )
    issues += validate_rich(content)
    if issues:
        return None, size, issues
    try:
        built = build_rich_message(
            content,
            token=token,
            message_id=message_id,
            analytics_label=analytics_label,
            render_context=render_context,
        )
    except RenderFailed as exc:
        return None, size, [exc.issue]
    return built, payload_size(built), []
