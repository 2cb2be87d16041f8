"""Each app's delivery rules: read by the outbox, set by admins (CLI ``app rules``).

Defaults hold until an admin sets the rules: quiet hours 21:00-08:00 in each recipient's local
time, no caps, no throttle. Setting them needs ``MANAGE_APP`` and leaves an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from typing import Any

from sqlalchemy import Connection, select

from engage_desktop.core.delivery.caps import Caps, caps_text
from engage_desktop.core.delivery.daily_window import DailyWindow, RuleInputError, parse_clock
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import DeliveryRules

DEFAULT_QUIET = DailyWindow(time(21, 0), time(8, 0))
RULES = DeliveryRules.metadata.tables["delivery_rules"]


@dataclass(frozen=True)
class AppRules:
    quiet: DailyWindow | None = DEFAULT_QUIET
    caps: Caps = field(default_factory=dict)
    throttle_per_minute: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "quiet_hours": self.quiet.text() if self.quiet else None,
            "caps": caps_text(self.caps) or None,
            "throttle_per_minute": self.throttle_per_minute,
        }


def load_rules(conn: Connection, app_id: int) -> AppRules:
    """The app's rules (defaults without a row). No permission: the service reads them."""
    row = conn.execute(
        select(
            RULES.c.quiet_start, RULES.c.quiet_end, RULES.c.caps, RULES.c.throttle_per_minute
        ).where(RULES.c.app_id == app_id)
    ).first()
    if row is None:
        return AppRules()
    quiet = (
        DailyWindow(parse_clock(row[0], "quiet hours"), parse_clock(row[1], "quiet hours"))
        if row[0] and row[1]
        else None
    )
    return AppRules(quiet, dict(row[2] or {}), row[3])


def save_rules(ws: Workspace, app_id: int, rules: AppRules) -> None:
    """Store the app's rules (admins: ``MANAGE_APP``), audited."""
    if rules.throttle_per_minute is not None and rules.throttle_per_minute < 1:
        raise RuleInputError(
            f"throttle: {rules.throttle_per_minute} is not a positive number of messages a minute.",
            "rule_bad_throttle",
            str(rules.throttle_per_minute),
        )
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_APP)
        row = session.get(DeliveryRules, app_id) or DeliveryRules(app_id=app_id)
        row.quiet_start = f"{rules.quiet.start:%H:%M}" if rules.quiet else None
        row.quiet_end = f"{rules.quiet.end:%H:%M}" if rules.quiet else None
        row.caps = {ch: dict(limits) for ch, limits in rules.caps.items()}
        row.throttle_per_minute = rules.throttle_per_minute
        row.set_by = ws.member_id
        row.set_at = ws.clock.now()
        session.add(row)
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="app.delivery_rules",
            target=f"app:{app_id}",
            details=rules.as_dict(),
        )


def read_rules(ws: Workspace, app_id: int) -> AppRules:
    """The app's rules for a member who may see the app (any role)."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.VIEW_CAMPAIGNS)
        return load_rules(session.connection(), app_id)
