"""Typed conversion of cells; the phone fast path always agrees with phonenumbers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.core.imports.convert import (
    PhoneParser,
    attribute_value,
    email_column,
    parse_birth_date,
    parse_consent,
    parse_date,
    parse_decimal,
    parse_email,
    parse_phone_slow,
    parse_postal_code,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/05/1988", date(1988, 5, 12)),
        ("1/2/2001", date(2001, 2, 1)),
        ("12-05-1988", date(1988, 5, 12)),
        ("12.05.1988", date(1988, 5, 12)),
        ("1988-05-12", date(1988, 5, 12)),
        ("1988-05-12T00:00:00Z", date(1988, 5, 12)),
        ("12/05/88", date(1988, 5, 12)),
        ("12/05/09", date(2009, 5, 12)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/1990", "not a real date"),
        ("12/13/1990", "not a real date"),
        ("hier", "not a date"),
    ],
)
def test_bad_dates(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date(text, TODAY)


def test_birth_dates_in_the_future_or_before_1900() -> None:
    with pytest.raises(ValueError, match="in the future"):
        parse_birth_date("01/01/2030", TODAY)
    with pytest.raises(ValueError, match="before 1900"):
        parse_birth_date("01/01/1850", TODAY)


def test_decimal_commas() -> None:
    assert parse_decimal("45,90") == 45.9
    assert parse_decimal("1 234,56") == 1234.56
    assert parse_decimal("1.234,56") == 1234.56
    assert parse_decimal("12.5") == 12.5
    with pytest.raises(ValueError, match="not a number"):
        parse_decimal("douze")


def test_phone_formats_to_e164() -> None:
    phones = PhoneParser()
    assert phones.parse("06 12 34 56 78") == "+33612345678"
    assert phones.parse("06.12.34.56.78") == "+33612345678"
    assert phones.parse("+33 6 12 34 56 78") == "+33612345678"
    assert phones.parse("0033612345678") == "+33612345678"
    assert phones.parse("0692 12 34 56") == "+262692123456"  # Réunion, French numbering plan
    assert phones.parse("+44 20 7946 0958") == "+442079460958"
    for bad in ("06 12 34", "0700000000", "bonjour"):
        with pytest.raises(ValueError, match="phone number"):
            phones.parse(bad)


nine_digits = st.integers(min_value=100_000_000, max_value=999_999_999).map(str)
styles = st.sampled_from(["0{}", "+33{}", "0033{}", "+33 {}", "0{} "])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(nine_digits, styles), min_size=1, max_size=30))
def test_fast_path_agrees_with_phonenumbers(numbers: list[tuple[str, str]]) -> None:
    phones = PhoneParser()  # one parser: its prefix cache is shared across the numbers
    for national, style in numbers:
        text = style.format(national)
        try:
            fast: str | None = phones.parse(text)
        except ValueError:
            fast = None
        try:
            slow: str | None = parse_phone_slow(text)
        except ValueError:
            slow = None
        assert fast == slow, text


phone_texts = st.one_of(
    st.tuples(nine_digits, styles).map(lambda pair: pair[1].format(pair[0])),
    st.text(alphabet="0123456789+ .-()٣²", max_size=16),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(phone_texts, min_size=1, max_size=40))
def test_column_pass_agrees_with_the_cell_parser(texts: list[str]) -> None:
    """Whatever the column pass converts, ``parse`` converts the same; it never accepts more."""
    phones = PhoneParser()
    for round_ in range(2):  # the second round knows every prefix the first one met
        for text, fast in zip(texts, phones.parse_column(texts), strict=True):
            try:
                expected: str | None = phones.parse(text)
            except ValueError:
                expected = None
            if fast is not None or (round_ == 1 and expected is not None and _plain(text)):
                assert fast == expected, text


def _plain(text: str) -> bool:
    """Written one of the usual French ways (what the column pass handles itself)."""
    compact = "".join(c for c in text if c not in " .-()/")
    return any(
        compact.startswith(head)
        and len(compact) == size
        and compact[len(head)] in "123456789"
        and compact[len(head) :].isdecimal()
        and compact.isascii()
        for head, size in (("0", 10), ("+33", 12), ("0033", 13))
    )


def test_digits_of_other_scripts_become_ascii() -> None:
    assert PhoneParser().parse("06 ١٢ 34 56 78") == "+33612345678"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.emails().map(lambda e: f" {e.upper()} "),
            st.text(alphabet="abé@.- _+", max_size=20),
        ),
        max_size=30,
    )
)
def test_email_column_agrees_with_the_cell_parser(texts: list[str]) -> None:
    for text, fast in zip(texts, email_column(texts), strict=True):
        try:
            expected: str | None = parse_email(text)
        except ValueError:
            expected = None
        assert fast == expected or (fast is None and not text.strip()), text


def test_emails() -> None:
    assert parse_email(" Zoe.Petit@Gmail.com ") == "zoe.petit@gmail.com"
    for bad in ("zoe.petit@gmail", "zoe petit@gmail.com", "@gmail.com", "zoe@@gmail.com"):
        with pytest.raises(ValueError, match="not a valid email"):
            parse_email(bad)


def test_consent_values() -> None:
    assert parse_consent("Oui") is True
    assert parse_consent("X") is True
    assert parse_consent("opt-out") is False
    assert parse_consent("0") is False
    assert parse_consent(" ") is None
    with pytest.raises(ValueError, match="not a consent value"):
        parse_consent("peut-être")


def test_postal_codes_and_attributes() -> None:
    assert parse_postal_code(1000) == "01000"  # Excel ate the leading zero
    assert parse_postal_code("06000") == "06000"
    assert attribute_value("45,90", TODAY) == 45.9
    assert attribute_value("12", TODAY) == 12
    assert attribute_value("01000", TODAY) == "01000"
    assert attribute_value("12/05/1988", TODAY) == "1988-05-12"
    assert attribute_value("Or", TODAY) == "Or"
    # A two-digit year is not in the import's future (its clock, not the machine's date).
    assert attribute_value("05/06/29", date(2030, 6, 1)) == "2029-06-05"
    assert attribute_value("05/06/29", date(2026, 6, 1)) == "1929-06-05"
