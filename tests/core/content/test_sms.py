"""SMS segment counting: GSM-7 160/153, UCS-2 70/67, extension characters count twice."""

from __future__ import annotations

from engage_desktop.core.content.sms import count_sms, validate_sms


def test_gsm7_boundaries() -> None:
    assert count_sms("a" * 160).segments == 1
    assert count_sms("a" * 161).segments == 2
    assert count_sms("a" * 306).segments == 2
    assert count_sms("a" * 307).segments == 3
    assert count_sms("").segments == 0


def test_extension_chars_take_two_septets() -> None:
    count = count_sms("€" * 80)
    assert count.encoding == "GSM-7" and count.units == 160 and count.segments == 1
    assert count_sms("€" * 81).segments == 2


def test_ucs2_boundaries_and_culprits() -> None:
    text = "Soldes ! " + "x" * 60 + "✨"
    count = count_sms(text)
    assert count.encoding == "UCS-2" and count.segments == 1 and count.units == 70
    assert count.ucs2_culprits == ((69, "✨"),)
    assert count_sms("é" * 10 + "ç").encoding == "UCS-2"  # ç (lower case) is not GSM-7
    assert count_sms("x" * 70 + "🎉").units == 72  # surrogate pair: two UTF-16 units
    assert count_sms("x" * 134 + "ê").segments == 3


def test_cap_error_names_the_culprits() -> None:
    issues = validate_sms("Très bien ✨ " + "a" * 80, max_segments=1)
    assert issues and "✨" in issues[0][1] and "UCS-2" in issues[0][1]
    assert validate_sms("ok", 1) == []
    assert validate_sms("  ", 1)[0][1] == "The SMS is empty."
