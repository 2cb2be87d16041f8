"""The segment builder's value suggestions on a 1,000,000-user demo: p50/p95 per list.

    python -m benchmarks segment_catalog [--json] [--workspace PATH] [--runs 7]

Each list (cities, postal prefixes, event names, parameter keys and values, attribute keys and
values, locales, app versions, stores) is asked for while the marketer types, so the goal is
p95 <= 100 ms each. The same-run reference is the plain way: ``SELECT DISTINCT`` over the whole
column, or reading every profile's (every event's) JSON in Python — what the catalogue avoids
with loose index scans and bounded samples. The stores list has no reference: its query is
already the plain one (an indexed SELECT of the app's stores), so it is timed against the goal.

The workspace defaults to a private copy of /tmp/bench/demo1m.sqlite (made once, migrated to
the code's schema on first use).

Measured 2026-11-23 on the shared 2-core machine (app 1: 700,003 profiles, runs=9, load 4-5):
p50 / p95 ms — cities 0.4 / 4.5, postal prefixes 12.6 / 25.7, event names 0.1 / 0.4,
view_item parameter keys 23.5 / 29.1, item_category values 23.5 / 27.7, attribute keys
28.6 / 34.6, loyalty_tier values 26.1 / 33.2, locales 12.5 / 24.2, app versions 0.5 / 1.0,
stores 0.2 / 8.5: every goal met, every list equal to the full reference answer. References:
parameter keys 23.5 s, item_category 32.1 s, attribute keys 13.6 s, loyalty_tier 17.6 s,
locales 0.72 s, app versions 0.16 s; SQLite's skip-ahead DISTINCT answers cities in 0.7 ms.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks._common import emit, million_profile_workspace, summary

DEFAULT = Path("/tmp/builder-bench/demo1m.sqlite")
APP = 1
GOAL_MS = 100.0


def _workspace(path: Path | None) -> Path:
    return million_profile_workspace(path, DEFAULT)


def _timed(fn: Callable[[], Any], runs: int) -> tuple[dict[str, float], Any]:
    samples, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - t) * 1000)
    return summary(samples), result


def _cases(session: Any) -> dict[str, tuple[Callable[[], Any], Callable[[], Any] | None]]:
    """name -> (catalogue call, plain reference giving the full answer, or None when the
    catalogue's query already is the plain one and there is nothing to compare it with)."""
    from sqlalchemy import select

    from engage_desktop.core.segments import catalog
    from engage_desktop.store.models import Device, Event, EventName, Profile

    def distinct(col: Any, *where: Any) -> Callable[[], list[Any]]:
        return lambda: sorted(v for v in session.scalars(select(col).where(*where).distinct()) if v)

    def json_values(q: Any, key: str | None) -> Callable[[], list[str]]:
        def run() -> list[str]:
            seen: Counter[str] = Counter()
            for doc in session.scalars(q):
                if isinstance(doc, dict):
                    seen.update(doc.keys() if key is None else [doc.get(key)])
            return [k for k, _ in seen.most_common() if isinstance(k, str)]

        return run

    view_item = select(EventName.id).where(EventName.app_id == APP, EventName.name == "view_item")
    return {
        "cities": (
            lambda: catalog.indexed_values(session, APP, "city"),
            distinct(Profile.city, Profile.app_id == APP),
        ),
        "postal prefixes": (
            lambda: catalog.postal_prefixes(session, APP),
            lambda: sorted({c[:2] for c in distinct(Profile.postal_code, Profile.app_id == APP)()}),
        ),
        "event names": (
            lambda: catalog.event_names(session, APP),
            distinct(EventName.name, EventName.app_id == APP),
        ),
        "view_item parameter keys": (
            lambda: catalog.event_param_keys(session, APP, "view_item"),
            json_values(select(Event.params).where(Event.name_id.in_(view_item)), None),
        ),
        "item_category values": (
            lambda: catalog.event_param_values(session, APP, "view_item", "item_category"),
            json_values(select(Event.params).where(Event.name_id.in_(view_item)), "item_category"),
        ),
        "attribute keys": (
            lambda: catalog.attribute_keys(session, APP),
            json_values(select(Profile.attributes).where(Profile.app_id == APP), None),
        ),
        "loyalty_tier values": (
            lambda: catalog.attribute_values(session, APP, "loyalty_tier"),
            json_values(select(Profile.attributes).where(Profile.app_id == APP), "loyalty_tier"),
        ),
        "locales": (
            lambda: catalog.profile_values(session, APP, "locale"),
            distinct(Profile.locale, Profile.app_id == APP),
        ),
        "app versions": (
            lambda: catalog.app_versions(session, APP),
            distinct(Device.app_version, Device.app_id == APP),
        ),
        # One indexed SELECT over the app's few stores: timed against the goal only.
        "stores": (lambda: catalog.stores(session, APP), None),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks segment_catalog")
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from benchmarks.segments import _open

    ws, migrate_s = _open(_workspace(args.workspace))
    results: dict[str, Any] = {}
    with ws.session_factory() as session:
        for name, (fast, plain) in _cases(session).items():
            fast()  # warm the page cache the same way for both
            timing, found = _timed(fast, args.runs)
            results[name] = {
                "p50_ms": round(timing["median"], 1),
                "p95_ms": round(timing["p95"], 1),
                "values": len(found),
                "goal_met": timing["p95"] <= GOAL_MS,
            } | _reference(plain, found)
    emit(
        {
            "benchmark": "segment_catalog",
            "workspace": str(ws.location),
            "migrate_s": round(migrate_s, 1),
            "goal_p95_ms": GOAL_MS,
            "lists": results,
            "all_goals_met": all(r["goal_met"] for r in results.values()),
        },
        args.json,
    )
    ws.close()
    return 0


def _reference(plain: Callable[[], Any] | None, found: list[Any]) -> dict[str, Any]:
    if plain is None:
        return {"reference": None}
    timing, full = _timed(plain, 1)
    return {
        "reference_ms": round(timing["median"], 1),
        "reference_values": len(full),
        "subset_of_reference": _subset(found, full),
    }


def _subset(found: list[Any], full: list[Any]) -> bool:
    return {str(v) for v in found} <= {str(v) for v in full}
