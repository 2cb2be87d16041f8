"""Saved segments of the demo workspace: what a marketer of each app would have built already.

They are counted once the build is done (``count_demo_segments``), through the same
``store_count`` a Refresh uses, so the Segments tab and ``segment list`` open with figures and
their age. Every demo size is counted: measured, counting all eight takes 0.2 s of a 20,000-user
build, 5.6 s of the 5-minute 1,000,000-user SQLite build (``python -m benchmarks demo``), and
3.2 s of a 3-minute 200,000-user PostgreSQL build (so about 15 s at 1,000,000, against a build
of a quarter of an hour).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from engage_desktop.core.segments.saved import store_count
from engage_desktop.store.models import Segment

from .bulk import BulkWriter

Seeded = tuple[tuple[str, str | None, dict[str, Any]], ...]

RETAIL_SEGMENTS: Seeded = (
    (
        "Acheteurs récents",
        "Au moins deux achats ces 30 derniers jours.",
        {"type": "event", "name": "purchase", "min_count": 2, "within_days": 30, "did": True},
    ),
    (
        "Paris et Lyon (push)",
        "Clients de Paris et de Lyon qui ont accepté les notifications push.",
        {
            "all": [
                {"type": "attribute", "field": "city", "op": "one_of", "value": ["Paris", "Lyon"]},
                {"type": "consent", "channel": "push", "state": "granted"},
            ]
        },
    ),
    (
        "Fidélité Argent et Or",
        "Membres du programme de fidélité au niveau Argent ou Or.",
        {
            "type": "attribute",
            "field": "attributes.loyalty_tier",
            "op": "one_of",
            "value": ["silver", "gold"],
        },
    ),
    (
        "Près d'un magasin",
        "À moins de 5 km de l'un des magasins : leur zone de chalandise.",
        {"type": "location", "any_store": True, "radius_km": 5},
    ),
    (
        "Paniers abandonnés",
        "Ont ajouté au panier sans acheter ces 7 derniers jours.",
        {
            "all": [
                {
                    "type": "event",
                    "name": "add_to_cart",
                    "min_count": 1,
                    "within_days": 7,
                    "did": True,
                },
                {
                    "not": {
                        "type": "event",
                        "name": "purchase",
                        "min_count": 1,
                        "within_days": 7,
                        "did": True,
                    }
                },
            ]
        },
    ),
)

GAME_SEGMENTS: Seeded = (
    (
        "Nouveaux joueurs",
        "Arrivés dans le jeu ces 7 derniers jours.",
        {"type": "lifecycle", "stage": "new", "days": 7},
    ),
    (
        "Joueurs inactifs",
        "Pas revenus dans le jeu depuis 14 jours.",
        {"type": "lifecycle", "stage": "inactive", "days": 14},
    ),
    (
        "Joueurs iOS à jour",
        "Sur iPhone ou iPad avec la version 2.18.0 ou plus récente.",
        {"type": "device", "platform": "ios", "app_version_gte": "2.18.0"},
    ),
)


def write_demo_segments(writer: BulkWriter, app_id: int, app_key: str, created: str) -> None:
    """Store the app's demo segments, uncounted (``count_demo_segments`` counts them)."""
    segments = RETAIL_SEGMENTS if app_key == "retail" else GAME_SEGMENTS
    writer.insert(
        "segment",
        ("app_id", "name", "description", "rules", "rules_version", "created_at", "updated_at"),
        [
            (
                app_id,
                name,
                description,
                json.dumps({"version": 1, "rules": rules}, ensure_ascii=False),
                1,
                created,
                created,
            )
            for name, description, rules in segments
        ],
    )


def count_demo_segments(engine: Engine, as_of: datetime) -> int:
    """Count every saved segment as of the demo's "now" and cache the figures; returns how many.

    Runs after the indexes are built and the statistics gathered, so each count takes the
    plans a user's Refresh would.
    """
    with Session(engine) as session, session.begin():
        segments = list(session.scalars(select(Segment).order_by(Segment.id)))
        for seg in segments:
            store_count(session, seg, as_of)
    return len(segments)
