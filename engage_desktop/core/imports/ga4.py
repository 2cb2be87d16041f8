"""Read Firebase Analytics / GA4 BigQuery export rows (NDJSON, plain or gzip), one at a time.

BigQuery's JSON export writes one event per line with the ``events_*`` table's schema:
``event_date`` "20261105", ``event_timestamp`` in microseconds (INT64, exported as a string),
``event_name``, ``event_params`` as a list of ``{key, value: {string_value, int_value,
double_value, float_value}}``, ``user_pseudo_id`` (the app instance id), ``user_id`` (set by the
app after login), ``user_properties`` (same shape, plus ``set_timestamp_micros``), ``device``,
``geo`` and ``app_info`` records.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from engage_desktop.core.imports.errors import ImportFailed, RowError
from engage_desktop.core.imports.limits import (
    EXPANSION_CHECKED_FROM,
    MAX_EXPANSION,
    MAX_LINE_BYTES,
    line_too_long,
)

VALUE_KEYS = ("string_value", "int_value", "double_value", "float_value")
PLATFORMS = {"android": "android", "ios": "ios", "ipados": "ios", "web": "web"}


@dataclass(slots=True)
class GaEvent:
    """One export row, flattened to what the workspace stores."""

    line: int
    name: str
    ts: int  # Unix seconds
    user_id: str | None
    pseudo_id: str | None
    params: dict[str, Any] = field(default_factory=dict)
    user_properties: dict[str, Any] = field(default_factory=dict)
    platform: str | None = None
    model: str | None = None
    os_version: str | None = None
    language: str | None = None
    app_version: str | None = None
    city: str | None = None


def flatten(entries: Any, where: str) -> dict[str, Any]:
    """``[{key, value: {string_value|int_value|double_value|float_value}}]`` → ``{key: value}``."""
    if entries is None:
        return {}
    if not isinstance(entries, list):
        raise ValueError(f"{where} must be a list of {{key, value}} records")
    flat: dict[str, Any] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            raise ValueError(f"{where} has an entry without a key")
        value = entry.get("value") or {}
        if not isinstance(value, dict):
            raise ValueError(f"{where} '{entry['key']}' has no value record")
        flat[entry["key"]] = _typed(value, f"{where} '{entry['key']}'")
    return flat


def _typed(value: dict[str, Any], where: str) -> Any:
    for key in VALUE_KEYS:
        found = value.get(key)
        if found is None:
            continue
        if key == "int_value":
            try:
                return int(found)
            except (TypeError, ValueError):
                raise ValueError(f"{where}: int_value {found!r} is not an integer") from None
        if key in ("double_value", "float_value"):
            try:
                return float(found)
            except (TypeError, ValueError):
                raise ValueError(f"{where}: {key} {found!r} is not a number") from None
        return found
    return None


def parse_row(line: int, record: Any) -> GaEvent | list[RowError]:
    """Check and flatten one decoded row; bad fields become errors naming the field."""
    if not isinstance(record, dict):
        return [RowError(line, None, None, "the line is not a JSON object", "not_object")]
    errors: list[RowError] = []
    name = record.get("event_name")
    if not isinstance(name, str) or not name.strip():
        errors.append(
            RowError(line, "event_name", _short(name), "missing event name", "no_event_name")
        )
    elif len(name) > 100:
        errors.append(
            RowError(
                line, "event_name", name[:40], "event name over 100 characters", "long_event_name"
            )
        )
    raw_ts = record.get("event_timestamp")
    ts = 0
    try:
        ts_us = int(raw_ts)  # type: ignore[arg-type]
        if not 0 < ts_us < 32503680000_000000:  # before year 3000
            raise ValueError
        ts = ts_us // 1_000_000
    except (TypeError, ValueError):
        errors.append(
            RowError(
                line,
                "event_timestamp",
                _short(raw_ts),
                "event_timestamp must be microseconds since 1970 (e.g. 1762340000000000)",
                "bad_timestamp",
            )
        )
    user_id = _text(record.get("user_id"))
    pseudo_id = _text(record.get("user_pseudo_id"))
    if user_id is None and pseudo_id is None:
        errors.append(
            RowError(line, "user_pseudo_id", None, "neither user_id nor user_pseudo_id", "no_user")
        )
    params: dict[str, Any] = {}
    props: dict[str, Any] = {}
    try:
        params = flatten(record.get("event_params"), "event_params")
        props = flatten(record.get("user_properties"), "user_properties")
    except ValueError as exc:
        errors.append(
            RowError(line, str(exc).split(" ", 1)[0], None, str(exc), "bad_params", (str(exc),))
        )
    if errors:
        return errors
    device = record.get("device") if isinstance(record.get("device"), dict) else {}
    app_info = record.get("app_info") if isinstance(record.get("app_info"), dict) else {}
    geo = record.get("geo") if isinstance(record.get("geo"), dict) else {}
    assert isinstance(name, str) and isinstance(device, dict)
    assert isinstance(app_info, dict) and isinstance(geo, dict)
    os_name = _text(device.get("operating_system"))
    return GaEvent(
        line=line,
        name=name.strip(),
        ts=ts,
        user_id=user_id,
        pseudo_id=pseudo_id,
        params=params,
        user_properties=props,
        platform=PLATFORMS.get(os_name.lower()) if os_name else None,
        model=_text(device.get("mobile_model_name")),
        os_version=_text(device.get("operating_system_version")),
        language=_text(device.get("language")),
        app_version=_text(app_info.get("version")),
        city=_text(geo.get("city")),
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _short(value: Any) -> str | None:
    return None if value is None else str(value)[:60]


class ExportReader:
    """Lines of an NDJSON export; ``.gz`` files are decompressed as they stream.

    A gzip file that ends early raises ``ImportFailed`` naming the last complete line, so the
    import (one transaction) is rolled back rather than half-done.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = path.stat().st_size
        self._raw: IO[bytes] | None = None

    @property
    def compressed(self) -> bool:
        with open(self.path, "rb") as handle:
            return handle.read(2) == b"\x1f\x8b"

    def position(self) -> int:
        """Bytes of the file consumed so far (compressed bytes for .gz), for progress."""
        return self._raw.tell() if self._raw is not None and not self._raw.closed else self.size

    def records(self) -> Iterator[tuple[int, Any | RowError]]:
        """``(line, decoded JSON)`` or ``(line, RowError)`` for a line that is not JSON.

        Lines are read with a bound (``MAX_LINE_BYTES``), and a compressed file may not expand
        past ``MAX_EXPANSION`` times its size: a line with no end or a compression bomb is
        refused before it is held in memory. JSON nested too deeply is a rejected line.
        """
        number = 0
        name = self.path.name
        with open(self.path, "rb") as raw:
            self._raw = raw
            compressed = self.compressed
            stream: IO[bytes] = (
                gzip.GzipFile(fileobj=raw) if compressed else raw  # type: ignore[assignment]
            )
            expanded = 0
            try:
                while data := stream.readline(MAX_LINE_BYTES + 1):
                    number += 1
                    if len(data) > MAX_LINE_BYTES:
                        raise line_too_long(name, number)
                    expanded += len(data)
                    if compressed and expanded > EXPANSION_CHECKED_FROM:
                        _check_expansion(name, expanded, raw.tell())
                    if data.strip():
                        yield number, _decoded(number, data)
            except EOFError:
                raise ImportFailed(
                    f"{name} is truncated: the compressed data ends inside line {number + 1} "
                    f"(line {number} was the last complete one). Nothing was imported; download "
                    "the export again.",
                    "truncated_gz",
                    name,
                    str(number + 1),
                    str(number),
                ) from None
            except (gzip.BadGzipFile, zlib.error, OSError) as exc:
                raise ImportFailed(
                    f"{name} is damaged after line {number} ({exc}). Nothing was imported.",
                    "damaged_gz",
                    name,
                    str(number),
                ) from None


def _decoded(number: int, data: bytes) -> Any | RowError:
    """One line's JSON, or the reason it is not usable JSON (said with the line)."""
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return RowError(number, None, None, f"not valid JSON ({exc})", "not_json", (str(exc),))
    except RecursionError:
        return RowError(number, None, None, "the JSON is nested too deeply", "too_deep")


def _check_expansion(name: str, expanded: int, compressed: int) -> None:
    if expanded > MAX_EXPANSION * max(compressed, 1):
        raise ImportFailed(
            f"{name} expands more than {MAX_EXPANSION} times its size when decompressed: it is "
            "not a real export (a compression bomb?). Nothing was imported.",
            "expands_too_much",
            name,
            str(MAX_EXPANSION),
        )
