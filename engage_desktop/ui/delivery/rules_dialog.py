"""Settings → Apps → "Delivery rules…": an app's quiet hours, frequency caps and throttle.

A thin form over ``core.delivery.app_rules`` (read and saved off the GUI thread; core checks the
admin right and every value). Quiet hours and caps are typed as the CLI takes them
("21:00-08:00", "push:2/day,5/week"); an empty field turns the rule off.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.delivery.app_rules import AppRules, read_rules, save_rules
from engage_desktop.core.delivery.caps import caps_text, parse_caps
from engage_desktop.core.delivery.daily_window import RuleInputError, parse_window
from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.delivery.summary_text import rule_error_text
from engage_desktop.ui.messages import fill
from engage_desktop.ui.sending.errors import user_message


def rules_button_text() -> str:
    """The Apps tab's button that opens this dialog (its words live in this catalogue)."""
    return QCoreApplication.translate("DeliveryRulesDialog", "Delivery rules…")


class DeliveryRulesDialog(QDialog):
    """The rules of one app. ``status`` says what happened (loading, a refusal)."""

    def __init__(
        self, context: UiContext, app_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.app_id = context, app_id
        self.rules: AppRules | None = None
        self.setWindowTitle(fill(self.tr("Delivery rules of %1"), [name]))
        self.setMinimumWidth(640)
        self.quiet = QLineEdit()
        self.quiet.setPlaceholderText(self.tr("e.g. 21:00-08:00 (empty: none)"))
        self.caps = QLineEdit()
        self.caps.setPlaceholderText(self.tr("e.g. push:2/day,5/week;sms:1/week (empty: none)"))
        self.throttle = QSpinBox()
        self.throttle.setRange(0, 600_000)
        self.throttle.setSpecialValueText(self.tr("no throttle"))
        self.throttle.setSuffix(self.tr(" messages a minute"))
        form = QFormLayout()
        form.addRow(self.tr("Quiet hours (recipient's local time)"), self.quiet)
        form.addRow(self.tr("Frequency caps per person"), self.caps)
        form.addRow(self.tr("Default throttle"), self.throttle)
        self.status = QLabel(self.tr("Reading the rules…"))
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self.save_button.setEnabled(False)
        for field in (self.quiet, self.caps):
            field.textEdited.connect(lambda _t: self.status.clear())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        ws = context.workspace
        run_in_background(
            lambda _p: read_rules(ws, app_id),
            parent=self,
            on_success=self._loaded,
            on_failure=self._failed,
        )

    def _loaded(self, rules: AppRules) -> None:
        self.rules = rules
        self.quiet.setText(rules.quiet.text() if rules.quiet else "")
        self.caps.setText(caps_text(rules.caps))
        self.throttle.setValue(rules.throttle_per_minute or 0)
        self.status.clear()
        self.save_button.setEnabled(True)

    def _failed(self, exc: BaseException, _tb: str) -> None:
        text = rule_error_text(exc) if isinstance(exc, RuleInputError) else user_message(exc)
        self.status.setText(text)
        self.save_button.setEnabled(self.rules is not None)

    def edited(self) -> AppRules:
        """The form as rules (core's parsers: a typing error names the field)."""
        assert self.rules is not None
        quiet_text, caps_typed = self.quiet.text().strip(), self.caps.text().strip()
        return replace(
            self.rules,
            quiet=parse_window(quiet_text) if quiet_text else None,
            caps=parse_caps(caps_typed) if caps_typed else {},
            throttle_per_minute=self.throttle.value() or None,
        )

    def save(self) -> None:
        try:
            rules = self.edited()
        except RuleInputError as exc:
            self.status.setText(rule_error_text(exc))  # names the field and what was typed
            return
        ws, app_id = self.context.workspace, self.app_id
        self.save_button.setEnabled(False)
        self.status.setText(QCoreApplication.translate("DeliveryRulesDialog", "Saving…"))

        def work(_p: Progress) -> None:
            save_rules(ws, app_id, rules)

        run_in_background(
            work, parent=self, on_success=lambda _r: self.accept(), on_failure=self._failed
        )
