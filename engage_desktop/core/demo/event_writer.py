"""The demo's events: behaviour and notification events merged in time order, written in
chunks, and their per-day rollup (``event_daily``) computed with numpy in the same pass.

Kept apart from ``generator`` (which orchestrates the build) because this is the bulk of the
rows: 20 million events at 1,000,000 users, written without a Python object per event.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from sqlalchemy import text

from engage_desktop.core.demo.audience_gen import DAY, AppAudience
from engage_desktop.core.demo.bulk import BulkWriter
from engage_desktop.core.demo.campaign_gen import NotificationEvents

EVENT_CHUNK = 200_000
"""Events converted to Python values and written at a time (memory stays flat at 1 M users)."""


def write_event_names(writer: BulkWriter, app_id: int, names: list[str]) -> dict[str, int]:
    writer.insert("event_name", ("app_id", "name"), [(app_id, n) for n in names])
    rows = writer.conn.execute(
        text("SELECT name, id FROM event_name WHERE app_id = :a"), {"a": app_id}
    ).all()
    return {name: int(i) for name, i in rows}


def merge_events(
    owner: np.ndarray,
    name_idx: np.ndarray,
    ts: np.ndarray,
    params: list[str | None],
    notif: NotificationEvents,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Behaviour and notification events in one (profile, time) order; params as an object
    array so reordering them creates no Python int per event."""
    params_arr = np.empty(len(params), dtype=object)
    params_arr[:] = params
    if not notif.owner:
        return owner, name_idx, ts, params_arr
    notif_params = np.empty(sum(len(chunk) for chunk in notif.params), dtype=object)
    notif_params[:] = [p for chunk in notif.params for p in chunk]
    owner = np.concatenate([owner, *notif.owner])
    name_idx = np.concatenate([name_idx, *notif.name])
    ts = np.concatenate([ts, *notif.ts])
    order = np.lexsort((ts, owner))
    all_params = np.concatenate([params_arr, notif_params])
    return owner[order], name_idx[order], ts[order], all_params[order]


def write_events(
    writer: BulkWriter,
    audience: AppAudience,
    names: list[str],
    owner: np.ndarray,
    name_idx: np.ndarray,
    ts: np.ndarray,
    params: np.ndarray,
    step: Callable[[float, str], None],
) -> int:
    name_id_of = np.array([audience.name_ids[n] for n in names], dtype=np.int64)
    name_id = name_id_of[name_idx]
    profile_id = owner.astype(np.int64) + audience.first_profile_id
    # Each event is logged by the profile's first device.
    first_device = np.full(audience.count, -1, dtype=np.int64)
    order = np.argsort(audience.device_profile, kind="stable")[::-1]
    first_device[audience.device_profile[order]] = audience.device_ids[order]
    device_id = first_device[owner]
    total = len(owner)
    for start in range(0, total, EVENT_CHUNK):
        end = min(start + EVENT_CHUNK, total)
        rows = zip(
            profile_id[start:end].tolist(),
            name_id[start:end].tolist(),
            ts[start:end].tolist(),
            device_id[start:end].tolist(),
            params[start:end].tolist(),
            strict=True,
        )
        writer.insert("event", ("profile_id", "name_id", "ts", "device_id", "params"), rows)
        step(0.4 + 0.5 * end / total, f"writing events ({end:,} / {total:,})")
    step(0.92, "rolling events up per day")
    write_daily_rollup(writer, name_id, profile_id, ts)
    return total


def write_daily_rollup(
    writer: BulkWriter, name_id: np.ndarray, profile_id: np.ndarray, ts: np.ndarray
) -> None:
    if len(ts) == 0:
        return
    day = ts // DAY
    key = (name_id << 44) | (day << 26) | profile_id  # profile ids < 2**26, days < 2**18
    order = np.argsort(key, kind="stable")
    skey, sts = key[order], ts[order]
    del key, order
    # skey is sorted: group boundaries are where it changes (np.unique would sort it again).
    start = np.concatenate(([0], np.flatnonzero(np.diff(skey)) + 1))
    uniq = skey[start]
    count = np.diff(np.append(start, len(skey)))
    first_ts = np.minimum.reduceat(sts, start)
    last_ts = np.maximum.reduceat(sts, start)
    del skey, sts, start
    # Converted to Python ints a chunk at a time: six whole-table lists would cost ~4 GB at 1 M.
    for lo in range(0, len(uniq), EVENT_CHUNK):
        hi = lo + EVENT_CHUNK
        chunk = uniq[lo:hi]
        rows = zip(
            (chunk >> 44).tolist(),
            ((chunk >> 26) & ((1 << 18) - 1)).tolist(),
            (chunk & ((1 << 26) - 1)).tolist(),
            count[lo:hi].tolist(),
            first_ts[lo:hi].tolist(),
            last_ts[lo:hi].tolist(),
            strict=True,
        )
        writer.insert(
            "event_daily", ("name_id", "day", "profile_id", "count", "first_ts", "last_ts"), rows
        )
