"""Python's cyclic garbage collector paused for a bulk load (the CLI's imports)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the bulk load, as bulk loaders do.

    Every row allocates a few short-lived containers; the collector kept scanning them (about
    12 % of the CPU of a million-row import, measured). Nothing an import builds is cyclic, and
    reference counting frees it all as usual; the collector resumes when the import ends.

    Only on the main thread (the CLI): the switch is process-wide, so from the GUI's worker it
    held back the collection of the GUI's own garbage, which then all fell on the GUI thread
    at once when the import ended.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
