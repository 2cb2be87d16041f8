"""Reload a view when the change feed says its data moved: at once if it is shown, else when
it is next shown (a hidden page costs no reads, and is true the moment it appears)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, SignalInstance
from PySide6.QtWidgets import QWidget


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
        widget.installEventFilter(self)
        for signal in signals:
            signal.connect(self.changed)

    def changed(self) -> None:
        if self.widget.isVisible():
            self.reload()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.reload()
        return False


def follow(widget: QWidget, reload: Callable[[], None], *signals: SignalInstance) -> Follower:
    return Follower(widget, reload, *signals)
