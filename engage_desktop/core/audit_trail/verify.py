"""``audit verify``: check the whole chain (any admin may ask; the answer names no content)."""

from __future__ import annotations

from engage_desktop.core.audit_trail.query import readable_apps
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit_chain import ChainReport, verify_chain


def verify(ws: Workspace) -> ChainReport:
    with ws.session_factory() as session:
        readable_apps(session, ws.member_id)
    with ws.session_factory() as session:  # a fresh transaction: one snapshot for the walk
        return verify_chain(session)
