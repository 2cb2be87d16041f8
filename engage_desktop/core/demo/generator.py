"""Build the demo workspace: two French apps with a realistic audience and campaign history.

``build_demo_workspace`` is deterministic: the same seed, user count and anchor day give the same
rows. On SQLite it builds into a side file and moves it into place at the end, so a cancelled or
failed build leaves nothing half-written behind.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sqlalchemy import Engine, create_engine, event, func, select

from engage_desktop.core.demo import DEFAULT_GUI_USERS
from engage_desktop.core.demo import french_data as fr
from engage_desktop.core.demo.audience_gen import (
    DAY,
    PROFILE_COLUMNS,
    AppAudience,
    AppSpec,
    AudienceGenerator,
)
from engage_desktop.core.demo.bulk import BulkWriter
from engage_desktop.core.demo.campaign_catalog import GAME_CAMPAIGNS, RETAIL_CAMPAIGNS
from engage_desktop.core.demo.campaign_gen import CampaignGenerator
from engage_desktop.core.demo.event_writer import merge_events, write_event_names, write_events
from engage_desktop.core.demo.segment_gen import count_demo_segments, write_demo_segments
from engage_desktop.core.demo.specs import GAME, NOTIFICATION_EVENTS, RETAIL, TEAM, TEST_DEVICES
from engage_desktop.core.progress import NO_PROGRESS, Progress
from engage_desktop.store.errors import WorkspaceError
from engage_desktop.store.location import WorkspaceLocation
from engage_desktop.store.migrate import open_workspace
from engage_desktop.store.models import App


@dataclass(frozen=True)
class DemoSummary:
    users: int
    profiles: int
    devices: int
    events: int
    campaigns: int
    seconds: float
    location: str


def build_demo_workspace(
    location: WorkspaceLocation,
    *,
    users: int = DEFAULT_GUI_USERS,
    seed: int = 1,
    anchor: datetime | None = None,
    admin_login: str | None = None,
    replace: bool = False,
    progress: Progress = NO_PROGRESS,
) -> DemoSummary:
    """Create the demo workspace at ``location``.

    ``anchor`` is the demo's "now" (default: today at midnight UTC), so the same seed rebuilt on
    the same day gives the same data. ``admin_login`` becomes admin of both apps (default: the OS
    user). An existing workspace is kept unless ``replace`` is given. The saved segments are
    counted as of ``anchor`` when one is given, else as of the end of the build.
    """
    if users < 10:
        raise WorkspaceError("The demo needs at least 10 users.")
    started = time.monotonic()
    anchor_ts = _anchor(anchor)
    path = location.sqlite_path
    if path is not None:
        return _build_sqlite(
            location, path, users, seed, anchor_ts, anchor, admin_login, replace, progress, started
        )
    engine = open_workspace(location, create=True)
    try:
        with engine.connect() as conn:
            if conn.scalar(select(func.count()).select_from(App)):
                raise WorkspaceError(
                    f"The workspace {location.display()} already holds apps; the demo is only "
                    "built into an empty workspace."
                )
        summary = _populate(engine, users, seed, anchor_ts, admin_login, progress)
        progress.report(99, 100, "Optimising")
        # Fresh statistics and visibility map: segment counts get the planner's good plans and
        # index-only scans at once, not after autovacuum gets round to it.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
        _count_segments(engine, anchor, progress)
    finally:
        engine.dispose()
    return _finish(summary, started, location)


def _build_sqlite(
    location: WorkspaceLocation,
    path: Path,
    users: int,
    seed: int,
    anchor_ts: int,
    anchor: datetime | None,
    admin_login: str | None,
    replace: bool,
    progress: Progress,
    started: float,
) -> DemoSummary:
    if path.exists() and not replace:
        raise WorkspaceError(
            f"{path} already exists. Choose another file or pass --replace to overwrite it."
        )
    building = path.with_name(path.name + ".building")
    _remove_sqlite(building)
    side = WorkspaceLocation(location.url.set(database=str(building)), is_default=False)
    try:
        open_workspace(side, create=True).dispose()  # schema through the real migrations
        engine = create_engine(side.url)
        event.listen(engine, "connect", _fast_build_pragmas)
        try:
            summary = _populate(engine, users, seed, anchor_ts, admin_login, progress)
            with engine.connect() as conn:
                progress.report(99, 100, "Optimising")
                conn.exec_driver_sql("ANALYZE")
            _count_segments(engine, anchor, progress)
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        finally:
            engine.dispose()
        _remove_sqlite(path)
        os.replace(building, path)
    except BaseException:
        _remove_sqlite(building)
        raise
    return _finish(summary, started, location)


def _count_segments(engine: Engine, anchor: datetime | None, progress: Progress) -> None:
    """Count the saved segments, so the demo's Segments tab opens with figures and their age."""
    progress.report(99, 100, "Counting segments")
    count_demo_segments(engine, anchor or datetime.now(UTC))


def _fast_build_pragmas(dbapi_conn: object, _record: object) -> None:
    """A file nobody else sees yet needs no journal: if the build fails it is thrown away."""
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    for pragma in (
        "journal_mode = OFF",
        "synchronous = OFF",
        "cache_size = -262144",
        "temp_store = MEMORY",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _anchor(anchor: datetime | None) -> int:
    now = anchor or datetime.now(UTC)
    return int(now.timestamp()) // DAY * DAY


def _finish(summary: DemoSummary, started: float, location: WorkspaceLocation) -> DemoSummary:
    return DemoSummary(
        summary.users,
        summary.profiles,
        summary.devices,
        summary.events,
        summary.campaigns,
        time.monotonic() - started,
        location.display(),
    )


def _populate(
    engine: Engine,
    users: int,
    seed: int,
    anchor_ts: int,
    admin_login: str | None,
    progress: Progress,
) -> DemoSummary:
    from engage_desktop.core.workspace import login_for

    admin = admin_login or login_for(engine)
    ids = {
        t: 1
        for t in (
            "campaign",
            "campaign_variant",
            "outbox_message",
            "delivery_attempt",
            "engagement_event",
        )
    }
    totals = {"profiles": 0, "devices": 0, "events": 0, "campaigns": 0}
    specs = (RETAIL, GAME)
    counts = [round(users * s.share) for s in specs]
    counts[-1] = users - sum(counts[:-1])
    with engine.begin() as conn:
        writer = BulkWriter(conn)
        member_ids = _write_team(writer, admin, anchor_ts)
        event_indexes = writer.drop_indexes("event")
        daily_indexes = writer.drop_indexes("event_daily")
        next_profile, next_device = 1, 1
        for app_no, (spec, n) in enumerate(zip(specs, counts, strict=True)):
            app_id = app_no + 1
            rng = np.random.default_rng([seed, app_no])
            _write_app(writer, app_id, spec, member_ids, anchor_ts)
            write_demo_segments(
                writer, app_id, spec.key, writer.datetime_from_unix(anchor_ts - 20 * DAY)
            )
            step = _AppProgress(progress, app_no, len(specs), spec.name)
            audience = _write_app_audience(
                writer,
                rng,
                spec,
                app_id,
                anchor_ts,
                next_profile,
                next_device,
                n,
                ids,
                member_ids[admin],
                step,
            )
            next_profile += audience.count + len(TEST_DEVICES)
            next_device += len(audience.device_ids) + len(TEST_DEVICES)
            totals["profiles"] += audience.count + len(TEST_DEVICES)
            totals["devices"] += len(audience.device_ids) + len(TEST_DEVICES)
            totals["events"] += audience.events_written
        totals["campaigns"] = ids["campaign"] - 1
        progress.report(95, 100, "Indexing events")
        writer.create_indexes(event_indexes)
        writer.create_indexes(daily_indexes)
        writer.reset_sequences()
        _write_settings(writer, seed, users, anchor_ts)
    return DemoSummary(
        users, totals["profiles"], totals["devices"], totals["events"], totals["campaigns"], 0.0, ""
    )


class _AppProgress:
    """Maps one app's steps onto the overall 0-95 % of the build."""

    def __init__(self, progress: Progress, app_no: int, apps: int, name: str) -> None:
        self.progress = progress
        self.base = 95 * app_no / apps
        self.span = 95 / apps
        self.name = name

    def __call__(self, fraction: float, message: str) -> None:
        self.progress.report(int(self.base + self.span * fraction), 100, f"{self.name}: {message}")


def _write_team(writer: BulkWriter, admin: str, anchor_ts: int) -> dict[str, int]:
    rows: list[tuple[int, str, str, str | None]] = [(1, admin, admin, None)]
    rows += [(i + 2, login, name, email) for i, (login, name, email, _r, _g) in enumerate(TEAM)]
    now = writer.datetime_from_unix(anchor_ts - 400 * DAY)
    writer.insert(
        "member",
        ("id", "login", "display_name", "email", "created_at"),
        [(*r, now) for r in rows],
    )
    return {login: mid for mid, login, _n, _e in rows}


def _write_app(
    writer: BulkWriter, app_id: int, spec: AppSpec, members: dict[str, int], anchor_ts: int
) -> None:
    now = writer.datetime_from_unix(anchor_ts - 400 * DAY)
    writer.insert(
        "app",
        (
            "id",
            "name",
            "firebase_project_id",
            "platforms",
            "use_sandbox",
            "created_at",
        ),
        [(app_id, spec.name, spec.project_id, json.dumps(["ios", "android"]), True, now)],
    )
    roles = [(members[next(iter(members))], "admin")]
    for login, _name, _email, retail_role, game_role in TEAM:
        role = retail_role if spec.key == "retail" else game_role
        if role:
            roles.append((members[login], role))
    writer.insert(
        "member_role", ("member_id", "app_id", "role"), [(m, app_id, r) for m, r in roles]
    )
    if spec.key == "retail":
        writer.insert(
            "store_location",
            ("app_id", "name", "city", "postal_code", "latitude", "longitude"),
            [
                (
                    app_id,
                    name,
                    city,
                    next(c.postal_code for c in fr.CITIES if c.name == city),
                    lat,
                    lon,
                )
                for name, city, lat, lon in fr.RETAIL_STORES
            ],
        )


def _write_app_audience(
    writer: BulkWriter,
    rng: np.random.Generator,
    spec: AppSpec,
    app_id: int,
    anchor_ts: int,
    first_profile: int,
    first_device: int,
    n: int,
    ids: dict[str, int],
    admin_id: int,
    step: _AppProgress,
) -> AppAudience:
    gen = AudienceGenerator(writer, rng, spec, app_id, anchor_ts)
    step(0.0, "drawing profiles")
    audience, state = gen.draw_profiles(first_profile, n)
    owner, name_idx, ts = gen.draw_events(audience, state)
    last_seen = np.full(n, -1, dtype=np.int64)
    np.maximum.at(last_seen, owner, ts)
    last_seen = np.where(last_seen < 0, state["created"], last_seen)
    step(0.05, "writing profiles")
    gen.write_profiles(audience, state, last_seen)
    step(0.15, "writing devices")
    gen.write_devices(audience, first_device, last_seen)
    step(0.22, "writing consent")
    gen.write_consent(audience, state["created"])
    names = [*spec.event_mix, "first_open", *NOTIFICATION_EVENTS]
    name_ids = write_event_names(writer, app_id, names)
    audience.name_ids = name_ids
    step(0.3, "writing campaigns")
    campaigns = RETAIL_CAMPAIGNS if spec.key == "retail" else GAME_CAMPAIGNS
    notif = CampaignGenerator(writer, rng, app_id, anchor_ts, ids, admin_id).write(
        campaigns, audience, {name: i for i, name in enumerate(names)}
    )
    params = gen.event_params(names, name_idx)
    owner, name_idx, ts, event_params = merge_events(owner, name_idx, ts, params, notif)
    del params  # the object array holds the same strings
    step(0.4, "writing events")
    audience.events_written = write_events(
        writer, audience, names, owner, name_idx, ts, event_params, step
    )
    _write_test_devices(
        writer, spec, app_id, first_profile + n, first_device + len(audience.device_ids), anchor_ts
    )
    return audience


def _write_test_devices(
    writer: BulkWriter,
    spec: AppSpec,
    app_id: int,
    first_profile: int,
    first_device: int,
    anchor_ts: int,
) -> None:
    """The team's own phones: a staff profile each, opted in, flagged as test devices."""
    seen = writer.datetime_from_unix(anchor_ts - 3600)
    profiles, devices, consent = [], [], []
    for i, (label, platform, model) in enumerate(TEST_DEVICES):
        pid, did = first_profile + i, first_device + i
        first, last = label.split(" de ")[1], "Équipe"
        profiles.append(
            (
                pid,
                app_id,
                f"{spec.id_prefix}-STAFF-{i + 1}",
                first,
                last,
                f"{first.lower().replace('é', 'e')}@{spec.key}.example",
                None,
                "fr-FR",
                "Europe/Paris",
                "Paris",
                "75011",
                None,
                48.8589,
                2.3790,
                seen,
                seen,
                "{}",
            )
        )
        token = f"test-{spec.key}-{i + 1}:APA91b-demo-test-device-{platform}-{i + 1:02d}"
        devices.append(
            (
                did,
                app_id,
                pid,
                f"staff-{spec.key}-{i + 1}",
                token,
                platform,
                model,
                "18.1" if platform == "ios" else "15",
                spec.app_versions[0][0],
                True,
                True,
                label,
                seen,
                seen,
            )
        )
        consent += [
            (pid, ch, "granted", seen, "staff") for ch in ("push", "in_app", "sms", "email")
        ]
    writer.insert("profile", PROFILE_COLUMNS, profiles)
    writer.insert(
        "device",
        (
            "id",
            "app_id",
            "profile_id",
            "installation_id",
            "fcm_token",
            "platform",
            "model",
            "os_version",
            "app_version",
            "push_enabled",
            "is_test",
            "label",
            "last_seen_at",
            "created_at",
        ),
        devices,
    )
    writer.insert("consent", ("profile_id", "channel", "state", "changed_at", "source"), consent)


def _write_settings(writer: BulkWriter, seed: int, users: int, anchor_ts: int) -> None:
    now = writer.datetime_from_unix(anchor_ts - 400 * DAY)
    values = {
        "workspace.name": "Démo Engage Desktop",
        "demo.seed": seed,
        "demo.users": users,
        "demo.anchor": datetime.fromtimestamp(anchor_ts, UTC).isoformat(),
    }
    writer.insert(
        "workspace_setting",
        ("key", "value", "updated_at"),
        [(k, json.dumps(v, ensure_ascii=False), now) for k, v in values.items()],
    )
