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

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QPixmap, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.campaigns.edit import get_draft, save_draft, schedule_campaign
from engage_desktop.core.campaigns.model import (
    CampaignDraft,
    CampaignInputError,
    Variant,
    validate_draft,
)
from engage_desktop.core.content.fcm import FCM_MAX_BYTES, check_message
from engage_desktop.core.content.inapp import InAppContent
from engage_desktop.core.content.push import PushContent
from engage_desktop.core.content.sms import count_sms
from engage_desktop.core.templating import render_text
from engage_desktop.core.templating.context import SAMPLE_PROFILE, profile_context
from engage_desktop.ui.composer.fields import (
    data_from_text,
    data_to_text,
    mark,
    on_change,
    set_value,
    value_of,
)
from engage_desktop.ui.composer.undo import FieldEdit
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.preview.inapp_preview import InAppPreview
from engage_desktop.ui.preview.panel import PushPreviewPanel

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


class ComposerWindow(QWidget):
    """Edit one campaign. Signals: saved(campaign_id) after every successful save."""

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
        self.issues: list[tuple[str, str]] = []
        self.local_image: QPixmap | None = None
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
        self.schedule_button = QPushButton(self.tr("Schedule…"))
        self.schedule_button.clicked.connect(self.schedule)
        self.status = QLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addLayout(variants_row)
        left_layout.addWidget(self.format_pages, 1)
        left_layout.addWidget(QLabel(self.tr("Problems")))
        left_layout.addWidget(self.issue_list)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.schedule_button)
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

    def _push_form(self) -> QWidget:
        box = QGroupBox(self.tr("Push content"))
        form = QFormLayout(box)
        labels = {
            "title": self.tr("Title"),
            "subtitle": self.tr("Subtitle (iOS)"),
            "image_url": self.tr("Image (https URL)"),
            "deep_link": self.tr("Deep link"),
            "sound": self.tr("Sound"),
            "badge": self.tr("Badge"),
            "android_channel_id": self.tr("Android channel"),
            "ttl_seconds": self.tr("Time to live (s)"),
            "collapse_key": self.tr("Collapse key"),
        }
        for name in ("title", "subtitle"):
            form.addRow(labels[name], self._field(f"content.{name}", QLineEdit()))
        body = QPlainTextEdit()
        body.setMaximumHeight(90)
        form.addRow(self.tr("Body"), self._field("content.body", body))
        image_row = QHBoxLayout()
        image_row.addWidget(self._field("content.image_url", QLineEdit()), 1)
        local = QPushButton(self.tr("Local file…"))
        local.clicked.connect(self._pick_local_image)
        image_row.addWidget(local)
        form.addRow(labels["image_url"], image_row)
        for name in (
            "deep_link",
            "sound",
            "badge",
            "android_channel_id",
            "ttl_seconds",
            "collapse_key",
        ):
            form.addRow(labels[name], self._field(f"content.{name}", QLineEdit()))
        priority = QComboBox()
        priority.addItem(self.tr("High"), "high")
        priority.addItem(self.tr("Normal"), "normal")
        form.addRow(self.tr("Priority"), self._field("content.priority", priority))
        for i in range(3):
            row = QHBoxLayout()
            for part, hint in (
                ("id", self.tr("id")),
                ("title", self.tr("label")),
                ("deep_link", self.tr("deep link")),
            ):
                edit = QLineEdit()
                edit.setPlaceholderText(hint)
                row.addWidget(self._field(f"action{i}.{part}", edit))
            form.addRow(self.tr("Button %1").replace("%1", str(i + 1)), row)
        data = QPlainTextEdit()
        data.setPlaceholderText(self.tr("key=value, one per line"))
        data.setMaximumHeight(60)
        form.addRow(self.tr("Custom data"), self._field("content.data", data))
        return box

    def _sms_form(self) -> QWidget:
        box = QGroupBox(self.tr("SMS"))
        form = QFormLayout(box)
        form.addRow(self.tr("Text"), self._field("sms.body", QPlainTextEdit()))
        cap = QComboBox()
        for n in (1, 2, 3, 4, 6):
            cap.addItem(str(n), n)
        form.addRow(self.tr("Segment cap"), self._field("campaign.sms_max_segments", cap))
        self.sms_counter = QLabel()
        form.addRow(self.sms_counter)
        return box

    def _email_form(self) -> QWidget:
        box = QGroupBox(self.tr("Email"))
        form = QFormLayout(box)
        form.addRow(self.tr("Subject"), self._field("email.subject", QLineEdit()))
        form.addRow(self.tr("Preheader"), self._field("email.preheader", QLineEdit()))
        form.addRow(self.tr("HTML body"), self._field("email.html", QPlainTextEdit()))
        return box

    def _rich_form(self) -> QWidget:
        box = QGroupBox(self.tr("Rich push"))
        form = QFormLayout(box)
        form.addRow(self.tr("Title"), self._field("rich.title", QLineEdit()))
        form.addRow(self.tr("Summary"), self._field("rich.body", QLineEdit()))
        form.addRow(self.tr("HTML page"), self._field("rich.html", QPlainTextEdit()))
        for key, label in (
            ("rich.allow_scripts", self.tr("JavaScript")),
            ("rich.allow_remote", self.tr("Remote content")),
        ):
            combo = QComboBox()
            combo.addItem(self.tr("Off"), False)
            combo.addItem(self.tr("On"), True)
            form.addRow(label, self._field(key, combo))
        return box

    def _inapp_form(self) -> QWidget:
        box = QGroupBox(self.tr("In-app message"))
        form = QFormLayout(box)
        layout = QComboBox()
        for value, label in (
            ("modal", self.tr("Modal")),
            ("top_banner", self.tr("Top banner")),
            ("bottom_banner", self.tr("Bottom banner")),
            ("full_screen", self.tr("Full screen")),
            ("card", self.tr("Card")),
        ):
            layout.addItem(label, value)
        form.addRow(self.tr("Layout"), self._field("inapp.layout", layout))
        form.addRow(self.tr("Header"), self._field("inapp.header", QLineEdit()))
        form.addRow(self.tr("Body"), self._field("inapp.body", QPlainTextEdit()))
        form.addRow(self.tr("Image (https URL)"), self._field("inapp.image_url", QLineEdit()))
        for i in range(2):
            row = QHBoxLayout()
            row.addWidget(self._field(f"inapp.button{i}_label", QLineEdit()))
            row.addWidget(self._field(f"inapp.button{i}_deep_link", QLineEdit()))
            form.addRow(self.tr("Button %1 (label, link)").replace("%1", str(i + 1)), row)
        for name, label in (
            ("background", self.tr("Background")),
            ("text_colour", self.tr("Text colour")),
            ("button_colour", self.tr("Button colour")),
        ):
            form.addRow(label, self._field(f"inapp.{name}", QLineEdit()))
        close = QComboBox()
        close.addItem(self.tr("Shown"), True)
        close.addItem(self.tr("Hidden"), False)
        form.addRow(self.tr("Close control"), self._field("inapp.close_button", close))
        return box

    def _preview_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.profile_search = QLineEdit()
        self.profile_search.setPlaceholderText(self.tr("Preview as… (name, email or id)"))
        self.profile_search.returnPressed.connect(self.search_profiles)
        self.profile_combo = QComboBox()
        self.profile_combo.addItem(self.tr("Sample profile"), None)
        self.profile_combo.activated.connect(
            lambda _i: self.preview_as(self.profile_combo.currentData())
        )
        row.addWidget(self.profile_search, 1)
        row.addWidget(self.profile_combo, 1)
        layout.addLayout(row)
        self.template_note = QLabel()
        self.template_note.setWordWrap(True)
        layout.addWidget(self.template_note)
        self.preview_stack = QStackedWidget()
        self.push_panel = PushPreviewPanel()
        app = self.context.current_app()
        for preview in self.push_panel.previews.values():
            preview.app_name = app.name if app is not None else "App"
        self.text_preview = QTextBrowser()
        self.text_preview.setOpenLinks(False)
        self.preview_stack.addWidget(self.push_panel)
        self.preview_stack.addWidget(self.text_preview)
        self.inapp_preview = InAppPreview()
        self.preview_stack.addWidget(self.inapp_preview)
        layout.addWidget(self.preview_stack, 1)
        return page

    def _payload_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.byte_meter = QProgressBar(maximum=FCM_MAX_BYTES)
        self.byte_meter.setFormat(self.tr("%v of %m bytes"))
        self.payload_view = QPlainTextEdit(readOnly=True)
        layout.addWidget(self.byte_meter)
        layout.addWidget(self.payload_view, 1)
        return page

    # --- state -------------------------------------------------------------------------
    def _segments(self) -> list[tuple[int, str]]:
        from sqlalchemy import select

        from engage_desktop.store.models import Segment

        if self.context.app_id is None:
            return []
        with self.context.workspace.session_factory() as session:
            rows = session.execute(
                select(Segment.id, Segment.name)
                .where(Segment.app_id == self.context.app_id)
                .order_by(Segment.name)
            )
            return [(int(i), str(n)) for i, n in rows]

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
        err = result.error
        message = (
            self.tr("%1, line %2, column %3: %4")
            .replace("%1", name)
            .replace("%2", str(err.line))
            .replace("%3", str(err.column))
            .replace("%4", err.message)
        )
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
        if fmt == "push":
            self.preview_stack.setCurrentIndex(0)
            shown, errors, missing = self.rendered_push()
            self.push_panel.set_content(shown)
            self.push_panel.set_image(self.local_image)
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
        else:
            self.preview_stack.setCurrentIndex(1)
            self._refresh_text_preview(fmt, notes)
        self.template_note.setText("\n".join(notes))
        self.template_note.setStyleSheet("color: #c62828;" if notes else "")
        self._mark_issues()

    def _refresh_payload(self) -> None:
        content = PushContent.from_dict(self._content())
        label = str(self._campaign.get("analytics_label") or "") or None
        message, size, _issues = check_message(
            content, analytics_label=label, render_context=self.render_context
        )
        if message is None:
            from engage_desktop.core.content.fcm import build_fcm_message

            message = build_fcm_message(
                content,
                token="PREVIEW_TOKEN",
                message_id="preview",
                analytics_label=label,
                render_context=self.render_context,
            )
        self.payload_view.setPlainText(
            json.dumps({"message": message}, ensure_ascii=False, indent=2)
        )
        self.byte_meter.setValue(min(size, FCM_MAX_BYTES))
        self.byte_meter.setFormat(
            self.tr("%1 of %2 bytes").replace("%1", str(size)).replace("%2", str(FCM_MAX_BYTES))
        )

    def _refresh_rich(self, notes: list[str]) -> None:
        """QtWebEngine is loaded only when a rich push is first previewed (it is heavy)."""
        if self.rich_preview is None:
            from engage_desktop.ui.preview.rich_preview import RichPreview

            self.rich_preview = RichPreview()
            self.preview_stack.addWidget(self.rich_preview)
        self.preview_stack.setCurrentWidget(self.rich_preview)
        content = self._content()
        title, _, _ = self._render("title", str(content.get("title") or ""))
        summary, _, _ = self._render("body", str(content.get("body") or ""))
        html, error, missing = self._render("html", str(content.get("html") or ""))
        self.rich_preview.set_page(
            title,
            summary,
            html,
            allow_scripts=bool(content.get("allow_scripts")),
            allow_remote=bool(content.get("allow_remote")),
        )
        if self.rich_preview.removed:
            notes.append(self.tr("Scripts and event handlers were removed (JavaScript is off)."))
        if error:
            notes.append(error)
        if missing:
            notes.append(self.tr("Missing for this profile: %1").replace("%1", ", ".join(missing)))

    def _refresh_text_preview(self, fmt: str, notes: list[str]) -> None:
        content = self._content()
        if fmt == "sms":
            text, error, missing = self._render("sms", str(content.get("body") or ""))
            count = count_sms(text)
            culprits = "".join(sorted({ch for _, ch in count.ucs2_culprits}))
            summary = (
                self.tr("%1: %2 characters, %3 segment(s), %4 left")
                .replace("%1", count.encoding)
                .replace("%2", str(count.units))
                .replace("%3", str(count.segments))
                .replace("%4", str(count.remaining))
            )
            if culprits:
                summary += " — " + self.tr("forcing UCS-2: %1").replace("%1", culprits)
            self.sms_counter.setText(summary)
            from html import escape

            marked = "".join(
                f'<span style="background:#ffcdd2">{escape(ch)}</span>'
                if ch in culprits
                else escape(ch)
                for ch in text
            )
            self.text_preview.setHtml(
                f"<div style='white-space:pre-wrap;font-size:15px'>{marked}</div>"
            )
        elif fmt == "email":
            subject, error, missing = self._render("subject", str(content.get("subject") or ""))
            pre, _, _ = self._render("preheader", str(content.get("preheader") or ""))
            body, _, _ = self._render("html", str(content.get("html") or ""))
            from html import escape

            import nh3

            self.text_preview.setHtml(
                f"<b>{escape(subject)}</b><br><span style='color:#666'>{escape(pre)}</span><hr>{nh3.clean(body)}"
            )
        else:
            error, missing = None, ()
            self.text_preview.setPlainText(self.tr("No preview for this format in this build."))
        if error:
            notes.append(error)
        if missing:
            notes.append(self.tr("Missing for this profile: %1").replace("%1", ", ".join(missing)))

    def _mark_issues(self) -> None:
        self.issues = validate_draft(self.draft())
        by_widget: dict[str, str] = {}
        for field, message in self.issues:
            variant, _, name = field.partition(".")
            if variant != self.variant_key:
                continue
            root = name.split(".")[0]
            key = {
                "actions[0]": "action0.title",
                "actions[1]": "action1.title",
                "actions[2]": "action2.title",
                "actions": "action0.title",
            }.get(root, f"content.{root}")
            if root == "data":
                key = "content.data"
            if self._campaign.get("format") == "sms":
                key = "sms.body"
            elif self._campaign.get("format") == "email":
                key = f"email.{root}"
            elif self._campaign.get("format") == "rich_push":
                key = f"rich.{root}"
            elif self._campaign.get("format") == "in_app":
                key = (
                    f"inapp.{root}"
                    if not root.startswith("buttons[")
                    else f"inapp.button{root[8]}_label"
                )
            by_widget.setdefault(key if key in self.widgets else "campaign.name", message)
        for key, widget in self.widgets.items():
            mark(widget, by_widget.get(key))
        self.issue_list.clear()
        self.issue_list.addItems([f"{f}: {m}" for f, m in self.issues])
        self.schedule_button.setEnabled(not self.issues)

    # --- actions -------------------------------------------------------------------------
    def search_profiles(self) -> None:
        from engage_desktop.core.listing import search_profiles

        if self.context.app_id is None:
            return
        with self.context.workspace.session_factory() as session:
            page = search_profiles(
                session, self.context.app_id, self.profile_search.text(), limit=50
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
            self.status.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return False
        self.status.setText(self.tr("Draft saved"))
        self.saved.emit(self.campaign_id)
        return True

    def schedule(self) -> None:
        if not self.save_now() or self.campaign_id is None:
            return
        try:
            with self.context.workspace.session() as session:
                schedule_campaign(session, self.context.workspace.member_id, self.campaign_id, None)
        except (CampaignInputError, Exception) as exc:
            QMessageBox.warning(self, self.tr("Cannot schedule"), str(exc))
            return
        self.status.setText(self.tr("Scheduled"))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Pending edits are saved now; a window opened and closed untouched leaves no empty draft.
        if self.autosave.isActive() or (self.campaign_id is None and self.undo_stack.count()):
            self.save_now()
        super().closeEvent(event)
