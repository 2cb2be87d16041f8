"""Permission refusals in French: the role, the app and what it lacks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engage_desktop.core.workspace import Workspace
from tests.support.apps import add_app


def test_permission_refusals_in_french(
    french: None, make_workspace: Callable[..., Workspace]
) -> None:
    from engage_desktop.security.roles import Permission, PermissionDenied, require
    from engage_desktop.store.models import MemberRole, Role
    from engage_desktop.ui.messages import permission_text

    ws = make_workspace()
    app_id = add_app(ws, "A", None, project="p")  # no role on it yet
    with pytest.raises(PermissionDenied) as caught, ws.session() as session:
        require(session, ws.member_id, app_id, Permission.EDIT_AUDIENCE)
    assert str(caught.value) == (
        "You have no role on app 'A', which does not allow 'edit_audience'."
    )  # the CLI's English names the app
    assert permission_text(caught.value) == (
        "Vous n’avez aucun rôle sur l’app « A » : il ne vous est pas permis de modifier "
        "l’audience (imports, segments)."
    )
    with ws.session() as session:
        session.add(MemberRole(member_id=ws.member_id, app_id=app_id, role=Role.ANALYST))
    with pytest.raises(PermissionDenied) as caught, ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
    assert permission_text(caught.value) == (
        "Votre rôle sur l’app « A » (analyste) ne vous permet pas de modifier les identifiants "
        "de l’app."
    )
    assert permission_text(PermissionDenied("Old-style refusal.")) == "Old-style refusal."
