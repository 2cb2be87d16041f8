"""Add or edit an app: display name, Firebase project, store ids, icon, time zone.

Core checks everything (``core.apps.identity``); a refusal is said under the form and the field
at fault gets the focus. Saving runs off the GUI thread. The sending mode (sandbox or Firebase)
is shown, not edited here: switching needs working credentials, set in their own dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from engage_desktop.core.apps.identity import AppIdentity, split_identifiers, time_zones
from engage_desktop.core.apps.manage import AppInfo
from engage_desktop.core.progress import Progress
from engage_desktop.store.models.workspace import DEFAULT_TIME_ZONE
from engage_desktop.ui.admin.texts import admin_error_text, sending_mode
from engage_desktop.ui.admin.widgets import form_dialog_layout, say, status_label
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.preview.app_icon import icon_pixmap

ICON_SHOWN = 64


class AppDialog(QDialog):
    """The form of one app; ``saved(app_id)`` once core has stored it.

    Signals:
        saved(int): the app's id, after a successful add or edit.
    """

    saved = Signal(int)

    def __init__(
        self, context: UiContext, app: AppInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.app = app
        self.icon_png: bytes | None = app.identity.icon_png if app else None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Edit the app") if app else self.tr("Add an app"))
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("As your team calls it, e.g. Maison Lumière"))
        self.project = QLineEdit()
        self.project.setPlaceholderText(self.tr("Firebase project id, e.g. maison-lumiere-prod"))
        self.android = QLineEdit()
        self.android.setPlaceholderText(self.tr("e.g. fr.maisonlumiere.app (comma-separated)"))
        self.ios = QLineEdit()
        self.ios.setPlaceholderText(self.tr("e.g. fr.maisonlumiere.ios (comma-separated)"))
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        zones = sorted(time_zones())
        self.time_zone.addItems(zones)
        completer = QCompleter(zones, self.time_zone)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.time_zone.setCompleter(completer)
        self.icon_view = QLabel()
        self.icon_view.setFixedSize(ICON_SHOWN, ICON_SHOWN)
        self.icon_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon_view.setFrameShape(QLabel.Shape.StyledPanel)
        self.choose_icon = QPushButton(self.tr("Choose a picture…"))
        self.choose_icon.clicked.connect(self._pick_icon)
        self.clear_icon = QPushButton(self.tr("No icon"))
        self.clear_icon.clicked.connect(lambda: self._set_icon(None))
        icon_row = QHBoxLayout()
        icon_row.addWidget(self.icon_view)
        icon_row.addWidget(self.choose_icon)
        icon_row.addWidget(self.clear_icon)
        icon_row.addStretch(1)
        self.mode = QLabel(sending_mode(app.use_sandbox if app else True))
        self.mode.setToolTip(
            self.tr("Switching to Firebase needs working credentials; an admin sets them apart.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Firebase project:"), self.project)
        form.addRow(self.tr("Android packages:"), self.android)
        form.addRow(self.tr("iOS bundle ids:"), self.ios)
        form.addRow(self.tr("Time zone:"), self.time_zone)
        form.addRow(self.tr("Icon in previews:"), icon_row)
        form.addRow(self.tr("Sends to:"), self.mode)
        self.message = status_label()
        self.buttons = form_dialog_layout(self, form, self.message, self.save)
        self._fill(app.identity if app else AppIdentity("", "", time_zone=DEFAULT_TIME_ZONE))

    def _fill(self, identity: AppIdentity) -> None:
        self.name.setText(identity.name)
        self.project.setText(identity.project_id)
        self.android.setText(", ".join(identity.android_packages))
        self.ios.setText(", ".join(identity.ios_bundle_ids))
        self.time_zone.setCurrentText(identity.time_zone)
        self._set_icon(identity.icon_png)

    def identity(self) -> AppIdentity:
        """What the form says, unchecked (core checks it)."""
        return AppIdentity(
            name=self.name.text(),
            project_id=self.project.text(),
            android_packages=split_identifiers(self.android.text()),
            ios_bundle_ids=split_identifiers(self.ios.text()),
            time_zone=self.time_zone.currentText(),
            icon_png=self.icon_png,
        )

    def _pick_icon(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("App icon"),
            "",
            self.tr("Pictures (*.png *.jpg *.jpeg *.webp *.gif);;All files (*)"),
        )
        if name:
            self.load_icon(name)

    def load_icon(self, path: str) -> None:
        """Read and square a picture file (a few milliseconds, no database): the form shows it."""
        from engage_desktop.core.apps.icon import IconError, read_icon

        try:
            self._set_icon(read_icon(path))
        except IconError as exc:
            self._say(admin_error_text(exc), error=True)

    def _set_icon(self, png: bytes | None) -> None:
        self.icon_png = png
        pixmap = icon_pixmap(png, ICON_SHOWN)
        if pixmap is None:
            self.icon_view.clear()
            self.icon_view.setText(self.tr("none"))
        else:
            self.icon_view.setPixmap(pixmap)
        self.clear_icon.setEnabled(png is not None)

    def save(self) -> None:
        """Ask core to add or change the app, off the GUI thread."""
        from engage_desktop.core.apps.manage import add_app, edit_app

        if self.job is not None and not self.job.done:
            return
        ws, identity, app = self.context.workspace, self.identity(), self.app

        def work(_p: Progress) -> int:
            if app is None:
                return add_app(ws, identity)
            return edit_app(ws, app.id, identity).id

        self.buttons.setEnabled(False)
        self._say(self.tr("Saving…"))
        self.job = run_in_background(work, parent=self, on_success=self._saved)
        self.job.failed.connect(self._failed)
        self.job.finished.connect(lambda: self.buttons.setEnabled(True))

    def _saved(self, app_id: int) -> None:
        self.saved.emit(app_id)
        self.accept()

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self._say(admin_error_text(exc), error=True)
        field = {
            "name": self.name,
            "project_id": self.project,
            "android_packages": self.android,
            "ios_bundle_ids": self.ios,
            "time_zone": self.time_zone,
        }.get(str(getattr(exc, "field", "")))
        if field is not None:
            field.setFocus()

    def _say(self, text: str, *, error: bool = False) -> None:
        say(self.message, text, error=error)
