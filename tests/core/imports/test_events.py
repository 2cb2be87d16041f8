"""GA4 / Firebase Analytics export import: events, rollup, devices, profiles, engagement."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.imports.events import import_events
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    Campaign,
    CampaignFormat,
    Channel,
    Device,
    EngagementEvent,
    EngagementKind,
    Event,
    EventDaily,
    EventName,
    OutboxMessage,
    Profile,
)
from tests.support.paths import IMPORT_SAMPLES

SAMPLE = IMPORT_SAMPLES / "ga4_export_sample.ndjson"
T0 = 1762329600  # 2025-11-05 08:00 UTC, the sample's first event


def add_campaign_with_outbox(ws: Workspace, app_id: int) -> int:
    """Campaign 'soldes_hiver' with one outbox message 'ed-1-1' (as expand.message_id_for makes)."""
    with ws.session() as session:
        campaign = Campaign(
            app_id=app_id,
            name="Soldes d'hiver",
            format=CampaignFormat.PUSH,
            analytics_label="soldes_hiver",
        )
        session.add(campaign)
        session.flush()
        session.add(
            OutboxMessage(
                campaign_id=campaign.id,
                app_id=app_id,
                channel=Channel.PUSH,
                message_id=f"ed-{campaign.id}-1",
                variant_key="B",
            )
        )
        return campaign.id


def counts(ws: Workspace) -> dict[str, int]:
    with ws.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Event, EventDaily, EventName, Profile, Device, EngagementEvent)
        }


def test_sample_export_imports_events_devices_and_profiles(ws: Workspace, app_id: int) -> None:
    result = import_events(ws, app_id, SAMPLE)
    assert (result.imported, result.failed) == (10, 0)
    with ws.session() as session:
        users = {p.external_id: p for p in session.scalars(select(Profile))}
        # The first device logged in as CLI0001: its anonymous events belong to that user too.
        assert set(users) == {"CLI0001", "ga4:f0e1d2c3b4a5968778695a4b3c2d1e0f"}
        cli = users["CLI0001"]
        assert cli.attributes == {"loyalty_tier": "gold"}
        assert (cli.city, cli.locale) == ("Lyon", "fr-FR")
        assert cli.last_seen_at is not None and int(cli.last_seen_at.timestamp()) == T0 + 3700
        devices = {d.installation_id: d for d in session.scalars(select(Device))}
        android = devices["a1b2c3d4e5f60718293a4b5c6d7e8f90"]
        assert (android.platform, android.model, android.app_version) == (
            "android",
            "Pixel 8",
            "5.4.0",
        )
        assert android.profile_id == cli.id
        assert devices["f0e1d2c3b4a5968778695a4b3c2d1e0f"].platform == "ios"
        names = dict(session.execute(select(EventName.name, EventName.id)).all())
        purchase = session.scalars(select(Event).where(Event.name_id == names["purchase"])).one()
        assert purchase.params == {"transaction_id": "T-1001", "value": 129.5, "currency": "EUR"}
        assert purchase.ts == T0 + 300
        assert purchase.device_id == android.id
        session_start = session.scalars(
            select(Event).where(Event.name_id == names["session_start"])
        ).one()
        assert session_start.params == {"ga_session_id": 1762329600, "engagement_time_msec": 0}


def _shifted(tmp_path: Path, seconds: int) -> Path:
    """The sample export as if exported ``seconds`` later (another day's file)."""
    out = tmp_path / "shifted.ndjson"
    lines = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        row["event_timestamp"] = str(int(row["event_timestamp"]) + seconds * 1_000_000)
        lines.append(json.dumps(row))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def test_reimporting_an_export_does_not_double_its_events(ws: Workspace, app_id: int) -> None:
    first = import_events(ws, app_id, SAMPLE)
    before = counts(ws)
    again = import_events(ws, app_id, SAMPLE)
    assert again.already_stored == first.imported == 10
    assert again.imported == 0
    assert counts(ws) == before


def test_daily_rollup_in_step_and_accumulates(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    import_events(ws, app_id, SAMPLE)
    import_events(ws, app_id, _shifted(tmp_path, 3600))  # an hour later: new events, same days
    with ws.session() as session:
        expected: dict[tuple[int, int, int], list[int]] = {}
        for name_id, ts, profile_id in session.execute(
            select(Event.name_id, Event.ts, Event.profile_id)
        ):
            slot = expected.setdefault((name_id, ts // 86400, profile_id), [0, ts, ts])
            slot[0] += 1
            slot[1], slot[2] = min(slot[1], ts), max(slot[2], ts)
        daily = session.execute(
            select(
                EventDaily.name_id,
                EventDaily.day,
                EventDaily.profile_id,
                EventDaily.count,
                EventDaily.first_ts,
                EventDaily.last_ts,
            )
        ).all()
    assert sorted((*k, *v) for k, v in expected.items()) == sorted(tuple(r) for r in daily)
    assert sum(r[3] for r in daily) == 20


def test_notifications_attributed_by_message_id_then_label(ws: Workspace, app_id: int) -> None:
    campaign_id = add_campaign_with_outbox(ws, app_id)
    result = import_events(ws, app_id, SAMPLE)
    assert result.engagements == 3
    assert result.unattributed_notifications == 1  # label 'inconnu' matches no campaign
    with ws.session() as session:
        rows = session.scalars(select(EngagementEvent).order_by(EngagementEvent.at)).all()
    kinds = [(r.kind, r.message_id, r.variant_key, r.campaign_id) for r in rows]
    assert kinds == [
        (EngagementKind.DELIVERED, "ed-1-1", "B", campaign_id),
        (EngagementKind.OPENED, "ed-1-1", "B", campaign_id),
        (EngagementKind.OPENED, "0:1762416000%31bd1c9631bd1c96", None, campaign_id),
    ]
    again = import_events(ws, app_id, SAMPLE)
    assert again.engagements == 0  # the same message's open is not counted twice


def test_gzip_export(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    path = tmp_path / "events_20251105.json.gz"
    path.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    assert import_events(ws, app_id, path).imported == 10


def test_truncated_gzip_names_the_line_and_writes_nothing(
    ws: Workspace, app_id: int, tmp_path: Path
) -> None:
    before = counts(ws)
    lines = SAMPLE.read_bytes() * 800  # 8,000 lines: several chunks are written before the end
    data = gzip.compress(lines)
    path = tmp_path / "events.json.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    with pytest.raises(ImportFailed, match=r"truncated: the compressed data ends inside line \d+"):
        import_events(ws, app_id, path)
    assert counts(ws) == before


def bad_rows() -> list[str]:
    good = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[1])

    def variant(**change: Any) -> str:
        return json.dumps({**good, **change})

    return [
        variant(),
        '{"event_name": "view_item", "event_timestamp": ',  # cut in the middle
        variant(event_timestamp="hier"),
        variant(event_name=""),
        variant(user_id=None, user_pseudo_id=None),
        variant(event_params=[{"key": "value", "value": {"int_value": "douze"}}]),
        variant(event_params={"not": "a list"}),
        "[1, 2, 3]",
        variant(),
    ]


def test_bad_rows_are_reported_and_the_rest_imported(
    ws: Workspace, app_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "events.ndjson"
    path.write_text("\n".join(bad_rows()) + "\n", encoding="utf-8")
    result = import_events(ws, app_id, path)
    assert (result.imported, result.failed) == (2, 7)
    reasons = {(e.line, e.column): e.reason for e in result.errors}
    assert "not valid JSON" in reasons[(2, None)]
    assert "microseconds" in reasons[(3, "event_timestamp")]
    assert "missing event name" in reasons[(4, "event_name")]
    assert "neither user_id nor user_pseudo_id" in reasons[(5, "user_pseudo_id")]
    assert "not an integer" in reasons[(6, "event_params")]
    assert "must be a list" in reasons[(7, "event_params")]
    assert "not a JSON object" in reasons[(8, None)]


def test_existing_device_keeps_its_profile(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    with ws.session() as session:
        owner = Profile(app_id=app_id, external_id="CLI0042")
        session.add(owner)
        session.flush()
        session.add(
            Device(
                app_id=app_id,
                profile_id=owner.id,
                platform="ios",
                installation_id="f0e1d2c3b4a5968778695a4b3c2d1e0f",
            )
        )
    import_events(ws, app_id, SAMPLE)
    with ws.session() as session:
        externals = set(session.scalars(select(Profile.external_id)))
    assert externals == {"CLI0001", "CLI0042"}  # no anonymous profile for a known device
