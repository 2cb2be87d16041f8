"""SMS encoding: GSM-7 with its extension table, UCS-2 and the segment sizes."""

from __future__ import annotations

from engage_desktop.core.content.sms import sms_info


def test_gsm7_single_and_concatenated() -> None:
    assert (sms_info("a" * 160).segments, sms_info("a" * 160).encoding) == (1, "GSM-7")
    assert sms_info("a" * 161).segments == 2
    assert sms_info("a" * 306).segments == 2
    assert sms_info("a" * 307).segments == 3
    assert sms_info("").segments == 0


def test_extension_characters_count_two() -> None:
    info = sms_info("€" * 80)
    assert (info.units, info.segments) == (160, 1)
    assert sms_info("[" * 81).segments == 2


def test_ucs2_forced_by_culprits() -> None:
    info = sms_info("Fête à Noël 🎄")
    assert info.encoding == "UCS-2"
    assert info.ucs2_characters == ("ê", "ë", "🎄")
    assert info.units == 14  # the emoji is a surrogate pair
    assert sms_info("ê" * 70).segments == 1
    assert sms_info("ê" * 71).segments == 2
    assert sms_info("ê" * 134).segments == 2
    assert sms_info("ê" * 135).segments == 3


def test_gsm_accents_stay_gsm() -> None:
    assert sms_info("Été à Noël").encoding == "UCS-2"  # "Ë" is not GSM-7
    assert sms_info("Café à Orléans Ç").encoding == "GSM-7"
