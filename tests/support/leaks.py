"""What a test leaves running after its teardown: threads, background jobs, child processes.

A worker still finishing one test's job while the next test runs is how the suite crashed in CI
(a SIGBUS while the main thread collected garbage and a cancelled import's worker wound down).
``tests/conftest.py`` takes a ``Snapshot`` before each test and, after its teardown, gives what
the test started a short bounded time to end (``settle``); whatever is still alive then is named
in a test error, and child processes are killed so the next test starts clean.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

# Child processes that live for the whole session by design: Chromium's helpers (QtWebEngine keeps
# one profile per process) and multiprocessing's resource tracker (started once, on first spawn).
SESSION_CHILDREN = ("QtWebEngineProcess", "multiprocessing.resource_tracker")


@dataclass(frozen=True)
class Child:
    pid: int
    command: str


@dataclass
class Snapshot:
    """The threads and child processes alive before a test."""

    threads: set[int] = field(default_factory=set)
    children: set[int] = field(default_factory=set)

    @classmethod
    def take(cls) -> Snapshot:
        return cls({t.ident or 0 for t in _python_threads()}, {c.pid for c in _children()})


@dataclass
class Leaks:
    """What was still running ``grace`` seconds after a test ended."""

    threads: list[str] = field(default_factory=list)
    jobs: list[str] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.threads or self.jobs or self.children)

    def describe(self) -> str:
        parts = [f"thread {name}" for name in self.threads]
        parts += self.jobs
        parts += [f"child process {c.pid} ({c.command})" for c in self.children]
        return "; ".join(parts)


def settle(before: Snapshot, grace: float) -> Leaks:
    """Wait up to ``grace`` seconds for what the test started to end; return what did not."""
    deadline = time.monotonic() + grace
    leaks = Leaks()
    leaks.jobs = _qt_jobs_left(deadline)
    # Polled with sleeps, not ``join(timeout)``: under faketime a timed wait never times out.
    started = [t for t in _python_threads() if (t.ident or 0) not in before.threads]
    while any(t.is_alive() for t in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    leaks.threads = [f"{t.name!r} (target {_target_name(t)})" for t in started if t.is_alive()]
    leaks.children = _children_left(before, deadline)
    return leaks


def new_children(before: Snapshot) -> list[Child]:
    """Child processes started since ``before`` that run now (session helpers left out)."""
    return [
        c
        for c in _children()
        if c.pid not in before.children and not any(s in c.command for s in SESSION_CHILDREN)
    ]


def kill(children: list[Child]) -> None:
    """End leaked child processes (the test that started them is over) and reap them."""
    for child in children:
        try:
            os.kill(child.pid, signal.SIGKILL)
            os.waitpid(child.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _python_threads() -> list[threading.Thread]:
    """Threads started from Python. A ``_DummyThread`` is a Qt pool thread that once ran Python
    code: the pool owns it, and ``_qt_jobs_left`` checks the pool instead."""
    return [
        t
        for t in threading.enumerate()
        if t is not threading.main_thread() and not isinstance(t, threading._DummyThread)
    ]


def _target_name(thread: threading.Thread) -> str:
    target = getattr(thread, "_target", None)
    return getattr(target, "__qualname__", None) or type(thread).__qualname__


def _qt_jobs_left(deadline: float) -> list[str]:
    """Background jobs (``ui.background.run_in_background``) still running on Qt's pools."""
    if "PySide6.QtCore" not in sys.modules:
        return []
    from PySide6.QtCore import QCoreApplication, QThreadPool

    if QCoreApplication.instance() is None:
        return []
    pools = [("Qt's global pool", QThreadPool.globalInstance())]
    live_count = sys.modules.get("engage_desktop.ui.audience.live_count")
    if live_count is not None and live_count._POOL is not None:
        pools.append(("the live-count pool", live_count._POOL))
    # Jobs start on the event loop's next turn and post their outcomes back to it: deliver both
    # now, in this test's teardown, so neither reaches the next test.
    QCoreApplication.sendPostedEvents()
    left = []
    for name, pool in pools:
        remaining_ms = max(0, int((deadline - time.monotonic()) * 1000))
        if not pool.waitForDone(remaining_ms):
            left.append(f"{pool.activeThreadCount()} background job(s) on {name}")
    QCoreApplication.sendPostedEvents()
    return left


def _children_left(before: Snapshot, deadline: float) -> list[Child]:
    """Child processes started during the test that are still running at ``deadline``."""
    while (left := new_children(before)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def _children() -> list[Child]:
    """This process's running (not zombie) children, read from /proc."""
    me = os.getpid()
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue  # it ended while we looked
        # Fields after the command name, which is in parentheses and may hold spaces.
        state, ppid = text.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == me and state != "Z":
            words = command.replace(b"\0", b" ").decode(errors="replace").strip()
            found.append(Child(int(stat.parent.name), _short(words)))
    return found


def _short(command: str) -> str:
    """``python -m engage_desktop service ...`` -> ``engage_desktop service``; a program by its
    name; ``python -c CODE`` by its code (how multiprocessing starts its helpers)."""
    words = command.split()
    if "-m" in words:
        module = words[words.index("-m") + 1 :]
        return " ".join(module[:2])
    if "-c" in words:
        return " ".join(words[words.index("-c") + 1 :])[:80]
    return Path(words[0]).name if words else "?"
