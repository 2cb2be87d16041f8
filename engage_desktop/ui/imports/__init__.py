"""Audience import widgets: the contacts wizard and the GA4 events import.

``ContactsImportPanel`` and ``EventsImportPanel`` are plain QWidgets taking a ``UiContext``; the
Audiences page places them in its "Import" tab. All the work is core code run off the GUI thread.
"""

from engage_desktop.ui.imports.contacts_panel import ContactsImportPanel
from engage_desktop.ui.imports.events_panel import EventsImportPanel

__all__ = ["ContactsImportPanel", "EventsImportPanel"]
