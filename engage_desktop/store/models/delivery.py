"""Each app's delivery rules: quiet hours, frequency caps and the default throttle (0009).

No row means the defaults (``core.delivery.app_rules``): quiet hours 21:00-08:00 in each
recipient's local time, no caps, no throttle. A row whose quiet hours are empty turns them off.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, JSONDoc, utcnow


class DeliveryRules(Base):
    """One app's rules, as an admin set them (``engage-desktop app rules``)."""

    __tablename__ = "delivery_rules"

    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"), primary_key=True)
    # "HH:MM" local times; both empty: no quiet hours.
    quiet_start: Mapped[str | None] = mapped_column(String(5))
    quiet_end: Mapped[str | None] = mapped_column(String(5))
    # {"push": {"day": 2, "week": 5}, "sms": {"week": 1}}: most messages per person and period.
    caps: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    throttle_per_minute: Mapped[int | None] = mapped_column(Integer)
    set_by: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)
