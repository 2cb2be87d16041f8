"""Strong references for the segments benchmark: the same rules as plain SQL over the raw tables.

What an analyst with the workspace file would write by hand, with none of our tricks (the
``event_daily`` rollup, promoted JSON columns, per-store bounding boxes, version lists looked up
first, correlated probes chosen per rule). Each rule is run on three engines, in the same run
and on the same file as ours:

- ``sqlite``: the plain SQL on a read-only sqlite3 connection to the workspace;
- ``duckdb_on_file``: DuckDB reading the workspace file itself (its sqlite_scanner extension,
  shipped for Python as ``duckdb-extension-sqlite-scanner``);
- ``duckdb_columnar``: DuckDB on its own columnar copy of the tables the rules read (copied
  from the file once; the copy's time is reported apart). This is DuckDB at its best.

Every engine's count is compared with ours: a reference that disagrees is reported, not hidden.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

EARTH_KM = 6371.0088
TABLES = ("profile", "event", "event_name", "device", "consent", "store_location")


@dataclass(frozen=True)
class Moment:
    """The benchmark's ``now``, in each form the SQL needs."""

    now: datetime

    def start_ts(self, days: int) -> int:
        """First second of the window "in the last ``days`` days" (whole days, as ours)."""
        return (int(self.now.timestamp()) // 86400 - days + 1) * 86400

    def before(self, days: int) -> datetime:
        return self.now - timedelta(days=days)


def _distance(lat: str, lon: str, slat: str, slon: str) -> str:
    return (
        f"2 * {EARTH_KM} * asin(sqrt(power(sin(radians({lat} - {slat}) / 2), 2)"
        f" + cos(radians({slat})) * cos(radians({lat}))"
        f" * power(sin(radians({lon} - {slon}) / 2), 2)))"
    )


def _events(name: str, since: int, at_least: int = 1) -> str:
    """Profiles of app 1 with at least ``at_least`` ``name`` events since ``since`` (raw rows)."""
    having = f" HAVING count(*) >= {at_least}" if at_least > 1 else ""
    return (
        "SELECT e.profile_id FROM event e JOIN event_name n ON n.id = e.name_id"
        f" WHERE n.app_id = 1 AND n.name = '{name}' AND e.ts >= {since}"
        f" GROUP BY e.profile_id{having}"
    )


def _consent(channel: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM consent c WHERE c.profile_id = p.id"
        f" AND c.channel = '{channel}' AND c.state = 'granted')"
    )


def rule_sql(duck: bool, at: Moment) -> dict[str, str]:
    """Rule name (as in ``benchmarks.segments.rules``) → one ``SELECT count(*)``."""
    tier = (
        "json_extract_string(p.attributes, '$.loyalty_tier')"
        if duck
        else "json_extract(p.attributes, '$.loyalty_tier')"
    )
    # "5.10.2" >= "5.3": major, then minor, compared as numbers.
    if duck:
        major = "TRY_CAST(split_part(d.app_version, '.', 1) AS INTEGER)"
        minor = "TRY_CAST(split_part(d.app_version, '.', 2) AS INTEGER)"
    else:
        rest = "substr(d.app_version, instr(d.app_version, '.') + 1)"
        major = "CAST(substr(d.app_version, 1, instr(d.app_version, '.') - 1) AS INTEGER)"
        minor = f"CAST(substr({rest}, 1, instr({rest} || '.', '.') - 1) AS INTEGER)"
    cutoff = at.before(30)
    inactive_cutoff = (
        f"TIMESTAMP '{cutoff:%Y-%m-%d %H:%M:%S}'" if duck else f"'{cutoff:%Y-%m-%d %H:%M:%S.%f}'"
    )
    sample = "((p.id * 2654435761 + 1 * 40503) % 4294967296) % 10000 < 1000"
    profiles = "SELECT count(*) FROM profile p WHERE p.app_id = 1 AND "
    store1 = _distance("p.latitude", "p.longitude", "s.latitude", "s.longitude")
    return {
        "attribute city": profiles + "p.city = 'Lyon'",
        "json attribute tier": profiles + f"{tier} = 'gold'",
        "purchase >= 2 in 30 d": f"SELECT count(*) FROM ({_events('purchase', at.start_ts(30), 2)})",
        "view_item in 7 d": f"SELECT count(*) FROM ({_events('view_item', at.start_ts(7))})",
        "10 km of store 1": (
            "SELECT count(*) FROM profile p JOIN store_location s ON s.id = 1"
            f" WHERE p.app_id = 1 AND p.latitude IS NOT NULL AND {store1} <= 10"
        ),
        "2 km of any store": profiles
        + "p.latitude IS NOT NULL AND EXISTS (SELECT 1 FROM store_location s"
        f" WHERE s.app_id = 1 AND {store1} <= 2)",
        "nested and/or/not": profiles
        + "p.city IN ('Paris', 'Lyon')"
        + f" AND (p.id IN ({_events('purchase', at.start_ts(30))})"
        + f" OR p.id IN ({_events('add_to_cart', at.start_ts(7), 2)}))"
        + f" AND p.id NOT IN ({_events('notification_dismiss', at.start_ts(14))})",
        "ios >= 5.3 with push consent": profiles
        + "p.id IN (SELECT d.profile_id FROM device d WHERE d.app_id = 1"
        + f" AND d.platform = 'ios' AND ({major} > 5 OR ({major} = 5 AND {minor} >= 3)))"
        + f" AND {_consent('push')}",
        "segment and inactive 30 d": profiles
        + f"{tier} IN ('gold', 'platinum')"
        + f" AND (p.last_seen_at IS NULL OR p.last_seen_at < {inactive_cutoff})",
        "10% sample with email consent": profiles + f"{sample} AND {_consent('email')}",
    }


Runner = Callable[[str], int]


def sqlite_runner(path: Path) -> Runner:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    return lambda sql: int(db.execute(sql).fetchone()[0])


def _duckdb_extension() -> str | None:
    """The sqlite_scanner extension file shipped on PyPI, if installed."""
    try:
        import duckdb
        import duckdb_extension_sqlite_scanner as package  # type: ignore[import-not-found]
    except ImportError:
        return None
    folder = Path(package.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    found = folder / "sqlite_scanner.duckdb_extension"
    return str(found) if found.exists() else None


def duckdb_runners(path: Path) -> tuple[dict[str, Runner], dict[str, Any]]:
    """DuckDB on the file and on its columnar copy; what is missing says why."""
    info: dict[str, Any] = {}
    try:
        import duckdb
    except ImportError:
        return {}, {"skipped": "duckdb is not installed (pip install -e '.[benchmarks]')"}
    extension = _duckdb_extension()
    if extension is None:
        return {}, {
            "skipped": f"no sqlite_scanner extension for duckdb {duckdb.__version__} on PyPI"
        }
    info["duckdb_version"] = duckdb.__version__
    threads = os.cpu_count() or 1
    on_file = duckdb.connect(config={"threads": threads})
    on_file.execute(f"LOAD '{extension}'")
    on_file.execute(f"ATTACH '{path}' AS ws (TYPE sqlite, READ_ONLY)")
    on_file.execute("USE ws")
    columnar = duckdb.connect(config={"threads": threads})
    columnar.execute(f"LOAD '{extension}'")
    columnar.execute(f"ATTACH '{path}' AS ws (TYPE sqlite, READ_ONLY)")
    started = time.perf_counter()
    for table in TABLES:
        columns = "*" if table != "profile" else _profile_columns()
        columnar.execute(f"CREATE TABLE main.{table} AS SELECT {columns} FROM ws.{table}")
    columnar.execute("DETACH ws")
    info["columnar_copy_s"] = round(time.perf_counter() - started, 1)
    info["threads"] = threads

    def runner(connection: Any) -> Runner:
        return lambda sql: int(connection.execute(sql).fetchone()[0])

    return {"duckdb_on_file": runner(on_file), "duckdb_columnar": runner(columnar)}, info


def _profile_columns() -> str:
    """The profile's stored columns (the generated ``attr_*`` ones are SQLite's, not data)."""
    return (
        "id, app_id, external_id, city, postal_code, latitude, longitude, created_at,"
        " last_seen_at, attributes"
    )
