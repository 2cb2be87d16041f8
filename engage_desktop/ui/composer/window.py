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
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.campaigns.form import SHARE_KEY, CampaignForm
from engage_desktop.core.campaigns.lifecycle import status_is_editable
from engage_desktop.core.campaigns.model import CampaignDraft, CampaignInputError, validate_draft
from engage_desktop.core.content.email_message import html_to_text
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.composer.actions import ComposerActions
from engage_desktop.ui.composer.fields import mark, on_change, set_value, value_of
from engage_desktop.ui.composer.forms import ComposerForms
from engage_desktop.ui.composer.opening import Opened, read_for_composer
from engage_desktop.ui.composer.profiles import PreviewProfiles
from engage_desktop.ui.composer.rendering import ComposerRendering
from engage_desktop.ui.composer.results import CampaignResults
from engage_desktop.ui.composer.saving import DraftSaver
from engage_desktop.ui.composer.undo import FieldEdit
from engage_desktop.ui.composer.variants import VariantBar
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import campaign_error_text, fill, issue_line, issue_text
from engage_desktop.ui.sending.errors import user_message

if TYPE_CHECKING:
    from engage_desktop.ui.preview.rich_fallback import PlainRichPreview
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
        self.read_only = False  # a campaign that was sent: shown, never edited
        self.results: CampaignResults | None = None
        self.copy_window: ComposerWindow | None = None
        self._build()
        self.rendering = ComposerRendering(
            self.form, self.views, self, campaign_id=lambda: self.campaign_id
        )
        self.rendering.image_changed.connect(self.refresh)
        self.profiles = PreviewProfiles(
            context,
            self.profile_search,
            self.profile_combo,
            self._render_with,
            self.status.setText,
            self,
        )
        self._fill_widgets()
        self.refresh()
        self.loading = True
        self._open(campaign_id)

    # --- what tests and other parts read --------------------------------------------------
    @property
    def campaign_id(self) -> int | None:
        return self.saver.campaign_id

    @property
    def rich_preview(self) -> RichPreview | PlainRichPreview | None:
        return self.rendering.rich_preview

    def shown_variant(self) -> str:
        return self.form.variant_key

    def campaign_name(self) -> str:
        return str(self.form.campaign.get("name") or "")

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def schedule_stored(self, schedule: dict[str, Any]) -> None:
        """The scheduling dialog stored a time: the form shows it, and later saves keep it."""
        self.form.set_schedule(schedule)
        self.refresh()

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
        self.variant_bar = VariantBar(self._field)
        self.variant_bar.chosen.connect(self._switch_variant)
        self.variant_bar.add_wanted.connect(self.add_variant)
        self.variant_bar.remove_wanted.connect(self.remove_variant)
        self.views.local_image_wanted.connect(self._pick_local_image)
        self.views.profile_search.returnPressed.connect(self.search_profiles)
        self.views.profile_combo.activated.connect(
            lambda _i: self.preview_as(self.views.profile_combo.currentData())
        )
        self.campaign_actions = ComposerActions(self.context, self, self)
        self.views.schedule_row.insertWidget(0, self.campaign_actions.schedule_button)
        self.views.text_from_html.clicked.connect(self._text_from_html)
        self.issue_list = QListWidget()
        self.issue_list.setMaximumHeight(110)
        self.issue_list.setWordWrap(True)  # French sentences are long: wrap, never scroll sideways
        self.issue_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.left = left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(self.views.campaign_form)
        left_layout.addWidget(self.variant_bar)
        left_layout.addWidget(self.views.format_pages, 1)
        left_layout.addWidget(QLabel(self.tr("Problems")))
        left_layout.addWidget(self.issue_list)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in self.campaign_actions.buttons()[1:]:  # "Schedule…" is by its words
            bottom.addWidget(button)
        left_layout.addLayout(bottom)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.views.preview_tab, self.tr("Preview"))
        self.tabs.addTab(self.views.payload_tab, self.tr("Payload"))
        splitter = QSplitter()
        scroller = QScrollArea()  # the form scrolls: the window fits a laptop screen
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(left)
        bar = scroller.verticalScrollBar().sizeHint().width()
        scroller.setMinimumWidth(left.minimumSizeHint().width() + bar + 2 * scroller.frameWidth())
        splitter.addWidget(scroller)
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
        if self.read_only:
            return
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
        self.variant_bar.set_variants(self.form.weights, key)
        self._fill_widgets()
        self.refresh()

    def add_variant(self) -> None:
        self._switch_variant(self.form.add_variant())
        self.autosave.start()

    def remove_variant(self) -> None:
        """Drop the shown variant (not undoable: the bar says its content goes)."""
        self._switch_variant(self.form.remove_variant(self.form.variant_key))
        self.undo_stack.clear()  # steps of the removed variant cannot be replayed
        self.autosave.start()

    def _fill_widgets(self) -> None:
        for key, widget in self.widgets.items():
            set_value(widget, self.form.stored(key))

    def _open(self, campaign_id: int | None) -> None:
        """Read the app's segments and the stored draft on a worker. A stored campaign's form
        stays disabled until it is shown, so nothing typed is overwritten by the load."""
        ws, app_id = self.context.workspace, self.context.app_id
        if campaign_id is not None:
            self.left.setEnabled(False)
            self.status.setText(self.tr("Opening the campaign…"))
        run_in_background(
            lambda _p: read_for_composer(ws, app_id, campaign_id),
            parent=self,
            on_success=self._opened,
            on_failure=self._not_opened,
        )

    def _opened(self, found: Opened) -> None:
        draft = found.draft
        picker = self.widgets["campaign.segment_id"]
        assert isinstance(picker, QComboBox)
        for segment_id, name in found.segments:
            picker.addItem(name, segment_id)
        self.views.trigger_event.set_events(found.events)
        self.views.show_default_sender(found.sender.sender, found.sender.reply_to)
        self.rendering.default_sender = found.sender
        if draft is not None:
            self.form.load(draft)
            self.variant_bar.set_variants(self.form.weights, self.form.variant_key)
            self.status.clear()
        self._fill_widgets()
        self.refresh()
        self.left.setEnabled(True)
        if (
            draft is not None
            and draft.id is not None
            and not status_is_editable(draft.status, draft.started)
        ):
            self._show_read_only(draft.id)
        self.loading = False

    def _show_read_only(self, campaign_id: int) -> None:
        """Content queued once cannot change: the form is shown disabled under the results,
        and "Duplicate to edit" opens an editable copy. Preview and payload still work."""
        self.read_only = True
        self.results = CampaignResults(self.context, campaign_id)
        self.results.duplicated.connect(self._open_copy)
        layout = self.left.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.results)
        for widget in self.widgets.values():
            widget.setEnabled(False)
        self.views.format_pages.setEnabled(False)  # also what refresh enables (event picker)
        self.variant_bar.lock()
        for button in self.campaign_actions.buttons():
            button.hide()

    def _open_copy(self, copy_id: int) -> None:
        self.copy_window = ComposerWindow(self.context, copy_id)
        self.copy_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.copy_window.resize(self.size())
        self.copy_window.show()
        self.saved.emit(copy_id)  # lists show the new draft

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
        self.issues = validate_draft(self.draft()) + self.form.share_issues()
        by_widget: dict[str, str] = {}
        for field, message in self.issues:
            if field == "shares":
                by_widget[SHARE_KEY] = issue_text(message)
                continue
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

    def _text_from_html(self) -> None:
        """ "Start from the HTML": the text part made from the HTML, to edit (undoable)."""
        text = self.widgets["email.text"]
        assert isinstance(text, QPlainTextEdit)
        text.setPlainText(html_to_text(str(self.form.content().get("html") or "")))

    # --- preview as a profile ------------------------------------------------------------
    def search_profiles(self) -> None:
        self.profiles.find()

    def preview_as(self, profile_id: int | None) -> None:
        self.profiles.preview_as(profile_id)

    def _render_with(self, fields: dict[str, Any]) -> None:
        self.rendering.render_context = fields
        self.refresh()

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
