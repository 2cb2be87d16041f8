"""Reload a view when the change feed says its data moved: at once if it is shown, else as
soon as it is shown again (a hidden page costs no reads, and is true when it appears).

No event filter: PySide6 may call a Python event filter while the watched widget is being
destroyed, which crashed the test run. A stale, hidden view is instead looked at twice a
second until it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget

STALE_CHECK_MS = 500


class Follower(QObject):
    """Calls ``reload`` after any of ``signals``, deferred while ``widget`` is hidden.

    Attributes:
        stale: a change arrived while the widget was hidden.
    """

    def __init__(
        self, widget: QWidget, reload: Callable[[], None], *signals: SignalInstance
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.reload = reload
        self.stale = False
        self.timer = QTimer(self)
        self.timer.setInterval(STALE_CHECK_MS)
        self.timer.timeout.connect(self._shown_yet)
        for signal in signals:
            signal.connect(self.changed)

    def changed(self) -> None:
        if self.widget.isVisible():
            self.reload()
        else:
            self.stale = True
            self.timer.start()

    def _shown_yet(self) -> None:
        if self.widget.isVisible():
            self.timer.stop()
            self.stale = False
            self.reload()


def follow(widget: QWidget, reload: Callable[[], None], *signals: SignalInstance) -> Follower:
    return Follower(widget, reload, *signals)
