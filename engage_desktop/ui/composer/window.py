"""The composer: campaign form on the left, live preview / payload on the right.

Thin over core: the form edits a ``CampaignForm`` (campaign fields and one content dict per
variant); every change goes through the undo stack, re-renders the preview for the chosen
profile, rebuilds the payload with the sender's builder, marks invalid fields, and restarts the
autosave timer. Drafts are campaign rows in status ``draft``: the first autosave creates the
row, so a crash or a closed window loses at most the debounce interval. Saves run off the GUI
thread (``DraftSaver``); closing with unsaved edits waits for the save before the window goes.

The window is composed of parts, each with its own translation context: ``ComposerForms``
builds the widgets, ``ComposerRendering`` draws the previews, ``ComposerActions`` schedules
and sends, ``DraftSaver`` writes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QPixmap, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.campaigns.edit import get_draft
from engage_desktop.core.campaigns.form import CampaignForm
from engage_desktop.core.campaigns.model import CampaignDraft, CampaignInputError, validate_draft
from engage_desktop.core.progress import Progress
from engage_desktop.core.sorting import name_key
from engage_desktop.core.templating.context import SAMPLE_PROFILE, profile_context
from engage_desktop.store.models import Segment
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.composer.actions import ComposerActions
from engage_desktop.ui.composer.fields import mark, on_change, set_value, value_of
from engage_desktop.ui.composer.forms import ComposerForms
from engage_desktop.ui.composer.rendering import ComposerRendering
from engage_desktop.ui.composer.saving import DraftSaver
from engage_desktop.ui.composer.undo import FieldEdit
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import campaign_error_text, fill, issue_line, issue_text
from engage_desktop.ui.sending.errors import user_message

if TYPE_CHECKING:
    from engage_desktop.core.listing import ProfilePage
    from engage_desktop.ui.preview.rich_preview import RichPreview

AUTOSAVE_MS = 1200
# Where a draft issue's field (its first path part) is shown, per format.
_ACTION_FIELDS = {
    "actions[0]": "action0.title",
    "actions[1]": "action1.title",
    "actions[2]": "action2.title",
    "actions": "action0.title",
}


class ComposerWindow(QWidget):
    """Edit one campaign.

    Attributes:
        loading: True until the app's segments (and a stored campaign) have been read.

    Signals:
        saved(campaign_id): after every successful save.
    """

    saved = Signal(int)

    def __init__(
        self, context: UiContext, campaign_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = QUndoStack(self)
        self.widgets: dict[str, QWidget] = {}
        self.issues: list[tuple[str, str]] = []
        self.form = CampaignForm(int(context.app_id or 0), self.tr("New campaign"))
        self.saver = DraftSaver(context.workspace, self._draft_with_id, campaign_id, self)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)
        self.autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave.timeout.connect(self.saver.save)
        self._closing = False
        self._preview_generation = 0
        self._build()
        self.rendering = ComposerRendering(
            self.form, self.views, self, campaign_id=lambda: self.campaign_id
        )
        self.rendering.image_changed.connect(self.refresh)
        self._fill_widgets()
        self.refresh()
        self.loading = True
        self._open(campaign_id)

    # --- what tests and other parts read --------------------------------------------------
    @property
    def campaign_id(self) -> int | None:
        return self.saver.campaign_id

    @property
    def rich_preview(self) -> RichPreview | None:
        return self.rendering.rich_preview

    def shown_variant(self) -> str:
        return self.form.variant_key

    def campaign_name(self) -> str:
        return str(self.form.campaign.get("name") or "")

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def schedule_stored(self, schedule: dict[str, Any]) -> None:
        """The scheduling dialog stored a time: the form shows it, and later saves keep it."""
        for name in ("mode", "at", "time_zone"):
            key = f"campaign.schedule_{name}"
            self.form.write(key, schedule.get(name, ""))
            if key in self.widgets:
                set_value(self.widgets[key], self.form.stored(key))

    # --- building --------------------------------------------------------------------------
    def _field(self, key: str, widget: QWidget) -> QWidget:
        self.widgets[key] = widget
        on_change(widget, partial(self._edited, key))
        if isinstance(widget, QPlainTextEdit):
            widget.setUndoRedoEnabled(False)
        widget.installEventFilter(self)
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z / Ctrl+Shift+Z in a field go to the composer's stack, not the field's own."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            for seq, action in (
                (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
            ):
                if event.matches(seq):
                    if event.type() == QEvent.Type.KeyPress:
                        action()
                    event.accept()
                    return True
        return super().eventFilter(watched, event)

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Campaign composer"))
        app = self.context.current_app()
        self.views = ComposerForms(
            self._field,
            app.name if app is not None else "App",
            self,
            app_icon_png=app.icon_png if app is not None else None,
        )
        variants_row = self._variants_row()
        self.views.local_image_wanted.connect(self._pick_local_image)
        self.views.profile_search.returnPressed.connect(self.search_profiles)
        self.views.profile_combo.activated.connect(
            lambda _i: self.preview_as(self.views.profile_combo.currentData())
        )
        self.campaign_actions = ComposerActions(self.context, self, self)
        self.issue_list = QListWidget()
        self.issue_list.setMaximumHeight(110)
        self.issue_list.setWordWrap(True)  # French sentences are long: wrap, never scroll sideways
        self.issue_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.left = left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(self.views.campaign_form)
        left_layout.addLayout(variants_row)
        left_layout.addWidget(self.views.format_pages, 1)
        left_layout.addWidget(QLabel(self.tr("Problems")))
        left_layout.addWidget(self.issue_list)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in self.campaign_actions.buttons():
            bottom.addWidget(button)
        left_layout.addLayout(bottom)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.views.preview_tab, self.tr("Preview"))
        self.tabs.addTab(self.views.payload_tab, self.tr("Payload"))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        shortcuts: list[tuple[QKeySequence.StandardKey, Callable[[], None]]] = [
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
            (QKeySequence.StandardKey.Save, self.save_now),
        ]
        for seq, slot in shortcuts:
            QShortcut(QKeySequence(seq), self, slot)
        self._expose_parts()

    def _variants_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.variant_combo = QComboBox()
        self.variant_combo.addItem("A", "A")
        self.variant_combo.activated.connect(
            lambda _i: self._switch_variant(str(self.variant_combo.currentData()))
        )
        add_variant = QPushButton(self.tr("Add variant"))
        add_variant.clicked.connect(self.add_variant)
        row.addWidget(QLabel(self.tr("Variant")))
        row.addWidget(self.variant_combo, 1)
        row.addWidget(add_variant)
        return row

    def _expose_parts(self) -> None:
        """The widgets tests and benchmarks reach for, by their long-standing names."""
        views = self.views
        self.push_panel = views.push_panel
        self.inapp_preview = views.inapp_preview
        self.template_note = views.template_note
        self.sms_counter = views.sms_counter
        self.payload_view = views.payload_view
        self.byte_meter = views.byte_meter
        self.profile_search = views.profile_search
        self.profile_combo = views.profile_combo
        self.schedule_button = self.campaign_actions.schedule_button
        self.test_send_button = self.campaign_actions.test_send_button
        self.send_button = self.campaign_actions.send_button

    @property
    def send_dialog(self) -> QDialog | None:
        return self.campaign_actions.send_dialog

    # --- state -------------------------------------------------------------------------
    def _content(self) -> dict[str, Any]:
        return self.form.content()

    def _edited(self, key: str) -> None:
        widget = self.widgets[key]
        new = value_of(widget)
        old = self.form.stored(key)
        if new == old:
            return
        self.form.write(key, new)
        self.undo_stack.push(
            FieldEdit(f"{self.form.variant_key}:{key}", old, new, self._apply, key)
        )
        self.refresh()
        self.autosave.start()

    def _apply(self, scoped_key: str, value: Any) -> None:
        """Undo/redo: put the value back into the model and its widget."""
        variant, _, key = scoped_key.partition(":")
        if variant != self.form.variant_key and variant in self.form.contents:
            self._switch_variant(variant)
        self.form.write(key, value)
        set_value(self.widgets[key], value)
        self.refresh()
        self.autosave.start()

    def _switch_variant(self, key: str) -> None:
        self.form.variant_key = key
        set_value(self.variant_combo, key)
        self._fill_widgets()
        self.refresh()

    def add_variant(self) -> None:
        key = self.form.add_variant()
        self.variant_combo.addItem(key, key)
        self._switch_variant(key)
        self.autosave.start()

    def _fill_widgets(self) -> None:
        for key, widget in self.widgets.items():
            set_value(widget, self.form.stored(key))

    def _open(self, campaign_id: int | None) -> None:
        """Read the app's segments and the stored draft on a worker. A stored campaign's form
        stays disabled until it is shown, so nothing typed is overwritten by the load."""
        ws, app_id = self.context.workspace, self.context.app_id

        def work(_progress: Progress) -> tuple[list[tuple[int, str]], CampaignDraft | None]:
            with ws.session_factory() as session:
                segments = _segment_choices(session, app_id) if app_id is not None else []
                draft = None
                if campaign_id is not None:
                    draft = get_draft(session, ws.member_id, campaign_id)
            return segments, draft

        if campaign_id is not None:
            self.left.setEnabled(False)
            self.status.setText(self.tr("Opening the campaign…"))
        run_in_background(work, parent=self, on_success=self._opened, on_failure=self._not_opened)

    def _opened(self, found: tuple[list[tuple[int, str]], CampaignDraft | None]) -> None:
        segments, draft = found
        picker = self.widgets["campaign.segment_id"]
        assert isinstance(picker, QComboBox)
        for segment_id, name in segments:
            picker.addItem(name, segment_id)
        if draft is not None:
            self.form.load(draft)
            self.variant_combo.clear()
            for key in self.form.contents:
                self.variant_combo.addItem(key, key)
            self.status.clear()
        self._fill_widgets()
        self.refresh()
        self.left.setEnabled(True)
        self.loading = False

    def _not_opened(self, exc: BaseException, _trace: str) -> None:
        """The form stays disabled: saving it would overwrite the stored campaign."""
        self.status.setText(
            fill(self.tr("The campaign could not be opened: %1"), [user_message(exc)])
        )
        self.loading = False

    def draft(self) -> CampaignDraft:
        return self._draft_with_id(self.campaign_id)

    def _draft_with_id(self, campaign_id: int | None) -> CampaignDraft:
        return self.form.to_draft(
            int(self.context.app_id or 0), self.tr("Untitled campaign"), campaign_id
        )

    # --- rendering ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-render the preview and payload, and re-mark invalid fields (every keystroke)."""
        self.rendering.refresh()
        self._mark_issues()

    def _mark_issues(self) -> None:
        self.issues = validate_draft(self.draft())
        by_widget: dict[str, str] = {}
        for field, message in self.issues:
            variant, _, name = field.partition(".")
            if variant != self.form.variant_key:
                continue
            key = self._widget_for_issue(name.split(".")[0])
            by_widget.setdefault(
                key if key in self.widgets else "campaign.name", issue_text(message)
            )
        for key, widget in self.widgets.items():
            mark(widget, by_widget.get(key))
        self.issue_list.clear()
        self.issue_list.addItems([issue_line(f, m) for f, m in self.issues])
        self.campaign_actions.update(not self.issues, self.form.format)

    def _widget_for_issue(self, root: str) -> str:
        """The form key of the widget that shows a problem with content field ``root``."""
        fmt = self.form.format
        if fmt == "sms":
            return "sms.body"
        if fmt == "email":
            return f"email.{root}"
        if fmt == "rich_push":
            return f"rich.{root}"
        if fmt == "in_app":
            return (
                f"inapp.button{root[8]}_label" if root.startswith("buttons[") else f"inapp.{root}"
            )
        return _ACTION_FIELDS.get(root, f"content.{root}")

    # --- preview as a profile ------------------------------------------------------------
    def search_profiles(self) -> None:
        """Find profiles to preview as (on a worker); the first one found is shown."""
        from engage_desktop.core.listing import search_profiles

        app_id = self.context.app_id
        if app_id is None:
            return
        ws, text = self.context.workspace, self.profile_search.text()

        def work(_progress: Progress) -> ProfilePage:
            with ws.session_factory() as session:
                return search_profiles(session, ws.member_id, app_id, text, limit=50)

        run_in_background(
            work, parent=self, on_success=self._show_profiles, on_failure=self._profile_failed
        )

    def _show_profiles(self, page: ProfilePage) -> None:
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("Sample profile"), None)
        for row in page.rows:
            name = " ".join(p for p in (row.first_name, row.last_name) if p) or row.external_id
            self.profile_combo.addItem(f"{name} <{row.email or '-'}> #{row.id}", row.id)
        if page.rows:
            self.profile_combo.setCurrentIndex(1)
            self.preview_as(page.rows[0].id)

    def preview_as(self, profile_id: int | None) -> None:
        """Render for a profile (read on a worker), or for the sample profile; the last one
        chosen wins, whatever order the reads answer in."""
        self._preview_generation += 1
        generation = self._preview_generation
        if profile_id is None:
            self._render_for(generation, dict(SAMPLE_PROFILE))
            return
        ws = self.context.workspace

        def work(_progress: Progress) -> dict[str, Any]:
            with ws.session_factory() as session:
                return profile_context(session, profile_id)

        run_in_background(
            work,
            parent=self,
            on_success=lambda found: self._render_for(generation, found),
            on_failure=self._profile_failed,
        )

    def _render_for(self, generation: int, render_context: dict[str, Any]) -> None:
        if generation == self._preview_generation:
            self.rendering.render_context = render_context
            self.refresh()

    def _profile_failed(self, exc: BaseException, _trace: str) -> None:
        self.status.setText(fill(self.tr("The profile could not be read: %1"), [user_message(exc)]))

    def _pick_local_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Image to preview"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif)")
        )
        if path:
            self.set_local_image(QPixmap(path))

    def set_local_image(self, pixmap: QPixmap | None) -> None:
        """Preview only: the payload still needs an https URL, which the sender uses."""
        self.rendering.local_image = pixmap
        self.refresh()

    # --- saving --------------------------------------------------------------------------
    def save_now(self) -> None:
        """Save at once (Ctrl+S), off the GUI thread."""
        self.autosave.stop()
        self.saver.save()

    def save_then(self, then: Callable[[int], None]) -> None:
        self.autosave.stop()
        self.saver.save(then)

    def _saved(self, campaign_id: int) -> None:
        self.status.setText(self.tr("Draft saved"))
        self.saved.emit(campaign_id)

    def _save_failed(self, exc: BaseException) -> None:
        """Shown, never swallowed: the form keeps everything typed, and the window stays."""
        self._closing = False
        self.status.setText(fill(self.tr("Not saved: %1"), [self._save_error(exc)]))

    @staticmethod
    def _save_error(exc: BaseException) -> str:
        if isinstance(exc, CampaignInputError):
            return campaign_error_text(exc)
        return user_message(exc)

    def _has_unsaved_edits(self) -> bool:
        """A window opened and closed untouched leaves no empty draft."""
        return (
            self.autosave.isActive()
            or self.saver.busy
            or (self.campaign_id is None and self.undo_stack.count() > 0)
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Pending edits are saved first; the window closes once they are written."""
        if self._has_unsaved_edits() and not self._closing:
            self._closing = True
            event.ignore()
            self.status.setText(self.tr("Saving…"))
            self.save_then(self._close_saved)
            return
        super().closeEvent(event)

    def _close_saved(self, _campaign_id: int) -> None:
        self.close()


def _segment_choices(session: Session, app_id: int) -> list[tuple[int, str]]:
    """The app's segments as the Segments tab lists them (accents and case ignored)."""
    rows = session.execute(select(Segment.id, Segment.name).where(Segment.app_id == app_id))
    return sorted(((int(i), str(n)) for i, n in rows), key=lambda row: name_key(row[1]))
