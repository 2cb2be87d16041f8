"""Progress and cancellation for long work, shared by the GUI, the CLI and the service.

Core functions take an optional ``Progress``; callers decide how to show it (a progress bar in
the GUI, a terminal line in the CLI). Cancelling is cooperative: the work calls ``report`` often
and ``report`` raises ``Cancelled`` once the token is set, so the work can roll back cleanly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field


class Cancelled(Exception):
    """The user cancelled; the work undid what it had started."""


@dataclass
class CancelToken:
    _event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


ProgressCallback = Callable[[int, int | None, str], None]


@dataclass
class Progress:
    """Reports ``done`` out of ``total`` (None when unknown) with a short message."""

    callback: ProgressCallback | None = None
    token: CancelToken = field(default_factory=CancelToken)

    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        self.token.raise_if_cancelled()
        if self.callback is not None:
            self.callback(done, total, message)


NO_PROGRESS = Progress()
