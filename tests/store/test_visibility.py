"""Profiles of a contacts import still writing are invisible to every reader (``visibility``).

A real import is held between two of its committed chunks (inside its progress report, where
it holds no lock) while segments, counts, the overview and the expansion of a campaign read the
app: none of them sees its contacts, though they are in the table.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from engage_desktop.core.audience_overview import compute_payload
from engage_desktop.core.imports.contacts import import_contacts
from engage_desktop.core.listing import search_profiles
from engage_desktop.core.outbox.expand import _audience_rows
from engage_desktop.core.outbox.expand_contacts import contact_rows
from engage_desktop.core.progress import Progress
from engage_desktop.core.segments.catalog import audience_size, sample_profiles
from engage_desktop.core.segments.count import app_reach, count_profiles, count_segment
from engage_desktop.core.segments.rules import parse_rules
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, Channel, Profile, Role
from engage_desktop.store.visibility import published_profiles
from tests.support.apps import add_app
from tests.support.sending import seed_campaign

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
PARIS = parse_rules(
    {
        "version": 1,
        "rules": {"type": "attribute", "field": "city", "op": "equals", "value": "Paris"},
    }
)


def write_contacts(path: Path, first: int, rows: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["identifiant", "email", "téléphone", "ville", "opt-in sms", "opt-in email"])
        for i in range(first, first + rows):
            out.writerow([f"N{i}", f"n{i}@exemple.fr", "0612345678", "Paris", "oui", "oui"])


def figures(ws: Workspace, app_id: int, campaign_id: int) -> dict[str, Any]:
    """What each reader sees of the app."""
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        return {
            "segment": count_segment(s, app_id, PARIS, NOW).profiles,
            "profiles": count_profiles(s, app_id, PARIS, NOW),
            "audience size": audience_size(s, app_id),
            "sample": len(sample_profiles(s, app_id, PARIS, NOW, limit=100)),
            "reach": app_reach(s, app_id),
            "overview": compute_payload(s, app_id, NOW)["profiles"],
            "push audience": len({row[0] for row in _audience_rows(s, campaign)}),
            "sms audience": len(list(contact_rows(s, campaign, Channel.SMS))),
            "contacts list": search_profiles(s, ws.member_id, app_id).total,
        }


def in_table(ws: Workspace, app_id: int) -> int:
    with ws.session() as s:
        return int(s.scalar(select(func.count()).where(Profile.app_id == app_id)) or 0)


def test_readers_see_none_of_an_import_until_it_is_published(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = add_app(ws, "Maison Lumière", Role.ADMIN, platforms=())
    campaign_id = seed_campaign(ws, app_id)
    first = tmp_path / "first.csv"
    write_contacts(first, 0, 10)
    import_contacts(ws, app_id, first)
    before = figures(ws, app_id, campaign_id)
    assert before["segment"] == before["sms audience"] == 10  # the readers do count contacts
    big = tmp_path / "big.csv"
    write_contacts(big, 10, 12_000)
    during: list[tuple[int, dict[str, Any]]] = []

    def on_progress(done: int, total: int | None, message: str) -> None:
        if message == "rows" and 5_000 <= done < 12_000 and not during:
            during.append((in_table(ws, app_id), figures(ws, app_id, campaign_id)))

    import_contacts(ws, app_id, big, progress=Progress(on_progress))
    [(rows_written, seen)] = during
    assert rows_written >= 10 + 5_000  # committed, yet:
    assert seen == before
    after = figures(ws, app_id, campaign_id)
    assert (after["segment"], after["overview"], after["sms audience"]) == (12_010,) * 3
    assert after["contacts list"] == 12_010


def test_the_rule_is_nothing_off_sqlite() -> None:
    """PostgreSQL imports in one transaction: no predicate, whose row id test would cost its
    index-only scans."""
    assert str(published_profiles("postgresql")) == "true"
    assert "import_run" in str(published_profiles("sqlite"))
