"""The profile a composer previews with: a real one from the app when there is one.

Liquid variables are the profile's columns (``first_name``, ``city``…), the same names the send
pipeline passes, so a preview's "missing fields" are the ones a real send would miss.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.store.models import Profile

PROFILE_FIELDS = ("first_name", "last_name", "city", "postal_code", "locale", "time_zone")
FALLBACK_PROFILE: dict[str, Any] = {
    "first_name": "Camille",
    "last_name": "Martin",
    "city": "Lyon",
    "postal_code": "69002",
    "locale": "fr-FR",
    "time_zone": "Europe/Paris",
}


def sample_profile(session: Session, app_id: int) -> dict[str, Any]:
    """Liquid context of the app's first profile with a first name, else a made-up French one.

    Empty columns are left out so that they show up as missing fields, as they would at send time.
    """
    profile = session.scalars(
        select(Profile)
        .where(Profile.app_id == app_id, Profile.first_name.is_not(None))
        .order_by(Profile.id)
        .limit(1)
    ).first()
    if profile is None:
        return dict(FALLBACK_PROFILE)
    context: dict[str, Any] = {
        name: value for name in PROFILE_FIELDS if (value := getattr(profile, name)) is not None
    }
    if profile.birth_date is not None:
        context["birth_date"] = profile.birth_date.isoformat()
    return context
