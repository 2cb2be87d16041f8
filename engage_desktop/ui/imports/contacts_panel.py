"""The contacts import wizard: file → preview → column mapping → import → summary.

Thin: sniffing, mapping suggestions and the import itself are core calls; opening the file and
importing run with ``run_in_background`` (progress and cancel), so the window never freezes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.imports.mapping import (
    ColumnTarget,
    Field,
    Mapping,
    attribute_key,
    auto_map,
    unknown_columns,
)
from engage_desktop.core.imports.tabular import cell_text
from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.imports.common import (
    ErrorTable,
    failure_text,
    field_label,
    save_report,
    show_progress,
)
from engage_desktop.ui.messages import fill

if TYPE_CHECKING:
    from engage_desktop.core.imports.contacts import ContactImportResult
    from engage_desktop.core.imports.tabular import Table
    from engage_desktop.ui.context import UiContext

PREVIEW_ROWS = 20
FIELD_CHOICES = list(Field)


class ContactsImportPanel(QWidget):
    """Wizard-like steps on a stack; ``job`` is the running background call, if any.

    Attributes (for tests and the page): ``stack`` and its pages ``choose_page``,
    ``preview_page``, ``mapping_page``, ``run_page``, ``summary_page``; ``combos`` (one per
    column); ``result`` (the last ContactImportResult).
    """

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.table: Table | None = None
        self.job: Job | None = None
        self.result: ContactImportResult | None = None
        self.combos: list[QComboBox] = []
        self.stack = QStackedWidget()
        self.choose_page = self._build_choose()
        self.preview_page = self._build_preview()
        self.mapping_page = self._build_mapping()
        self.run_page = self._build_run()
        self.summary_page = self._build_summary()
        for page in (
            self.choose_page,
            self.preview_page,
            self.mapping_page,
            self.run_page,
            self.summary_page,
        ):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # --- step 1: choose ------------------------------------------------------------------------

    def _build_choose(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("<b>Import contacts</b>"))
        explain = QLabel(
            self.tr(
                "A CSV file (semicolon, comma or tab; UTF-8 or Windows-1252, as Excel saves it) "
                "or an Excel workbook (.xlsx). Contacts are matched by external id, else by "
                "email: known ones are updated, empty cells never erase what is stored. Rows "
                "with errors are listed afterwards; the others are imported."
            )
        )
        explain.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.clicked.connect(self._ask_file)
        self.choose_status = QLabel()
        self.choose_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.choose_status)
        layout.addStretch(1)
        return page

    def _ask_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a contacts file"),
            str(Path.home()),
            self.tr("Contacts files (*.csv *.txt *.tsv *.xlsx);;All files (*)"),
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> Job:
        """Sniff ``path`` off the GUI thread, then show the preview."""
        from engage_desktop.core.imports.tabular import open_table

        self.choose_button.setEnabled(False)
        self.choose_status.setText(fill(self.tr("Reading %1…"), [path.name]))
        job = run_in_background(
            lambda _progress: open_table(path, PREVIEW_ROWS),
            parent=self,
            on_success=self._opened,
            on_failure=self._open_failed,
        )
        job.finished.connect(lambda: self.choose_button.setEnabled(True))
        return job

    def _open_failed(self, exc: BaseException, _tb: str) -> None:
        self.choose_status.setText(failure_text(exc))

    def _opened(self, table: Table) -> None:
        self.table = table
        self.choose_status.setText("")
        self._fill_preview(table)
        self._fill_mapping(table, auto_map(table.headers))
        self.stack.setCurrentWidget(self.preview_page)

    # --- step 2: preview -----------------------------------------------------------------------

    def _build_preview(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.format_label = QLabel()
        self.format_label.setWordWrap(True)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self.restart)
        self.to_mapping = QPushButton(self.tr("Next: map the columns"))
        self.to_mapping.clicked.connect(lambda: self.stack.setCurrentWidget(self.mapping_page))
        layout.addWidget(self.format_label)
        layout.addWidget(self.preview, 1)
        layout.addLayout(_buttons(back, self.to_mapping))
        return page

    def _fill_preview(self, table: Table) -> None:
        self.format_label.setText(
            fill(
                self.tr("<b>%1</b> — detected format: %2 — about %3 rows. The first rows:"),
                [table.path.name, self._format_text(table), format_int(table.total_rows or 0)],
            )
        )
        rows = table.preview(PREVIEW_ROWS)
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(table.headers)
        # The file's own line numbers, as the error report gives them.
        self.preview.setVerticalHeaderLabels([str(n) for n in table.preview_lines[: len(rows)]])
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells[: len(table.headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(cell_text(cell)))
        self.preview.resizeColumnsToContents()

    def _format_text(self, table: Table) -> str:
        if table.text_format is None:
            return self.tr("Excel workbook (XLSX)")
        encodings = {
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "utf-8": self.tr("UTF-8"),
            "cp1252": self.tr("Windows-1252 (Excel, Western Europe)"),
        }
        delimiters = {";": self.tr("semicolon"), ",": self.tr("comma"), "\t": self.tr("tab")}
        fmt = table.text_format
        return fill(
            self.tr("%1, separated by %2"),
            [
                encodings.get(fmt.encoding, fmt.encoding),
                delimiters.get(fmt.delimiter, fmt.delimiter),
            ],
        )

    # --- step 3: mapping -----------------------------------------------------------------------

    def _build_mapping(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Where does each column go? Recognised headers are already matched; unknown "
                "columns are ignored unless you keep them as attributes."
            )
        )
        intro.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Goes to")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_warning = QLabel()
        self.mapping_warning.setWordWrap(True)
        self.dry_run = QCheckBox(
            self.tr("Check only (dry run): count and list errors, write nothing")
        )
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.stack.setCurrentWidget(self.preview_page))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        layout.addWidget(intro)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.mapping_warning)
        layout.addWidget(self.dry_run)
        layout.addLayout(_buttons(back, self.import_button))
        return page

    def _fill_mapping(self, table: Table, mapping: Mapping) -> None:
        self.combos = []
        self.mapping_table.setRowCount(len(table.headers))
        first_row = table.preview(1)[0] if table.preview(1) else []
        for row, (header, target) in enumerate(zip(table.headers, mapping.targets, strict=False)):
            combo = QComboBox()
            for choice in FIELD_CHOICES:
                combo.addItem(field_label(choice), choice.value)
            combo.setCurrentIndex(FIELD_CHOICES.index(target.field))
            combo.currentIndexChanged.connect(self._check_mapping)
            example = cell_text(first_row[row]) if row < len(first_row) else ""
            self.mapping_table.setItem(row, 0, QTableWidgetItem(header))
            self.mapping_table.setItem(row, 1, QTableWidgetItem(example))
            self.mapping_table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self._check_mapping()

    def current_mapping(self) -> Mapping:
        """The mapping as the combo boxes say; a field chosen twice keeps its first column."""
        assert self.table is not None
        used: set[Field] = set()
        targets: list[ColumnTarget] = []
        for header, combo in zip(self.table.headers, self.combos, strict=True):
            field = Field(combo.currentData())
            if field is Field.ATTRIBUTE:
                targets.append(ColumnTarget(field, attribute_key(header)))
            elif field is Field.IGNORE or field in used:
                targets.append(ColumnTarget(Field.IGNORE))
            else:
                used.add(field)
                targets.append(ColumnTarget(field))
        return Mapping(tuple(targets))

    def _check_mapping(self) -> None:
        if self.table is None:
            return
        mapping = self.current_mapping()
        ok = mapping.has(Field.EXTERNAL_ID) or mapping.has(Field.EMAIL)
        chosen = [Field(c.currentData()) for c in self.combos]
        twice = sorted(
            {
                field_label(f)
                for f in chosen
                if f not in (Field.IGNORE, Field.ATTRIBUTE) and chosen.count(f) > 1
            }
        )
        notes = []
        if not ok:
            notes.append(
                self.tr(
                    "Map a column to the external id or to the email: contacts are "
                    "recognised by one of them."
                )
            )
        if twice:
            notes.append(
                fill(
                    self.tr("Chosen for several columns (only the first is used): %1"),
                    [", ".join(twice)],
                )
            )
        ignored = len(unknown_columns(self.table.headers, mapping))
        if ignored:
            notes.append(self.tr("%Ln column(s) will be ignored.", "", ignored))
        self.mapping_warning.setText(" ".join(notes))
        self.import_button.setEnabled(ok)

    # --- step 4: run ---------------------------------------------------------------------------

    def _build_run(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.run_label = QLabel()
        self.progress_bar = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        layout.addStretch(1)
        layout.addWidget(self.run_label)
        layout.addWidget(self.progress_bar)
        layout.addLayout(_buttons(None, self.cancel_button))
        layout.addStretch(1)
        return page

    def start_import(self) -> Job | None:
        from engage_desktop.core.imports.contacts import import_contacts

        if self.table is None or self.context.app_id is None or self.job is not None:
            return None
        table, mapping, app_id = self.table, self.current_mapping(), self.context.app_id
        dry_run = self.dry_run.isChecked()
        workspace = self.context.workspace

        def work(progress: Progress) -> ContactImportResult:
            return import_contacts(
                workspace,
                app_id,
                table.path,
                mapping,
                dry_run=dry_run,
                progress=progress,
                table=table,
            )

        self.run_label.setText(fill(self.tr("Importing %1…"), [table.path.name]))
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.stack.setCurrentWidget(self.run_page)
        job = run_in_background(work, parent=self)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._imported)
        job.failed.connect(self._import_failed)
        job.cancelled.connect(self._import_cancelled)
        job.finished.connect(self._job_done)
        self.job = job
        return job

    def _progressed(self, done: int, total: object, message: str) -> None:
        from engage_desktop.core.imports.contacts import PUBLISHING
        from engage_desktop.core.imports.turns import WAITING

        if message == PUBLISHING:  # every row written: the publish can no longer be cancelled
            self.progress_bar.setRange(0, 0)
            self.cancel_button.setEnabled(False)
            self.run_label.setText(self.tr("%Ln row(s) read. Publishing the contacts…", "", done))
        elif message == WAITING:
            self.progress_bar.setRange(0, 0)
            self.run_label.setText(self.tr("Waiting for another import of this workspace to end…"))
        else:
            show_progress(self.progress_bar, done, total)
            self.run_label.setText(self.tr("%Ln row(s) read…", "", done))

    def cancel(self) -> None:
        if self.job is not None:
            self.cancel_button.setEnabled(False)
            self.run_label.setText(self.tr("Cancelling: undoing what was written…"))
            self.job.cancel()

    def _job_done(self) -> None:
        self.job = None

    # --- step 5: summary -----------------------------------------------------------------------

    def _build_summary(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.errors = ErrorTable()
        self.save_button = QPushButton(self.tr("Save the error report…"))
        self.save_button.clicked.connect(self._save_report)
        again = QPushButton(self.tr("Import another file"))
        again.clicked.connect(self.restart)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.errors, 1)
        layout.addLayout(_buttons(self.save_button, again))
        return page

    def _imported(self, result: ContactImportResult) -> None:
        self.result = result
        lines = [
            (
                self.tr("<b>Check finished (dry run): nothing was written.</b>")
                if result.dry_run
                else self.tr("<b>Import finished.</b>")
            ),
            fill(  # each count with its own plural form ("1 ligne rejetée")
                self.tr("%1, %2, %3 (%4) out of %5."),
                [
                    self.tr("%Ln new contact(s)", "", result.inserted),
                    self.tr("%Ln updated", "", result.updated),
                    self.tr("%Ln row(s) rejected", "", result.failed),
                    self.tr("%Ln duplicate(s)", "", result.duplicates),
                    format_int(result.rows_read),
                ],
            ),
        ]
        if result.rows_with_left_out:
            lines.append(
                fill(
                    self.tr("Contacts imported without a value that could not be read: %1."),
                    [format_int(result.rows_with_left_out)],
                )
            )
        if result.failed or result.rows_with_left_out:
            lines.append(self.tr("The rejected rows, the values left out and why are below."))
        if result.errors_truncated:
            lines.append(self.tr("Only the first errors are kept in the report."))
        self.summary_label.setText("<br>".join(lines))
        report = [*result.errors, *result.left_out]
        self.errors.show_errors(report)
        self.errors.setVisible(bool(report))
        self.save_button.setEnabled(bool(report))
        self.stack.setCurrentWidget(self.summary_page)

    def _import_failed(self, exc: BaseException, _tb: str) -> None:
        self._show_stopped(failure_text(exc))

    def _import_cancelled(self) -> None:
        self._show_stopped(self.tr("<b>Import cancelled.</b> Nothing was written."))

    def _show_stopped(self, message: str) -> None:
        self.result = None
        self.summary_label.setText(message)
        self.errors.setRowCount(0)
        self.errors.setVisible(False)
        self.save_button.setEnabled(False)
        self.stack.setCurrentWidget(self.summary_page)

    def _save_report(self) -> None:
        if self.result is not None:
            stem = Path(self.result.file).stem
            report = [*self.result.errors, *self.result.left_out]
            save_report(self, report, str(Path.home() / f"{stem}-erreurs.csv"))

    def restart(self) -> None:
        self.table = None
        self.result = None
        self.dry_run.setChecked(False)
        self.stack.setCurrentWidget(self.choose_page)


def _buttons(left: QPushButton | None, right: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    if left is not None:
        row.addWidget(left)
    row.addStretch(1)
    row.addWidget(right)
    return row
