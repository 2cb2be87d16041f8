"""Fixtures for every test: offscreen Qt, fresh workspaces, a small demo, a real PostgreSQL server
and a real sandbox process. The code behind them lives in ``tests/support``."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

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
from tests.support.postgres import copy_demo, fresh_database, running_server
from tests.support.processes import Sandbox, credentials_dir, start_sandbox


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
