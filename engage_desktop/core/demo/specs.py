"""Who is in the demo workspace: its two apps, the team around them and their test phones.

Data, not logic: the generator reads these to build the same workspace every time.
"""

from __future__ import annotations

from engage_desktop.core.demo.audience_gen import AppSpec

RETAIL = AppSpec(
    key="retail",
    name="Maison Lumière",
    project_id="maison-lumiere-prod",
    id_prefix="ML",
    share=0.7,
    ios_share=0.46,
    event_mix={
        "session_start": 0.30,
        "screen_view": 0.24,
        "view_item": 0.19,
        "view_promotion": 0.05,
        "search": 0.05,
        "add_to_wishlist": 0.03,
        "add_to_cart": 0.08,
        "begin_checkout": 0.035,
        "purchase": 0.025,
    },
    age_range=(18, 78),
    app_versions=(("5.4.0", 55.0), ("5.3.2", 25.0), ("5.2.0", 12.0), ("4.9.1", 8.0)),
    weekend_boost=0.18,
    deep_link_scheme="maisonlumiere",
)
GAME = AppSpec(
    key="game",
    name="Pixel Quest",
    project_id="pixel-quest-prod",
    id_prefix="PQ",
    share=0.3,
    ios_share=0.41,
    event_mix={
        "session_start": 0.30,
        "screen_view": 0.14,
        "level_start": 0.20,
        "level_end": 0.18,
        "earn_virtual_currency": 0.08,
        "spend_virtual_currency": 0.05,
        "unlock_achievement": 0.03,
        "post_score": 0.02,
    },
    age_range=(13, 55),
    app_versions=(("2.18.0", 60.0), ("2.17.3", 30.0), ("2.16.0", 10.0)),
    weekend_boost=0.3,
    deep_link_scheme="pixelquest",
)
NOTIFICATION_EVENTS = ("notification_receive", "notification_open", "notification_dismiss")

TEAM = (  # (login, display name, email, role on retail, role on game)
    (
        "camille.martin",
        "Camille Martin",
        "camille.martin@maisonlumiere.example",
        "marketer",
        "analyst",
    ),
    ("julien.bernard", "Julien Bernard", "julien.bernard@maisonlumiere.example", "analyst", None),
    ("lea.dubois", "Léa Dubois", "lea.dubois@pixelquest.example", None, "marketer"),
)
TEST_DEVICES = (
    ("Pixel 8 de Camille", "android", "Pixel 8"),
    ("iPhone 15 de Julien", "ios", "iPhone 15"),
    ("Galaxy S23 de Léa", "android", "Galaxy S23"),
)
