"""Pieces both import panels share: field names, the error table, the report, error messages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from engage_desktop.core.imports.mapping import Field
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.messages import coded_text, fill, permission_text

if TYPE_CHECKING:
    from engage_desktop.core.imports.errors import ImportFailed, RowError

SHOWN_ERRORS = 1_000
"""Rows in the error table; the saved report holds every kept error."""


def field_label(field: Field) -> str:
    """The words a marketer reads in the mapping combo boxes."""
    return {
        Field.EXTERNAL_ID: QCoreApplication.translate(
            "ImportFields", "External id (customer number)"
        ),
        Field.FIRST_NAME: QCoreApplication.translate("ImportFields", "First name"),
        Field.LAST_NAME: QCoreApplication.translate("ImportFields", "Last name"),
        Field.EMAIL: QCoreApplication.translate("ImportFields", "Email"),
        Field.PHONE: QCoreApplication.translate("ImportFields", "Phone"),
        Field.CITY: QCoreApplication.translate("ImportFields", "City"),
        Field.POSTAL_CODE: QCoreApplication.translate("ImportFields", "Postal code"),
        Field.BIRTH_DATE: QCoreApplication.translate("ImportFields", "Birth date"),
        Field.LOCALE: QCoreApplication.translate("ImportFields", "Language"),
        Field.TIME_ZONE: QCoreApplication.translate("ImportFields", "Time zone"),
        Field.LATITUDE: QCoreApplication.translate("ImportFields", "Latitude"),
        Field.LONGITUDE: QCoreApplication.translate("ImportFields", "Longitude"),
        Field.CONSENT_PUSH: QCoreApplication.translate("ImportFields", "Consent: push"),
        Field.CONSENT_SMS: QCoreApplication.translate("ImportFields", "Consent: SMS"),
        Field.CONSENT_EMAIL: QCoreApplication.translate("ImportFields", "Consent: email"),
        Field.CONSENT_IN_APP: QCoreApplication.translate("ImportFields", "Consent: in-app"),
        Field.ATTRIBUTE: QCoreApplication.translate("ImportFields", "Keep as attribute"),
        Field.IGNORE: QCoreApplication.translate("ImportFields", "Ignore this column"),
    }[field]


def reason_text(error: RowError) -> str:
    """The reason in the user's language when its code is known, else core's English text."""
    templates = {
        "not_a_date": QCoreApplication.translate(
            "ImportReasons", "'%1' is not a date (expected dd/mm/yyyy or yyyy-mm-dd)"
        ),
        "impossible_date": QCoreApplication.translate("ImportReasons", "'%1' is not a real date"),
        "birth_in_future": QCoreApplication.translate(
            "ImportReasons", "birth date %1 is in the future"
        ),
        "birth_before_1900": QCoreApplication.translate(
            "ImportReasons", "birth date %1 is before 1900"
        ),
        "not_a_number": QCoreApplication.translate("ImportReasons", "'%1' is not a number"),
        "out_of_range": QCoreApplication.translate("ImportReasons", "%1 is outside -%2…%2"),
        "invalid_email": QCoreApplication.translate(
            "ImportReasons", "'%1' is not a valid email address"
        ),
        "invalid_phone": QCoreApplication.translate(
            "ImportReasons", "'%1' is not a valid phone number"
        ),
        "not_consent": QCoreApplication.translate(
            "ImportReasons", "'%1' is not a consent value (oui/non, yes/no, 1/0)"
        ),
        "postal_too_long": QCoreApplication.translate(
            "ImportReasons", "'%1' is too long for a postal code"
        ),
        "not_locale": QCoreApplication.translate(
            "ImportReasons", "'%1' is not a language code (e.g. fr or fr-FR)"
        ),
        "not_time_zone": QCoreApplication.translate(
            "ImportReasons", "'%1' is not a time zone name (e.g. Europe/Paris)"
        ),
        "too_long": QCoreApplication.translate("ImportReasons", "longer than %1 characters"),
        "no_key": QCoreApplication.translate(
            "ImportReasons", "no external id and no email: nothing to match on"
        ),
        "duplicate_external_id": QCoreApplication.translate(
            "ImportReasons", "duplicate external id: already on line %1 (the first one was kept)"
        ),
        "duplicate_email": QCoreApplication.translate(
            "ImportReasons", "duplicate email: already on line %1 (the first one was kept)"
        ),
        "too_many_fields": QCoreApplication.translate(
            "ImportReasons",
            "the row has %1 fields but the header has %2 (a stray delimiter or a missing quote?)",
        ),
        "too_few_fields": QCoreApplication.translate(
            "ImportReasons", "the row has %1 fields but the header has %2"
        ),
        "not_json": QCoreApplication.translate("ImportReasons", "not valid JSON (%1)"),
        "too_deep": QCoreApplication.translate("ImportReasons", "the JSON is nested too deeply"),
        "not_object": QCoreApplication.translate("ImportReasons", "the line is not a JSON object"),
        "no_event_name": QCoreApplication.translate("ImportReasons", "missing event name"),
        "long_event_name": QCoreApplication.translate(
            "ImportReasons", "event name over 100 characters"
        ),
        "bad_timestamp": QCoreApplication.translate(
            "ImportReasons",
            "event_timestamp must be microseconds since 1970 (e.g. 1762340000000000)",
        ),
        "no_user": QCoreApplication.translate(
            "ImportReasons", "neither user_id nor user_pseudo_id"
        ),
        "bad_params": QCoreApplication.translate("ImportReasons", "malformed parameters: %1"),
    }
    template = templates.get(error.code)
    return error.reason if template is None else fill(template, error.args)


class ErrorTable(QTableWidget):
    """Rejected rows and left-out cells: line, column, value, reason, outcome (the first
    ``SHOWN_ERRORS``, in line order)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Column"),
                self.tr("Value"),
                self.tr("Reason"),
                self.tr("Outcome"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def show_errors(self, errors: list[RowError]) -> None:
        shown = sorted(errors, key=lambda error: error.line)[:SHOWN_ERRORS]
        self.setRowCount(len(shown))
        for row, error in enumerate(shown):
            outcome = (
                self.tr("imported without this value") if error.left_out else self.tr("rejected")
            )
            for column, text in enumerate(
                (
                    format_int(error.line),
                    error.column or "",
                    error.value or "",
                    reason_text(error),
                    outcome,
                )
            ):
                self.setItem(row, column, QTableWidgetItem(text))


def save_report(parent: QWidget, errors: list[RowError], suggested: str) -> Path | None:
    """Ask where, then write the CSV report; says so if the file cannot be written."""
    from engage_desktop.core.imports.errors import write_error_report

    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportReport", "Save the error report"),
        suggested,
        QCoreApplication.translate("ImportReport", "CSV files (*.csv)"),
    )
    if not name:
        return None
    try:
        write_error_report(errors, name)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ImportReport", "Error report"),
            QCoreApplication.translate("ImportReport", "Could not write %1: %2")
            .replace("%1", name)
            .replace("%2", str(exc)),
        )
        return None
    return Path(name)


def _stop_templates() -> dict[str, str]:
    """Why a whole import stopped, by ``ImportFailed.code``; %1 is the file, %2… the details."""

    return {
        "missing": QCoreApplication.translate(
            "ImportReport", "%1 does not exist or is not a file."
        ),
        "empty": QCoreApplication.translate("ImportReport", "%1 is empty."),
        "not_text": QCoreApplication.translate(
            "ImportReport",
            "%1 looks like UTF-16 or a binary file, not CSV text: save it again as 'CSV UTF-8'.",
        ),
        "bad_byte": QCoreApplication.translate(
            "ImportReport",
            "%1: line %2 has byte %3, which is neither UTF-8 nor Windows-1252 text. "
            "Save the file again as 'CSV UTF-8'.",
        ),
        "mixed_encoding": QCoreApplication.translate(
            "ImportReport",
            "%1: line %2 has byte %3, in another encoding than the start of the file. "
            "Save the file again as 'CSV UTF-8'.",
        ),
        "bad_csv": QCoreApplication.translate("ImportReport", "%1: line %2 cannot be read as CSV."),
        "no_header": QCoreApplication.translate("ImportReport", "%1 has no header line."),
        "old_xls": QCoreApplication.translate(
            "ImportReport", "%1 is an old Excel 97-2003 workbook: save it as .xlsx or CSV first."
        ),
        "bad_xlsx": QCoreApplication.translate(
            "ImportReport", "%1 is not a readable Excel workbook."
        ),
        "truncated_gz": QCoreApplication.translate(
            "ImportReport",
            "%1 is truncated: the compressed data ends inside line %2 (line %3 was the last "
            "complete one). Download the export again.",
        ),
        "damaged_gz": QCoreApplication.translate("ImportReport", "%1 is damaged after line %2."),
        "line_too_long": QCoreApplication.translate(
            "ImportReport",
            "%1: line %2 is longer than %3 (a file cut in the middle, a missing line end, or not "
            "the expected kind of file).",
        ),
        "expands_too_much": QCoreApplication.translate(
            "ImportReport",
            "%1 expands more than %2 times its size when decompressed: it is not a real export "
            "(a compression bomb?).",
        ),
        "xlsx_too_big": QCoreApplication.translate(
            "ImportReport",
            "%1: the workbook part %2 expands to %3, more than this app opens safely. Save the "
            "sheet as CSV, or split it.",
        ),
        "no_key": QCoreApplication.translate(
            "ImportReport",
            "No column is mapped to the external id or the email: an import needs one of them "
            "to recognise contacts already known.",
        ),
        "db_refused": QCoreApplication.translate(
            "ImportReport", "%1: the database refused the import (%2). Everything was rolled back."
        ),
        "reader_crashed": QCoreApplication.translate(
            "ImportReport",
            "%1: the process reading the file stopped unexpectedly. Try the import again.",
        ),
    }


def _stop_reason(exc: ImportFailed) -> str:
    """The reason in the user's language when its code is known, else core's English text."""
    return coded_text(exc, _stop_templates())


def failure_text(exc: BaseException) -> str:
    """What to tell the user when an import stopped (nothing was written)."""
    from engage_desktop.core.imports.errors import ImportFailed
    from engage_desktop.security.errors import PermissionDenied

    if isinstance(exc, PermissionDenied):
        return permission_text(exc)
    if isinstance(exc, ImportFailed):
        return QCoreApplication.translate(
            "ImportReport", "The import stopped and nothing was written: %1"
        ).replace("%1", _stop_reason(exc))
    return QCoreApplication.translate(
        "ImportReport", "The import failed and nothing was written: %1"
    ).replace("%1", f"{type(exc).__name__}: {exc}")


def show_progress(bar: QProgressBar, done: int, total: object) -> None:
    """Per mille, so a million rows still move the bar smoothly; unknown totals stay busy."""
    if isinstance(total, int) and total > 0:
        bar.setRange(0, 1000)
        bar.setValue(min(1000, done * 1000 // total))
