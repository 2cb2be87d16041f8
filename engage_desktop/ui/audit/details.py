"""An audit entry's details in the user's language: ``Role: Analyst · Approves sends: no``.

The stored details keep their codes (``role: analyst``, ``approver: false``), which the CSV
export and the tooltip show as they are. On screen the known keys get a label, yes/no, role
and sending-mode values their words; a key this version does not know (written by a newer
one) shows its code. Seen on screen before: "approver: False · role: analyst" in the French
log.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication

from engage_desktop.core.audit_trail.query import AuditRow
from engage_desktop.store.models import Role
from engage_desktop.ui.admin.texts import role_name, sending_mode
from engage_desktop.ui.messages import fill


def detail_labels() -> dict[str, str]:
    """The detail keys the product records, in words (built on each call: the language may
    change between two calls in tests)."""
    return {
        "after": QCoreApplication.translate("AuditDetails", "After"),
        "android_packages": QCoreApplication.translate("AuditDetails", "Android packages"),
        "approver": QCoreApplication.translate("AuditDetails", "Approves sends"),
        "before": QCoreApplication.translate("AuditDetails", "Before"),
        "campaign_id": QCoreApplication.translate("AuditDetails", "Campaign"),
        "changed": QCoreApplication.translate("AuditDetails", "Changed"),
        "channel": QCoreApplication.translate("AuditDetails", "Channel"),
        "client_email": QCoreApplication.translate("AuditDetails", "Client email"),
        "comment": QCoreApplication.translate("AuditDetails", "Comment"),
        "devices": QCoreApplication.translate("AuditDetails", "Devices"),
        "failed": QCoreApplication.translate("AuditDetails", "Failed"),
        "file": QCoreApplication.translate("AuditDetails", "File"),
        "filter": QCoreApplication.translate("AuditDetails", "Filter"),
        "fingerprint": QCoreApplication.translate("AuditDetails", "Fingerprint"),
        "format": QCoreApplication.translate("AuditDetails", "Format"),
        "from": QCoreApplication.translate("AuditDetails", "From"),
        "host": QCoreApplication.translate("AuditDetails", "Machine"),
        "icon_bytes": QCoreApplication.translate("AuditDetails", "Icon size (bytes)"),
        "imported": QCoreApplication.translate("AuditDetails", "Imported"),
        "inserted": QCoreApplication.translate("AuditDetails", "New"),
        "ios_bundle_ids": QCoreApplication.translate("AuditDetails", "iOS bundle ids"),
        "key_id": QCoreApplication.translate("AuditDetails", "Key id"),
        "kept_failed": QCoreApplication.translate("AuditDetails", "Kept failed"),
        "label": QCoreApplication.translate("AuditDetails", "Label"),
        "mode": QCoreApplication.translate("AuditDetails", "Sends to"),
        "name": QCoreApplication.translate("AuditDetails", "Name"),
        "not_sent": QCoreApplication.translate("AuditDetails", "Not sent"),
        "outcome": QCoreApplication.translate("AuditDetails", "Outcome"),
        "passed": QCoreApplication.translate("AuditDetails", "Passed"),
        "project_id": QCoreApplication.translate("AuditDetails", "Firebase project"),
        "provider": QCoreApplication.translate("AuditDetails", "Provider"),
        "queued": QCoreApplication.translate("AuditDetails", "Queued"),
        "recipients": QCoreApplication.translate("AuditDetails", "Recipients"),
        "removed_here": QCoreApplication.translate("AuditDetails", "Removed from this machine"),
        "role": QCoreApplication.translate("AuditDetails", "Role"),
        "rows": QCoreApplication.translate("AuditDetails", "Rows"),
        "rows_with_left_out_values": QCoreApplication.translate(
            "AuditDetails", "Rows with values left out"
        ),
        "still_on": QCoreApplication.translate("AuditDetails", "Still on"),
        "suppressed": QCoreApplication.translate("AuditDetails", "Suppressed"),
        "time_zone": QCoreApplication.translate("AuditDetails", "Time zone"),
        "to": QCoreApplication.translate("AuditDetails", "To"),
        "updated": QCoreApplication.translate("AuditDetails", "Updated"),
        "variant": QCoreApplication.translate("AuditDetails", "Variant"),
        "was": QCoreApplication.translate("AuditDetails", "Was"),
        "what": QCoreApplication.translate("AuditDetails", "What"),
        "why": QCoreApplication.translate("AuditDetails", "Why"),
    }


def _value(key: str, value: object) -> str:
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("AuditDetails", "yes")
            if value
            else QCoreApplication.translate("AuditDetails", "no")
        )
    if value is None:
        return "—"
    if key == "role" and value in {r.value for r in Role}:
        return role_name(Role(value))
    if key == "mode" and value in ("fcm", "sandbox"):
        return sending_mode(value == "sandbox")
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value) or "—"  # package names, hosts: a plain list
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def details_text(row: AuditRow) -> str:
    """``label: value · label: value`` on one line, in the order of the labels."""
    labels = detail_labels()
    items = sorted(row.details.items(), key=lambda kv: labels.get(kv[0], kv[0]).casefold())
    pair = QCoreApplication.translate("AuditDetails", "%1: %2")  # French: "%1 : %2"
    return " · ".join(fill(pair, [labels.get(key, key), _value(key, v)]) for key, v in items)
