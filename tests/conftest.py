"""Fixtures for every test: offscreen Qt, fresh workspaces, a small demo, a real PostgreSQL server
and a real sandbox process. The code behind them lives in ``tests/support``."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-dev-shm-usage")

import itertools
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from engage_desktop.core.demo.generator import build_demo_workspace
from engage_desktop.core.workspace import Workspace, open_for_current_user
from engage_desktop.store.location import resolve_workspace
from tests.support.demo import DEMO_ANCHOR, DEMO_USERS
from tests.support.leaks import Snapshot, kill, settle
from tests.support.postgres import copy_demo, fresh_database, running_server
from tests.support.processes import Sandbox, credentials_dir, start_sandbox

LEAK_GRACE_S = 5.0


@pytest.fixture(autouse=True)
def nothing_left_running() -> Iterator[None]:
    """Fail a test (an error at its teardown, not a crash later) that leaves a thread, a
    background job or a child process running once its fixtures are torn down.

    Defined first, so it is set up before, and torn down after, every other function fixture:
    what it finds really outlived the test. Leaked child processes are killed.
    """
    before = Snapshot.take()
    yield
    leaks = settle(before, LEAK_GRACE_S)
    kill(leaks.children)
    if leaks:
        pytest.fail(
            f"still running {LEAK_GRACE_S:g} s after the test ended: {leaks.describe()}",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def closed_widgets_deleted() -> Iterator[None]:
    """Deliver the deletions pytest-qt posts for a test's closed widgets at that test's end.

    Without an event loop they waited for a later test's, and a composer's web page was then
    destroyed in the middle of another test (a crash seen once in CI, in an import test).
    """
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session", autouse=True)
def windows_deleted_at_the_end() -> Iterator[None]:
    """Delete the windows the tests closed while Qt still runs, as the app does on quit.

    pytest-qt closes each test's widgets and posts their deletion, which the last test never
    delivers; a rich preview's web page alive when QtWebEngine shuts down crashes the run.
    """
    yield
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        from engage_desktop.ui.app import delete_windows

        delete_windows()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server for this test session; yields its admin URL (database postgres)."""
    with running_server() as url:
        yield url


_db_numbers = itertools.count(1)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    with fresh_database(pg_server, f"test_{os.getpid()}_{next(_db_numbers)}") as url:
        yield url


@pytest.fixture
def make_workspace(tmp_path: Path) -> Iterator[Callable[..., Workspace]]:
    """Factory: a migrated, empty workspace on a fresh SQLite file (or on ``url``)."""
    opened: list[Workspace] = []

    def make(url: str | None = None) -> Workspace:
        target = url or str(tmp_path / f"workspace-{len(opened)}.sqlite")
        ws = open_for_current_user(resolve_workspace(target), create=True)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend_workspace(
    request: pytest.FixtureRequest, make_workspace: Callable[..., Workspace]
) -> Workspace:
    """An empty workspace on each database the product supports: SQLite, then PostgreSQL."""
    if request.param == "postgresql":
        return make_workspace(request.getfixturevalue("pg_url"))
    return make_workspace()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo workspace built once per session. Copy it before writing (``demo_workspace``)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_workspace(resolve_workspace(str(path)), users=DEMO_USERS, seed=7, anchor=DEMO_ANCHOR)
    return path


@pytest.fixture
def demo_workspace(demo_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the small demo workspace, opened as the current OS user."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    ws = open_for_current_user(resolve_workspace(str(path)))
    yield ws
    ws.close()


@pytest.fixture
def pg_demo(pg_url: str, demo_file: Path) -> Iterator[Session]:
    """The demo workspace's rows copied into a fresh PostgreSQL database."""
    copy_demo(demo_file, pg_url)
    target = create_engine(pg_url)
    with Session(target) as session:
        yield session
    target.dispose()


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    """A real ``engage-desktop sandbox`` process whose keys are the services' (``service_env``)."""
    box = start_sandbox(credentials_dir(tmp_path))
    yield box
    box.stop()
