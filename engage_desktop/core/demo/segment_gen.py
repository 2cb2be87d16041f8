"""Saved segments of the demo workspace: what a marketer of each app would have built already.

They are stored uncounted: the Segments tab and ``engage-desktop segment count`` count them on
demand, so opening a fresh demo shows the "never counted" state honestly.
"""

from __future__ import annotations

import json
from typing import Any

from .bulk import BulkWriter

Seeded = tuple[tuple[str, str | None, dict[str, Any]], ...]

RETAIL_SEGMENTS: Seeded = (
    (
        "Acheteurs récents",
        "Au moins deux achats ces 30 derniers jours.",
        {"type": "event", "name": "purchase", "min_count": 2, "within_days": 30, "did": True},
    ),
    (
        "Paris et Lyon, push accepté",
        "Clients des deux plus grandes villes joignables en push.",
        {
            "all": [
                {"type": "attribute", "field": "city", "op": "one_of", "value": ["Paris", "Lyon"]},
                {"type": "consent", "channel": "push", "state": "granted"},
            ]
        },
    ),
    (
        "Fidélité Argent et Or",
        None,
        {
            "type": "attribute",
            "field": "attributes.loyalty_tier",
            "op": "one_of",
            "value": ["silver", "gold"],
        },
    ),
    (
        "À 5 km d'un magasin",
        "Zone de chalandise de tous les magasins.",
        {"type": "location", "any_store": True, "radius_km": 5},
    ),
    (
        "Paniers abandonnés (7 jours)",
        "Ont ajouté au panier sans acheter cette semaine.",
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
        "Installé ces 7 derniers jours.",
        {"type": "lifecycle", "stage": "new", "days": 7},
    ),
    (
        "Joueurs inactifs depuis 14 jours",
        None,
        {"type": "lifecycle", "stage": "inactive", "days": 14},
    ),
    (
        "iOS, dernière version",
        None,
        {"type": "device", "platform": "ios", "app_version_gte": "2.18.0"},
    ),
)


def write_demo_segments(writer: BulkWriter, app_id: int, app_key: str, created: str) -> None:
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
