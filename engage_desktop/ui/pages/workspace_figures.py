"""What a workspace holds, in the words a marketer uses (Settings → General → Workspace).

Settings listed every database table by its raw name (``event_daily``, ``outbox_message``,
``audit_chain_head``…). It now shows the things people work with, each with a translated label;
internal tables (caches, rollups, chain heads, heartbeats) are left out. The table's name stays
in the tooltip for whoever supports the workspace.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication


def figure_labels() -> list[tuple[str, str]]:
    """(table, label) in the order shown."""
    return [
        ("app", QCoreApplication.translate("WorkspaceFigures", "Apps")),
        ("member", QCoreApplication.translate("WorkspaceFigures", "Team members")),
        ("profile", QCoreApplication.translate("WorkspaceFigures", "Contacts")),
        ("device", QCoreApplication.translate("WorkspaceFigures", "Devices")),
        ("event", QCoreApplication.translate("WorkspaceFigures", "Recorded events")),
        ("segment", QCoreApplication.translate("WorkspaceFigures", "Segments")),
        ("campaign", QCoreApplication.translate("WorkspaceFigures", "Campaigns")),
        (
            "outbox_message",
            QCoreApplication.translate("WorkspaceFigures", "Messages queued or sent"),
        ),
        (
            "engagement_event",
            QCoreApplication.translate("WorkspaceFigures", "Receipts, opens and conversions"),
        ),
        ("store_location", QCoreApplication.translate("WorkspaceFigures", "Stores")),
        ("audit_log", QCoreApplication.translate("WorkspaceFigures", "Audit log entries")),
    ]


def shown_figures(counts: Mapping[str, int]) -> list[tuple[str, str, int]]:
    """(label, table, count) for the tables a marketer knows, in order."""
    return [(label, table, counts[table]) for table, label in figure_labels() if table in counts]
