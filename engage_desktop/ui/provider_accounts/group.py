"""One provider's group in the accounts dialog: its settings, its secret, its state, Save, Test.

Thin: the group shows a ``ProviderStatus`` and hands back what was typed (``values``,
``secret``); the dialog runs core. The secret is never shown back: its field stays empty, and
once an account exists an empty field keeps the stored secret.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.credentials.provider_status import ProviderHolder, ProviderStatus
from engage_desktop.store.models import Provider
from engage_desktop.ui.formatting import format_datetime
from engage_desktop.ui.messages import fill
from engage_desktop.ui.provider_accounts.fields import (
    CHECKBOX_SETTINGS,
    FIELDS,
    SECRET_LABELS,
    tr,
)


class AccountGroup(QGroupBox):
    """Attributes worth knowing in tests: ``inputs`` (setting name → field), ``secret``,
    ``state``, ``fingerprint``, ``tested``, ``holders``, ``save_button``, ``test_button``.

    Signals:
        save_clicked(provider), test_clicked(provider)
    """

    save_clicked = Signal(object)
    test_clicked = Signal(object)

    def __init__(self, provider: Provider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provider = provider
        self.status: ProviderStatus | None = None
        self.setTitle(
            self.tr("SMS (Twilio)") if provider is Provider.TWILIO else self.tr("Email (SMTP)")
        )
        self.inputs: dict[str, QLineEdit | QCheckBox] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for spec in FIELDS[provider]:
            field = self._field(spec.name, tr(spec.example), tr(spec.hint))
            self.inputs[spec.name] = field
            if spec.hint and spec.name not in CHECKBOX_SETTINGS:
                form.addRow(self._label(tr(spec.label)), _with_hint(field, tr(spec.hint)))
            else:
                form.addRow(self._label(tr(spec.label)), field)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self._label(tr(SECRET_LABELS[provider])), self.secret)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(self._state_form())
        self.save_button = QPushButton(self.tr("Save"))
        self.test_button = QPushButton(self.tr("Test"))
        self.save_button.clicked.connect(lambda: self.save_clicked.emit(self.provider))
        self.test_button.clicked.connect(lambda: self.test_clicked.emit(self.provider))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.show_status(ProviderStatus(provider))

    def _label(self, text: str) -> str:
        return fill(self.tr("%1:"), [text])

    def _field(self, name: str, example: str, hint: str) -> QLineEdit | QCheckBox:
        if name in CHECKBOX_SETTINGS:
            box = QCheckBox(hint)
            box.setChecked(True)
            return box
        edit = QLineEdit()
        edit.setPlaceholderText(example)
        return edit

    def _state_form(self) -> QFormLayout:
        self.state, self.fingerprint, self.tested, self.holders = (_wrapped("") for _ in range(4))
        for label in (self.state, self.fingerprint, self.tested, self.holders):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self.tr("Account:"), self.state)
        form.addRow(self.tr("Secret fingerprint:"), self.fingerprint)
        form.addRow(self.tr("Test:"), self.tested)
        form.addRow(self.tr("Held on:"), self.holders)
        return form

    # --- what the dialog reads ---------------------------------------------------------
    def values(self) -> dict[str, str]:
        """The settings as typed (empty optional ones left out: core drops them anyway)."""
        found: dict[str, str] = {}
        for name, field in self.inputs.items():
            if isinstance(field, QCheckBox):
                found[name] = "true" if field.isChecked() else "false"
            elif field.text().strip():
                found[name] = field.text().strip()
        return found

    def secret_value(self) -> str | None:
        """What was typed; None (keep the stored one) when the field is empty on a set account."""
        typed = self.secret.text()
        if not typed and self.status is not None and self.status.is_set:
            return None
        return typed

    def focus_setting(self, name: str) -> None:
        field = self.inputs.get(name)
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.test_button.setEnabled(not busy and self.status is not None and self.status.is_set)

    # --- showing -------------------------------------------------------------------------
    def show_status(self, status: ProviderStatus) -> None:
        self.status = status
        for name, field in self.inputs.items():
            value = str(status.settings.get(name, ""))
            if isinstance(field, QCheckBox):
                field.setChecked(value.lower() != "false")
            else:
                field.setText(value)
        self.secret.clear()
        self.secret.setPlaceholderText(
            self.tr("Leave empty to keep the stored one") if status.is_set else self.tr("Required")
        )
        if status.is_set:
            self.state.setText(
                fill(
                    self.tr("Set on %1 by %2"),
                    [format_datetime(status.set_at), status.set_by or "?"],
                )
            )
        else:
            self.state.setText(self.tr("Not set"))
        self.fingerprint.setText(status.fingerprint or "—")
        if status.tested_at is not None:
            when = format_datetime(status.tested_at)
            self.tested.setText(
                fill(self.tr("Passed on %1 (%2)"), [when, status.tested_host or "?"])
            )
        else:
            self.tested.setText(self.tr("Not tested") if status.is_set else "—")
        self.holders.setText(self._holders_text(status))
        self.set_busy(False)

    def _holders_text(self, status: ProviderStatus) -> str:
        if not status.is_set:
            return "—"
        lines = [self._holder_line(h) for h in status.holders]
        if not status.holders:
            lines.append(self.tr("No machine recorded (set before Engage Desktop kept track)"))
        if not status.held_here:
            lines.append(self.tr("Not this machine: type the secret here and save."))
        return "\n".join(lines)

    def _holder_line(self, holder: ProviderHolder) -> str:
        host = fill(self.tr("%1 (this machine)"), [holder.host]) if holder.here else holder.host
        since = format_datetime(holder.stored_at)
        if holder.current:
            return fill(self.tr("%1, since %2 (%3)"), [host, since, holder.stored_by or "?"])
        return fill(self.tr("%1: an older secret, set it again there"), [host])


def _with_hint(field: QWidget, hint: str) -> QWidget:
    """The field with its hint under it, in one cell (a hint row of its own was laid out with
    a gap above it once wrapped)."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(_wrapped(hint))
    return cell


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
