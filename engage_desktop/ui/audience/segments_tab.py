"""The Segments tab: saved segments on the left; on the right the open segment's name, its live
figures, the rule builder and a sample of matching profiles.

Every database call runs with ``run_in_background``; failures (a name already taken, a segment
still used by another, a permission the member lacks) appear in the message line above the
builder, in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.segments import RuleError, catalog, draft
from engage_desktop.core.segments import saved as segments
from engage_desktop.core.segments.export import export_members
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill
from engage_desktop.ui.theme import tint
from engage_desktop.ui.workflow.follow import follow

from .builder import SegmentBuilder
from .count_panel import CountPanel, SampleTable
from .list_panel import SegmentListPanel
from .live_count import LiveCounter
from .rule_errors import rule_error_text
from .segment_dialogs import ask_name, ask_path, confirm
from .segment_jobs import SegmentJobs
from .suggestions import Suggestions


class SegmentsTab(QWidget):
    """List + builder for the current app; follows ``context.app_changed``.

    Signals:
        segments_loaded(): the list was (re)loaded (tests wait for it).
        action_done(str): a save / duplicate / delete / refresh / export finished.
    """

    segments_loaded = Signal()
    action_done = Signal(str)

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, *, lazy: bool = False
    ) -> None:
        """``lazy``: touch the database only once ``activate()`` is called (the tab is shown)."""
        super().__init__(parent)
        self.active = False
        self.context = context
        ws = context.workspace
        self.current_id: int | None = None
        self._loaded_document: dict[str, Any] | None = None
        self._loaded_name = ""
        self.jobs = SegmentJobs(context, self)
        self.jobs.failed.connect(self._failed)
        # Dialogs are attributes so tests can answer them without a modal loop.
        self.confirm: Callable[[str], bool] = lambda question: confirm(self, question)
        self.ask_name: Callable[[str], str | None] = lambda text: ask_name(self, text)
        self.ask_path: Callable[[str], str | None] = lambda text: ask_path(self, text)

        self.suggestions = Suggestions(ws, self)
        self.counter = LiveCounter(ws, self)
        self.list_panel = SegmentListPanel(ws)
        self.builder = SegmentBuilder(self.suggestions)
        self.count_panel = CountPanel()
        self.sample = SampleTable()
        self._build_layout()
        self._connect()
        self._gate_actions()
        # Counted or edited by anyone (this tab, the CLI, a colleague): the list reloads itself.
        follow(self.list_panel, self._segments_moved, context.changes.segments_changed)
        if not lazy:
            self.activate()

    def _segments_moved(self) -> None:
        if self.active:
            self.reload_list()

    def _gate_actions(self) -> None:
        """Hide what the role cannot do: changing segments, exporting their members."""
        from engage_desktop.security.roles import Permission
        from engage_desktop.ui.permissions import gate

        edits = (self.new_button, self.duplicate_button, self.delete_button)
        gate(self.context, Permission.EDIT_AUDIENCE, *edits, self.save_button)
        gate(self.context, Permission.EDIT_AUDIENCE, self.save_as_button)
        gate(self.context, Permission.EXPORT_ANALYTICS, self.export_button)

    # -- layout --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        left = self.list_panel
        self.overview, self.table = left.overview, left.table
        self.new_button, self.duplicate_button = left.new_button, left.duplicate_button
        self.delete_button, self.refresh_button = left.delete_button, left.refresh_button
        self.export_button = left.export_button

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Segment name"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_as_button = QPushButton(self.tr("Save as…"))
        self.dirty = QLabel()
        self.dirty.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("Name")))
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.dirty)
        name_row.addWidget(self.save_button)
        name_row.addWidget(self.save_as_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.builder)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        sample_box = QWidget()
        sample_layout = QVBoxLayout(sample_box)
        sample_layout.setContentsMargins(0, 6, 0, 0)
        self.sample_title = QLabel(self.tr("Sample of matching profiles"))
        self.sample_title.setStyleSheet("font-weight: 600;")
        sample_layout.addWidget(self.sample_title)
        sample_layout.addWidget(self.sample)
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(scroll)
        vertical.addWidget(sample_box)
        vertical.setStretchFactor(0, 3)
        vertical.setStretchFactor(1, 1)
        vertical.setSizes([420, 180])
        vertical.setChildrenCollapsible(False)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addLayout(name_row)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.count_panel)
        right_layout.addWidget(vertical, 1)

        right.setMinimumWidth(280)  # clips below that rather than widening the window
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([360, 840])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.builder.changed.connect(self._rules_changed)
        self.name.textChanged.connect(self._update_dirty)
        self.counter.profiles_counted.connect(self.count_panel.show_profiles)
        self.counter.counted.connect(self.count_panel.show_figures)
        self.counter.failed.connect(self.count_panel.show_error)
        self.counter.cleared.connect(self._cleared)
        self.counter.busy_changed.connect(self.count_panel.set_busy)
        self.counter.sampled.connect(self.sample.set_rows)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.new_clicked)
        self.save_button.clicked.connect(self.save)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)
        self.save_as_button.clicked.connect(self.save_as)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self._selection_changed()

    # -- app and list ----------------------------------------------------------------------

    def activate(self) -> None:
        """Load the current app's segments, suggestions and figures (once; later app changes
        reload by themselves)."""
        if not self.active:
            self.active = True
            self.on_app_changed(self.context.app_id)

    def on_app_changed(self, app_id: int | None) -> None:
        """Everything belongs to one app: start over with the new one."""
        if not self.active:
            return  # loaded for the then current app when first shown
        self.suggestions.set_app(app_id)
        self.counter.set_app(app_id)
        self.overview.load(app_id)
        self.new_segment()
        self.reload_list()

    def reload_list(self, select: int | None = None) -> None:
        app_id = self.context.app_id
        if app_id is None:
            self.table.set_rows([])
            return
        ws = self.context.workspace
        self.jobs.run(
            lambda: segments.list_segments(ws, app_id),
            lambda rows: self._show_list(app_id, rows, select),
        )

    def _show_list(
        self, app_id: int, rows: list[segments.SegmentSummary], select: int | None
    ) -> None:
        if app_id != self.context.app_id:
            return
        self.table.blockSignals(True)
        self.table.set_rows(rows)
        self.table.blockSignals(False)
        self.table.selectionModel().blockSignals(True)
        self.table.select_id(select if select is not None else self.current_id)
        self.table.selectionModel().blockSignals(False)
        self._selection_changed()
        self.segments_loaded.emit()

    def _selection_changed(self, *_: Any) -> None:
        summary = self.table.selected()
        for button in self.list_panel.selection_actions():
            button.setEnabled(summary is not None)
        if summary is not None and summary.id != self.current_id:
            if self._discard_ok():
                self.open_segment(summary.id)
            else:  # stay on the segment being edited
                self.table.selectionModel().blockSignals(True)
                self.table.select_id(self.current_id)
                self.table.selectionModel().blockSignals(False)
                self._selection_changed()

    def is_dirty(self) -> bool:
        """The builder or the name differ from what was last loaded or saved."""
        return (
            self.builder.document() != self._loaded_document
            or self.name.text().strip() != self._loaded_name
        )

    def _discard_ok(self) -> bool:
        return not self.is_dirty() or self.confirm(
            self.tr("Discard the unsaved changes to this segment?")
        )

    def new_clicked(self) -> None:
        if self._discard_ok():
            self.new_segment()

    def open_segment(self, segment_id: int) -> None:
        """Load a saved segment into the builder."""
        from engage_desktop.core.access import app_session
        from engage_desktop.security.roles import Permission

        app_id, ws = self.context.app_id, self.context.workspace
        if app_id is None:
            return

        def load() -> catalog.SegmentDefinition | None:
            with app_session(ws, app_id, Permission.VIEW_AUDIENCE) as session:
                return catalog.segment_definition(session, app_id, segment_id)

        self.jobs.run(load, self._opened)

    def _opened(self, definition: catalog.SegmentDefinition | None) -> None:
        if definition is None:
            self.show_message(self.tr("This segment no longer exists."), error=True)
            self.reload_list()
            return
        previous = self.suggestions.editing_segment_id
        self.suggestions.editing_segment_id = definition.id
        try:
            self.builder.set_document(definition.rules)
        except RuleError as exc:
            self.suggestions.editing_segment_id = previous
            self.show_message(
                fill(
                    self.tr("The saved rules of this segment cannot be edited: %1"),
                    [rule_error_text(exc)],
                ),
                error=True,
            )
            return
        self.current_id = definition.id
        self._loaded_name = definition.name
        self.name.setText(definition.name)
        self._loaded_document = self.builder.document()
        self.suggestions.reload("segments")
        self._update_dirty()
        self.table.select_id(definition.id)

    def new_segment(self) -> None:
        """An empty builder for a segment not saved yet."""
        self.current_id = None
        self.suggestions.editing_segment_id = None
        self._loaded_document = None
        self._loaded_name = ""
        self.name.clear()
        self.builder.set_document(None)
        self.builder.add_condition(self.builder.root.id)
        self.table.clearSelection()
        self.message.hide()
        self._update_dirty()

    # -- live figures ----------------------------------------------------------------------

    def _rules_changed(self, result: draft.BuildResult) -> None:
        self.counter.request(result.document)
        self._update_dirty()

    def _cleared(self) -> None:
        self.count_panel.show_hint()
        self.sample.set_rows([])

    def _update_dirty(self) -> None:
        self.dirty.setText(self.tr("Unsaved changes") if self.is_dirty() else "")
        self.save_as_button.setEnabled(self.builder.document() is not None)

    # -- actions ---------------------------------------------------------------------------

    def save(self) -> None:
        document, name, app_id = self.builder.document(), self.name.text(), self.context.app_id
        if document is None or app_id is None:
            self.builder.show_all_errors()
            self.show_message(self.tr("Complete the conditions before saving."), error=True)
            return
        ws, segment_id = self.context.workspace, self.current_id

        def work() -> int:
            if segment_id is None:
                return segments.create_segment(ws, app_id, name, document)
            segments.update_segment(ws, segment_id, name=name, rules=document)
            return segment_id

        self.jobs.run(work, lambda saved_id: self._saved(saved_id, self.tr("Segment saved.")))

    def save_as(self) -> None:
        document, app_id = self.builder.document(), self.context.app_id
        if document is None or app_id is None:
            self.builder.show_all_errors()
            self.show_message(self.tr("Complete the conditions before saving."), error=True)
            return
        base = self.name.text().strip()
        name = self.ask_name(fill(self.tr("%1 (copy)"), [base]) if base else "")
        if not name:
            return
        ws = self.context.workspace

        def saved_as(saved_id: int) -> None:
            self.name.setText(name)  # the builder now edits the new segment, under its name
            self._saved(saved_id, self.tr("Saved as a new segment."))

        self.jobs.run(lambda: segments.create_segment(ws, app_id, name, document), saved_as)

    def duplicate(self) -> None:
        summary = self.table.selected()
        if summary is None:
            return
        ws = self.context.workspace
        self.jobs.run(lambda: segments.duplicate_segment(ws, summary.id), self._duplicated)

    def _saved(self, segment_id: int, text: str) -> None:
        """The builder holds what was just saved: it becomes the segment being edited at once.

        Not reopened from the database: a reopen answering later would overwrite whatever the
        user typed meanwhile (and the list's reload would see no current segment until then).
        """
        self.current_id = segment_id
        self.suggestions.editing_segment_id = segment_id
        self._loaded_document, self._loaded_name = self.builder.document(), self.name.text().strip()
        self._update_dirty()
        self.suggestions.reload("segments")
        self.counter.invalidate()
        self.show_message(text)
        self.reload_list(select=segment_id)
        self._store_figures(segment_id)
        self.action_done.emit("saved")

    def _store_figures(self, segment_id: int) -> None:
        """Count what was just saved and store it, so the list shows the figure beside the live
        count instead of "never counted" (the change feed reloads the list once stored)."""
        ws = self.context.workspace
        run_in_background(lambda _p: segments.refresh_segment(ws, segment_id), parent=self)

    def _duplicated(self, new_id: int) -> None:
        """The copy is opened from the database (the builder still holds the original)."""
        self.current_id = None  # so that the list selection opens the copy
        self.suggestions.reload("segments")
        self.show_message(self.tr("Segment duplicated."))
        self.reload_list(select=new_id)
        self.open_segment(new_id)
        self.action_done.emit("saved")

    def delete(self) -> None:
        summary = self.table.selected()
        if summary is None:
            return
        question = fill(self.tr("Delete the segment “%1”? This cannot be undone."), [summary.name])
        if not self.confirm(question):
            return
        ws = self.context.workspace
        self.jobs.run(
            lambda: segments.delete_segment(ws, summary.id), lambda _: self._deleted(summary)
        )

    def _deleted(self, summary: segments.SegmentSummary) -> None:
        if summary.id == self.current_id:
            self.new_segment()
        self.suggestions.reload("segments")
        self.show_message(fill(self.tr("Segment “%1” deleted."), [summary.name]))
        self.reload_list()
        self.action_done.emit("deleted")

    def refresh(self) -> None:
        summary = self.table.selected()
        if summary is None:
            return
        ws = self.context.workspace
        self.refresh_button.setEnabled(False)
        self.show_message(fill(self.tr("Counting “%1”…"), [summary.name]))
        self.jobs.run(lambda: segments.refresh_segment(ws, summary.id), lambda _: self._refreshed())

    def _refreshed(self) -> None:
        self.show_message(self.tr("Figures refreshed."))
        self.reload_list()
        self.action_done.emit("refreshed")

    def export(self) -> None:
        summary = self.table.selected()
        if summary is None:
            return
        path = self.ask_path(f"{summary.name}.csv")
        if not path:
            return
        ws = self.context.workspace
        self.jobs.run(
            lambda: export_members(ws, summary.id, Path(path)),
            lambda n: self._exported(n, path),
        )

    def _exported(self, count: int, path: str) -> None:
        self.show_message(fill(self.tr("Exported %Ln member(s) to %1", "", count), [path]))
        self.reload_list()
        self.action_done.emit("exported")

    # -- plumbing --------------------------------------------------------------------------

    def _failed(self, text: str) -> None:
        self.show_message(text, error=True)
        self._selection_changed()
        self.action_done.emit("failed")

    def show_message(self, text: str, *, error: bool = False) -> None:
        tint(self.message, "error" if error else "ok", "padding: 4px 2px;")
        self.message.setText(text)
        self.message.show()

    def busy(self) -> bool:
        """Something still runs in the background (tests wait for False)."""
        return (
            self.jobs.busy()
            or self.counter.busy
            or self.suggestions.pending > 0
            or self.overview.busy()
        )
