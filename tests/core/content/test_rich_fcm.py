"""Rich push messages: the page inline when it fits, else its address, escaped and sanitised."""

from __future__ import annotations

import json

from engage_desktop.core.content.fcm import FCM_MAX_BYTES, payload_size
from engage_desktop.core.content.fcm_formats import check_format_message
from engage_desktop.core.content.rich_fcm import RichPushContent, build_rich_message
from engage_desktop.core.outbox.payload import PersonalisedBody, compile_variant

PAGE = "<h1>Soldes</h1><p>Bonjour {{ first_name }}, -50 % sur l'automne.</p>"
RICH = {"title": "Soldes", "body": "Ouvrez la page", "html": PAGE, "inbox_days": 14}


def _build(content: dict[str, object], context: dict[str, object] | None = None) -> dict:
    return build_rich_message(
        RichPushContent.from_dict(content),
        token="tok",
        message_id="m-1",
        render_context=context,
    )


def test_a_small_page_travels_inline_with_the_inbox_keep_time() -> None:
    message = _build(RICH, {"first_name": "Léa"})
    assert "Bonjour Léa" in message["data"]["rich_html"]
    assert message["data"]["inbox_days"] == "14"
    assert message["data"]["rich_v"] == "1"
    assert "rich_url" not in message["data"]
    assert message["notification"]["title"] == "Soldes"


def test_liquid_output_is_escaped_in_the_page_and_scripts_are_removed() -> None:
    hostile = {**RICH, "html": PAGE + "<script>steal()</script><img src=x onerror=alert(1)>"}
    message = _build(hostile, {"first_name": "<script>alert('x')</script>"})
    html = message["data"]["rich_html"]
    assert "<script" not in html and "onerror" not in html
    assert "&lt;script&gt;" in html  # the attribute is shown as text, not run


def test_a_page_too_big_goes_by_its_address() -> None:
    big = {**RICH, "html": "<p>" + "é" * 3000 + "</p>", "page_url": "https://ex.com/p"}
    message = _build(big, {})
    assert message["data"]["rich_url"] == "https://ex.com/p"
    assert "rich_html" not in message["data"]
    assert payload_size(message) <= FCM_MAX_BYTES


def test_a_page_too_big_without_an_address_is_refused_by_the_content_check() -> None:
    big = {**RICH, "html": "<p>" + "é" * 3000 + "</p>"}
    message, _size, issues = check_format_message("rich_push", big)
    assert message is None
    assert issues[0].field == "html"
    assert "no page address" in issues[0].message


def test_the_payload_tab_shows_the_title_in_aps_for_a_rich_push() -> None:
    """Issue 17: the payload tab showed ``"aps": {}`` with no title for a rich push."""
    message, _size, issues = check_format_message("rich_push", RICH)
    assert not issues and message is not None
    assert message["apns"]["payload"]["aps"]["alert"]["title"] == "Soldes"
    assert "rich_html" in message["data"]


def test_the_sender_builds_the_rich_message_per_recipient() -> None:
    body = compile_variant(RICH, analytics_label=None, validate_only=False, fmt="rich_push")
    assert isinstance(body, PersonalisedBody)
    sent = json.loads(body.render("tok", "m-9", {"first_name": "<b>Zoé</b>"}))
    html = sent["message"]["data"]["rich_html"]
    assert "&lt;b&gt;Zoé&lt;/b&gt;" in html
    assert sent["message"]["android"]["notification"]["tag"] == "m-9"
