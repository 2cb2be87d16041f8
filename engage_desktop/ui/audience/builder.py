"""The rule tree editor: nested groups of condition rows over the Qt-free draft.

Rows copy their editor's values into the draft; structural edits (add, remove, indent,
outdent, kind change) go through ``draft`` and the tree is redrawn from it. Every change emits
``changed`` with the freshly built result, whose errors are shown beside the rows at fault.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.messages import code_of
from engage_desktop.core.segments import draft
from engage_desktop.ui.messages import fill
from engage_desktop.ui.theme import tint

from .editors import AttributeEditor, EventEditor, LastEventEditor
from .labels import kind_label
from .more_editors import (
    ConsentEditor,
    DeviceEditor,
    LifecycleEditor,
    LocationEditor,
    SampleEditor,
    SegmentEditor,
)
from .rule_errors import rule_row_text
from .suggestions import Suggestions
from .widgets import ConditionEditor, data_combo, select_data

EDITORS: dict[str, Callable[[Suggestions], ConditionEditor]] = {
    "attribute": AttributeEditor,
    "event": EventEditor,
    "event_last": LastEventEditor,
    "location": LocationEditor,
    "device": DeviceEditor,
    "consent": ConsentEditor,
    "lifecycle": LifecycleEditor,
    "segment": SegmentEditor,
    "sample": SampleEditor,
}


def _error_label() -> QLabel:
    label = QLabel()
    tint(label, "error")
    label.setWordWrap(True)
    label.hide()
    return label


def _tool(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    return button


class ConditionRow(QFrame):
    """One condition: its kind, its editor, a menu (indent, outdent) and a remove button."""

    def __init__(self, builder: SegmentBuilder, condition: draft.Condition) -> None:
        super().__init__()
        self.builder = builder
        self.condition = condition
        self.setObjectName("conditionRow")
        self.kind = data_combo([(kind_label(k), k) for k in draft.KINDS])
        self.kind.setMinimumContentsLength(12)
        select_data(self.kind, condition.kind)
        self.editor = EDITORS[condition.kind](builder.suggestions)
        self.editor.set_values(condition.values)
        condition.values = self.editor.values()
        self.more = _tool("⋯", self.tr("Move into or out of a group"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more)
        self.indent_action = QAction(self.tr("Put in a new group"), menu)
        self.outdent_action = QAction(self.tr("Move out of this group"), menu)
        menu.addActions([self.indent_action, self.outdent_action])
        self.more.setMenu(menu)
        self.remove_button = _tool("✕", self.tr("Remove this condition"))
        self.error = _error_label()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.editor, 1)
        top.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.error)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.editor.changed.connect(self._edited)
        self.remove_button.clicked.connect(lambda: builder.remove(condition.id))
        self.indent_action.triggered.connect(lambda: builder.indent(condition.id))
        self.outdent_action.triggered.connect(lambda: builder.outdent(condition.id))

    def _kind_changed(self) -> None:
        self.builder.fresh.discard(self.condition.id)
        kind = str(self.kind.currentData())
        self.condition.kind = kind
        self.condition.values = draft.default_values(kind)
        self.builder.redraw()

    def _edited(self) -> None:
        if self.builder.rows.get(self.condition.id) is not self:
            # A row replaced by a redraw (kind changed, condition moved) still hears late
            # signals, e.g. a suggestion list arriving: it must not write over the condition.
            return
        values = self.editor.values()
        if values != self.condition.values:  # a real edit, not a suggestion list arriving
            self.builder.fresh.discard(self.condition.id)
        self.condition.values = values
        self.builder.notify()

    def set_error(self, message: str | None) -> None:
        """Show what is wrong in the user's words: a request for a field left empty, the rule
        error's own wording, or core's English after "Incomplete or invalid" (unknown code)."""
        self.error.setVisible(bool(message))
        if not message:
            return
        code, args = code_of(message)
        key = args[1] if len(args) > 1 else ""
        wording = rule_row_text(message)
        if code == "missing" and key in self._missing_labels():
            self.error.setText(self._missing_labels()[key])
        elif wording is not None:
            self.error.setText(wording)
        else:
            self.error.setText(fill(self.tr("Incomplete or invalid: %1"), [message]))

    def _missing_labels(self) -> dict[str, str]:
        """What to ask for when a field is left empty, in the user's words."""
        return {
            "name": self.tr("Choose or type an event name."),
            "value": self.tr("Enter a value."),
            "param.key": self.tr("Enter the parameter to filter on."),
            "city": self.tr("Enter a city."),
            "postal_prefix": self.tr("Enter the start of a postal code."),
            "store_id": self.tr("Choose a store."),
            "segment_id": self.tr("Choose a saved segment."),
        }


class GroupBox(QFrame):
    """A group: all / any of its children, optionally negated, with add and remove buttons."""

    def __init__(self, builder: SegmentBuilder, group: draft.Group, is_root: bool) -> None:
        super().__init__()
        self.builder = builder
        self.group = group
        self.setObjectName("rootGroup" if is_root else "subGroup")
        self.match = data_combo(
            [
                (self.tr("All of these conditions"), "all"),
                (self.tr("Any of these conditions"), "any"),
            ]
        )
        select_data(self.match, group.match)
        self.negate = QCheckBox(self.tr("Exclude (NOT)"))
        self.negate.setChecked(group.negate)
        self.negate.setToolTip(self.tr("Keep the profiles that do NOT match this group"))
        self.add_condition_button = QPushButton(self.tr("+ Condition"))
        self.add_group_button = QPushButton(self.tr("+ Group"))
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.match)
        header.addWidget(self.negate)
        header.addStretch(1)
        header.addWidget(self.add_condition_button)
        header.addWidget(self.add_group_button)
        self.remove_button: QToolButton | None = None
        if not is_root:
            self.outdent_button = _tool("⇤", self.tr("Move this group out of its parent"))
            self.remove_button = _tool("✕", self.tr("Remove this group"))
            header.addWidget(self.outdent_button)
            header.addWidget(self.remove_button)
            self.outdent_button.clicked.connect(lambda: builder.outdent(group.id))
            self.remove_button.clicked.connect(lambda: builder.remove(group.id))
        self.body = QVBoxLayout()
        self.body.setContentsMargins(18 if not is_root else 0, 4, 0, 0)
        self.body.setSpacing(6)
        self.error = _error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 8, 8)
        layout.addLayout(header)
        layout.addWidget(self.error)
        layout.addLayout(self.body)
        self.match.currentIndexChanged.connect(self._match_changed)
        self.negate.toggled.connect(self._negate_changed)
        self.add_condition_button.clicked.connect(lambda: builder.add_condition(group.id))
        self.add_group_button.clicked.connect(lambda: builder.add_group(group.id))

    def _match_changed(self) -> None:
        self.group.match = str(self.match.currentData())
        self.builder.notify()

    def _negate_changed(self, on: bool) -> None:
        self.group.negate = on
        self.builder.notify()

    def set_empty(self, empty: bool) -> None:
        self.error.setVisible(empty)
        self.error.setText(self.tr("This group is empty: add a condition or remove the group."))


class SegmentBuilder(QWidget):
    """Edits a rule tree; ``result`` is the latest build (document or per-node errors).

    Signals:
        changed(result): after every edit, with the ``draft.BuildResult``.
    """

    changed = Signal(object)

    def __init__(self, suggestions: Suggestions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestions = suggestions
        self.root = draft.Group()
        self.rows: dict[int, ConditionRow] = {}
        self.groups: dict[int, GroupBox] = {}
        # Conditions just added and not touched yet: their errors wait until they are edited
        # (or until the user tries to save), so a new row does not greet them in red.
        self.fresh: set[int] = set()
        self.result = draft.build(self.root)
        self.setStyleSheet(
            "QFrame#subGroup { border-left: 3px solid palette(highlight);"
            " background: palette(alternate-base); border-radius: 4px; }"
            "QFrame#conditionRow { border: 1px solid palette(mid);"
            " border-radius: 4px; }"
            "QToolButton::menu-indicator { image: none; width: 0px; }"
        )
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self.redraw()

    # -- the whole tree ----------------------------------------------------------------------

    def set_document(self, document: dict[str, Any] | None) -> None:
        """Show a saved segment's rules (an empty builder for None)."""
        self.root = draft.Group() if document is None else draft.from_document(document)
        self.fresh = set()
        self.redraw()

    def document(self) -> dict[str, Any] | None:
        return self.result.document

    def redraw(self) -> None:
        """Rebuild the widgets from the draft (after a structural edit)."""
        while self._layout.count() > 1:
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone now, deleted once the event loop is back
                widget.setParent(None)
                widget.deleteLater()
        self.rows, self.groups = {}, {}
        self._layout.insertWidget(0, self._group_widget(self.root, is_root=True))
        self.notify()

    def _group_widget(self, group: draft.Group, is_root: bool) -> GroupBox:
        box = GroupBox(self, group, is_root)
        self.groups[group.id] = box
        for child in group.children:
            if isinstance(child, draft.Group):
                box.body.addWidget(self._group_widget(child, is_root=False))
            else:
                row = ConditionRow(self, child)
                self.rows[child.id] = row
                box.body.addWidget(row)
        return box

    def notify(self) -> None:
        """Build the document again, show what is wrong where, and tell listeners."""
        self.result = draft.build(self.root)
        for node_id, row in self.rows.items():
            row.set_error(None if node_id in self.fresh else self.result.errors.get(node_id))
        for node_id, box in self.groups.items():
            empty = node_id in self.result.empty_groups and node_id != self.root.id
            box.set_empty(empty)
        self.changed.emit(self.result)

    # -- structural edits --------------------------------------------------------------------

    def add_condition(self, group_id: int, kind: str = "attribute") -> draft.Condition:
        group = draft.find(self.root, group_id)
        assert isinstance(group, draft.Group)
        condition = draft.add_condition(group, kind)
        self.fresh.add(condition.id)
        self.redraw()
        return condition

    def add_group(self, group_id: int) -> draft.Group:
        group = draft.find(self.root, group_id)
        assert isinstance(group, draft.Group)
        sub = draft.add_group(group)
        self.fresh.update(c.id for c in sub.children)
        self.redraw()
        return sub

    def remove(self, node_id: int) -> None:
        if draft.remove(self.root, node_id):
            self.redraw()

    def indent(self, node_id: int) -> None:
        if draft.indent(self.root, node_id) is not None:
            self.redraw()

    def outdent(self, node_id: int) -> None:
        if draft.outdent(self.root, node_id):
            self.redraw()

    def show_all_errors(self) -> None:
        """Show every row's problem, fresh or not (the user tried to save)."""
        self.fresh.clear()
        self.notify()

    def root_box(self) -> GroupBox:
        return self.groups[self.root.id]

    def kind_combo(self, row: ConditionRow) -> QComboBox:
        return row.kind
