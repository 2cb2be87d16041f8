"""The main window's pages, in navigation order.

A page is a ``ui.pages.base.Page`` subclass; add its factory to ``PAGE_FACTORIES`` when its issue
has landed. Pages that are not ready are simply not listed (no placeholder screens).
Imported only once the workspace is open: pages may pull in the database layer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from engage_desktop.ui.context import UiContext
from engage_desktop.ui.pages.audiences import AudiencesPage
from engage_desktop.ui.pages.base import Page
from engage_desktop.ui.pages.campaigns import CampaignsPage
from engage_desktop.ui.pages.deferred import DeferredPage
from engage_desktop.ui.pages.settings import SettingsPage
from engage_desktop.ui.sending.deliveries_page import DeliveriesPage


def analytics_title() -> str:
    """The Analytics page's name, in the page's own translation context."""
    return QCoreApplication.translate("AnalyticsPage", "Analytics")


def _analytics_page(context: UiContext) -> Page:
    from engage_desktop.ui.analytics.page import AnalyticsPage  # matplotlib: when first shown

    return AnalyticsPage(context)


def _deferred_analytics(context: UiContext) -> Page:
    return DeferredPage(context, "analytics", analytics_title, _analytics_page)


PAGE_FACTORIES: list[Callable[[UiContext], Page]] = [
    CampaignsPage,
    AudiencesPage,
    DeliveriesPage,
    _deferred_analytics,
    SettingsPage,  # keep last
]
