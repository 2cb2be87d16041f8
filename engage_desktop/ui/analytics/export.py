"""Charts to PNG, SVG or PDF, their tables to CSV, a campaign's multi-page report to PDF.

XLSX keeps each cell's type (numbers, days as dates) through ``workbook.write_xlsx``.
Every export first checks ``EXPORT_ANALYTICS`` on the app (``core.analytics.cached
.require_export``), then writes a hidden file beside the target and renames it into place, so a
failure (folder not writable, disk full) leaves no partial file and an existing file as it was.
CSV is what French Excel opens directly: ``;`` between cells, UTF-8 with a BOM, decimal commas,
and text cells neutralised against formulas (``core.csv_cells``). No Qt here: the CLI uses it.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import BinaryIO

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from engage_desktop.core.analytics.cached import AppTrends, require_export
from engage_desktop.core.analytics.content import campaign_content
from engage_desktop.core.analytics.funnel import CampaignResults
from engage_desktop.core.audit_trail.exports import audited_export
from engage_desktop.core.csv_cells import neutralised
from engage_desktop.core.messages import CodedError
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.analytics.charts import (
    DRAWING,
    Cell,
    Chart,
    FunnelChart,
    UpliftChart,
)
from engage_desktop.ui.analytics.content_page import draw_content
from engage_desktop.ui.analytics.style import LIGHT, ChartStyle, prepare, title
from engage_desktop.ui.analytics.text import ChartText
from engage_desktop.ui.analytics.timing import OpenHoursChart, TrendsChart
from engage_desktop.ui.analytics.workbook import write_xlsx

CHART_FORMATS = ("png", "svg", "pdf")
TABLE_FORMATS = ("csv", "xlsx")
FIGURE_SIZE = (10.0, 5.6)  # inches: a 16:9 slide
REPORT_SIZE = (11.69, 8.27)  # A4 landscape
DPI = 150


class ExportError(CodedError):
    """An export that could not be written. ``code``: ``unsupported_format``, ``not_writable``,
    ``disk_full`` or ``failed``; arguments: the file, then the reason."""


def save_chart(
    ws: Workspace,
    app_id: int,
    chart: Chart,
    path: Path,
    style: ChartStyle = LIGHT,
    text: ChartText | None = None,
) -> Path:
    """The chart as PNG, SVG or PDF, chosen by the file's extension."""
    kind = _format_of(path, CHART_FORMATS)
    require_export(ws, app_id)
    words = text or ChartText()
    meta = {"Title": chart.title(words)} if kind in ("pdf", "svg") else None

    def write(out: BinaryIO) -> None:
        figure = Figure(figsize=FIGURE_SIZE, dpi=DPI)
        chart.draw(figure, style, words)
        figure.savefig(out, format=kind, facecolor=style.background, metadata=meta)

    with DRAWING:
        return audited_export(
            ws, app_id, path, lambda: write_atomically(path, write), what=_what("chart", chart)
        )


def save_table(
    ws: Workspace, app_id: int, chart: Chart, path: Path, text: ChartText | None = None
) -> Path:
    """The numbers behind the chart as CSV for French Excel, or as an XLSX workbook."""
    kind = _format_of(path, TABLE_FORMATS)
    require_export(ws, app_id)
    words = text or ChartText()
    header, rows = chart.table(words)

    def write(out: BinaryIO) -> None:
        if kind == "xlsx":
            write_xlsx(out, chart.title(words), header, rows)
        else:
            out.write(csv_bytes(header, rows))

    return audited_export(
        ws, app_id, path, lambda: write_atomically(path, write), what=_what("table", chart)
    )


def _what(kind: str, chart: Chart) -> str:
    """What the audit entry says was exported: ``chart:TrendsChart``, ``table:FunnelChart``."""
    return f"{kind}:{type(chart).__name__}"


def csv_bytes(header: list[str], rows: Iterable[list[Cell]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    cells = ([_csv_cell(c) for c in row] for row in rows)
    writer.writerows(neutralised([header, *cells]))
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value: Cell) -> str | int:
    """Numbers as French Excel reads them: 12,5 (no thousands separator); None as empty;
    days as 2026-11-23, which Excel reads as a date in any language."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}".replace(".", ",")
    if isinstance(value, date):
        return value.isoformat()
    return value


def save_report(
    ws: Workspace,
    results: CampaignResults,
    trends: AppTrends,
    path: Path,
    style: ChartStyle = LIGHT,
    text: ChartText | None = None,
) -> Path:
    """A multi-page PDF: funnel, timing (daily results and open hours), A/B verdict, audience,
    and each variant's content."""
    _format_of(path, ("pdf",))
    require_export(ws, results.app_id)
    content = campaign_content(ws, results.campaign_id)
    words = text or ChartText()
    first, last = report_days(results)
    pages: list[Chart] = [
        FunnelChart(results),
        TrendsChart(trends, first, last),
        OpenHoursChart(trends),
        UpliftChart(results),
    ]

    def write(out: BinaryIO) -> None:
        with PdfPages(out, metadata={"Title": results.name}) as pdf:
            for chart in pages:
                figure = Figure(figsize=REPORT_SIZE, dpi=DPI)
                chart.draw(figure, style, words)
                pdf.savefig(figure, facecolor=style.background)
            pdf.savefig(_audience_page(results, style, words), facecolor=style.background)
            page = Figure(figsize=REPORT_SIZE, dpi=DPI)
            draw_content(page, results.name, content, style, words)
            pdf.savefig(page, facecolor=style.background)

    with DRAWING:
        return audited_export(
            ws,
            results.app_id,
            path,
            lambda: write_atomically(path, write),
            what="report",
            campaign_id=results.campaign_id,
        )


def report_days(results: CampaignResults) -> tuple[date, date]:
    """The days a campaign report shows: the day before sending to the end of the window."""
    start = date.fromisoformat(results.started_at[:10]) if results.started_at else date.today()
    return start - timedelta(days=1), start + timedelta(days=results.goal.window_days)


def _audience_page(results: CampaignResults, style: ChartStyle, text: ChartText) -> Figure:
    """Who was targeted, held back and reached, per variant, as a table."""
    figure = Figure(figsize=REPORT_SIZE, dpi=DPI)
    prepare(figure, style)
    title(figure, f"{text.audience_title} — {results.name}", style)
    header, rows = FunnelChart(results).table(text)
    control: list[Cell] = [text.control, results.control_recipients]
    rows = [*rows, control + [None] * (len(header) - 2)]
    ax = figure.add_subplot()
    ax.axis("off")
    cells = [[text.number(c, 0) if isinstance(c, int) else (c or "") for c in row] for row in rows]
    table = ax.table(cellText=cells, colLabels=header, loc="upper center", cellLoc="right")
    table.scale(1, 1.4)
    for cell in table.get_celld().values():
        cell.set_edgecolor(style.grid)
        cell.set_facecolor(style.background)
        cell.get_text().set_color(style.text)
    return figure


def _format_of(path: Path, allowed: tuple[str, ...]) -> str:
    kind = path.suffix.lower().lstrip(".")
    if kind not in allowed:
        names = ", ".join(f".{a}" for a in allowed)
        raise ExportError(
            f"{path}: cannot export to '{path.suffix or 'no extension'}'; use {names}.",
            "unsupported_format",
            str(path),
            names,
        )
    return kind


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write through a hidden file in the same folder, then rename it over ``path``."""
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as exc:
        raise _export_error(path, exc) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _export_error(path, exc) from exc
        raise


def _export_error(path: Path, exc: OSError) -> ExportError:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError(f"{path}: the disk is full ({reason}).", "disk_full", str(path), reason)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR):
        return ExportError(
            f"{path}: the folder cannot be written to ({reason}).",
            "not_writable",
            str(path),
            reason,
        )
    return ExportError(f"{path}: the export failed ({reason}).", "failed", str(path), reason)
