"""The scheduling dialog: a date and a time in the user's locale, the zone shown and chosen,
"in each recipient's local time", and a live line saying what will happen (or why not).

Thin over ``core.scheduling``: the check of the time (past, a skipped DST hour, an unknown
zone) is core's, run on every change against the workspace's clock; the campaign's stored
choice is read, and the new one written, off the GUI thread. A refused time keeps the dialog
open with its reason; nothing is stored.
"""

from __future__ import annotations

from datetime import date, time
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.progress import Progress
from engage_desktop.core.scheduling import schedule as scheduling
from engage_desktop.core.scheduling.when import (
    ScheduleChoice,
    ScheduleError,
    choice,
    from_wall,
    suggested_time,
)
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill
from engage_desktop.ui.workflow.texts import schedule_error_text
from engage_desktop.ui.workflow.when_text import (
    moment_text,
    short_date_format,
    short_time_format,
    utc_text,
)


class ScheduleDialog(QDialog):
    """Choose when one campaign goes out; stores it on "Schedule".

    Attributes:
        chosen: the checked choice the fields describe (None while they describe none).
        understood: the line saying what will happen, or why it cannot.

    Signals:
        scheduled(ScheduleChoice): stored.
        unscheduled(): taken back to draft.
    """

    scheduled = Signal(object)
    unscheduled = Signal()

    def __init__(self, context: UiContext, campaign_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.campaign_id = campaign_id
        self.chosen: ScheduleChoice | None = None
        self.app_zone = "UTC"
        self.setWindowTitle(self.tr("Schedule"))
        self.setMinimumWidth(520)
        self._build()
        self.setEnabled(False)  # until the campaign's stored choice is read
        run_in_background(
            lambda _p: self._read(),
            parent=self,
            on_success=self._loaded,
            on_failure=self._failed,
        )

    def _build(self) -> None:
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat(short_time_format())
        self.date_edit.setDisplayFormat(short_date_format())
        self.zone_box = QComboBox(editable=True)
        self.zone_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_box.addItems(sorted(available_timezones()))
        completer = QCompleter(self.zone_box.model(), self.zone_box)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone_box.setCompleter(completer)
        self.local_time = QCheckBox(self.tr("In each recipient's local time"))
        self.local_time.setToolTip(
            self.tr(
                "Each recipient gets it at this clock time in their own time zone (from their "
                "profile or device, else the app's)."
            )
        )
        self.understood = QLabel()
        self.understood.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Time"), self.time_edit)
        form.addRow(self.tr("Time zone"), self.zone_box)
        form.addRow("", self.local_time)
        self.buttons = QDialogButtonBox()
        self.schedule_button: QPushButton = self.buttons.addButton(
            self.tr("Schedule"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unschedule_button: QPushButton = self.buttons.addButton(
            self.tr("Unschedule"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.unschedule_button.setToolTip(self.tr("Back to draft: nothing goes out at its time."))
        self.unschedule_button.hide()
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.schedule_button.clicked.connect(self.store)
        self.unschedule_button.clicked.connect(self.unschedule)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.understood)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for signal in (
            self.date_edit.dateChanged,
            self.time_edit.timeChanged,
            self.zone_box.currentTextChanged,
            self.local_time.toggled,
        ):
            signal.connect(self.check)

    # --- reading and showing ------------------------------------------------------------
    def _read(self) -> scheduling.CurrentSchedule:
        """On a worker: the app's zone and the campaign's stored choice."""
        ws = self.context.workspace
        with ws.session() as session:
            return scheduling.current_schedule(session, ws.member_id, self.campaign_id)

    def _loaded(self, current: scheduling.CurrentSchedule) -> None:
        self.app_zone = current.app_time_zone
        self.setWindowTitle(fill(self.tr("Schedule “%1”"), [current.campaign_name]))
        self._mark_app_zone()
        if current.chosen is not None:
            self.show_choice(current.chosen)
            self.unschedule_button.show()
        else:
            now = self.context.workspace.clock.now()
            self.show_choice(ScheduleChoice(suggested_time(now, self.app_zone), self.app_zone))
        self.setEnabled(True)
        self.check()

    def _mark_app_zone(self) -> None:
        """The app's zone first in the list, said to be the app's."""
        label = fill(self.tr("%1 (the app's time zone)"), [self.app_zone])
        self.zone_box.insertItem(0, label, self.app_zone)
        self.zone_box.insertSeparator(1)

    def show_choice(self, chosen: ScheduleChoice) -> None:
        wall = chosen.wall
        self.date_edit.setDate(QDate(wall.year, wall.month, wall.day))
        self.time_edit.setTime(QTime(wall.hour, wall.minute))
        self.set_zone(chosen.time_zone)
        self.local_time.setChecked(chosen.local_time)

    def set_zone(self, name: str) -> None:
        index = 0 if name == self.app_zone else self.zone_box.findText(name)
        if index >= 0:
            self.zone_box.setCurrentIndex(index)
        else:
            self.zone_box.setEditText(name)

    def zone_name(self) -> str:
        text = self.zone_box.currentText().strip()
        index = self.zone_box.currentIndex()
        if index >= 0 and self.zone_box.itemText(index) == text:
            data = self.zone_box.itemData(index)
            return str(data) if data else text
        return text

    # --- checking -------------------------------------------------------------------------
    def check(self) -> None:
        """Ask core whether the fields make a time it would store; say what it understood."""
        self.chosen = None
        day, clock = self.date_edit.date(), self.time_edit.time()
        try:
            wall = time(clock.hour(), clock.minute())
            at = from_wall(date(day.year(), day.month(), day.day()), wall, self.zone_name())
            now = self.context.workspace.clock.now()
            self.chosen = choice(at, self.zone_name(), now, self.local_time.isChecked())
        except ScheduleError as exc:
            self._say(schedule_error_text(exc), error=True)
        else:
            self._say(self._understood_text(self.chosen))
        self.schedule_button.setEnabled(self.chosen is not None)

    def _understood_text(self, chosen: ScheduleChoice) -> str:
        if chosen.local_time:
            return fill(
                self.tr("Goes out at %1 on each recipient's clock, from %2 (the time in %3)."),
                [
                    self.time_edit.time().toString(self.time_edit.displayFormat()),
                    moment_text(chosen.at, chosen.time_zone),
                    chosen.time_zone,
                ],
            )
        return fill(
            self.tr("Goes out on %1, that is %2."),
            [moment_text(chosen.at, chosen.time_zone), utc_text(chosen.at)],
        )

    def _say(self, text: str, *, error: bool = False) -> None:
        """What will happen in plain type; a refusal in bold (colour-blind safe, both themes)."""
        self.understood.setText(text)
        self.understood.setStyleSheet("font-weight: bold;" if error else "")

    # --- storing ------------------------------------------------------------------------
    def store(self) -> None:
        self.check()  # time has moved since the last check
        chosen = self.chosen
        if chosen is None:
            return
        ws, campaign_id = self.context.workspace, self.campaign_id

        def work(_progress: Progress) -> ScheduleChoice:
            with ws.session() as session:
                scheduling.schedule(session, ws.member_id, campaign_id, chosen, ws.clock.now())
            return chosen

        self._busy()
        run_in_background(work, parent=self, on_success=self._stored, on_failure=self._failed)

    def unschedule(self) -> None:
        ws, campaign_id = self.context.workspace, self.campaign_id

        def work(_progress: Progress) -> None:
            with ws.session() as session:
                scheduling.unschedule(session, ws.member_id, campaign_id)

        self._busy()
        run_in_background(work, parent=self, on_success=self._unscheduled, on_failure=self._failed)

    def _busy(self) -> None:
        self.schedule_button.setEnabled(False)
        self.unschedule_button.setEnabled(False)

    def _stored(self, chosen: ScheduleChoice) -> None:
        self.context.changes.poke()
        self.scheduled.emit(chosen)
        self.accept()

    def _unscheduled(self, _none: object) -> None:
        self.context.changes.poke()
        self.unscheduled.emit()
        self.accept()

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.setEnabled(True)
        self._say(schedule_error_text(exc), error=True)
        self.unschedule_button.setEnabled(True)
        self.schedule_button.setEnabled(self.chosen is not None)
