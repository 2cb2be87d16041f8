"""The analytics refresh on DuckDB, for ``benchmarks analytics``: the same figures, another engine.

DuckDB's sqlite extension is downloaded on first use, which these offline machines cannot do,
and the Python client has no pandas or pyarrow here to hand it columns. So the rows the refresh
reads are exported by the ``sqlite3`` shell to CSV files and read by DuckDB's CSV reader into
tables of its own: ``load`` (timed apart from the refresh). ``refresh`` then computes every
app's trends, open hours, channels, fatigue and every measured campaign's funnel and
conversions (the default goal: the campaign's own conversions within 7 days) as the same JSON
payloads the product stores, so the benchmark can check both engines agree before comparing
their times. Nothing here is used by the product.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from engage_desktop.core.analytics.conversion import DEFAULT_WINDOW_DAYS
from engage_desktop.core.analytics.fatigue import TOP
from engage_desktop.core.analytics.trends import best_hour, hours_grid, local_hours

TABLES = {
    "outbox_message": "id BIGINT, campaign_id BIGINT, app_id BIGINT, profile_id BIGINT, "
    "variant_key VARCHAR, state VARCHAR, suppression_reason VARCHAR, created_at TIMESTAMP, "
    "sent_at TIMESTAMP",
    "engagement_event": "id BIGINT, campaign_id BIGINT, profile_id BIGINT, message_id VARCHAR, "
    "variant_key VARCHAR, is_control INTEGER, kind VARCHAR, at_time TIMESTAMP",
    "campaign": "id BIGINT, app_id BIGINT, name VARCHAR, format VARCHAR, status VARCHAR, "
    "started_at TIMESTAMP",
    "campaign_variant": "campaign_id BIGINT, key VARCHAR",
    "profile": "id BIGINT, time_zone VARCHAR",
}


def load(sqlite_file: Path) -> Any:
    """A DuckDB connection holding the tables the refresh reads (exported through CSV)."""
    import duckdb

    con = duckdb.connect()
    with tempfile.TemporaryDirectory(prefix="analytics-duckdb-") as folder:
        script = []
        for table, columns in TABLES.items():
            names = ", ".join(c.split()[0] for c in columns.split(", ")).replace("at_time", "at")
            script += [f".once {folder}/{table}.csv", f"SELECT {names} FROM {table};"]
        subprocess.run(
            ["sqlite3", "-readonly", "-csv", str(sqlite_file)],
            input="\n".join(script),
            text=True,
            check=True,
        )
        for table, columns in TABLES.items():
            con.execute(f"CREATE TABLE {table} ({columns})")
            con.execute(
                f"COPY {table} FROM '{folder}/{table}.csv' (FORMAT csv, HEADER false, NULLSTR '')"
            )
    return con


def refresh(con: Any) -> dict[int, dict[str, Any]]:
    """Every app's figures: {app: {"trends", "channels", "fatigue", "campaign:<id>"}}."""
    apps = [a for (a,) in con.execute("SELECT DISTINCT app_id FROM campaign").fetchall()]
    out: dict[int, dict[str, Any]] = {}
    for app in apps:
        figures = {
            "trends": _trends(con, app),
            "channels": _channels(con, app),
            "fatigue": _fatigue(con, app),
        }
        for (cid,) in con.execute(
            "SELECT id FROM campaign c WHERE app_id = ? AND EXISTS "
            "(SELECT 1 FROM outbox_message o WHERE o.campaign_id = c.id)",
            [app],
        ).fetchall():
            figures[f"campaign:{cid}"] = _campaign(con, cid)
        out[app] = figures
    return out


DAY = "strftime({}, '%Y-%m-%d')"
ENGAGED = "FROM engagement_event g JOIN campaign c ON c.id = g.campaign_id WHERE c.app_id = ?"


def _trends(con: Any, app: int) -> dict[str, Any]:
    days: dict[str, dict[str, int]] = {}

    def zeros() -> dict[str, int]:
        return {"sent": 0, "opened": 0, "converted": 0, "opted_out": 0}

    for day, n in con.execute(
        f"SELECT {DAY.format('sent_at')} d, count(*) FROM outbox_message WHERE app_id = ? "
        "AND state = 'sent' AND sent_at IS NOT NULL GROUP BY d",
        [app],
    ).fetchall():
        days.setdefault(day, zeros())["sent"] += n
    for day, kind, n in con.execute(
        f"SELECT {DAY.format('g.at_time')} d, g.kind, count(*) {ENGAGED} AND g.is_control = 0 "
        "AND g.kind IN ('opened', 'converted', 'opted_out') GROUP BY d, g.kind",
        [app],
    ).fetchall():
        days.setdefault(day, zeros())[kind] += n
    rows = con.execute(
        "SELECT p.time_zone, strftime(g.at_time, '%Y-%m-%d %H') h, c.format, count(*) "
        "FROM engagement_event g JOIN campaign c ON c.id = g.campaign_id "
        "LEFT JOIN profile p ON p.id = g.profile_id "
        "WHERE c.app_id = ? AND g.kind = 'opened' GROUP BY p.time_zone, h, c.format",
        [app],
    ).fetchall()
    hours = local_hours(rows)
    grid = hours_grid(hours)
    return {
        "daily": dict(sorted(days.items())),
        "hours": hours,
        "heatmap": grid,
        "best_hour": best_hour(grid),
    }


def _channels(con: Any, app: int) -> dict[str, Any]:
    days: dict[str, dict[str, list[int]]] = {}
    queries = [
        (
            f"SELECT {DAY.format('o.sent_at')} d, c.format, 'sent', count(*) FROM outbox_message o "
            "JOIN campaign c ON c.id = o.campaign_id WHERE o.app_id = ? AND o.state = 'sent' "
            "AND o.sent_at IS NOT NULL GROUP BY d, c.format"
        ),
        (
            f"SELECT {DAY.format('g.at_time')} d, c.format, g.kind, count(*) {ENGAGED} "
            "AND g.is_control = 0 AND g.kind IN ('opened', 'converted', 'opted_out') "
            "GROUP BY d, c.format, g.kind"
        ),
    ]
    index = {"sent": 0, "opened": 1, "converted": 2, "opted_out": 3}
    for query in queries:
        for day, fmt, measure, n in con.execute(query, [app]).fetchall():
            days.setdefault(day, {}).setdefault(fmt, [0, 0, 0, 0])[index[measure]] += n
    return {"daily": dict(sorted(days.items()))}


def _fatigue(con: Any, app: int) -> dict[str, Any]:
    weekly: dict[str, dict[str, list[int]]] = {}
    for week, n, people, out in con.execute(
        f"""
        WITH received AS (
            SELECT profile_id, date_trunc('week', sent_at) w, count(*) n FROM outbox_message
            WHERE app_id = ? AND state = 'sent' AND sent_at IS NOT NULL
              AND profile_id IS NOT NULL GROUP BY profile_id, w),
        opted AS (
            SELECT DISTINCT g.profile_id, date_trunc('week', g.at_time) w {ENGAGED}
              AND g.kind = 'opted_out' AND g.is_control = 0 AND g.profile_id IS NOT NULL)
        SELECT strftime(r.w, '%Y-%m-%d'), least(r.n, {TOP}) capped, count(*),
               count(DISTINCT o.profile_id)
        FROM received r LEFT JOIN opted o ON o.profile_id = r.profile_id AND o.w = r.w
        GROUP BY r.w, capped
        """,
        [app, app],
    ).fetchall():
        weekly.setdefault(week, {})[str(n)] = [people, out]
    return {"weekly": dict(sorted(weekly.items()))}


def _campaign(con: Any, cid: int) -> dict[str, Any]:
    stages: dict[str, dict[str, Any]] = {}

    def row(key: str | None) -> dict[str, Any]:
        return stages.setdefault(key or "", _empty(key or ""))

    for key, state, reason, n in con.execute(
        "SELECT variant_key, state, suppression_reason, count(*) FROM outbox_message "
        "WHERE campaign_id = ? GROUP BY ALL",
        [cid],
    ).fetchall():
        r = row(key)
        r["targeted"] += n
        if state == "suppressed":
            r["suppressed"][reason or "unknown"] = r["suppressed"].get(reason or "unknown", 0) + n
        elif state in ("sent", "failed"):
            r[state] += n
        elif state in ("queued", "claimed", "retry"):
            r["pending"] += n
    names = {"delivered": "received", "opened": "opened", "opted_out": "opted_out"}
    for key, kind, n in con.execute(
        "SELECT variant_key, kind, count(DISTINCT coalesce(message_id, 'row:' || id)) "
        "FROM engagement_event WHERE campaign_id = ? AND is_control = 0 "
        "AND kind IN ('delivered', 'opened', 'opted_out') GROUP BY ALL",
        [cid],
    ).fetchall():
        row(key)[names[kind]] += n
    control = [0, 0]
    for is_control, key, people, won in con.execute(
        _PEOPLE, [cid, DEFAULT_WINDOW_DAYS * 86400]
    ).fetchall():
        if is_control:
            control = [people, int(won)]
        else:
            row(key)["recipients"] += people
            row(key)["converted"] += int(won)
    for (key,) in con.execute(
        "SELECT key FROM campaign_variant WHERE campaign_id = ?", [cid]
    ).fetchall():
        row(key)
    return {
        "variants": [stages[k] for k in sorted(stages)],
        "control": {"recipients": control[0], "converted": control[1]},
    }


# Each profile once, in the group of its earliest row (ties: the lowest id), as
# core.analytics.conversion.recipients; converted when the campaign's own conversion falls in
# [start, start + window] (whole Unix seconds, as there).
_PEOPLE = """
WITH rows AS (
    SELECT profile_id, id,
           state <> 'sent' AND suppression_reason = 'control_group' AS is_control,
           coalesce(variant_key, '') AS key,
           CAST(floor(epoch(CASE WHEN (state <> 'sent' AND suppression_reason = 'control_group')
                OR sent_at IS NULL THEN created_at ELSE sent_at END)) AS BIGINT) AS start
    FROM outbox_message
    WHERE campaign_id = $1 AND profile_id IS NOT NULL
      AND (state = 'sent' OR suppression_reason = 'control_group')),
first AS (
    SELECT * FROM rows QUALIFY row_number() OVER (PARTITION BY profile_id ORDER BY start, id) = 1),
conversions AS (
    SELECT profile_id, CAST(floor(epoch(at_time)) AS BIGINT) AS ts FROM engagement_event
    WHERE campaign_id = $1 AND kind = 'converted' AND profile_id IS NOT NULL)
SELECT f.is_control, CASE WHEN f.is_control THEN NULL ELSE f.key END, count(*),
       sum(CASE WHEN EXISTS (SELECT 1 FROM conversions v WHERE v.profile_id = f.profile_id
                AND v.ts BETWEEN f.start AND f.start + $2) THEN 1 ELSE 0 END)
FROM first f GROUP BY ALL
"""


def _empty(key: str) -> dict[str, Any]:
    return {
        "key": key,
        "targeted": 0,
        "suppressed": {},
        "sent": 0,
        "failed": 0,
        "pending": 0,
        "received": 0,
        "opened": 0,
        "opted_out": 0,
        "recipients": 0,
        "converted": 0,
    }
