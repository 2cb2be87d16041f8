"""Audience imports: contacts from CSV/XLSX files, events from GA4 BigQuery exports.

Qt-free and network-free; the GUI wizard, the CLI and the benchmark all call these functions.
Each import is one transaction: it commits whole, or (cancelled, failed) leaves nothing behind.
"""

from engage_desktop.core.imports.errors import ImportFailed, RowError, write_error_report

__all__ = ["ImportFailed", "RowError", "write_error_report"]
