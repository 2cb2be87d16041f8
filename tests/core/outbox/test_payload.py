"""Request bodies built once per variant and stamped per recipient: the same bytes' meaning as
building and encoding each recipient's message on its own."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.outbox.payload import (
    PayloadError,
    PersonalisedBody,
    compile_body,
    compile_variant,
)


@given(
    token=st.text(min_size=1, max_size=200),
    message_id=st.text(min_size=1, max_size=64),
    title=st.text(max_size=50).filter(lambda t: "{" not in t),  # no Liquid: one shared body
)
def test_template_render_equals_encoding_each_message(
    token: str, message_id: str, title: str
) -> None:
    content = {"title": title or "t", "body": "b"}
    template = compile_body(content, analytics_label="lbl", validate_only=False)
    body = json.loads(template.render(token, message_id))
    each = PersonalisedBody(content, "lbl", validate_only=False).render(token, message_id, {})
    assert body == json.loads(each)  # the per-recipient path encodes each message whole
    message = body["message"]
    assert message["token"] == token
    assert message["data"]["message_id"] == message_id
    assert message["android"]["collapse_key"] == message_id
    assert message["apns"]["headers"]["apns-collapse-id"] == message_id


CONTENT = {"title": "Soldes", "body": "-50 %", "ttl_seconds": 3600}


def _headers(raw: bytes) -> dict[str, str]:
    return dict(json.loads(raw)["message"]["apns"]["headers"])


def test_the_expiry_is_the_send_time_plus_the_ttl_not_the_compile_time() -> None:
    template = compile_body(CONTENT, analytics_label=None, validate_only=False)
    first = _headers(template.render("tok", "ed-1-1", now_unix=1_000_000))
    resumed = _headers(template.render("tok", "ed-1-2", now_unix=1_086_400))  # a day later
    assert first["apns-expiration"] == "1003600"
    assert resumed["apns-expiration"] == "1090000"
    assert (
        json.loads(template.render("tok", "ed-1-1", now_unix=5))["message"]["android"]["ttl"]
        == "3600s"
    )


def test_a_body_with_an_expiry_needs_the_send_time() -> None:
    template = compile_body(CONTENT, analytics_label=None, validate_only=False)
    with pytest.raises(ValueError, match="now_unix"):
        template.render("tok", "ed-1-1")


@pytest.mark.parametrize(("ttl", "expected"), [(0, "0"), (None, None)])
def test_ttl_zero_means_now_or_never_and_no_ttl_no_expiry(
    ttl: int | None, expected: str | None
) -> None:
    template = compile_body(
        {**CONTENT, "ttl_seconds": ttl}, analytics_label=None, validate_only=False
    )
    assert _headers(template.render("tok", "m", now_unix=1_000)).get("apns-expiration") == expected


def test_personalised_bodies_stamp_the_expiry_per_message_too() -> None:
    body = compile_variant(
        {**CONTENT, "title": "{{ first_name }}"}, analytics_label=None, validate_only=False
    )
    assert isinstance(body, PersonalisedBody)
    raw = body.render("tok", "ed-1-1", {"first_name": "Léa"}, now_unix=2_000)
    assert _headers(raw)["apns-expiration"] == "5600"
    assert json.loads(raw)["message"]["notification"]["title"] == "Léa"


def test_a_recipient_whose_template_fails_gets_a_payload_error_not_raw_liquid() -> None:
    body = compile_variant(
        {"title": "{{ 10 | divided_by: points }}", "body": "x"},
        analytics_label=None,
        validate_only=False,
    )
    assert isinstance(body, PersonalisedBody)
    with pytest.raises(PayloadError, match="title"):
        body.render("tok", "ed-1-1", {"points": 0}, now_unix=1)


def test_the_content_version_follows_everything_a_body_depends_on() -> None:
    from engage_desktop.core.outbox.payload import content_version

    base = content_version(CONTENT, "label", False)
    assert content_version(dict(reversed(CONTENT.items())), "label", False) == base
    assert content_version({**CONTENT, "title": "Soldes !"}, "label", False) != base
    assert content_version(CONTENT, "other", False) != base
    assert content_version(CONTENT, "label", True) != base


def test_a_variant_source_refuses_content_the_composer_would_refuse() -> None:
    from engage_desktop.core.outbox.payload import VariantSource

    source = VariantSource("push", {"title": "x", "image_url": "http://cdn/a.jpg"}, None, False)
    with pytest.raises(PayloadError, match="image_url"):
        source.compile()
