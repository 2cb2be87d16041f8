"""The composer: campaign form on the left, live preview / payload on the right.

Thin over core: the form edits plain dicts (campaign fields and one content dict per variant);
every change goes through the undo stack, re-renders the preview for the chosen profile, rebuilds
the payload with the sender's builder, marks invalid fields, and restarts the autosave timer.
Drafts are campaign rows in status ``draft``: the first autosave creates the row, so a crash or
a closed window loses at most the debounce interval.
"""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QPixmap, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.campaigns.edit import get_draft, save_draft
from engage_desktop.core.campaigns.model import CampaignDraft, CampaignInputError, Variant
from engage_desktop.core.content.inapp import InAppContent
from engage_desktop.core.content.push import PushContent
from engage_desktop.core.templating import render_text
from engage_desktop.core.templating.context import SAMPLE_PROFILE, profile_context
from engage_desktop.ui.composer.actions import ComposerActions
from engage_desktop.ui.composer.fields import (
    data_from_text,
    data_to_text,
    on_change,
    set_value,
    value_of,
)
from engage_desktop.ui.composer.forms import ComposerForms
from engage_desktop.ui.composer.rendering import ComposerRendering
from engage_desktop.ui.composer.undo import FieldEdit
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import campaign_error_text, template_error_text
from engage_desktop.ui.preview.remote_image import RemoteImage
from engage_desktop.ui.sending.errors import user_message

PUSH_TEXT = (
    "title",
    "subtitle",
    "body",
    "image_url",
    "deep_link",
    "sound",
    "badge",
    "android_channel_id",
    "ttl_seconds",
    "collapse_key",
)
AUTOSAVE_MS = 1200
_BUTTON_KEY = re.compile(r"button\d_")


class ComposerWindow(ComposerForms, ComposerRendering, ComposerActions, QWidget):
    """Edit one campaign. Signals: saved(campaign_id) after every successful save.

    The form builders live in ``forms``, the payload / rich / text previews and the issue
    marks in ``rendering``, and the send / schedule actions in ``actions``
    (mixins, so the window stays one widget with one translation context per part).
    """

    saved = Signal(int)

    def __init__(
        self, context: UiContext, campaign_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.undo_stack = QUndoStack(self)
        self.widgets: dict[str, QWidget] = {}
        self.campaign_id = campaign_id
        self.variant_key = "A"
        self.contents: dict[str, dict[str, Any]] = {"A": PushContent().to_dict()}
        self.render_context: dict[str, Any] = dict(SAMPLE_PROFILE)
        self.last_good: dict[str, str] = {}
        self.template_errors: dict[str, str] = {}  # field name → where and what (this refresh)
        self.issues: list[tuple[str, str]] = []
        self.local_image: QPixmap | None = None
        self.remote_image = RemoteImage(self)
        self.remote_image.changed.connect(self.refresh)
        self.rich_preview: Any = None
        self.autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_now)
        self._campaign_from(
            CampaignDraft(app_id=int(context.app_id or 0), name=self.tr("New campaign"))
        )
        self._build()
        if campaign_id is not None:
            self._load(campaign_id)
        self._fill_widgets()
        self.refresh()

    # --- building --------------------------------------------------------------------------
    def _field(self, key: str, widget: QWidget) -> QWidget:
        self.widgets[key] = widget
        on_change(widget, lambda k=key: self._edited(k))
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
        form = QFormLayout()
        fmt = QComboBox()
        for value, label in (
            ("push", self.tr("Push")),
            ("sms", self.tr("SMS")),
            ("email", self.tr("Email")),
            ("in_app", self.tr("In-app")),
            ("rich_push", self.tr("Rich push")),
        ):
            fmt.addItem(label, value)
        form.addRow(self.tr("Format"), self._field("campaign.format", fmt))
        form.addRow(
            self.tr("Name"), self._field("campaign.name", QLineEdit(self.tr("New campaign")))
        )
        form.addRow(
            self.tr("Analytics label"), self._field("campaign.analytics_label", QLineEdit())
        )
        form.addRow(self.tr("Tags (comma-separated)"), self._field("campaign.tags", QLineEdit()))
        share = QDoubleSpinBox(suffix=" %", decimals=1, maximum=50.0)
        form.addRow(self.tr("Control group"), self._field("campaign.control_share", share))
        segment = QComboBox()
        segment.addItem(self.tr("Whole audience"), None)
        for seg_id, seg_name in self._segments():
            segment.addItem(seg_name, seg_id)
        form.addRow(self.tr("Segment"), self._field("campaign.segment_id", segment))
        schedule = QComboBox()
        for value, label in (
            ("now", self.tr("As soon as approved")),
            ("at", self.tr("At a date and time")),
            ("local_time", self.tr("At the user's local time")),
            ("best_hour", self.tr("At each user's best hour")),
        ):
            schedule.addItem(label, value)
        form.addRow(self.tr("Schedule"), self._field("campaign.schedule_mode", schedule))
        form.addRow(
            self.tr("Schedule date (ISO)"), self._field("campaign.schedule_at", QLineEdit())
        )

        variants_row = QHBoxLayout()
        self.variant_combo = QComboBox()
        self.variant_combo.addItem("A", "A")
        self.variant_combo.activated.connect(
            lambda _i: self._switch_variant(self.variant_combo.currentData())
        )
        add_variant = QPushButton(self.tr("Add variant"))
        add_variant.clicked.connect(self.add_variant)
        variants_row.addWidget(QLabel(self.tr("Variant")))
        variants_row.addWidget(self.variant_combo, 1)
        variants_row.addWidget(add_variant)

        self.format_pages = QStackedWidget()
        self.format_pages.addWidget(self._push_form())
        self.format_pages.addWidget(self._sms_form())
        self.format_pages.addWidget(self._email_form())
        self.format_pages.addWidget(self._rich_form())
        self.format_pages.addWidget(self._inapp_form())

        self.issue_list = QListWidget()
        self.issue_list.setMaximumHeight(110)
        self.issue_list.setWordWrap(True)  # French sentences are long: wrap, never scroll sideways
        self.issue_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = QLabel()
        self.status.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addLayout(variants_row)
        left_layout.addWidget(self.format_pages, 1)
        left_layout.addWidget(QLabel(self.tr("Problems")))
        left_layout.addWidget(self.issue_list)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in self._action_buttons():
            bottom.addWidget(button)
        left_layout.addLayout(bottom)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._preview_tab(), self.tr("Preview"))
        self.tabs.addTab(self._payload_tab(), self.tr("Payload"))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        for seq, slot in (
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
            (QKeySequence.StandardKey.Save, self.save_now),
        ):
            QShortcut(seq, self, activated=slot)

    # --- state -------------------------------------------------------------------------
    def _segments(self) -> list[tuple[int, str]]:
        from sqlalchemy import select

        from engage_desktop.core.sorting import name_key
        from engage_desktop.store.models import Segment

        if self.context.app_id is None:
            return []
        with self.context.workspace.session_factory() as session:
            rows = session.execute(
                select(Segment.id, Segment.name).where(Segment.app_id == self.context.app_id)
            )
            found = [(int(i), str(n)) for i, n in rows]
        return sorted(found, key=lambda row: name_key(row[1]))  # as the Segments tab lists them

    def _content(self) -> dict[str, Any]:
        return self.contents[self.variant_key]

    def _stored(self, key: str) -> Any:
        """The current model value for a form key (what undo goes back to)."""
        scope, _, name = key.partition(".")
        content = self._content()
        if scope == "content":
            if name == "data":
                return data_to_text(dict(content.get("data") or {}))
            value = content.get(name)
            return "" if value is None else value if name == "priority" else str(value)
        if scope.startswith("action"):
            actions = content.get("actions") or []
            i = int(scope[6:])
            return actions[i].get(name, "") if i < len(actions) else ""
        if scope == "inapp":
            defaults = InAppContent().to_dict()
            if _BUTTON_KEY.match(name):
                i, part = int(name[6]), name[8:]
                buttons = content.get("buttons") or []
                return buttons[i].get(part, "") if i < len(buttons) else ""
            return content.get(name, defaults.get(name, ""))
        if scope == "rich":
            return content.get(name, False if name.startswith("allow_") else "")
        if scope in ("sms", "email"):
            return content.get({"sms": "body"}.get(scope, name) if scope == "sms" else name, "")
        return self._campaign.get(name)

    def _write(self, key: str, value: Any) -> None:
        scope, _, name = key.partition(".")
        content = self._content()
        if scope == "content":
            if name == "data":
                content["data"] = data_from_text(value)
            elif name in ("badge", "ttl_seconds"):
                content[name] = value
            else:
                content[name] = value
        elif scope.startswith("action"):
            i = int(scope[6:])
            actions = [dict(a) for a in content.get("actions") or []]
            while len(actions) <= i:
                actions.append({"id": "", "title": "", "deep_link": ""})
            actions[i][name] = value
            while actions and not any(actions[-1].values()):
                actions.pop()
            content["actions"] = actions
        elif scope == "sms":
            content["body"] = value
        elif scope == "inapp" and _BUTTON_KEY.match(name):
            i, part = int(name[6]), name[8:]
            buttons = [dict(b) for b in content.get("buttons") or []]
            while len(buttons) <= i:
                buttons.append({"label": "", "deep_link": ""})
            buttons[i][part] = value
            while buttons and not any(buttons[-1].values()):
                buttons.pop()
            content["buttons"] = buttons
        elif scope in ("email", "rich", "inapp"):
            content[name] = value
        else:
            self._campaign[name] = value

    def _edited(self, key: str) -> None:
        widget = self.widgets[key]
        new = value_of(widget)
        old = self._stored(key)
        if new == old:
            return
        self._write(key, new)
        self.undo_stack.push(FieldEdit(f"{self.variant_key}:{key}", old, new, self._apply, key))
        self.refresh()
        self.autosave.start()

    def _apply(self, scoped_key: str, value: Any) -> None:
        """Undo/redo: put the value back into the model and its widget."""
        variant, _, key = scoped_key.partition(":")
        if variant != self.variant_key and variant in self.contents:
            self._switch_variant(variant)
        self._write(key, value)
        set_value(self.widgets[key], value)
        self.refresh()
        self.autosave.start()

    def _switch_variant(self, key: str) -> None:
        self.variant_key = key
        set_value(self.variant_combo, key)
        self._fill_widgets()
        self.refresh()

    def add_variant(self) -> None:
        key = chr(ord("A") + len(self.contents))
        self.contents[key] = json.loads(json.dumps(self._content()))
        self.variant_combo.addItem(key, key)
        self._switch_variant(key)
        self.autosave.start()

    def _fill_widgets(self) -> None:
        for key, widget in self.widgets.items():
            set_value(widget, self._stored(key))

    def _load(self, campaign_id: int) -> None:
        with self.context.workspace.session() as session:
            draft = get_draft(session, self.context.workspace.member_id, campaign_id)
        self._campaign_from(draft)
        self.contents = {v.key: dict(v.content) for v in draft.variants} or {"A": {}}
        self.variant_combo.clear()
        for key in self.contents:
            self.variant_combo.addItem(key, key)
        self.variant_key = next(iter(self.contents))
        self._fill_widgets()

    def _campaign_from(self, draft: CampaignDraft) -> None:
        schedule = dict(draft.schedule or {})
        self._campaign = {
            "format": draft.format,
            "name": draft.name,
            "analytics_label": draft.analytics_label,
            "tags": ", ".join(draft.tags),
            "control_share": draft.control_share * 100.0,
            "segment_id": draft.segment_id,
            "schedule_mode": schedule.get("mode", "now"),
            "schedule_at": schedule.get("at", ""),
            "sms_max_segments": draft.sms_max_segments,
        }

    def draft(self) -> CampaignDraft:
        c = self._campaign
        schedule: dict[str, Any] = {"mode": c.get("schedule_mode") or "now"}
        if c.get("schedule_at"):
            schedule["at"] = c["schedule_at"]
        return CampaignDraft(
            app_id=int(self.context.app_id or 0),
            name=str(c.get("name") or "").strip() or self.tr("Untitled campaign"),
            format=str(c.get("format") or "push"),
            variants=tuple(Variant(k, 1.0, dict(v)) for k, v in self.contents.items()),
            control_share=float(c.get("control_share") or 0.0) / 100.0,
            segment_id=c.get("segment_id"),
            schedule=schedule,
            analytics_label=str(c.get("analytics_label") or ""),
            tags=tuple(t.strip() for t in str(c.get("tags") or "").split(",") if t.strip()),
            sms_max_segments=int(c.get("sms_max_segments") or 3),
            id=self.campaign_id,
        )

    # --- rendering ---------------------------------------------------------------------
    def _render(self, name: str, source: str) -> tuple[str, str | None, tuple[str, ...]]:
        """Liquid for one field; on a syntax error keep the last good render and say where."""
        result = render_text(source, self.render_context)
        if result.error is None:
            self.last_good[name] = result.text
            return result.text, None, result.missing
        message = template_error_text(name, result.error)
        self.template_errors[name] = message
        return self.last_good.get(name, ""), message, ()

    def rendered_push(self) -> tuple[PushContent, list[str], list[str]]:
        content = PushContent.from_dict(self._content())
        errors: list[str] = []
        missing: list[str] = []
        changes: dict[str, str] = {}
        for name in ("title", "subtitle", "body"):
            text, error, miss = self._render(name, getattr(content, name))
            changes[name] = text
            missing += [m for m in miss if m not in missing]
            if error:
                errors.append(error)
        return content.with_changes(**changes), errors, missing

    def refresh(self) -> None:
        """Re-render the preview and payload, and re-mark invalid fields (every keystroke)."""
        fmt = str(self._campaign.get("format") or "push")
        pages = {"push": 0, "sms": 1, "email": 2, "rich_push": 3, "in_app": 4}
        self.format_pages.setCurrentIndex(pages.get(fmt, 0))
        notes: list[str] = []
        self.template_errors = {}
        if fmt == "push":
            self.preview_stack.setCurrentIndex(0)
            shown, errors, missing = self.rendered_push()
            self.push_panel.set_content(shown)
            self.push_panel.set_image(
                self._preview_image(notes, str(self._content().get("image_url") or ""))
            )
            notes += errors
            if missing:
                notes.append(
                    self.tr("Missing for this profile: %1").replace("%1", ", ".join(missing))
                )
            self._refresh_payload()
        elif fmt == "rich_push":
            self._refresh_rich(notes)
        elif fmt == "in_app":
            self.preview_stack.setCurrentWidget(self.inapp_preview)
            shown = dict(self._content())
            for name in ("header", "body"):
                text, error, missing = self._render(name, str(shown.get(name) or ""))
                shown[name] = text
                notes += [error] if error else []
                if missing:
                    notes.append(
                        self.tr("Missing for this profile: %1").replace("%1", ", ".join(missing))
                    )
            self.inapp_preview.set_content(InAppContent.from_dict(shown))
            self.inapp_preview.set_image(
                self._preview_image(notes, str(shown.get("image_url") or ""))
            )
        else:
            self.preview_stack.setCurrentIndex(1)
            self._refresh_text_preview(fmt, notes)
        notes += [e for e in self.template_errors.values() if e not in notes]
        self.template_note.setText("\n".join(notes))
        self.template_note.setStyleSheet("color: #c62828;" if notes else "")
        self._mark_issues()

    # --- actions -------------------------------------------------------------------------
    def search_profiles(self) -> None:
        from engage_desktop.core.listing import search_profiles

        if self.context.app_id is None:
            return
        with self.context.workspace.session_factory() as session:
            page = search_profiles(
                session,
                self.context.workspace.member_id,
                self.context.app_id,
                self.profile_search.text(),
                limit=50,
            )
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("Sample profile"), None)
        for row in page.rows:
            name = " ".join(p for p in (row.first_name, row.last_name) if p) or row.external_id
            self.profile_combo.addItem(f"{name} <{row.email or '-'}> #{row.id}", row.id)
        if page.rows:
            self.profile_combo.setCurrentIndex(1)
            self.preview_as(page.rows[0].id)

    def preview_as(self, profile_id: int | None) -> None:
        if profile_id is None:
            self.render_context = dict(SAMPLE_PROFILE)
        else:
            with self.context.workspace.session_factory() as session:
                self.render_context = profile_context(session, profile_id)
        self.refresh()

    def _pick_local_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Image to preview"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif)")
        )
        if path:
            self.set_local_image(QPixmap(path))

    def _preview_image(self, notes: list[str], url: str) -> QPixmap | None:
        """The local file when one was picked, else the picture at the image URL (fetched)."""
        self.remote_image.request(url)
        if self.local_image is not None:
            return self.local_image
        if self.remote_image.error:
            notes.append(
                self.tr("The image could not be loaded for the preview: %1").replace(
                    "%1", self.remote_image.error
                )
            )
        return self.remote_image.pixmap

    def set_local_image(self, pixmap: QPixmap | None) -> None:
        """Preview only: the payload still needs an https URL, which the sender uses."""
        self.local_image = pixmap
        self.refresh()

    def save_now(self) -> bool:
        self.autosave.stop()
        try:
            with self.context.workspace.session() as session:
                self.campaign_id = save_draft(
                    session, self.context.workspace.member_id, self.draft()
                )
        except Exception as exc:  # shown, never swallowed: the form keeps everything typed
            self.status.setText(self.tr("Not saved: %1").replace("%1", self._save_error(exc)))
            return False
        self.status.setText(self.tr("Draft saved"))
        self.saved.emit(self.campaign_id)
        return True

    @staticmethod
    def _save_error(exc: BaseException) -> str:
        if isinstance(exc, CampaignInputError):
            return campaign_error_text(exc)
        return user_message(exc)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Pending edits are saved now; a window opened and closed untouched leaves no empty draft.
        if self.autosave.isActive() or (self.campaign_id is None and self.undo_stack.count()):
            self.save_now()
        super().closeEvent(event)
