"""FCM request bodies for outbox rows, encoded once per variant and stamped per recipient.

The message itself comes from the composer's builder (``core.content.fcm.build_fcm_message``, the
same function its payload tab shows). Building and encoding a message costs tens of µs; a bulk
send cannot afford that per recipient, so the body is built once per variant with marker values
for the token, the message id and the APNs expiry, encoded, split at the markers, and joined per
row. The expiry is absolute (send time + TTL), so it is stamped at send time like the token: a
body compiled before a pause never carries a past expiry when the campaign resumes.

``content_version`` names what a body was compiled from: the sender recompiles when it changes,
so an edit made after a test send (or a fixed error) is what goes out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from engage_desktop.core.campaigns.model import variant_issues
from engage_desktop.core.content.fcm_formats import build_format_message
from engage_desktop.store.models import Campaign, CampaignVariant

TOKEN_MARK = "__ed_token_c3f1__"
MSGID_MARK = "__ed_msgid_c3f1__"
EXPIRY_MARK = "__ed_expiry_c3f1__"
_MARKS = (TOKEN_MARK, MSGID_MARK, EXPIRY_MARK)


def build_message(content: dict[str, Any], fmt: str = "push", **kwargs: Any) -> dict[str, Any]:
    """The composer's builder of ``fmt`` applied to a variant's raw content dict."""
    return dict(build_format_message(fmt, content, **kwargs))


def _ensure_ids(message: dict[str, Any], message_id: str) -> dict[str, Any]:
    """The dispatch contract, whatever the builder did: id in data, collapse keys and tag set
    (an in-app data message gets no Android notification: that would make it shown)."""
    message.setdefault("data", {})["message_id"] = message_id
    android = message.setdefault("android", {})
    android.setdefault("collapse_key", message_id)
    if message["data"].get("engage_type") != "in_app":
        android.setdefault("notification", {}).setdefault("tag", message_id)
    message.setdefault("apns", {}).setdefault("headers", {}).setdefault(
        "apns-collapse-id", message_id
    )
    return message


class PayloadError(ValueError):
    """The variant's content cannot become an FCM message; the text says what is wrong."""


def content_version(
    content: Mapping[str, Any], analytics_label: str | None, validate_only: bool
) -> str:
    """A short digest of everything a compiled body depends on (stable across processes)."""
    canonical = json.dumps(
        [content, analytics_label, validate_only],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.blake2b(canonical.encode(), digest_size=12).hexdigest()


@dataclass(frozen=True)
class BodyTemplate:
    """A request body split around the token, message-id and expiry markers.

    ``ttl`` is the content's time to live in seconds when the body has an APNs expiry to stamp.
    """

    parts: tuple[bytes, ...]
    order: tuple[int, ...]  # for each gap: 0 = token, 1 = message id, 2 = APNs expiry
    ttl: int | None = None

    def render(self, token: str, message_id: str, now_unix: int | None = None) -> bytes:
        """The body for one recipient; ``now_unix`` (the send time) is needed with a TTL."""
        expiry = b""
        if 2 in self.order:
            if now_unix is None or self.ttl is None:
                raise ValueError("this body has an APNs expiry: give the send time (now_unix)")
            expiry = str(now_unix + self.ttl).encode()
        values = (_json_fragment(token), _json_fragment(message_id), expiry)
        out = [self.parts[0]]
        for i, which in enumerate(self.order):
            out.append(values[which])
            out.append(self.parts[i + 1])
        return b"".join(out)


def _json_fragment(value: str) -> bytes:
    # JSON (without ASCII escaping) escapes only '"', '\\' and control characters, none of which
    # a printable string holds: tokens and ids skip json.dumps (a per-character check cost ~7 µs)
    if value.isprintable() and '"' not in value and "\\" not in value:
        return value.encode()
    return json.dumps(value, ensure_ascii=False)[1:-1].encode()


def compile_body(
    content: dict[str, Any],
    *,
    analytics_label: str | None,
    validate_only: bool,
    fmt: str = "push",
) -> BodyTemplate:
    """Build the variant's message once and split it at the per-recipient values."""
    kwargs: dict[str, Any] = {"token": TOKEN_MARK, "message_id": MSGID_MARK}
    if analytics_label:
        kwargs["analytics_label"] = analytics_label
    try:
        message = _ensure_ids(build_message(content, fmt, **kwargs), MSGID_MARK)
    except (ValueError, KeyError, TypeError) as exc:
        raise PayloadError(f"The campaign content cannot be sent: {exc}") from exc
    ttl = _stamp_expiry(message)
    body: dict[str, Any] = {"message": message}
    if validate_only:
        body["validate_only"] = True
    parts, order = _split(json.dumps(body, ensure_ascii=False, separators=(",", ":")))
    return BodyTemplate(parts, order, ttl)


def _stamp_expiry(message: dict[str, Any]) -> int | None:
    """Put the expiry marker where an absolute APNs expiry was (TTL 0 stays "0": now or never)."""
    headers = (message.get("apns") or {}).get("headers") or {}
    ttl = _ttl_seconds(message)
    if "apns-expiration" not in headers or not ttl:
        return None
    headers["apns-expiration"] = EXPIRY_MARK
    return ttl


def _ttl_seconds(message: Mapping[str, Any]) -> int | None:
    raw = str((message.get("android") or {}).get("ttl") or "").removesuffix("s")
    return int(raw) if raw.isdigit() else None


def _split(text: str) -> tuple[tuple[bytes, ...], tuple[int, ...]]:
    """The encoded body cut at each marker: the fixed parts, and which value goes in each gap."""
    parts: list[bytes] = []
    order: list[int] = []
    rest = text
    while True:
        hits = [(i, k) for k, mark in enumerate(_MARKS) if (i := rest.find(mark)) >= 0]
        if not hits:
            parts.append(rest.encode())
            return tuple(parts), tuple(order)
        index, which = min(hits)
        parts.append(rest[:index].encode())
        order.append(which)
        rest = rest[index + len(_MARKS[which]) :]


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
    fmt: str = "push"

    def render(
        self, token: str, message_id: str, context: dict[str, Any], now_unix: int | None = None
    ) -> bytes:
        """The body for one recipient; raises ``PayloadError`` when a template fails for them."""
        kwargs: dict[str, Any] = {
            "token": token,
            "message_id": message_id,
            "render_context": context,
            "now_unix": now_unix,
        }
        if self.analytics_label:
            kwargs["analytics_label"] = self.analytics_label
        try:
            message = build_message(self.content, self.fmt, **kwargs)
        except (ValueError, KeyError, TypeError) as exc:
            raise PayloadError(f"The message cannot be built for this recipient: {exc}") from exc
        body: dict[str, Any] = {"message": _ensure_ids(message, message_id)}
        if self.validate_only:
            body["validate_only"] = True
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def compile_variant(
    content: dict[str, Any],
    *,
    analytics_label: str | None,
    validate_only: bool,
    fmt: str = "push",
) -> BodyTemplate | PersonalisedBody:
    """The fast shared template, or the per-recipient path when the texts use Liquid."""
    if not is_personalised(content):
        return compile_body(
            content, analytics_label=analytics_label, validate_only=validate_only, fmt=fmt
        )
    return PersonalisedBody(content, analytics_label, validate_only, fmt)


@dataclass(frozen=True)
class VariantSource:
    """What one variant's bodies are compiled from, as stored now."""

    format: str
    content: dict[str, Any]
    analytics_label: str | None
    validate_only: bool

    @property
    def version(self) -> str:
        return content_version(self.content, self.analytics_label, self.validate_only)

    def compile(self) -> BodyTemplate | PersonalisedBody:
        """The body, after the composer's own check (``PayloadError`` names the first issue)."""
        issues = variant_issues(self.format, self.content, analytics_label=self.analytics_label)
        if issues:
            field, message = issues[0]
            raise PayloadError(f"{field}: {message} ({len(issues)} problem(s) in all)")
        return compile_variant(
            self.content,
            analytics_label=self.analytics_label,
            validate_only=self.validate_only,
            fmt=self.format,
        )


def load_sources(
    conn: Connection, variants: Iterable[tuple[int, str | None]], *, validate_only: bool = False
) -> dict[tuple[int, str | None], VariantSource]:
    """The current content of each (campaign, variant key), in one query.

    ``validate_only`` forces FCM's dry run for every campaign (the service's option); a
    campaign's own ``schedule.validate_only`` asks it for that campaign.
    """
    wanted = set(variants)
    campaign_ids = sorted({cid for cid, _ in wanted})
    rows = conn.execute(
        select(
            Campaign.id,
            Campaign.format,
            Campaign.analytics_label,
            Campaign.schedule,
            CampaignVariant.key,
            CampaignVariant.content,
        )
        .join(CampaignVariant, CampaignVariant.campaign_id == Campaign.id)
        .where(Campaign.id.in_(campaign_ids))
    )
    found: dict[tuple[int, str | None], VariantSource] = {}
    for cid, fmt, label, schedule, key, content in rows:
        if (cid, key) in wanted:
            dry = validate_only or bool((schedule or {}).get("validate_only"))
            found[(cid, key)] = VariantSource(str(fmt), dict(content or {}), label, dry)
    return found
