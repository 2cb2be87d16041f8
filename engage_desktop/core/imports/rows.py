"""Turn one file row into a typed contact (profile values, consents, attributes) or errors.

The mapping is compiled once into a list of (column, converter) steps so the per-row work is a
tight loop: this runs a million times in a large import.

A bad cell costs the contact only when it breaks the contact's identity. The external id is the
identity, so a bad one rejects the row; every other cell (phone, birth date, postal code, email
beside an external id, consent, …) is *left out*: the contact is imported without it and the
report lists the cell as a warning (``RowError.left_out``). A row with no usable identity — no
external id and no valid email — or a broken shape (too many fields) is rejected whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from itertools import compress, repeat
from typing import Any

from engage_desktop.core.imports import convert
from engage_desktop.core.imports.errors import CellError, ImportFailed, RowError
from engage_desktop.core.imports.jsontext import json_text
from engage_desktop.core.imports.mapping import CONSENT_FIELDS, Field, Mapping
from engage_desktop.core.imports.tabular import Cell, cell_text

TEXT_LIMITS = {
    "external_id": (200, "the external id"),
    "first_name": (120, "the first name"),
    "last_name": (120, "the last name"),
    "city": (120, "the city"),
}
MEMO_LIMIT = 200_000
"""Distinct cells remembered per column; past that the memo starts again (memory stays flat)."""
REPEATING = {"birth_date", "postal_code", "locale", "time_zone", "latitude", "longitude"}
"""Profile columns whose values repeat across a big file, worth remembering per cell."""


@dataclass(slots=True)
class Contact:
    """A converted row. ``key`` is what the upsert matches on: the external id, else the email."""

    line: int
    external_id: str | None
    email: str | None
    values: dict[str, Any] = field(default_factory=dict)
    consents: dict[str, bool] = field(default_factory=dict)
    attributes: dict[str, Any] = field(default_factory=dict)
    left_out: list[RowError] = field(default_factory=list)
    """Cells that could not be converted and were left out of the contact (warnings)."""

    @property
    def key(self) -> str:
        return self.external_id if self.external_id is not None else "\x00@" + (self.email or "")


@dataclass(slots=True)
class ContactChunk:
    """Converted rows of one chunk, column by column: the shape a bulk insert wants.

    Row ``j`` of every column list is the file row ``lines[j]``; a column holds None where the
    cell was empty. Rows that failed are not in the columns: their errors are in ``failed``.
    """

    lines: list[int]
    values: dict[str, list[Any]]
    consents: dict[str, list[bool | None]]
    attributes: dict[str, list[Any]]
    failed: list[list[RowError]]
    size: int = 0
    """Rows of the file this chunk came from, converted or failed."""
    stored: dict[str, list[Any]] = field(default_factory=dict)
    """Columns in the database's text form (``birth_date`` ISO, ``attributes`` JSON), made
    where the chunk is converted (the reading process, for a big file). They replace the typed
    columns, which would only cost time to send between processes; ``contact`` reads them back."""
    left_out: dict[int, list[RowError]] = field(default_factory=dict)
    """Per file line, the cells left out of a converted row (warnings, not rejections)."""

    def __len__(self) -> int:
        return len(self.lines)

    def keys(self) -> list[str]:
        """Each row's ``Contact.key``: its external id, else its email (marked as such)."""
        external = self.values.get("external_id") or repeat(None)
        email = self.values.get("email") or repeat(None)
        return [
            e if e is not None else "\x00@" + (m or "")
            for e, m, _ in zip(external, email, self.lines, strict=False)
        ]

    def contact(self, j: int) -> Contact:
        """Row ``j`` as a ``Contact`` (the rare paths that update known profiles use these)."""
        values = {n: c[j] for n, c in self.values.items() if c[j] is not None}
        external_id = values.pop("external_id", None)
        birth = self.stored.get("birth_date")
        if birth is not None and birth[j] is not None:
            values["birth_date"] = date.fromisoformat(birth[j])
        attributes = self.stored.get("attributes")
        return Contact(
            self.lines[j],
            external_id,
            values.get("email"),
            values,
            {n: bool(c[j]) for n, c in self.consents.items() if c[j] is not None},
            json.loads(attributes[j]) if attributes is not None else {},
            self.left_out.get(self.lines[j], []),
        )

    def keep(self, mask: list[bool]) -> None:
        """Keep only the rows whose ``mask`` entry is true (in place, column by column).

        The left-out cells of a row that goes are forgotten: the row is reported as rejected.
        """
        if self.left_out:
            for line in compress(self.lines, (not kept for kept in mask)):
                self.left_out.pop(line, None)
        self.lines = list(compress(self.lines, mask))
        for group in (self.values, self.consents, self.attributes, self.stored):
            for name, column in group.items():
                group[name] = list(compress(column, mask))

    def drop(self, failed: dict[int, list[RowError]]) -> None:
        """Move the rows at these places to ``failed`` (in file order) and out of the columns."""
        self.failed.extend(failed[j] for j in sorted(failed))
        self.failed.sort(key=lambda errors: errors[0].line)
        self.keep([j not in failed for j in range(len(self.lines))])

    def as_rows(self) -> list[Contact | list[RowError]]:
        """Every row in file order, as ``RowConverter.convert`` gives them (for tests)."""
        rows: list[tuple[int, Contact | list[RowError]]] = [
            (self.lines[j], self.contact(j)) for j in range(len(self))
        ]
        rows += [(errors[0].line, errors) for errors in self.failed]
        rows.sort(key=lambda pair: pair[0])
        return [row for _line, row in rows]


@dataclass(slots=True)
class _Step:
    """One mapped column: where it goes (kind 0 profile, 1 consent, 2 attribute) and how."""

    index: int
    kind: int
    name: str
    convert: Callable[[Cell], Any]
    memo: dict[Cell, Any] | None
    column: Callable[[Sequence[Cell]], list[Any]] | None = None
    """A whole-column first pass; cells it leaves None go through ``convert`` one by one."""


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
                "to recognise contacts already known.",
                "no_key",
            )
        self.headers = list(headers)
        self.width = len(headers)
        self.strict_width = strict_width
        phones = convert.PhoneParser(region)
        converters: dict[Field, Callable[[Cell], Any]] = {
            **{
                Field(name): partial(_limited, limit, what)
                for name, (limit, what) in TEXT_LIMITS.items()
            },
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
                attribute = partial(convert.attribute_value, today=today)
                self.steps.append((index, 2, target.key or "attribute", attribute))
            elif target.field in CONSENT_FIELDS:
                self.steps.append((index, 1, CONSENT_FIELDS[target.field], convert.parse_consent))
            else:
                self.steps.append((index, 0, target.field.value, converters[target.field]))
        self._compiled = [self._compile(*step) for step in self.steps]
        self._iso_memo: dict[date, str] = {}
        self._json_memo: dict[tuple[type, Any], str] = {}
        for step in self._compiled:
            if step.kind == 0 and step.name == "phone":
                step.column = phones.parse_column
            elif step.kind == 0 and step.name == "email":
                step.column = convert.email_column

    @staticmethod
    def _compile(index: int, kind: int, name: str, conv: Callable[[Cell], Any]) -> _Step:
        memo: dict[Cell, Any] | None = None
        if kind == 1:
            memo = {text: known for text, known in convert.CONSENT_QUICK.items()}
        elif kind == 2 or name in REPEATING:
            memo = {}
        return _Step(index, kind, name, conv, memo)

    def convert(self, line: int, cells: list[Cell]) -> Contact | list[RowError]:
        if len(cells) != self.width:
            problem = self._width_problem(line, cells)
            if problem is not None:
                return [problem]
            cells = cells + [None] * (self.width - len(cells))
        values: dict[str, Any] = {}
        consents: dict[str, bool] = {}
        attributes: dict[str, Any] = {}
        errors: list[RowError] = []
        left_out: list[RowError] = []
        for index, kind, name, conv in self.steps:
            cell = cells[index]
            if cell is None or (cell.__class__ is str and (not cell or cell.isspace())):
                continue
            try:
                value = conv(cell)
            except ValueError as exc:
                identity = kind == 0 and name == "external_id"
                (errors if identity else left_out).append(
                    self._cell_error(line, index, cell, exc, left_out=not identity)
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
            return _rejected_without_key(line, left_out)
        return Contact(line, external_id, email, values, consents, attributes, left_out)

    def _cell_error(
        self, line: int, index: int, cell: Cell, exc: ValueError, *, left_out: bool
    ) -> RowError:
        """The report entry for a cell that did not convert (a rejection or a left-out value)."""
        return RowError(
            line,
            self.headers[index],
            cell_text(cell),
            str(exc),
            getattr(exc, "code", ""),
            getattr(exc, "args_text", ()),
            left_out,
        )

    def convert_chunk(self, rows: list[tuple[int, list[Cell]]]) -> ContactChunk:
        """``convert`` for many rows at once, column by column (same results, tests check).

        The chunk is transposed once and each column converted on its own, into the column lists
        a bulk insert wants: no dictionary or object per row. Columns whose values repeat
        (dates, postal codes, consents, attributes) remember each distinct cell's result, so a
        million rows convert about as many distinct values as the file really has.
        """
        failed: dict[int, list[RowError]] = {}  # row place in ``table`` → its errors
        left_out: dict[int, list[RowError]] = {}  # row place → cells left out of it
        lines: list[int] = []
        table: list[list[Cell]] = []
        width_failures: list[list[RowError]] = []
        for line, cells in rows:
            if len(cells) != self.width:
                problem = self._width_problem(line, cells)
                if problem is not None:
                    width_failures.append([problem])
                    continue
                cells = (cells + [None] * (self.width - len(cells)))[: self.width]
            lines.append(line)
            table.append(cells)
        columns = list(zip(*table, strict=True)) if table else [()] * self.width
        chunk = ContactChunk(lines, {}, {}, {}, width_failures, len(rows))
        for step in self._compiled:
            identity = step.kind == 0 and step.name == "external_id"
            converted = self._column(
                step, columns[step.index], lines, failed if identity else left_out
            )
            target = (chunk.values, chunk.consents, chunk.attributes)[step.kind]
            earlier = target.get(step.name)
            if earlier is not None:  # two columns for one field: the later non-empty cell wins
                converted = [e if v is None else v for e, v in zip(earlier, converted, strict=True)]
            target[step.name] = converted
        self._check_keys(chunk, failed, left_out)
        chunk.left_out = {
            lines[j]: [replace(e, left_out=True) for e in cells]
            for j, cells in left_out.items()
            if j not in failed
        }
        if failed:
            chunk.drop({j: errors for j, errors in failed.items()})
        self._store_forms(chunk)
        return chunk

    def _store_forms(self, chunk: ContactChunk) -> None:
        """Birth dates as ISO text, attributes as JSON text, in place of their typed columns."""
        births = chunk.values.pop("birth_date", None)
        if births is not None:
            iso = self._iso_memo
            chunk.stored["birth_date"] = [
                None if d is None else iso.get(d) or iso.setdefault(d, d.isoformat())
                for d in births
            ]
        if not chunk.attributes:
            chunk.stored["attributes"] = ["{}"] * len(chunk)
        elif len(chunk.attributes) == 1:
            [(name, values)] = chunk.attributes.items()
            chunk.stored["attributes"] = self._single_attribute_json(name, values)
        else:
            names = list(chunk.attributes)
            chunk.stored["attributes"] = [
                json_text({n: v for n, v in zip(names, row, strict=True) if v is not None})
                for row in zip(*chunk.attributes.values(), strict=True)
            ]
        chunk.attributes = {}
        if len(self._iso_memo) > MEMO_LIMIT:
            self._iso_memo.clear()

    def _single_attribute_json(self, name: str, values: list[Any]) -> list[str]:
        """One attribute column's JSON objects; each distinct value is encoded once."""
        memo = self._json_memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        head = "{" + json_text(name) + ":"
        out: list[str] = []
        for value in values:
            if value is None:
                out.append("{}")
                continue
            key = (value.__class__, value)  # 1, 1.0 and True are equal keys otherwise
            text = memo.get(key)
            if text is None:
                text = memo[key] = head + json_text(value) + "}"
            out.append(text)
        return out

    def _column(
        self,
        step: _Step,
        column: Sequence[Cell],
        lines: list[int],
        failed: dict[int, list[RowError]],
    ) -> list[Any]:
        """One column's typed values (None for empty cells); bad cells are added to ``failed``.

        ``failed`` is the rejections for the identity column and the left-out cells for the
        others: a bad cell's value stays None either way.
        """
        if step.name in TEXT_LIMITS and step.kind == 0:
            try:
                return self._text_column(step, column, lines, failed)
            except AttributeError:  # spreadsheet cells that are not all text: one by one
                pass
        memo = step.memo
        if step.column is not None:
            out: list[Any] = step.column(column)
        elif memo is not None:
            out = list(map(memo.get, column))
        else:
            out = [None] * len(column)
        conv = step.convert
        for j in [j for j, value in enumerate(out) if value is None]:
            cell = column[j]
            if cell is None or (isinstance(cell, str) and (not cell or cell.isspace())):
                continue
            try:
                value = conv(cell)
            except ValueError as exc:
                failed.setdefault(j, []).append(
                    RowError(
                        lines[j],
                        self.headers[step.index],
                        cell_text(cell),
                        str(exc),
                        getattr(exc, "code", ""),
                        getattr(exc, "args_text", ()),
                    )
                )
                continue
            out[j] = value
            if memo is not None and cell.__class__ is str and value is not None:
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                memo[cell] = value
        return out

    def _text_column(
        self,
        step: _Step,
        column: Sequence[Cell],
        lines: list[int],
        failed: dict[int, list[RowError]],
    ) -> list[str | None]:
        limit, what = TEXT_LIMITS[step.name]
        stripped = [c.strip() or None for c in column]  # type: ignore[union-attr]
        if max(map(len, filter(None, stripped)), default=0) > limit:
            for j, value in enumerate(stripped):
                if value is not None and len(value) > limit:
                    failed.setdefault(j, []).append(
                        RowError(
                            lines[j],
                            self.headers[step.index],
                            value,
                            f"{what} is longer than {limit} characters",
                            "too_long",
                            (str(limit),),
                        )
                    )
                    stripped[j] = None
        return stripped

    @staticmethod
    def _check_keys(
        chunk: ContactChunk,
        failed: dict[int, list[RowError]],
        left_out: dict[int, list[RowError]],
    ) -> None:
        """A row needs an external id or a valid email to be matched on (if its id converted)."""
        external = chunk.values.get("external_id") or repeat(None)
        email = chunk.values.get("email") or repeat(None)
        for j, (line, ext, mail) in enumerate(zip(chunk.lines, external, email, strict=False)):
            if ext is None and mail is None and j not in failed:
                failed[j] = _rejected_without_key(line, left_out.get(j, []))

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


def _rejected_without_key(line: int, left_out: list[RowError]) -> list[RowError]:
    """A row with no usable identity: its bad cells (now reasons to reject) and the missing key."""
    return [replace(e, left_out=False) for e in left_out] + [
        RowError(
            line, None, None, "no external id and no valid email: nothing to match on", "no_key"
        )
    ]
