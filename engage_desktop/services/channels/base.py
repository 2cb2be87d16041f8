"""The channel seam: one sender per channel behind one small typed protocol.

A sender takes a batch of messages already rendered for their recipients and answers, per
message, one of four kinds, the same the FCM answers are sorted into (``services.faults``):
delivered; retry later (with the provider's delay when it gives one); this recipient refused for
good (the row fails; ``refusal`` asks for their consent to be withdrawn: a STOP reply, a hard
bounce); or the provider refuses the account (the app's campaigns pause with the reason).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar


class Kind(enum.Enum):
    DELIVERED = "delivered"
    RETRY = "retry"
    RECIPIENT = "recipient"  # this recipient, for good: the row fails
    PROVIDER = "provider"  # the account or the set-up: pause the app's campaigns


@dataclass(frozen=True)
class ChannelResult:
    """The provider's answer about one message."""

    kind: Kind
    provider_id: str | None = None  # Twilio's message SID, the SMTP queue id
    code: str | None = None  # the provider's error code (TWILIO_21211, SMTP_550…)
    message: str | None = None  # its words, never a secret
    retry_after: float | None = None  # seconds, when the provider said
    status: int | None = None  # HTTP status or SMTP reply code
    refusal: str | None = None  # withdraw the recipient's consent, with this cause


@dataclass(frozen=True)
class SmsMessage:
    outbox_id: int
    to: str  # E.164
    body: str


@dataclass(frozen=True)
class EmailMessage:
    outbox_id: int
    to: str
    subject: str
    html: str
    text: str
    headers: Mapping[str, str] = field(default_factory=dict)
    sender: str = ""  # the campaign's From; empty: the account's
    reply_to: str = ""  # the campaign's Reply-To; empty: the account's (if any)


M_contra = TypeVar("M_contra", contravariant=True)


class ChannelSender(Protocol[M_contra]):
    """Sends rendered messages of one channel for one app."""

    async def send(self, batch: Sequence[M_contra]) -> list[ChannelResult]:
        """One result per message, in order; never raises for a provider's answer."""
        ...

    async def close(self) -> None: ...
