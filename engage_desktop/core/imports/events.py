"""Import GA4 / Firebase Analytics export rows as events, in one transaction.

Who did it: ``user_id`` is the app's own id for a logged-in user, so it is the profile's
``external_id``; ``user_pseudo_id`` is the app instance, so it is a device's
``installation_id``. A row without ``user_id`` belongs to the profile its device already
belongs to, or else to an anonymous profile ``ga4:<user_pseudo_id>`` created for it. Missing
devices and profiles are created; a device seen with a ``user_id`` is linked to that profile.

Each event is written to ``event`` (params flattened into ``Event.params``), the ``event_daily``
rollup is upserted in step, user properties are merged into the profile's attributes, and
notification_receive / notification_open / notification_dismiss rows become EngagementEvents of
the campaign they came from: by ``message_id`` (the outbox's id, as sent in ``data.message_id``),
else by ``label`` (the campaign's analytics label).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table as SqlTable
from sqlalchemy import bindparam, case, func, select, update
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from engage_desktop.core.imports.engagement import EngagementAttribution
from engage_desktop.core.imports.errors import ErrorLog, ImportFailed, RowError, refused
from engage_desktop.core.imports.ga4 import ExportReader, GaEvent, parse_row
from engage_desktop.core.imports.store import Writer, refresh_statistics
from engage_desktop.core.imports.turns import taking_turns
from engage_desktop.core.progress import NO_PROGRESS, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import (
    Device,
    Event,
    EventName,
    Profile,
)

CHUNK_EVENTS = 5_000
DAY = 86_400


@dataclass
class EventImportResult:
    file: str
    lines_read: int = 0
    imported: int = 0
    failed: int = 0
    profiles_created: int = 0
    devices_created: int = 0
    event_names_created: int = 0
    engagements: int = 0
    unattributed_notifications: int = 0
    already_stored: int = 0  # events a previous import had stored: skipped, not doubled
    errors: list[RowError] = field(default_factory=list)
    errors_truncated: bool = False
    seconds: float = 0.0


def import_events(
    ws: Workspace, app_id: int, path: str | Path, *, progress: Progress = NO_PROGRESS
) -> EventImportResult:
    """Import a GA4 NDJSON export (``.json``, ``.ndjson``, or gzip-compressed) into an app."""
    started = time.perf_counter()
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(f"{path} does not exist or is not a file.", "missing", str(path))
    result = EventImportResult(path.name)
    log = ErrorLog()
    try:
        with (
            taking_turns(ws, progress),  # it adds profiles: not beside a contacts import
            ws.session_factory() as session,
            session.begin(),
        ):
            require(session, ws.member_id, app_id, Permission.EDIT_AUDIENCE)
            _EventRun(session, app_id, ws.clock.now(), result).execute(
                ExportReader(path), log, progress
            )
            record(
                session,
                member_id=ws.member_id,
                app_id=app_id,
                action="audience.import_events",
                target=f"app:{app_id}",
                details={"file": path.name, "imported": result.imported, "failed": log.failed_rows},
            )
    except DatabaseError as exc:
        raise refused(path.name, exc) from exc
    refresh_statistics(ws.engine, ("profile", "device", "event", "event_daily"))
    result.failed = log.failed_rows
    result.errors = log.errors
    result.errors_truncated = log.truncated
    result.seconds = time.perf_counter() - started
    return result


def _canonical(params: Any) -> str:
    """Parameters as comparable text, whatever the backend returned (text, dict or None)."""
    if isinstance(params, str):
        params = json.loads(params)
    return json.dumps(params or None, sort_keys=True, separators=(",", ":"))


def _utc(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _locale(language: str | None) -> str | None:
    if not language:
        return None
    head, _, tail = language.replace("_", "-").partition("-")
    return head.lower() + (f"-{tail.upper()}" if tail else "")


class _EventRun:
    def __init__(
        self, session: Session, app_id: int, now: datetime, result: EventImportResult
    ) -> None:
        self.conn = session.connection()
        self.w = Writer(self.conn)
        self.app_id = app_id
        self.now = now
        self.result = result
        self.profiles: SqlTable = Profile.__table__  # type: ignore[assignment]
        self.devices: SqlTable = Device.__table__  # type: ignore[assignment]
        self.names: dict[str, int] = {}
        self.profile_ids: dict[str, int] = {}  # external id → profile id
        self.device_of: dict[str, tuple[int, int | None]] = {}  # pseudo id → (device, profile)
        self.attribution = EngagementAttribution(self.conn, app_id)
        self.stored_before = 0  # the highest event id before this import

    def execute(self, reader: ExportReader, log: ErrorLog, progress: Progress) -> None:
        self.w.lock_for_writing()
        self.stored_before = int(
            self.conn.execute(select(func.coalesce(func.max(Event.id), 0))).scalar_one()
        )
        chunk: list[GaEvent] = []
        for line, data in reader.records():
            self.result.lines_read += 1
            if isinstance(data, RowError):
                log.fail_row([data])
                continue
            event = parse_row(line, data)
            if isinstance(event, list):
                log.fail_row(event)
                continue
            chunk.append(event)
            if len(chunk) >= CHUNK_EVENTS:
                self._write(chunk)
                chunk = []
                done = self.result.lines_read
                spent = reader.position()
                progress.report(done, int(done * reader.size / spent) if spent else None, "events")
        self._write(chunk)
        self.result.engagements = self.attribution.recorded
        self.result.unattributed_notifications = self.attribution.unattributed
        progress.report(self.result.lines_read, self.result.lines_read, "events")

    # --- one chunk ---------------------------------------------------------------------------

    def _write(self, chunk: list[GaEvent]) -> None:
        if not chunk:
            return
        name_ids = self._name_ids({e.name for e in chunk})
        owners = self._owners(chunk)
        chunk, owners = self._not_stored_before(chunk, owners, name_ids)
        if not chunk:
            return
        rows = []
        daily: dict[tuple[int, int, int], list[int]] = {}
        for event, (device_id, profile_id) in zip(chunk, owners, strict=True):
            name_id = name_ids[event.name]
            rows.append(
                (
                    profile_id,
                    name_id,
                    event.ts,
                    device_id,
                    self.w.json(event.params) if event.params else None,
                )
            )
            key = (name_id, event.ts // DAY, profile_id)
            slot = daily.get(key)
            if slot is None:
                daily[key] = [1, event.ts, event.ts]
            else:
                slot[0] += 1
                slot[1] = min(slot[1], event.ts)
                slot[2] = max(slot[2], event.ts)
        self.w.insert("event", ("profile_id", "name_id", "ts", "device_id", "params"), rows)
        self.w.upsert_daily([(*k, *v) for k, v in daily.items()])  # type: ignore[misc]
        self._touch(chunk, owners)
        self.attribution.record(chunk, owners)
        self.result.imported += len(chunk)

    def _not_stored_before(
        self,
        chunk: list[GaEvent],
        owners: list[tuple[int | None, int]],
        name_ids: dict[str, int],
    ) -> tuple[list[GaEvent], list[tuple[int | None, int]]]:
        """Drop events an earlier import stored: same profile, name, second and parameters.

        Daily GA4 exports overlap, and a file imported twice must not double the counts that
        segments read. Events repeated inside one file are kept: two screen views in the same
        second are real. Only rows from before this import are compared (``stored_before``).
        """
        if self.stored_before == 0:
            return chunk, owners
        profiles = {profile_id for _device, profile_id in owners}
        lo, hi = min(e.ts for e in chunk), max(e.ts for e in chunk)
        stored: set[tuple[int, int, int, str]] = set()
        ids = sorted(profiles)
        for start in range(0, len(ids), 500):
            found = self.conn.execute(
                select(Event.profile_id, Event.name_id, Event.ts, Event.params).where(
                    Event.id <= self.stored_before,
                    Event.profile_id.in_(ids[start : start + 500]),
                    Event.ts.between(lo, hi),
                )
            )
            stored.update((p, n, t, _canonical(params)) for p, n, t, params in found)
        if not stored:
            return chunk, owners
        kept: list[GaEvent] = []
        kept_owners: list[tuple[int | None, int]] = []
        for event, owner in zip(chunk, owners, strict=True):
            key = (owner[1], name_ids[event.name], event.ts, _canonical(event.params or None))
            if key in stored:
                self.result.already_stored += 1
                continue
            kept.append(event)
            kept_owners.append(owner)
        return kept, kept_owners

    def _name_ids(self, names: set[str]) -> dict[str, int]:
        missing = [n for n in names if n not in self.names]
        if missing:
            table: SqlTable = EventName.__table__  # type: ignore[assignment]
            self.names.update(self.w.existing_ids(table, "name", self.app_id, missing))
            new = [n for n in missing if n not in self.names]
            if new:
                ids = self.w.allocate_ids("event_name", len(new))
                self.w.insert(
                    "event_name",
                    ("id", "app_id", "name"),
                    [(i, self.app_id, n) for i, n in zip(ids, new, strict=True)],
                )
                self.names.update(zip(new, ids, strict=True))
                self.result.event_names_created += len(new)
        return self.names

    def _owners(self, chunk: list[GaEvent]) -> list[tuple[int | None, int]]:
        """(device id, profile id) of each event, creating what is missing."""
        pseudo = {e.pseudo_id for e in chunk if e.pseudo_id and e.pseudo_id not in self.device_of}
        if pseudo:
            stmt = select(
                self.devices.c.installation_id, self.devices.c.id, self.devices.c.profile_id
            ).where(
                self.devices.c.app_id == self.app_id,
                self.devices.c.installation_id.in_(list(pseudo)),
            )
            for inst, dev, prof in self.conn.execute(stmt):
                self.device_of.setdefault(inst, (dev, prof))
        # Which external id owns each event. Anonymous rows of an app instance that logs in
        # within the chunk belong to that user, like the device.
        chunk_user: dict[str, str] = {}
        for e in chunk:
            if e.user_id is not None and e.pseudo_id is not None:
                chunk_user.setdefault(e.pseudo_id, e.user_id)
        wanted: list[str] = []
        for e in chunk:
            if e.user_id is None:
                known = self.device_of.get(e.pseudo_id or "")
                if (known is None or known[1] is None) and e.pseudo_id not in chunk_user:
                    wanted.append(f"ga4:{e.pseudo_id}")
            else:
                wanted.append(e.user_id)
        self._ensure_profiles(wanted, chunk)
        owners: list[tuple[int | None, int]] = []
        new_devices: dict[str, GaEvent] = {}
        relink: dict[int, int] = {}
        for e in chunk:
            known = self.device_of.get(e.pseudo_id or "")
            if e.user_id is not None:
                profile_id = self.profile_ids[e.user_id]
            elif known is not None and known[1] is not None:
                profile_id = known[1]
            elif e.pseudo_id in chunk_user:
                profile_id = self.profile_ids[chunk_user[e.pseudo_id]]
            else:
                profile_id = self.profile_ids[f"ga4:{e.pseudo_id}"]
            if e.pseudo_id is None:
                owners.append((None, profile_id))
                continue
            if known is None:
                new_devices.setdefault(e.pseudo_id, e)
                self.device_of[e.pseudo_id] = (-1, profile_id)  # id filled in below
            elif known[1] != profile_id and e.user_id is not None:
                self.device_of[e.pseudo_id] = (known[0], profile_id)
                if known[0] >= 0:
                    relink[known[0]] = profile_id
            owners.append((None, profile_id))
        self._create_devices(new_devices)
        if relink:
            t = self.devices
            self.conn.execute(
                update(t).where(t.c.id == bindparam("d")).values(profile_id=bindparam("p")),
                [{"d": d, "p": p} for d, p in relink.items()],
            )
        return [
            (self.device_of[e.pseudo_id][0] if e.pseudo_id else None, profile_id)
            for e, (_none, profile_id) in zip(chunk, owners, strict=True)
        ]

    def _ensure_profiles(self, external_ids: list[str], chunk: list[GaEvent]) -> None:
        missing = list(dict.fromkeys(x for x in external_ids if x not in self.profile_ids))
        if not missing:
            return
        self.profile_ids.update(
            self.w.existing_ids(self.profiles, "external_id", self.app_id, missing)
        )
        new = [x for x in missing if x not in self.profile_ids]
        if not new:
            return
        first_seen: dict[str, GaEvent] = {}
        for e in chunk:
            key = e.user_id if e.user_id is not None else f"ga4:{e.pseudo_id}"
            first_seen.setdefault(key, e)
        ids = self.w.allocate_ids("profile", len(new))
        now = self.w.timestamp(self.now)
        rows = []
        for pid, ext in zip(ids, new, strict=True):
            seen = first_seen.get(ext)
            rows.append(
                (
                    pid,
                    self.app_id,
                    ext,
                    seen.city if seen else None,
                    _locale(seen.language) if seen else None,
                    now,
                    "{}",
                )
            )
        self.w.insert(
            "profile",
            ("id", "app_id", "external_id", "city", "locale", "created_at", "attributes"),
            rows,
        )
        self.profile_ids.update(zip(new, ids, strict=True))
        self.result.profiles_created += len(new)

    def _create_devices(self, new: dict[str, GaEvent]) -> None:
        if not new:
            return
        ids = self.w.allocate_ids("device", len(new))
        now = self.w.timestamp(self.now)
        rows = []
        for dev_id, (pseudo, e) in zip(ids, new.items(), strict=True):
            profile_id = self.device_of[pseudo][1]
            self.device_of[pseudo] = (dev_id, profile_id)
            rows.append(
                (
                    dev_id,
                    self.app_id,
                    profile_id,
                    pseudo,
                    e.platform or "android",
                    e.model,
                    e.os_version,
                    e.app_version,
                    _locale(e.language),
                    False,
                    False,
                    now,
                )
            )
        self.w.insert(
            "device",
            (
                "id",
                "app_id",
                "profile_id",
                "installation_id",
                "platform",
                "model",
                "os_version",
                "app_version",
                "locale",
                "push_enabled",
                "is_test",
                "created_at",
            ),
            rows,
        )
        self.result.devices_created += len(new)

    def _touch(self, chunk: list[GaEvent], owners: list[tuple[int | None, int]]) -> None:
        """Move last_seen_at forward and merge user properties into the profile's attributes."""
        seen: dict[int, int] = {}
        device_seen: dict[int, int] = {}
        props: dict[int, dict[str, Any]] = defaultdict(dict)
        for e, (device_id, profile_id) in zip(chunk, owners, strict=True):
            seen[profile_id] = max(seen.get(profile_id, 0), e.ts)
            if device_id is not None:
                device_seen[device_id] = max(device_seen.get(device_id, 0), e.ts)
            if e.user_properties:
                props[profile_id].update(e.user_properties)
        for table, marks in ((self.profiles, seen), (self.devices, device_seen)):
            column = table.c.last_seen_at
            at = bindparam("at", type_=column.type)
            stmt = (
                update(table)
                .where(table.c.id == bindparam("rid"))
                .values(last_seen_at=case((column.is_(None), at), (column < at, at), else_=column))
            )
            if marks:
                self.conn.execute(stmt, [{"rid": k, "at": _utc(v)} for k, v in marks.items()])
        if props:
            t = self.profiles
            stored = dict(
                self.conn.execute(
                    select(t.c.id, t.c.attributes).where(t.c.id.in_(list(props)))
                ).all()
            )
            self.conn.execute(
                update(t)
                .where(t.c.id == bindparam("rid"))
                .values(attributes=bindparam("attrs", type_=t.c.attributes.type)),
                [
                    {"rid": pid, "attrs": {**(stored.get(pid) or {}), **p}}
                    for pid, p in props.items()
                ],
            )
