"""The Analytics page: a campaign's funnel and A/B verdict, the app's daily results and open hours.

Everything comes from the local cache (``core.analytics.cached``), so the page opens offline;
Refresh recomputes. Loading and drawing run off the GUI thread with progress and cancel
(``loading``); a newer load cancels the older one and its answer is ignored. Exports are
written in the light style (documents are read on white) and only with the export right.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.analytics.conversion import CAMPAIGN_CONVERSION, ConversionGoal
from engage_desktop.core.progress import Progress
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.security.roles import Permission
from engage_desktop.ui.analytics import export
from engage_desktop.ui.analytics.chart_view import ChartPanel, Rendered
from engage_desktop.ui.analytics.filters import FilterBar
from engage_desktop.ui.analytics.loading import Loaded, Request, load, render_all
from engage_desktop.ui.analytics.qt_text import style_from_palette, translated_text
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.event_labels import event_label
from engage_desktop.ui.formatting import format_datetime
from engage_desktop.ui.messages import coded_text, fill, permission_text
from engage_desktop.ui.pages.base import Page
from engage_desktop.ui.permissions import gate

CHART_NAMES = ("funnel", "uplift", "trends", "open-hours", "channels", "fatigue")


class AnalyticsPage(Page):
    """Filters on top, six charts below, an "as of" badge saying how old the figures are.

    The campaign and variant filters apply to the funnel and uplift; the date range to the
    daily results, open hours, channels and fatigue; the channel filter to the campaigns
    offered, the daily results, the open hours and the channel comparison (fatigue counts a
    person's messages on every channel, so it stays whole).
    """

    page_id = "analytics"

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.loaded: Loaded | None = None
        self.job: Job | None = None
        self.export_job: Job | None = None
        self._build_filters()
        self.panels = {name: ChartPanel(name) for name in CHART_NAMES}
        for name, panel in self.panels.items():
            panel.export_requested.connect(lambda kind, n=name: self._ask_export(n, kind))
        grid = QGridLayout()
        for i, name in enumerate(CHART_NAMES):
            grid.addWidget(self.panels[name], i // 2, i % 2)
        self.resize_timer = QTimer(self)
        self.resize_timer.setSingleShot(True)
        self.resize_timer.setInterval(200)
        self.resize_timer.timeout.connect(self.redraw)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.filter_bar)
        inner.addLayout(self.status_bar)
        inner.addLayout(grid, 1)
        # Scrolls in a small window rather than forcing the main window to grow.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        # The core refuses an export without the right; the buttons are not offered either.
        exports = (panel.export_button for panel in self.panels.values())
        gate(context, Permission.EXPORT_ANALYTICS, self.report_button, *exports)
        self.reload()

    def title(self) -> str:
        from engage_desktop.ui.navigation import analytics_title

        return analytics_title()

    # Filters and status ------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.filter_bar = FilterBar()
        bar = self.filter_bar
        self.campaign, self.variant, self.conversion = bar.campaign, bar.variant, bar.conversion
        self.days, self.channel, self.first, self.last = bar.days, bar.channel, bar.first, bar.last
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.report_button = QPushButton(self.tr("Campaign report (PDF)…"))
        self.badge = QLabel()
        self.badge.setObjectName("asOfBadge")
        self.offline = QLabel()  # whether anything brings the figures up to date
        self.offline.setObjectName("offlineIndicator")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        status = QHBoxLayout()
        status.addWidget(self.badge)
        status.addWidget(self.offline)
        status.addWidget(self.message, 1)
        status.addWidget(self.progress)
        status.addWidget(self.cancel_button)
        status.addWidget(self.refresh_button)
        status.addWidget(self.report_button)
        self.status_bar = status
        self._set_busy(False)
        self.campaign.activated.connect(lambda _i: self.reload())
        self.conversion.activated.connect(lambda _i: self.reload())
        self.days.editingFinished.connect(self.reload)
        self.variant.activated.connect(lambda _i: self.redraw())
        self.channel.activated.connect(lambda _i: self.reload())  # the campaigns change too
        self.first.dateChanged.connect(lambda _d: self.redraw())
        self.last.dateChanged.connect(lambda _d: self.redraw())
        self.refresh_button.clicked.connect(lambda: self.reload(refresh=True))
        self.report_button.clicked.connect(self._ask_report)
        self.cancel_button.clicked.connect(self.cancel)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.refresh_button.setEnabled(not busy)

    def _request(self, refresh: bool) -> Request | None:
        app_id = self.context.app_id
        if app_id is None:
            return None
        same_app = self.loaded is not None and self.loaded.request.app_id == app_id
        return Request(
            app_id=app_id,
            campaign_id=self.campaign.currentData() if same_app else None,
            variant=self.variant.currentData() if same_app else None,
            goal=ConversionGoal(
                self.conversion.currentData() or CAMPAIGN_CONVERSION, self.days.value()
            ),
            first=_date(self.first.date()) if same_app else None,
            last=_date(self.last.date()) if same_app else None,
            refresh=refresh,
            channel=self.channel.currentData() if same_app else None,
        )

    # Loading and drawing -----------------------------------------------------------------

    def on_app_changed(self, app_id: int) -> None:
        self.reload()

    def reload(self, refresh: bool = False) -> None:
        """Read the figures (recomputing them all on ``refresh``), then draw every chart."""
        request = self._request(refresh)
        if request is not None:
            self._load(request)

    def show_campaign(self, campaign_id: int) -> None:
        """Show one campaign's results (the Campaigns list's "Results")."""
        request = self._request(False)
        if request is not None:
            self._load(replace(request, campaign_id=campaign_id, variant=None, channel=None))

    def _load(self, request: Request) -> None:
        refresh = request.refresh
        ws, sizes, ratio = self.context.workspace, self._sizes(), self.devicePixelRatioF()
        style, text = style_from_palette(self.palette()), translated_text()

        def work(progress: Progress) -> tuple[Loaded, dict[str, Rendered]]:
            loaded = load(ws, request, progress)
            return loaded, render_all(loaded, sizes, ratio, style, text, progress)

        self._start(work, self.tr("Refreshing figures…") if refresh else self.tr("Loading…"))

    def redraw(self) -> None:
        """Draw again from the figures already loaded (new size, variant or dates)."""
        if self.loaded is None:
            return
        loaded = self.loaded.with_filters(
            self.variant.currentData(),
            self.channel.currentData(),
            _date(self.first.date()),
            _date(self.last.date()),
        )
        sizes, ratio = self._sizes(), self.devicePixelRatioF()
        style, text = style_from_palette(self.palette()), translated_text()

        def work(progress: Progress) -> tuple[Loaded, dict[str, Rendered]]:
            return loaded, render_all(loaded, sizes, ratio, style, text, progress)

        self._start(work, self.tr("Drawing…"))

    def _start(self, work: Any, what: str) -> None:
        if self.job is not None:
            self.job.cancel()
        self.message.setText(what)
        self.progress.setRange(0, 0)
        self._set_busy(True)
        job = run_in_background(work, parent=self)
        job.progressed.connect(lambda done, total, _m, j=job: self._progressed(j, done, total))
        job.succeeded.connect(lambda result, j=job: self._show(j, *result))
        job.failed.connect(lambda exc, _tb, j=job: self._failed(j, exc))
        job.cancelled.connect(lambda j=job: self._stopped(j))
        self.job = job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progressed(self, job: Job, done: int, total: int | None) -> None:
        if job is self.job:
            self.progress.setRange(0, total or 0)
            self.progress.setValue(done)

    def _show(self, job: Job, loaded: Loaded, pictures: dict[str, Rendered]) -> None:
        if job is not self.job:
            return
        self.job = None
        self._set_busy(False)
        self.loaded = loaded
        self._fill_filters(loaded)
        for name, picture in pictures.items():
            self.panels[name].view.set_image(picture.image(), picture.regions)
        figure = loaded.oldest()
        self.badge.setText(fill(self.tr("As of %1"), [format_datetime(figure.computed_at)]))
        self.badge.setToolTip(
            self.tr("Figures from the local cache; Refresh recomputes them.")
            if figure.from_cache
            else self.tr("Figures computed just now.")
        )
        self._show_liveness(loaded.kept_up_to_date)
        self.message.clear()
        self.report_button.setEnabled(loaded.results is not None)

    def _show_liveness(self, live: bool) -> None:
        """Offline (no sending service here, e.g. on a train): the figures stay as they are
        until Refresh; with a service running they are refreshed once it has nothing to send."""
        if live:
            self.offline.setText(self.tr("Kept up to date"))
            self.offline.setToolTip(
                self.tr("The sending service refreshes these figures when it has nothing to send.")
            )
        else:
            self.offline.setText(self.tr("Offline"))
            self.offline.setToolTip(
                self.tr(
                    "No sending service is running: these figures stay as of the date shown "
                    "until you press Refresh."
                )
            )

    def _failed(self, job: Job, exc: BaseException) -> None:
        if job is self.job:
            self.job = None
            self._set_busy(False)
            self.message.setText(error_text(exc))

    def _stopped(self, job: Job) -> None:
        if job is self.job:
            self.job = None
            self._set_busy(False)
            self.message.setText(self.tr("Cancelled: the charts show the figures loaded before."))

    def _fill_filters(self, loaded: Loaded) -> None:
        """The pickers as loaded (campaigns, variants, events, dates), without reloading."""
        for widget in self.filter_bar.pickers():
            widget.blockSignals(True)
        _fill(self.campaign, [(c.name, c.id) for c in loaded.campaigns], loaded.request.campaign_id)
        keys = [v.key for v in loaded.results.variants] if loaded.results else []
        variants = [
            (self.tr("All variants"), None),
            *((fill(self.tr("Variant %1"), [k]), k) for k in keys),
        ]
        _fill(self.variant, variants, loaded.request.variant)
        events = [
            (self.tr("Campaign conversion"), CAMPAIGN_CONVERSION),
            *((event_label(e), e) for e in loaded.events),
        ]
        _fill(self.conversion, events, loaded.request.goal.event)
        for index in range(1, self.conversion.count()):  # the raw event name, for analysts
            raw = str(self.conversion.itemData(index))
            self.conversion.setItemData(index, raw, Qt.ItemDataRole.ToolTipRole)
        self.channel.setCurrentIndex(max(self.channel.findData(loaded.request.channel), 0))
        self.first.setDate(QDate(loaded.first.year, loaded.first.month, loaded.first.day))
        self.last.setDate(QDate(loaded.last.year, loaded.last.month, loaded.last.day))
        for widget in self.filter_bar.pickers():
            widget.blockSignals(False)

    def _sizes(self) -> dict[str, Any]:
        return {name: panel.render_size() for name, panel in self.panels.items()}

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resize_timer.start()

    def theme_changed(self) -> None:
        """Charts are images drawn in the palette's colours: redraw them in the new theme's."""
        self.resize_timer.start()

    # Exports -----------------------------------------------------------------------------

    def _ask_export(self, name: str, kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), f"{name}.{kind}", f"*.{kind}"
        )
        if path:
            self.export_chart(name, Path(path))

    def _ask_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Campaign report"), self.tr("report.pdf"), "*.pdf"
        )
        if path:
            self.export_report(Path(path))

    def export_chart(self, name: str, path: Path) -> Job | None:
        """Write one chart (PNG, SVG, PDF) or its table (CSV, XLSX) in the background."""
        if self.loaded is None:
            return None
        ws, app_id, chart, text = (
            self.context.workspace,
            self.loaded.request.app_id,
            self.loaded.charts()[name],
            translated_text(),
        )

        def work(_p: Progress) -> Path:
            if path.suffix.lower() in (".csv", ".xlsx"):
                return export.save_table(ws, app_id, chart, path, text)
            return export.save_chart(ws, app_id, chart, path, text=text)

        return self._start_export(work)

    def export_report(self, path: Path) -> Job | None:
        """Write the selected campaign's multi-page report in the background."""
        loaded = self.loaded
        if loaded is None or loaded.results is None:
            return None
        ws, results, trends, text = (
            self.context.workspace,
            loaded.results,
            loaded.trends,
            translated_text(),
        )
        return self._start_export(
            lambda _p: export.save_report(ws, results, trends, path, text=text)
        )

    def _start_export(self, work: Any) -> Job:
        self.message.setText(self.tr("Exporting…"))
        job = run_in_background(work, parent=self)
        job.succeeded.connect(lambda p: self.message.setText(fill(self.tr("Saved %1"), [str(p)])))
        job.failed.connect(lambda exc, _tb: self.message.setText(error_text(exc)))
        self.export_job = job
        return job


def _fill(combo: QComboBox, items: list[tuple[str, Any]], selected: Any) -> None:
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    index = combo.findData(selected)
    combo.setCurrentIndex(max(index, 0))


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def error_text(exc: BaseException) -> str:
    """An analytics failure in the user's language."""
    if isinstance(exc, PermissionDenied):
        return permission_text(exc)
    return coded_text(
        exc,
        {
            "unsupported_format": QCoreApplication.translate(
                "AnalyticsPage", "%1: this format cannot be exported; use %2."
            ),
            "not_writable": QCoreApplication.translate(
                "AnalyticsPage", "%1: the folder cannot be written to (%2)."
            ),
            "disk_full": QCoreApplication.translate("AnalyticsPage", "%1: the disk is full (%2)."),
            "failed": QCoreApplication.translate("AnalyticsPage", "%1: the export failed (%2)."),
        },
    )
