"""The demo apps' campaigns: what each one says, when it went out and how it did.

Data, not logic (like ``specs``): ``campaign_gen`` writes these with believable results. A
campaign naming a ``segment`` targets that demo segment (``segment_gen``) and its recipients are
drawn from its members (``campaign_targets``); a sent one names only segments that do not
depend on events, which are written after the campaigns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class DemoCampaign:
    name: str
    format: str  # CampaignFormat value
    status: str  # CampaignStatus value
    days_ago: float  # send time relative to the demo's "now" (negative: in the future)
    variants: tuple[dict[str, Any], ...]
    label: str | None = None
    tags: tuple[str, ...] = ()
    reach: float = 0.25  # share of reachable recipients targeted (1.0: the whole segment)
    open_rate: float = 0.07
    conversion_rate: float = 0.015
    control_share: float = 0.0
    segment: str | None = None  # a demo segment's name (segment_gen); None: the whole audience


DEMO_TIME_ZONE = "Europe/Paris"  # both demo apps' zone (the app table's default)


def demo_schedule(at_unix: int) -> dict[str, str]:
    """``campaign.schedule`` as the scheduling dialog stores it: the time on the app's clocks,
    with its offset and zone (a bare UTC time read as the app's local time, an hour off)."""
    wall = datetime.fromtimestamp(at_unix, ZoneInfo(DEMO_TIME_ZONE))
    return {"mode": "at", "at": wall.isoformat(), "time_zone": DEMO_TIME_ZONE}


def _push(title: str, body: str, link: str, image: str | None = None) -> dict[str, Any]:
    content: dict[str, Any] = {"title": title, "body": body, "deep_link": link}
    if image:
        content["image_url"] = image
    return content


RETAIL_CAMPAIGNS: tuple[DemoCampaign, ...] = (
    DemoCampaign(
        "Soldes d'hiver : -30 % sur les luminaires",
        "push",
        "completed",
        21,
        (
            _push(
                '{{ first_name | default: "Bonjour" }}, les soldes commencent 💡',
                "-30 % sur tous les luminaires jusqu'à dimanche. Profitez-en en magasin ou sur l'appli.",
                "maisonlumiere://soldes/luminaires",
                "https://cdn.maisonlumiere.example/push/soldes-hiver.jpg",
            ),
        ),
        label="soldes_hiver",
        tags=("soldes", "promo"),
        reach=0.3,
        open_rate=0.082,
        conversion_rate=0.021,
        control_share=0.1,
    ),
    DemoCampaign(
        "Nouvelle collection printemps (A/B)",
        "push",
        "completed",
        48,
        (
            _push(
                "La collection printemps est arrivée 🌷",
                "Lin lavé, couleurs douces : découvrez les nouveautés.",
                "maisonlumiere://collections/printemps",
            ),
            _push(
                "Nouveautés : le printemps s'installe chez vous",
                "Plus de 200 pièces à découvrir dès aujourd'hui.",
                "maisonlumiere://collections/printemps",
            ),
        ),
        label="collection_printemps",
        tags=("collection",),
        reach=0.25,
        open_rate=0.064,
    ),
    DemoCampaign(
        "Panier oublié : relance J+1",
        "push",
        "completed",
        9,
        (
            _push(
                "Vous avez oublié quelque chose ?",
                "Votre panier vous attend. Livraison offerte dès 49 €.",
                "maisonlumiere://panier",
            ),
        ),
        label="relance_panier",
        tags=("automatisation", "panier"),
        reach=0.05,
        open_rate=0.12,
        conversion_rate=0.04,
    ),
    DemoCampaign(
        "Vente privée membres Argent et Or",
        "email",
        "completed",
        30,
        (
            {
                "subject": "Vente privée : vos 48 h d'avance",
                "preheader": "Réservé aux membres Argent et Or",
                "html": "<h1>Vente privée</h1><p>Bonjour {{ first_name }}, profitez de 48 h d'avance.</p>",
            },
        ),
        label="vente_privee_or",
        tags=("fidélité",),
        reach=1.0,  # the whole segment, as far as it can be reached
        open_rate=0.24,
        conversion_rate=0.03,
        segment="Fidélité Argent et Or",
    ),
    DemoCampaign(
        "Code promo SMS week-end",
        "sms",
        "completed",
        14,
        ({"body": "Maison Lumiere: -15% ce week-end avec le code WEEKEND15. STOP au 36111"},),
        label="sms_weekend",
        tags=("promo",),
        reach=0.3,
        open_rate=0.0,
        conversion_rate=0.012,
    ),
    DemoCampaign(
        "Fête des mères",
        "push",
        "scheduled",
        -5,
        (
            _push(
                "Fête des mères : l'idée cadeau qui éclaire 🎁",
                "Bougies, linge, déco : notre sélection dès 19 €.",
                "maisonlumiere://selection/fete-des-meres",
            ),
        ),
        label="fete_des_meres",
        tags=("saisonnier",),
        segment="Acheteurs récents",
    ),
    DemoCampaign(
        "Ouverture du magasin de Brest",
        "push",
        "draft",
        0,
        (
            _push(
                "Nouveau magasin à Brest !",
                "Venez découvrir votre Maison Lumière rue de Siam dès samedi.",
                "maisonlumiere://magasins/brest",
            ),
        ),
        tags=("magasin", "géociblage"),
        segment="Près d'un magasin",
    ),
)

GAME_CAMPAIGNS: tuple[DemoCampaign, ...] = (
    DemoCampaign(
        "Double XP ce week-end",
        "push",
        "completed",
        6,
        (
            _push(
                "⚡ Double XP tout le week-end",
                "Tous les niveaux rapportent deux fois plus d'XP jusqu'à lundi.",
                "pixelquest://events/double-xp",
            ),
        ),
        label="double_xp",
        tags=("événement",),
        reach=0.4,
        open_rate=0.11,
        conversion_rate=0.02,
    ),
    DemoCampaign(
        "Vos vies sont rechargées",
        "push",
        "completed",
        35,
        (
            _push(
                "Vos vies sont pleines ❤️❤️❤️",
                '{{ first_name | default: "Aventurier" }}, le niveau suivant vous attend !',
                "pixelquest://play",
            ),
        ),
        label="vies_pleines",
        tags=("réengagement",),
        reach=1.0,
        open_rate=0.09,
        conversion_rate=0.0,
        segment="Joueurs inactifs",
    ),
    DemoCampaign(
        "Nouveau monde : les Îles Flottantes",
        "push",
        "draft",
        0,
        (
            _push(
                "Un nouveau monde s'ouvre 🏝️",
                "Les Îles Flottantes arrivent avec 40 niveaux inédits.",
                "pixelquest://worlds/iles-flottantes",
            ),
        ),
        tags=("lancement",),
        segment="Joueurs iOS à jour",
    ),
)
