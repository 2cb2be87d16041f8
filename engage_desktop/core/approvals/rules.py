"""Each app's approval threshold: sends of more recipients than this need an approval."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from engage_desktop.core.approvals.messages import approval_error
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import App, ApprovalRule


def approval_threshold(session: Session, app_id: int) -> int | None:
    """The recipient count above which the app's sends need approval; None: never."""
    rule = session.get(ApprovalRule, app_id)
    return None if rule is None else rule.above


def set_approval_threshold(
    session: Session, member_id: int, app_id: int, above: int | None, at: datetime
) -> None:
    """An admin sets (or, with None, removes) the app's threshold; audited."""
    if session.get(App, app_id) is None:
        raise approval_error("no_app", app_id)
    require(session, member_id, app_id, Permission.MANAGE_TEAM)
    if above is not None and (isinstance(above, bool) or above < 0):
        raise approval_error("bad_threshold", above)
    rule = session.get(ApprovalRule, app_id)
    before = None if rule is None else rule.above
    if above is None:
        if rule is not None:
            session.delete(rule)
    elif rule is None:
        session.add(ApprovalRule(app_id=app_id, above=above, set_by=member_id, set_at=at))
    else:
        rule.above, rule.set_by, rule.set_at = above, member_id, at
    record(
        session,
        member_id=member_id,
        app_id=app_id,
        action="approval.threshold",
        target=f"app:{app_id}",
        details={"before": before, "after": above},
        at=at,
    )
