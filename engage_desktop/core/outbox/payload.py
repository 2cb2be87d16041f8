"""FCM request bodies for outbox rows, encoded once per variant and stamped per recipient.

The message itself comes from the composer's builder (``core.content.fcm.build_fcm_message``, the
same function its payload tab shows). Building and encoding a message costs tens of µs; a bulk
send cannot afford that per recipient, so the body is built once per variant with marker values
for the token and the message id, encoded, split at the markers, and joined per row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.content.fcm import build_fcm_message
from engage_desktop.core.content.push import PushContent

TOKEN_MARK = "__ed_token_c3f1__"
MSGID_MARK = "__ed_msgid_c3f1__"
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_:.")


class PayloadError(Exception):
    """The variant's content cannot become an FCM message; the text says what is wrong."""


def build_message(content: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """The composer's ``build_fcm_message`` applied to a variant's raw content dict."""
    return dict(build_fcm_message(PushContent.from_dict(content), **kwargs))


def _ensure_ids(message: dict[str, Any], message_id: str) -> dict[str, Any]:
    """The dispatch contract, whatever the builder did: id in data, collapse keys set."""
    message.setdefault("data", {})["message_id"] = message_id
    message.setdefault("android", {}).setdefault("collapse_key", message_id)
    message.setdefault("apns", {}).setdefault("headers", {}).setdefault(
        "apns-collapse-id", message_id
    )
    return message


@dataclass(frozen=True)
class BodyTemplate:
    """A request body split around the token and message-id markers."""

    parts: tuple[bytes, ...]
    order: tuple[int, ...]  # for each gap: 0 = token, 1 = message id

    def render(self, token: str, message_id: str) -> bytes:
        values = (_json_fragment(token), _json_fragment(message_id))
        out = [self.parts[0]]
        for i, which in enumerate(self.order):
            out.append(values[which])
            out.append(self.parts[i + 1])
        return b"".join(out)


def _json_fragment(value: str) -> bytes:
    if all(c in _SAFE for c in value):
        return value.encode()
    return json.dumps(value, ensure_ascii=False)[1:-1].encode()


def compile_body(
    content: dict[str, Any],
    *,
    analytics_label: str | None,
    validate_only: bool,
) -> BodyTemplate:
    """Build the variant's message once and split it at the per-recipient values."""
    kwargs: dict[str, Any] = {"token": TOKEN_MARK, "message_id": MSGID_MARK}
    if analytics_label:
        kwargs["analytics_label"] = analytics_label
    try:
        message = _ensure_ids(build_message(content, **kwargs), MSGID_MARK)
    except (ValueError, KeyError, TypeError) as exc:
        raise PayloadError(f"The campaign content cannot be sent: {exc}") from exc
    body: dict[str, Any] = {"message": message}
    if validate_only:
        body["validate_only"] = True
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    parts: list[bytes] = []
    order: list[int] = []
    rest = text
    while True:
        ti, mi = rest.find(TOKEN_MARK), rest.find(MSGID_MARK)
        hits = [(i, k, m) for i, k, m in ((ti, 0, TOKEN_MARK), (mi, 1, MSGID_MARK)) if i >= 0]
        if not hits:
            parts.append(rest.encode())
            break
        index, which, mark = min(hits)
        parts.append(rest[:index].encode())
        order.append(which)
        rest = rest[index + len(mark) :]
    return BodyTemplate(tuple(parts), tuple(order))


def is_personalised(content: dict[str, Any]) -> bool:
    """Liquid in any text: the message must be built per recipient."""
    return any(
        (isinstance(v, str) and "{{" in v) or (isinstance(v, str) and "{%" in v)
        for v in content.values()
    )


@dataclass(frozen=True)
class PersonalisedBody:
    """A variant whose texts use Liquid: built per recipient with the composer's builder."""

    content: dict[str, Any]
    analytics_label: str | None
    validate_only: bool

    def render(self, token: str, message_id: str, context: dict[str, Any]) -> bytes:
        kwargs: dict[str, Any] = {
            "token": token,
            "message_id": message_id,
            "render_context": context,
        }
        if self.analytics_label:
            kwargs["analytics_label"] = self.analytics_label
        body: dict[str, Any] = {
            "message": _ensure_ids(build_message(self.content, **kwargs), message_id)
        }
        if self.validate_only:
            body["validate_only"] = True
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def compile_variant(
    content: dict[str, Any], *, analytics_label: str | None, validate_only: bool
) -> BodyTemplate | PersonalisedBody:
    """The fast shared template, or the per-recipient path when the texts use Liquid."""
    if not is_personalised(content):
        return compile_body(content, analytics_label=analytics_label, validate_only=validate_only)
    return PersonalisedBody(content, analytics_label, validate_only)
