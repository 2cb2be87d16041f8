"""The settings each provider's group shows: core's names, with the words people read.

The names are core's (``core.credentials.providers.REQUIRED`` / ``OPTIONAL``); a test checks
that this table covers every one of them. Labels and hints are marked for translation here and
translated where they are shown, so a refusal naming a setting can use the field's label.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from engage_desktop.store.models import Provider
from engage_desktop.ui.translation_marks import QT_TRANSLATE_NOOP

CONTEXT = "ProviderFields"
CHECKBOX_SETTINGS = frozenset({"starttls"})  # "true" / "false", shown as a check box


@dataclass(frozen=True)
class FieldSpec:
    """One setting: ``name`` (core's), ``label``, ``example`` (placeholder), ``hint``."""

    name: str
    label: str
    example: str = ""
    hint: str = ""


FIELDS: dict[Provider, tuple[FieldSpec, ...]] = {
    Provider.TWILIO: (
        FieldSpec("account_sid", QT_TRANSLATE_NOOP("ProviderFields", "Account SID"), "AC…"),
        FieldSpec(
            "sender",
            QT_TRANSLATE_NOOP("ProviderFields", "Sender"),
            "+33612345678",
            QT_TRANSLATE_NOOP(
                "ProviderFields",
                "A number in international format, or a Messaging Service SID (MG…).",
            ),
        ),
        FieldSpec(
            "stop_mention",
            QT_TRANSLATE_NOOP("ProviderFields", "STOP mention"),
            QT_TRANSLATE_NOOP("ProviderFields", "STOP au 36111"),
            QT_TRANSLATE_NOOP(
                "ProviderFields", "Appended to every marketing SMS, so recipients can opt out."
            ),
        ),
        FieldSpec(
            "status_callback_url",
            QT_TRANSLATE_NOOP("ProviderFields", "Status callback URL"),
            QT_TRANSLATE_NOOP("ProviderFields", "https://… (optional)"),
        ),
    ),
    Provider.SMTP: (
        FieldSpec("host", QT_TRANSLATE_NOOP("ProviderFields", "Server"), "smtp.example.com"),
        FieldSpec("port", QT_TRANSLATE_NOOP("ProviderFields", "Port"), "587"),
        FieldSpec(
            "starttls",
            QT_TRANSLATE_NOOP("ProviderFields", "Security"),
            hint=QT_TRANSLATE_NOOP("ProviderFields", "Require STARTTLS (encrypted connection)"),
        ),
        FieldSpec("user", QT_TRANSLATE_NOOP("ProviderFields", "User")),
        FieldSpec(
            "from_address",
            QT_TRANSLATE_NOOP("ProviderFields", "From address"),
            "Maison Lumière <news@example.com>",
        ),
        FieldSpec(
            "reply_to",
            QT_TRANSLATE_NOOP("ProviderFields", "Reply-to address"),
            QT_TRANSLATE_NOOP("ProviderFields", "optional"),
        ),
        FieldSpec(
            "unsubscribe_base_url",
            QT_TRANSLATE_NOOP("ProviderFields", "Unsubscribe page"),
            QT_TRANSLATE_NOOP("ProviderFields", "https://… (optional)"),
            QT_TRANSLATE_NOOP(
                "ProviderFields",
                "The address the one-click unsubscribe links of marketing email open.",
            ),
        ),
    ),
}

SECRET_LABELS: dict[Provider, str] = {
    Provider.TWILIO: QT_TRANSLATE_NOOP("ProviderFields", "Auth token"),
    Provider.SMTP: QT_TRANSLATE_NOOP("ProviderFields", "Password"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def field_label(name: str) -> str:
    """The translated label of a setting, whichever provider has it (else the name itself)."""
    for specs in FIELDS.values():
        for spec in specs:
            if spec.name == name:
                return tr(spec.label)
    return name
