"""The main window's pages, in navigation order.

A page is a ``ui.pages.base.Page`` subclass; add its factory to ``PAGE_FACTORIES`` when its issue
has landed. Pages that are not ready are simply not listed (no placeholder screens).
Imported only once the workspace is open: pages may pull in the database layer.
"""

from __future__ import annotations

from collections.abc import Callable

from engage_desktop.ui.analytics.page import AnalyticsPage
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.pages.audiences import AudiencesPage
from engage_desktop.ui.pages.base import Page
from engage_desktop.ui.pages.campaigns import CampaignsPage
from engage_desktop.ui.pages.settings import SettingsPage
from engage_desktop.ui.sending.deliveries_page import DeliveriesPage

PAGE_FACTORIES: list[Callable[[UiContext], Page]] = [
    CampaignsPage,
    AudiencesPage,
    DeliveriesPage,
    AnalyticsPage,
    SettingsPage,  # keep last
]
