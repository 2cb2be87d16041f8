"""The variables a template sees for one profile: its columns plus its custom attributes."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from engage_desktop.store.models import Profile

SAMPLE_PROFILE: dict[str, Any] = {
    "first_name": "Camille",
    "last_name": "Martin",
    "email": "camille.martin@example.fr",
    "city": "Lyon",
    "postal_code": "69002",
    "locale": "fr-FR",
    "birth_date": date(1990, 5, 14),
    "loyalty_points": 1250,
    "favourite_store": "Lyon Part-Dieu",
}


def profile_context(session: Session, profile_id: int) -> dict[str, Any]:
    """Columns first, then custom attributes (which may not override a column)."""
    profile = session.get(Profile, profile_id)
    if profile is None:
        raise LookupError(f"No profile with id {profile_id}.")
    context: dict[str, Any] = dict(profile.attributes or {})
    for name in (
        "external_id",
        "first_name",
        "last_name",
        "email",
        "phone",
        "city",
        "postal_code",
        "locale",
        "time_zone",
        "birth_date",
    ):
        value = getattr(profile, name)
        if value is not None:
            context[name] = value
    context["profile_id"] = profile.id
    return context
