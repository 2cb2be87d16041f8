"""Profile search: case-insensitive, and LIKE's wildcards in the text are taken literally."""

from __future__ import annotations

from collections.abc import Callable

from engage_desktop.core.listing import search_profiles
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, MemberRole, Profile, Role


def test_search_is_literal_and_case_insensitive(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    with ws.session() as session:
        app = App(name="Shop", firebase_project_id="shop")
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ANALYST))
        session.add_all(
            [
                Profile(app_id=app.id, external_id="a_b", city="Paris"),
                Profile(app_id=app.id, external_id="axb", city="Lyon"),
                Profile(app_id=app.id, external_id="c100%", email="Zoe@Exemple.fr"),
            ]
        )
        session.flush()
        app_id = app.id
    with ws.session() as session:

        def found(text: str) -> list[str]:
            return sorted(
                r.external_id for r in search_profiles(session, ws.member_id, app_id, text).rows
            )

        assert found("a_b") == ["a_b"]  # "_" is not "any character"
        assert found("0%") == ["c100%"]
        assert found("zoe@EXEMPLE") == ["c100%"]
        assert found("paris") == ["a_b"]
        assert search_profiles(session, ws.member_id, app_id, "").total == 3
