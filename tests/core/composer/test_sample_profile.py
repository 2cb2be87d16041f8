"""The composer's sample profile comes from the demo app's real profiles."""

from __future__ import annotations

from sqlalchemy import select

from engage_desktop.core.content.sample import FALLBACK_PROFILE, sample_profile
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Profile


def test_sample_profile_is_a_real_one(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as session:
        first = session.scalars(
            select(Profile)
            .where(Profile.app_id == 1, Profile.first_name.is_not(None))
            .order_by(Profile.id)
        ).first()
        assert first is not None
        context = sample_profile(session, 1)
    assert context["first_name"] == first.first_name
    assert all(v is not None for v in context.values())


def test_fallback_without_profiles(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as session:
        assert sample_profile(session, 999) == FALLBACK_PROFILE
