"""Apps in a test workspace, with the current user's role on them."""

from __future__ import annotations

from collections.abc import Sequence

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, MemberRole, Role


def add_app(
    ws: Workspace,
    name: str = "Maison Test",
    role: Role | None = Role.ADMIN,
    *,
    platforms: Sequence[str] = ("ios",),
    project: str | None = None,
) -> int:
    """An app named ``name`` (its Firebase project id derived from the name unless given), on
    which the workspace's current member has ``role`` (``None``: no role at all)."""
    with ws.session() as session:
        app = App(
            name=name,
            firebase_project_id=project or name.lower().replace(" ", "-"),
            platforms=list(platforms),
        )
        session.add(app)
        session.flush()
        if role is not None:
            session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=role))
        return app.id
