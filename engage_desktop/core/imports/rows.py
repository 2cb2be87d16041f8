"""Turn one file row into a typed contact (profile values, consents, attributes) or errors.

The mapping is compiled once into a list of (column, converter) steps so the per-row work is a
tight loop: this runs a million times in a large import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from engage_desktop.core.imports import convert
from engage_desktop.core.imports.errors import CellError, ImportFailed, RowError
from engage_desktop.core.imports.mapping import CONSENT_FIELDS, Field, Mapping
from engage_desktop.core.imports.tabular import Cell, cell_text

MAX_LENGTHS = {
    Field.EXTERNAL_ID: 200,
    Field.FIRST_NAME: 120,
    Field.LAST_NAME: 120,
    Field.CITY: 120,
}


@dataclass(slots=True)
class Contact:
    """A converted row. ``key`` is what the upsert matches on: the external id, else the email."""

    line: int
    external_id: str | None
    email: str | None
    values: dict[str, Any] = field(default_factory=dict)
    consents: dict[str, bool] = field(default_factory=dict)
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.external_id if self.external_id is not None else "\x00@" + (self.email or "")


def _limited(limit: int, what: str, cell: Cell) -> str:
    value = cell.strip() if cell.__class__ is str else cell_text(cell)
    if len(value) > limit:
        raise CellError("too_long", f"{what} is longer than {limit} characters", str(limit))
    return value


class RowConverter:
    """Compiled mapping: ``convert(line, cells)`` → ``Contact`` or a list of ``RowError``."""

    def __init__(
        self,
        headers: Sequence[str],
        mapping: Mapping,
        today: date,
        *,
        strict_width: bool,
        region: str = "FR",
    ) -> None:
        if not (mapping.has(Field.EXTERNAL_ID) or mapping.has(Field.EMAIL)):
            raise ImportFailed(
                "No column is mapped to the external id or the email: an import needs one of them "
                "to recognise contacts already known."
            )
        self.headers = list(headers)
        self.width = len(headers)
        self.strict_width = strict_width
        phones = convert.PhoneParser(region)
        converters: dict[Field, Callable[[Cell], Any]] = {
            Field.EXTERNAL_ID: partial(_limited, 200, "the external id"),
            Field.FIRST_NAME: partial(_limited, 120, "the first name"),
            Field.LAST_NAME: partial(_limited, 120, "the last name"),
            Field.CITY: partial(_limited, 120, "the city"),
            Field.EMAIL: convert.parse_email,
            Field.PHONE: phones.parse,
            Field.POSTAL_CODE: convert.parse_postal_code,
            Field.BIRTH_DATE: partial(convert.parse_birth_date, today=today),
            Field.LOCALE: convert.parse_locale,
            Field.TIME_ZONE: convert.parse_time_zone,
            Field.LATITUDE: partial(convert.parse_coordinate, limit=90.0),
            Field.LONGITUDE: partial(convert.parse_coordinate, limit=180.0),
        }
        # (index, kind, name, converter): kind 0 profile column, 1 consent, 2 attribute
        self.steps: list[tuple[int, int, str, Callable[[Cell], Any]]] = []
        for index, target in enumerate(mapping.targets):
            if target.field is Field.IGNORE:
                continue
            if target.field is Field.ATTRIBUTE:
                self.steps.append((index, 2, target.key or "attribute", convert.attribute_value))
            elif target.field in CONSENT_FIELDS:
                self.steps.append((index, 1, CONSENT_FIELDS[target.field], convert.parse_consent))
            else:
                self.steps.append((index, 0, target.field.value, converters[target.field]))

    def convert(self, line: int, cells: list[Cell]) -> Contact | list[RowError]:
        if len(cells) != self.width:
            problem = self._width_problem(line, cells)
            if problem is not None:
                return [problem]
            cells = cells + [None] * (self.width - len(cells))
        values: dict[str, Any] = {}
        consents: dict[str, bool] = {}
        attributes: dict[str, Any] = {}
        errors: list[RowError] | None = None
        for index, kind, name, conv in self.steps:
            cell = cells[index]
            if cell is None or (cell.__class__ is str and (not cell or cell.isspace())):
                continue
            try:
                value = conv(cell)
            except ValueError as exc:
                if errors is None:
                    errors = []
                errors.append(
                    RowError(
                        line,
                        self.headers[index],
                        cell_text(cell),
                        str(exc),
                        getattr(exc, "code", ""),
                        getattr(exc, "args_text", ()),
                    )
                )
                continue
            if kind == 0:
                values[name] = value
            elif kind == 1:
                if value is not None:
                    consents[name] = value
            else:
                attributes[name] = value
        if errors:
            return errors
        external_id = values.pop("external_id", None) or None
        email = values.get("email")
        if external_id is None and email is None:
            return [
                RowError(
                    line, None, None, "no external id and no email: nothing to match on", "no_key"
                )
            ]
        return Contact(line, external_id, email, values, consents, attributes)

    def _width_problem(self, line: int, cells: list[Cell]) -> RowError | None:
        count = len(cells)
        if count > self.width:
            extra = [c for c in cells[self.width :] if cell_text(c)]
            if extra or self.strict_width:
                return RowError(
                    line,
                    None,
                    None,
                    f"the row has {count} fields but the header has {self.width} "
                    "(a stray delimiter or a missing quote?)",
                    "too_many_fields",
                    (str(count), str(self.width)),
                )
        elif self.strict_width:
            return RowError(
                line,
                None,
                None,
                f"the row has {count} fields but the header has {self.width}",
                "too_few_fields",
                (str(count), str(self.width)),
            )
        return None
