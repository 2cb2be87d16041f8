"""Audit actions and chain problems in the user's language (codes stay the stored data)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engage_desktop.core.audit_trail.query import AuditRow
from engage_desktop.security.audit_chain import ChainBreak
from engage_desktop.ui.messages import fill


def action_labels() -> dict[str, str]:
    return {
        "campaign.create": QCoreApplication.translate("AuditLabels", "Campaign created"),
        "campaign.update": QCoreApplication.translate("AuditLabels", "Campaign edited"),
        "campaign.schedule": QCoreApplication.translate("AuditLabels", "Campaign scheduled"),
        "campaign.unschedule": QCoreApplication.translate("AuditLabels", "Campaign unscheduled"),
        "campaign.send": QCoreApplication.translate("AuditLabels", "Campaign sent"),
        "campaign.test_send": QCoreApplication.translate("AuditLabels", "Test send"),
        "campaign.pause": QCoreApplication.translate("AuditLabels", "Send paused"),
        "campaign.resume": QCoreApplication.translate("AuditLabels", "Send resumed"),
        "campaign.cancel": QCoreApplication.translate("AuditLabels", "Send cancelled"),
        "approval.threshold": QCoreApplication.translate(
            "AuditLabels", "Approval threshold changed"
        ),
        "approval.submit": QCoreApplication.translate("AuditLabels", "Submitted for approval"),
        "approval.approve": QCoreApplication.translate("AuditLabels", "Send approved"),
        "approval.reject": QCoreApplication.translate("AuditLabels", "Send rejected"),
        "approval.void": QCoreApplication.translate("AuditLabels", "Approval voided by an edit"),
        "audit.export": QCoreApplication.translate("AuditLabels", "Audit log exported"),
        "analytics.export": QCoreApplication.translate(
            "AuditLabels", "Chart, table or report exported"
        ),
        "segment.create": QCoreApplication.translate("AuditLabels", "Segment created"),
        "segment.update": QCoreApplication.translate("AuditLabels", "Segment edited"),
        "segment.delete": QCoreApplication.translate("AuditLabels", "Segment deleted"),
        "segment.export": QCoreApplication.translate("AuditLabels", "Segment exported"),
        "audience.import_contacts": QCoreApplication.translate("AuditLabels", "Contacts imported"),
        "audience.import_events": QCoreApplication.translate("AuditLabels", "Events imported"),
        "device.test_on": QCoreApplication.translate("AuditLabels", "Test device chosen"),
        "device.test_off": QCoreApplication.translate("AuditLabels", "Test device removed"),
        "campaign.archive": QCoreApplication.translate("AuditLabels", "Campaign archived"),
        "campaign.unarchive": QCoreApplication.translate("AuditLabels", "Campaign unarchived"),
        "campaign.delete": QCoreApplication.translate("AuditLabels", "Draft deleted"),
        "campaign.retry_failed": QCoreApplication.translate(
            "AuditLabels", "Failed messages sent again"
        ),
        "app.add": QCoreApplication.translate("AuditLabels", "App added"),
        "app.edit": QCoreApplication.translate("AuditLabels", "App edited"),
        "app.remove": QCoreApplication.translate("AuditLabels", "App removed"),
        "app.sending_mode": QCoreApplication.translate("AuditLabels", "Sending mode changed"),
        "app.delivery_rules": QCoreApplication.translate("AuditLabels", "Delivery rules changed"),
        "app.service_account": QCoreApplication.translate("AuditLabels", "Service account changed"),
        "credentials.set": QCoreApplication.translate("AuditLabels", "Service-account key given"),
        "credentials.test": QCoreApplication.translate("AuditLabels", "Connection tested"),
        "credentials.provider_set": QCoreApplication.translate(
            "AuditLabels", "SMS or email account given"
        ),
        "credentials.unsubscribe_key_made": QCoreApplication.translate(
            "AuditLabels", "Unsubscribe-link key made"
        ),
        "credentials.unsubscribe_key_out": QCoreApplication.translate(
            "AuditLabels", "Unsubscribe-link key copied out"
        ),
        "credentials.unsubscribe_key_in": QCoreApplication.translate(
            "AuditLabels", "Unsubscribe-link key given to a machine"
        ),
        "credentials.remove": QCoreApplication.translate(
            "AuditLabels", "Service-account key removed"
        ),
        "member.add": QCoreApplication.translate("AuditLabels", "Member added"),
        "member.grant": QCoreApplication.translate("AuditLabels", "Member's role changed"),
        "member.revoke": QCoreApplication.translate("AuditLabels", "Member removed from the app"),
    }


def family_labels() -> dict[str, str]:
    return {
        "campaign": QCoreApplication.translate("AuditLabels", "Campaigns"),
        "approval": QCoreApplication.translate("AuditLabels", "Approvals"),
        "audit": QCoreApplication.translate("AuditLabels", "Audit log"),
        "analytics": QCoreApplication.translate("AuditLabels", "Analytics exports"),
        "segment": QCoreApplication.translate("AuditLabels", "Segments"),
        "audience": QCoreApplication.translate("AuditLabels", "Imports"),
        "device": QCoreApplication.translate("AuditLabels", "Test devices"),
        "app": QCoreApplication.translate("AuditLabels", "Apps"),
        "credentials": QCoreApplication.translate("AuditLabels", "Credentials"),
        "member": QCoreApplication.translate("AuditLabels", "Team"),
    }


def action_label(action: str) -> str:
    """The action in words, or its code when this version does not know it (newer entries)."""
    return action_labels().get(action, action)


def family_label(family: str) -> str:
    return family_labels().get(family, family)


def break_text(broken: ChainBreak) -> str:
    """Where the chain breaks, in words (the holding case is counted by the caller)."""
    seq, entry = str(broken.seq), str(broken.entry_id or "?")
    if broken.problem == "changed":
        return fill(
            QCoreApplication.translate(
                "AuditLabels", "entry #%1 (id %2) does not match its hash: it was edited or moved."
            ),
            [seq, entry],
        )
    if broken.problem == "missing":
        return fill(
            QCoreApplication.translate(
                "AuditLabels", "entries #%1 to #%2 are missing before entry #%3."
            ),
            [str(broken.first_missing), str(broken.seq - 1), seq],
        )
    if broken.problem == "relinked":
        return fill(
            QCoreApplication.translate(
                "AuditLabels",
                "entry #%1 does not follow the entry before it (replaced or reordered).",
            ),
            [seq],
        )
    if broken.problem == "tail_missing":
        return fill(
            QCoreApplication.translate("AuditLabels", "entries after #%1 are missing."), [seq]
        )
    return QCoreApplication.translate(
        "AuditLabels",
        "the chain's head row is missing; nothing can be recorded until it is restored.",
    )


def _kind_labels() -> dict[str, tuple[str, str]]:
    """(a named target, a deleted one) per kind: ``%1`` is the name, or the stored id."""
    return {
        "campaign": (
            QCoreApplication.translate("AuditLabels", "Campaign “%1”"),
            QCoreApplication.translate("AuditLabels", "Campaign %1 (deleted)"),
        ),
        "app": (
            QCoreApplication.translate("AuditLabels", "App “%1”"),
            QCoreApplication.translate("AuditLabels", "App %1 (removed)"),
        ),
        "segment": (
            QCoreApplication.translate("AuditLabels", "Segment “%1”"),
            QCoreApplication.translate("AuditLabels", "Segment %1 (deleted)"),
        ),
        "member": (QCoreApplication.translate("AuditLabels", "Member “%1”"), "%1"),
    }


def target_text(row: AuditRow) -> str:
    """What the entry was about, by name; the stored code when it names no known row kind."""
    named = row.target_name
    if named is None or row.target is None:
        return row.target or ""
    present, gone = _kind_labels()[named.kind]
    if named.name is None:
        return fill(gone, [row.target.partition(":")[2]])
    return fill(present, [named.name])
