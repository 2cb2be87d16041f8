"""The scheduling dialog: a date and a time in the user's locale, the zone shown and chosen,
the timing (at that moment, at that time in each recipient's local time, or on that day at each
recipient's best hour), and a live line saying what will happen (or why not).

Thin over ``core.scheduling``: the check of the time (past, a skipped DST hour, an unknown
zone) is core's, run on every change against the workspace's clock; the campaign's stored
choice is read, and the new one written, off the GUI thread. A refused time keeps the dialog
open with its reason; nothing is stored.
"""

from __future__ import annotations

from datetime import date, time
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.progress import Progress
from engage_desktop.core.scheduling import schedule as scheduling
from engage_desktop.core.scheduling.best_hour import cached_app_best_hour
from engage_desktop.core.scheduling.when import (
    ScheduleChoice,
    ScheduleError,
    Timing,
    choice,
    day_start,
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
        timing_buttons: the three exclusive timings, by ``Timing``.
        app_best_hour: the app's best hour as analytics last computed it (None: unknown).

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
        self.app_best_hour: int | None = None
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
        self._build_timing()
        self.understood = QLabel()
        self.understood.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Time"), self.time_edit)
        form.addRow(self.tr("Time zone"), self.zone_box)
        for row, button in enumerate(self.timing_buttons.values()):
            form.addRow(self.tr("Delivery") if row == 0 else "", button)
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
            self.timing_group.buttonToggled,
        ):
            signal.connect(self.check)

    def _build_timing(self) -> None:
        """Three exclusive timings; the time field means nothing for the best hour."""
        self.timing_buttons = {
            Timing.AT: QRadioButton(self.tr("At this date and time")),
            Timing.LOCAL_TIME: QRadioButton(self.tr("At this time in each recipient's local time")),
            Timing.BEST_HOUR: QRadioButton(self.tr("On this day, at each recipient's best hour")),
        }
        self.timing_buttons[Timing.LOCAL_TIME].setToolTip(
            self.tr(
                "Each recipient gets it at this clock time in their own time zone (from their "
                "profile or device, else the app's)."
            )
        )
        self.timing_buttons[Timing.BEST_HOUR].setToolTip(
            self.tr(
                "Each recipient gets it on this day at the local hour they open most often; "
                "recipients without opens get it at the app's best hour."
            )
        )
        self.timing_group = QButtonGroup(self)
        for button in self.timing_buttons.values():
            self.timing_group.addButton(button)
        self.timing_buttons[Timing.AT].setChecked(True)
        self.timing_buttons[Timing.BEST_HOUR].toggled.connect(
            lambda best: self.time_edit.setEnabled(not best)
        )

    def timing(self) -> Timing:
        """The timing whose button is checked."""
        for timing, button in self.timing_buttons.items():
            if button.isChecked():
                return timing
        return Timing.AT

    # --- reading and showing ------------------------------------------------------------
    def _read(self) -> tuple[scheduling.CurrentSchedule, int | None]:
        """On a worker: the app's zone, the campaign's stored choice, the app's best hour."""
        ws = self.context.workspace
        with ws.session() as session:
            current = scheduling.current_schedule(session, ws.member_id, self.campaign_id)
        return current, cached_app_best_hour(ws, current.app_id)

    def _loaded(self, read: tuple[scheduling.CurrentSchedule, int | None]) -> None:
        current, self.app_best_hour = read
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
        if chosen.timing != Timing.BEST_HOUR:  # its time is the day's start: keep a useful one
            self.time_edit.setTime(QTime(wall.hour, wall.minute))
        self.set_zone(chosen.time_zone)
        self.timing_buttons[chosen.timing].setChecked(True)

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
        timing, zone_name = self.timing(), self.zone_name()
        try:
            on = date(day.year(), day.month(), day.day())
            if timing == Timing.BEST_HOUR:
                at = day_start(on, zone_name)
            else:
                at = from_wall(on, time(clock.hour(), clock.minute()), zone_name)
            now = self.context.workspace.clock.now()
            self.chosen = choice(at, zone_name, now, timing)
        except ScheduleError as exc:
            self._say(schedule_error_text(exc), error=True)
        else:
            self._say(self._understood_text(self.chosen))
        self.schedule_button.setEnabled(self.chosen is not None)

    def _understood_text(self, chosen: ScheduleChoice) -> str:
        if chosen.timing == Timing.BEST_HOUR:
            return self._best_hour_text()
        if chosen.timing == Timing.LOCAL_TIME:
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

    def _best_hour_text(self) -> str:
        """The day, each recipient's own hour, and the app's hour for those without opens."""
        day = QLocale().toString(self.date_edit.date(), QLocale.FormatType.LongFormat)
        if self.app_best_hour is None:
            return fill(
                self.tr(
                    "Goes out on %1, to each recipient at the local hour they open most often "
                    "on their own clock (the next day where that hour has already passed). "
                    "Recipients without opens get it at the app's best hour, which the "
                    "Analytics page shows once computed. Quiet hours still apply."
                ),
                [day],
            )
        hour = QLocale().toString(QTime(self.app_best_hour, 0), QLocale.FormatType.ShortFormat)
        return fill(
            self.tr(
                "Goes out on %1, to each recipient at the local hour they open most often "
                "on their own clock (the next day where that hour has already passed). "
                "Recipients without opens get it at the app's best hour, %2 on their clock. "
                "Quiet hours still apply."
            ),
            [day, hour],
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
