"""Typed conversion of one cell: dates, decimals, phone numbers, emails, consent flags.

Each converter returns the typed value or raises ``ValueError`` with a reason a marketer
understands ("31/02/1990 is not a real date"). They are called a million times in a big import,
so the common cases take a fast path and anything unusual goes to the full parser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

import phonenumbers
from phonenumbers import CountryCodeSource, PhoneNumber

from engage_desktop.core.imports.errors import CellError
from engage_desktop.core.imports.tabular import Cell
from engage_desktop.core.imports.tabular import cell_text as text

_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
_SPACES = str.maketrans("", "", " \u00a0\u202f\t")
_PHONE_JUNK = str.maketrans("", "", " \u00a0\u202f.-()/")
# ASCII digits only: phonenumbers turns other scripts' digits into ASCII ones (the slow path).
_FR_NATIONAL = re.compile(r"0[1-9]\d{8}", re.ASCII)
_FR_INTERNATIONAL = re.compile(r"(?:\+|00)33([1-9]\d{8})", re.ASCII)
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def parse_date(cell: Cell, today: date) -> date:
    """dd/mm/yyyy (also with - or .), dd/mm/yy, ISO yyyy-mm-dd, or a spreadsheet date cell."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    value = text(cell)
    if len(value) == 10 and value[2] == "/" and value[5] == "/" and value.isascii():
        try:  # the common dd/mm/yyyy, without the regular expression
            return date(int(value[6:]), int(value[3:5]), int(value[:2]))
        except ValueError:
            pass  # not digits, or not a real date: the full path below says which
    if m := _DMY.fullmatch(value):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if len(m[3]) == 2:  # two-digit years: not in the future
            year += 2000 if 2000 + year <= today.year else 1900
    elif m := _ISO.fullmatch(value):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        raise CellError(
            "not_a_date", f"'{value}' is not a date (expected dd/mm/yyyy or yyyy-mm-dd)", value
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError("impossible_date", f"'{value}' is not a real date", value) from None


def parse_birth_date(cell: Cell, today: date) -> date:
    born = parse_date(cell, today)
    if born > today:
        raise CellError(
            "birth_in_future", f"birth date {born:%d/%m/%Y} is in the future", f"{born:%d/%m/%Y}"
        )
    if born.year < 1900:
        raise CellError(
            "birth_before_1900", f"birth date {born:%d/%m/%Y} is before 1900", f"{born:%d/%m/%Y}"
        )
    return born


def parse_decimal(cell: Cell) -> float:
    """'1 234,56' and '1.234,56' and '1234.56' → 1234.56 (French decimal commas welcome)."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return float(cell)
    value = text(cell).translate(_SPACES)
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    try:
        return float(value)
    except ValueError:
        raise CellError("not_a_number", f"'{text(cell)}' is not a number", text(cell)) from None


def parse_coordinate(cell: Cell, limit: float) -> float:
    number = parse_decimal(cell)
    if not -limit <= number <= limit:
        raise CellError(
            "out_of_range",
            f"{text(cell)} is outside -{limit:g}…{limit:g}",
            text(cell),
            f"{limit:g}",
        )
    return number


def parse_email(cell: Cell) -> str:
    value = cell.strip() if cell.__class__ is str else text(cell)
    if len(value) > 320 or not _EMAIL.fullmatch(value):
        raise CellError("invalid_email", f"'{value}' is not a valid email address", value)
    return value.lower()


def email_column(cells: Sequence[Cell]) -> list[str | None]:
    """``parse_email`` for a whole column of text; None where a cell needs ``parse_email``."""
    try:
        stripped = [cell.strip() for cell in cells]  # type: ignore[union-attr]
    except AttributeError:  # a spreadsheet cell that is not text: one by one
        return [None] * len(cells)
    valid = _EMAIL.fullmatch
    return [text.lower() if len(text) <= 320 and valid(text) else None for text in stripped]


FRENCH_NUMBERING_REGIONS = ("RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF")
"""Overseas departments and territories that share France's national numbering plan: dialled
from mainland France, 0692 12 34 56 reaches Réunion, whose E.164 form is +262 692 12 34 56."""


class PhoneParser:
    """Phone numbers to E.164 with phonenumbers, default region FR.

    Fast path for French numbers written 06 12 34 56 78 / 06.12.34.56.78 / +33 6 12 34 56 78:
    phonenumbers' patterns for France and its overseas regions decide validity and country from
    the first five digits of the nine-digit national number, so the verdict is computed once per
    five-digit prefix — by ``parse_phone_slow`` itself — and reused. Everything else goes to
    ``parse_phone_slow`` directly. Tests check both always agree.
    """

    def __init__(self, region: str = "FR") -> None:
        self.region = region
        self._prefix: dict[str, str | None] = {}  # "n69212" → "+262", or None when invalid
        self._slow_verdicts: dict[str, str | tuple[str, ...]] = {}

    def parse(self, cell: Cell) -> str:
        value = text(cell)
        if self.region == "FR":
            compact = value.translate(_PHONE_JUNK)
            if _FR_NATIONAL.fullmatch(compact):
                national, form = compact[1:], "n"
            elif m := _FR_INTERNATIONAL.fullmatch(compact):
                national, form = m[1], "i"
            else:
                return self._slow(value)
            key = form + national[:5]
            country = self._prefix.get(key, "")
            if country == "":
                country = self._learn(national)[form]
            if country is None:
                raise CellError("invalid_phone", f"'{value}' is not a valid phone number", value)
            return country + national
        return self._slow(value)

    def _learn(self, national: str) -> dict[str, str | None]:
        """The verdicts for both ways of writing this prefix: +33 only when France takes it."""
        written_nationally = _country_prefix(national, "n")
        verdicts = {"n": written_nationally, "i": "+33" if written_nationally == "+33" else None}
        for form, verdict in verdicts.items():
            self._prefix[form + national[:5]] = verdict
        return verdicts

    def _slow(self, value: str) -> str:
        """``parse_phone_slow``, remembered per text: the same wrong number recurs in a file."""
        known = self._slow_verdicts.get(value)
        if known is None:
            try:
                known = parse_phone_slow(value, self.region)
            except CellError as exc:
                known = (exc.code, str(exc), *exc.args_text)
            if len(self._slow_verdicts) > 50_000:
                self._slow_verdicts.clear()
            self._slow_verdicts[value] = known
        if isinstance(known, tuple):
            code, message, *args = known
            raise CellError(code, message, *args)
        return known

    def parse_column(self, cells: Sequence[Cell]) -> list[str | None]:
        """``parse`` for a whole column, for the French numbers it knows; None elsewhere.

        A cell left None is empty, not written the usual French way, or its prefix is not
        known yet: the caller gives those to ``parse``, which decides (and learns the prefix).
        The same tests as ``parse``'s regular expressions, inline, since this runs a million
        times: ``0`` + ``[1-9]`` + 8 ASCII digits, or ``+33``/``0033`` + ``[1-9]`` + 8 digits.
        """
        if self.region != "FR":
            return [None] * len(cells)
        try:
            compact = [cell.translate(_PHONE_JUNK) for cell in cells]  # type: ignore[union-attr]
        except AttributeError:  # a spreadsheet cell that is not text: one by one
            return [None] * len(cells)
        known = self._prefix
        out: list[str | None] = []
        append = out.append
        for number in compact:
            size = len(number)
            if size == 10 and number[0] == "0":
                national, form = number[1:], "n"
            elif size == 12 and number[:3] == "+33":
                national, form = number[3:], "i"
            elif size == 13 and number[:4] == "0033":
                national, form = number[4:], "i"
            else:
                append(None)
                continue
            if not ("1" <= national[0] <= "9" and national.isdecimal() and national.isascii()):
                append(None)
                continue
            country = known.get(form + national[:5])
            append(None if country is None else country + national)
        return out


_FRENCH_PLAN_CODES = (262, 590, 596, 594, 508)  # the country codes of FRENCH_NUMBERING_REGIONS


def _country_prefix(national: str, form: str) -> str | None:
    """'+33', '+262', … for a nine-digit French-plan number, or None when phonenumbers rejects it.

    Same verdict as ``parse_phone_slow`` (tests check it), without re-parsing the text: a
    national number is tried in France, then in the overseas regions; an international +33 one
    only in France.
    """
    number = int(national)
    codes = (33, *_FRENCH_PLAN_CODES) if form == "n" else (33,)
    for code in codes:
        if phonenumbers.is_valid_number(PhoneNumber(country_code=code, national_number=number)):
            return f"+{code}"
    return None


def parse_phone_slow(value: str, region: str = "FR") -> str:
    """The reference: phonenumbers alone (the fast path must always agree with it).

    A French national number that France rejects is tried in the overseas regions that share
    its numbering plan.
    """
    try:
        number = phonenumbers.parse(value, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        raise CellError("invalid_phone", f"'{value}' is not a phone number", value) from None
    if not phonenumbers.is_valid_number(number):
        national = number.country_code_source == CountryCodeSource.FROM_DEFAULT_COUNTRY
        for other in FRENCH_NUMBERING_REGIONS if region == "FR" and national else ():
            candidate = phonenumbers.parse(value, other)
            if phonenumbers.is_valid_number(candidate):
                number = candidate
                break
        else:
            raise CellError("invalid_phone", f"'{value}' is not a valid phone number", value)
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


_YES = {"oui", "o", "yes", "y", "1", "true", "vrai", "x", "opt in", "optin", "granted", "ok"}
_NO = {"non", "n", "no", "0", "false", "faux", "opt out", "optout", "denied", "refus"}


CONSENT_QUICK = {v: True for v in ("oui", "Oui", "OUI", "1", "x", "X", "yes", "Yes")} | {
    v: False for v in ("non", "Non", "NON", "0", "no", "No")
}


def parse_consent(cell: Cell) -> bool | None:
    """Oui/Non, Yes/No, 1/0, X, true/false, opt-in/opt-out → granted, denied; empty → unknown."""
    if isinstance(cell, bool):
        return cell
    quick = CONSENT_QUICK.get(cell) if isinstance(cell, str) else None
    if quick is not None:
        return quick
    value = _fold_short(text(cell))
    if value == "":
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise CellError(
        "not_consent",
        f"'{text(cell)}' is not a consent value (oui/non, yes/no, 1/0)",
        text(cell),
    )


@cache
def _fold_short(value: str) -> str:
    from engage_desktop.core.imports.mapping import fold

    return fold(value)


def parse_postal_code(cell: Cell) -> str:
    value = text(cell).replace(" ", "")
    if isinstance(cell, (int, float)) and len(value) == 4:
        value = "0" + value  # a French code stored as a number lost its leading zero (01000)
    if len(value) > 16:
        raise CellError("postal_too_long", f"'{value}' is too long for a postal code", value)
    return value


_LOCALE = re.compile(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?")


def parse_locale(cell: Cell) -> str:
    value = text(cell)
    m = _LOCALE.fullmatch(value)
    if not m:
        raise CellError("not_locale", f"'{value}' is not a language code (e.g. fr or fr-FR)", value)
    return m[1].lower() + (f"-{m[2].upper()}" if m[2] else "")


@cache
def _time_zones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


def parse_time_zone(cell: Cell) -> str:
    value = text(cell)
    if value not in _time_zones():
        raise CellError(
            "not_time_zone", f"'{value}' is not a time zone name (e.g. Europe/Paris)", value
        )
    return value


def attribute_value(cell: Cell, today: date) -> Any:
    """A free attribute: numbers (decimal commas too) become numbers, dates ISO text (a two-digit
    year is not in the future of ``today``, the import's clock, as for birth dates)."""
    if isinstance(cell, (bool, int, float)):
        return cell
    if isinstance(cell, (date, datetime)):
        return text(cell)
    value = text(cell)
    if _NUMBER.fullmatch(value) and not (
        len(value) > 1 and value[0] == "0" and value[1] != "." and value[1] != ","
    ):
        number = float(value.replace(",", "."))
        return int(number) if "," not in value and "." not in value else number
    if _DMY.fullmatch(value):
        try:
            return parse_date(value, today).isoformat()
        except ValueError:
            return value
    return value
