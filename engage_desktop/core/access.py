"""The one way to read an app's data outside a use case: a session opened after the check.

Use cases (``list_campaigns``, ``search_profiles``…) check their own permission. Readers that
compose several small queries on one connection (the live segment count, the builder's
suggestions, which must stay interruptible) open their session here instead of from the
workspace's factory, so no read of an app's data skips the member's permission on that app.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission, require


@contextmanager
def app_session(ws: Workspace, app_id: int, permission: Permission) -> Iterator[Session]:
    """A session (no transaction commit: reads) for a member who has ``permission`` on the app.

    Raises ``PermissionDenied`` (``AppNotFound`` for an unknown app) before yielding.
    """
    with ws.session_factory() as session:
        require(session, ws.member_id, app_id, permission)
        yield session
