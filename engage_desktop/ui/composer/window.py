"""The push composer window: fields with undo/redo, issues beside them, live previews, payload.

Every edit goes through the QUndoStack (consecutive keystrokes in one field merge into one step),
refreshes the preview and the payload at once, and restarts a short autosave timer that stores
the draft as a Campaign row in status draft — so closing the window never loses work.
"""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.campaigns import (
    CampaignDraft,
    VariantDraft,
    create_campaign,
    get_campaign,
    update_campaign,
)
from engage_desktop.core.content.fcm import (
    MAX_PAYLOAD_BYTES,
    SAMPLE_TOKEN,
    Issue,
    build_fcm_message,
    payload_size,
    validate_push,
)
from engage_desktop.core.content.push import PushAction, PushContent
from engage_desktop.core.content.sample import sample_profile
from engage_desktop.core.content.sms import sms_info
from engage_desktop.core.templating import TemplateSyntaxError, render
from engage_desktop.ui.composer.preview import NotificationPreview
from engage_desktop.ui.context import UiContext

AUTOSAVE_MS = 700
TEXT_FIELDS = ("name", "analytics_label", "title", "subtitle", "image_url", "deep_link")
ACTION_FIELDS = tuple(f"action{i}_{part}" for i in range(3) for part in ("title", "link"))
ALL_FIELDS = (*TEXT_FIELDS, "body", *ACTION_FIELDS)


class FieldEdit(QUndoCommand):
    """One field's change; typing in the same field merges into a single undo step."""

    def __init__(self, composer: PushComposer, field: str, old: str, new: str) -> None:
        super().__init__(composer.tr("Edit %1").replace("%1", field))
        self.composer, self.field, self.old, self.new = composer, field, old, new

    def id(self) -> int:
        return 1 + ALL_FIELDS.index(self.field)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.field != self.field:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.composer.apply_field(self.field, self.new)

    def undo(self) -> None:
        self.composer.apply_field(self.field, self.old)


class PushComposer(QWidget):
    """Compose one push campaign (variant A). Signals: saved(campaign_id) after each autosave."""

    saved = Signal(int)

    def __init__(
        self, context: UiContext, campaign_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.app_id = context.app_id
        self.campaign_id = campaign_id
        self.values: dict[str, str] = dict.fromkeys(ALL_FIELDS, "")
        self.undo_stack = QUndoStack(self)
        self._applying = False
        self._dirty = False
        self._action_rows: list[int] = []
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save_now)
        self.setWindowTitle(self.tr("Push composer"))
        self.sample: dict[str, Any] = {}
        if self.app_id is not None:
            with context.workspace.session() as session:
                self.sample = sample_profile(session, self.app_id)
        self._build()
        if campaign_id is not None:
            self._load(campaign_id)
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.issue_labels: dict[str, QLabel] = {}
        form_box = QWidget()
        outer = QVBoxLayout(form_box)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        labels = {
            "name": self.tr("Campaign name"),
            "analytics_label": self.tr("Analytics label"),
            "title": self.tr("Title"),
            "subtitle": self.tr("Subtitle (iOS)"),
            "body": self.tr("Message"),
            "image_url": self.tr("Image URL"),
            "deep_link": self.tr("Deep link"),
        }
        for field in ("name", "analytics_label", "title", "subtitle", "body", "image_url"):
            form.addRow(labels[field], self._field_widget(field))
        form.addRow(labels["deep_link"], self._field_widget("deep_link"))
        buttons = QGroupBox(self.tr("Buttons (up to 3)"))
        grid = QGridLayout(buttons)
        for i in range(3):
            grid.addWidget(QLabel(self.tr("Button %1").replace("%1", str(i + 1))), 2 * i, 0)
            grid.addWidget(self._field_widget(f"action{i}_title"), 2 * i, 1)
            grid.addWidget(self._field_widget(f"action{i}_link"), 2 * i, 2)
        self.edits["action0_title"].setPlaceholderText(self.tr("Label"))  # type: ignore[union-attr]
        self.edits["action0_link"].setPlaceholderText(self.tr("Deep link (optional)"))  # type: ignore[union-attr]
        form.addRow(buttons)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        form.addRow(self.missing_label)
        self.sms_label = QLabel()
        self.sms_label.setWordWrap(True)
        form.addRow(self.sms_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_box)

        self.preview = NotificationPreview()
        self.dark_box = QCheckBox(self.tr("Dark appearance"))
        self.dark_box.toggled.connect(self.preview.set_dark)
        preview_tab = QWidget()
        pv = QVBoxLayout(preview_tab)
        pv.addWidget(self.dark_box)
        pv.addWidget(self.preview, 1)

        self.payload_view = QPlainTextEdit()
        self.payload_view.setReadOnly(True)
        self.payload_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.byte_meter = QProgressBar()
        self.byte_meter.setRange(0, MAX_PAYLOAD_BYTES)
        payload_tab = QWidget()
        pl = QVBoxLayout(payload_tab)
        sample = self.tr("FCM v1 message for the sample profile %1 (%2).")
        who = " ".join(str(self.sample.get(k, "")) for k in ("first_name", "last_name")).strip()
        pl.addWidget(
            QLabel(sample.replace("%1", who or "?").replace("%2", self.sample.get("city", "?")))
        )
        pl.addWidget(self.byte_meter)
        pl.addWidget(self.payload_view, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(preview_tab, self.tr("Preview"))
        self.tabs.addTab(payload_tab, self.tr("Payload"))

        self.status_label = QLabel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.undo_stack.redo)
        self.resize(1100, 640)

    def _field_widget(self, field: str) -> QWidget:
        edit: QLineEdit | QPlainTextEdit
        if field == "body":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setUndoRedoEnabled(False)  # the composer's stack owns undo
            edit.setFixedHeight(90)
            edit.textChanged.connect(lambda: self._edited("body", edit.toPlainText()))  # type: ignore[union-attr]
        else:
            edit = QLineEdit()
            edit.textEdited.connect(lambda text, f=field: self._edited(f, text))
        edit.setObjectName(field)
        self.edits[field] = edit
        issue = QLabel()
        issue.setObjectName(f"{field}_issue")
        issue.setStyleSheet("color: #C62828;")
        issue.setWordWrap(True)
        issue.hide()
        self.issue_labels[field] = issue
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(edit)
        col.addWidget(issue)
        return box

    # -- editing ----------------------------------------------------------------------------

    def _edited(self, field: str, text: str) -> None:
        if self._applying or text == self.values[field]:
            return
        self.undo_stack.push(FieldEdit(self, field, self.values[field], text))

    def apply_field(self, field: str, value: str) -> None:
        """Set a field from the undo stack (or a load): value, widget text, refresh, autosave."""
        self.values[field] = value
        edit = self.edits[field]
        current = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
        if current != value:
            self._applying = True
            try:
                if isinstance(edit, QPlainTextEdit):
                    edit.setPlainText(value)
                else:
                    edit.setText(value)
            finally:
                self._applying = False
        self._dirty = True
        self.autosave_timer.start()
        self.refresh()

    def content(self) -> PushContent:
        """The push content as the fields stand."""
        v = self.values
        rows = [i for i in range(3) if v[f"action{i}_title"] or v[f"action{i}_link"]]
        actions = tuple(
            PushAction(f"action{i + 1}", v[f"action{i}_title"], v[f"action{i}_link"] or None)
            for i in rows
        )
        self._action_rows = rows  # content position → form row, to put issues beside the row
        return PushContent(
            title=v["title"],
            subtitle=v["subtitle"],
            body=v["body"],
            image_url=v["image_url"].strip() or None,
            deep_link=v["deep_link"].strip() or None,
            actions=actions,
        )

    # -- refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute issues, preview and payload from the current fields."""
        content = self.content()
        label = self.values["analytics_label"].strip() or None
        issues = validate_push(content, analytics_label=label)
        if not self.values["name"].strip():
            issues.insert(0, Issue("name", self.tr("The campaign needs a name.")))
        self._show_issues(issues)
        missing: list[str] = []
        texts: dict[str, str] = {}
        for field in ("title", "subtitle", "body"):
            try:
                result = render(self.values[field], self.sample)
                texts[field] = result.text
                missing += [m for m in result.missing_fields if m not in missing]
            except TemplateSyntaxError:
                texts[field] = self.values[field]
        self.missing_label.setText(
            self.tr("Missing fields for the sample profile: %1").replace("%1", ", ".join(missing))
            if missing
            else ""
        )
        self.sms_label.setText(self._sms_text(texts["body"]))
        app = self.context.current_app()
        self.preview.set_content(
            app_name=app.name if app else "App",
            title=texts["title"],
            subtitle=texts["subtitle"],
            body=texts["body"],
            has_image=bool(content.image_url),
        )
        self._refresh_payload(content, label, issues)

    def _sms_text(self, body: str) -> str:
        """The message as an SMS would cost it: encoding, segments and the characters to blame."""
        if not body:
            return ""
        info = sms_info(body)
        text = (
            self.tr("As an SMS: %1 characters, %2 segment(s), %3.")
            .replace("%1", str(info.units))
            .replace("%2", str(info.segments))
            .replace("%3", info.encoding)
        )
        if info.ucs2_characters:
            culprits = " ".join(info.ucs2_characters[:10])
            text += " " + self.tr("UCS-2 because of: %1").replace("%1", culprits)
        return text

    def _refresh_payload(
        self, content: PushContent, label: str | None, issues: list[Issue]
    ) -> None:
        try:
            message = build_fcm_message(
                content,
                token=SAMPLE_TOKEN,
                message_id="preview",
                analytics_label=label,
                render_context=self.sample,
            )
        except TemplateSyntaxError as exc:
            self.payload_view.setPlainText(self.tr("Template error: %1").replace("%1", str(exc)))
            self.byte_meter.setValue(0)
            return
        size = payload_size(message)
        self.payload_view.setPlainText(
            json.dumps({"message": message}, indent=2, ensure_ascii=False)
        )
        self.byte_meter.setValue(min(size, MAX_PAYLOAD_BYTES))
        self.byte_meter.setFormat(
            self.tr("%1 / %2 bytes").replace("%1", str(size)).replace("%2", str(MAX_PAYLOAD_BYTES))
        )
        over = size > MAX_PAYLOAD_BYTES
        self.byte_meter.setStyleSheet(
            "QProgressBar::chunk { background: #C62828; }" if over else ""
        )

    def _show_issues(self, issues: list[Issue]) -> None:
        by_field: dict[str, list[str]] = {}
        for issue in issues:
            text = self.issue_text(issue.message)
            by_field.setdefault(self._widget_field(issue.field), []).append(text)
        self.issues = issues
        for field, label in self.issue_labels.items():
            messages = by_field.get(field)
            label.setText("\n".join(messages or []))
            label.setVisible(bool(messages))

    # -- storage ----------------------------------------------------------------------------

    def draft(self) -> CampaignDraft:
        name = self.values["name"].strip() or self.tr("Untitled push")
        return CampaignDraft(
            name=name,
            variants=(VariantDraft("A", self.content().to_dict()),),
            analytics_label=self.values["analytics_label"].strip() or None,
        )

    def save_now(self) -> None:
        """Store the draft (small write, done on the GUI thread on purpose: it takes ~ms)."""
        self.autosave_timer.stop()
        if self.app_id is None or not self._dirty:
            return
        ws = self.context.workspace
        try:
            if self.campaign_id is None:
                view = create_campaign(ws, self.app_id, self.draft())
            else:
                view = update_campaign(ws, self.campaign_id, self.draft())
        except Exception as exc:
            self.status_label.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return
        self.campaign_id = view.id
        self._dirty = False
        self.status_label.setText(self.tr("Draft saved."))
        self.saved.emit(view.id)

    def _load(self, campaign_id: int) -> None:
        view = get_campaign(self.context.workspace, campaign_id)
        self.app_id = view.app_id
        content = PushContent.from_dict(
            view.draft.variants[0].content if view.draft.variants else {}
        )
        loaded = {
            "name": view.draft.name,
            "analytics_label": view.draft.analytics_label or "",
            "title": content.title,
            "subtitle": content.subtitle,
            "body": content.body,
            "image_url": content.image_url or "",
            "deep_link": content.deep_link or "",
        }
        for i, action in enumerate(content.actions[:3]):
            loaded[f"action{i}_title"] = action.title
            loaded[f"action{i}_link"] = action.deep_link or ""
        for field, value in loaded.items():
            self.apply_field(field, value)
        self.autosave_timer.stop()
        self._dirty = False
        self.undo_stack.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        super().closeEvent(event)

    def issue_text(self, message: str) -> str:
        """Core's English issue sentence in the interface language."""
        known = {
            "A push needs a title or a body.": self.tr("A push needs a title or a body."),
            "The image URL must start with https://.": self.tr(
                "The image URL must start with https://."
            ),
            "The deep link must look like scheme://path.": self.tr(
                "The deep link must look like scheme://path."
            ),
            "At most 3 buttons.": self.tr("At most 3 buttons."),
            "Every button needs a title.": self.tr("Every button needs a title."),
            "Data values must be strings.": self.tr("Data values must be strings."),
            "Use at most 50 characters among a-z A-Z 0-9 - _ . ~ %.": self.tr(
                "Use at most 50 characters among a-z A-Z 0-9 - _ . ~ %."
            ),
        }
        if message in known:
            return known[message]
        size = re.fullmatch(r"The message is (\d+) bytes; FCM accepts at most (\d+)\.", message)
        if size:
            return (
                self.tr("The message is %1 bytes; FCM accepts at most %2.")
                .replace("%1", size.group(1))
                .replace("%2", size.group(2))
            )
        if message.startswith("Template error at "):
            return self.tr("Template error at %1").replace(
                "%1", message[len("Template error at ") :]
            )
        return message

    def _widget_field(self, issue_field: str) -> str:
        """Map ``actions[1].title`` to its form row's widget, ``data.x`` to the body."""
        if issue_field.startswith("actions["):
            position = int(issue_field[len("actions[") : issue_field.index("]")])
            row = self._action_rows[position] if position < len(self._action_rows) else 0
            part = "link" if issue_field.endswith("deep_link") else "title"
            return f"action{row}_{part}"
        if issue_field == "actions":
            return "action0_title"
        return issue_field if issue_field in (*TEXT_FIELDS, "body") else "body"
