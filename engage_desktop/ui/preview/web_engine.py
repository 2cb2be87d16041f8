"""Whether QtWebEngine can start here, asked before it is touched.

Chromium kills the whole process, with no exception and no dialog, when it runs as root with
its sandbox on ("Running as root without --no-sandbox is not supported"): choosing the rich
push format used to close the app. So the conditions Chromium refuses are checked first, and a
missing or broken QtWebEngine (``pyside6-essentials`` alone, a missing system library) is
caught at import. The caller then shows the plain rendering with the reason.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication

from engage_desktop.ui.messages import fill


def _sandbox_disabled() -> bool:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    return "--no-sandbox" in flags or os.environ.get("QTWEBENGINE_DISABLE_SANDBOX") == "1"


def web_engine_problem() -> str | None:
    """Why the web engine cannot start in this process (translated), or None if it can."""
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not _sandbox_disabled():
        return QCoreApplication.translate(
            "WebEngineCheck",
            "The web view cannot start while Engage Desktop runs as the administrator (root): "
            "its browser engine refuses to run as root with its sandbox on. Start Engage "
            "Desktop as your own user to see the page as the phone draws it.",
        )
    try:
        import PySide6.QtWebEngineWidgets  # noqa: F401
    except ImportError as error:
        return fill(
            QCoreApplication.translate(
                "WebEngineCheck", "The web view is not available on this computer (%1)."
            ),
            [str(error)],
        )
    return None
