"""The app's best hour as analytics last computed it, for the scheduling dialog's words.

A best-hour campaign sends each recipient at the local hour they open most, and those without
opens at the app's best hour (``core.delivery.plan``). The dialog names that hour when the
analytics cache already knows it; it never computes it (that reads every open of the app, the
Analytics page's job), and a member without the analytics right simply is not told.
"""

from __future__ import annotations

from engage_desktop.core.analytics.refresh import TRENDS_KEY
from engage_desktop.core.cache import get_cached
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.security.roles import Permission


def cached_app_best_hour(ws: Workspace, app_id: int) -> int | None:
    """The local hour (0-23) with the most opens in the cached trends; None when unknown."""
    try:
        cached = get_cached(ws, app_id, TRENDS_KEY, permission=Permission.VIEW_ANALYTICS)
    except PermissionDenied:
        return None
    if cached is None or not isinstance(cached.payload, dict):
        return None
    hour = cached.payload.get("best_hour")
    return hour if isinstance(hour, int) and 0 <= hour <= 23 else None
