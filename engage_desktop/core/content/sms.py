"""SMS encoding and segment counting (3GPP TS 23.038 GSM 7-bit default alphabet vs UCS-2).

One character outside the GSM-7 alphabet (an emoji, "ç" is fine but "ê" is not) switches the
whole message to UCS-2 and cuts a segment from 160 to 70 characters; the composer shows which
characters did it so the marketer can replace them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")  # each costs an escape plus the character: 2 septets

Encoding = Literal["GSM-7", "UCS-2"]


@dataclass(frozen=True)
class SmsInfo:
    """How a text travels: encoding, length in that encoding's units, segments, culprits."""

    encoding: Encoding
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int
    per_segment: int  # capacity of one segment at this length (single or concatenated)
    ucs2_characters: tuple[str, ...]  # the characters that forced UCS-2, in order of appearance


def sms_info(text: str) -> SmsInfo:
    """Encoding and segment count of ``text`` as a phone network counts them."""
    culprits = tuple(dict.fromkeys(c for c in text if c not in GSM7_BASIC | GSM7_EXTENSION))
    if not culprits:
        units = sum(2 if c in GSM7_EXTENSION else 1 for c in text)
        return SmsInfo("GSM-7", units, *_segments(units, 160, 153), ())
    units = len(text.encode("utf-16-le")) // 2  # astral characters (most emoji) take 2 units
    return SmsInfo("UCS-2", units, *_segments(units, 70, 67), culprits)


def _segments(units: int, single: int, multi: int) -> tuple[int, int]:
    if units <= single:
        return (1 if units else 0), single
    return -(-units // multi), multi
