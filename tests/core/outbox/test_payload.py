"""Request bodies built once per variant and stamped per recipient: the same bytes' meaning as
building and encoding each recipient's message on its own."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.outbox.payload import PersonalisedBody, compile_body


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
