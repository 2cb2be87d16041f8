"""SMS encoding and segment counting (GSM 03.38 vs UCS-2), as operators bill it.

A message that fits the GSM-7 alphabet costs 160 septets in one segment, 153 per segment when
concatenated (the UDH takes 7); extension-table characters (€ [ ] { } ~ ^ | \\ and form feed)
take two septets. One character outside GSM-7 switches the whole message to UCS-2: 70 UTF-16
units alone, 67 per segment. ``ucs2_culprits`` names those characters so the editor can mark them.
"""

from __future__ import annotations

from dataclasses import dataclass

from engage_desktop.core.messages import CodedText

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = frozenset("\f^{}\\[~]|€")


@dataclass(frozen=True, slots=True)
class SmsCount:
    """Encoding, units used, segments, what is left in the last segment, and UCS-2 culprits."""

    encoding: str  # "GSM-7" or "UCS-2"
    units: int
    segments: int
    per_segment: int
    remaining: int
    ucs2_culprits: tuple[tuple[int, str], ...]  # (index, character)


def ucs2_culprits(text: str) -> tuple[tuple[int, str], ...]:
    return tuple(
        (i, ch) for i, ch in enumerate(text) if ch not in GSM7_BASIC and ch not in GSM7_EXTENDED
    )


def count_sms(text: str) -> SmsCount:
    culprits = ucs2_culprits(text)
    if culprits:
        units = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    else:
        units = sum(2 if ch in GSM7_EXTENDED else 1 for ch in text)
        single, multi, encoding = 160, 153, "GSM-7"
    if units <= single:
        segments, per = (1 if units else 0), single
    else:
        segments, per = -(-units // multi), multi
    remaining = (per * max(segments, 1)) - units
    return SmsCount(encoding, units, segments, per, remaining, culprits)


def validate_sms(text: str, max_segments: int) -> list[tuple[str, str]]:
    """Issues as (field, message): empty text, or more segments than the campaign allows."""
    if not text.strip():
        return [("body", CodedText("The SMS is empty.", "sms_empty"))]
    count = count_sms(text)
    if count.segments > max_segments:
        needs, cap = str(count.segments), str(max_segments)
        text = f"The SMS needs {needs} segments; the cap is {cap}."
        if not count.ucs2_culprits:
            return [("body", CodedText(text, "sms_segments", needs, cap))]
        shown = "".join(sorted({ch for _, ch in count.ucs2_culprits}))[:10]
        text += f" Characters {shown!r} force UCS-2 (70 per SMS instead of 160)."
        return [("body", CodedText(text, "sms_segments_ucs2", needs, cap, shown))]
    return []
