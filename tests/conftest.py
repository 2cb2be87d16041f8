"""Shared fixtures: offscreen Qt, fresh workspaces, a small demo, and a real PostgreSQL server.

PostgreSQL is started once per test session on loopback with its own data directory (initdb +
pg_ctl, as the ``postgres`` user when the tests run as root, since PostgreSQL refuses root).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import glob
import itertools
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from engage_desktop.core.demo.generator import build_demo_workspace
from engage_desktop.core.workspace import Workspace, open_for_current_user
from engage_desktop.store.location import resolve_workspace

DEMO_ANCHOR = datetime(2026, 11, 1, tzinfo=UTC)
DEMO_USERS = 2_000


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError(
        "PostgreSQL server binaries not found (initdb). Install them: apt-get install postgresql "
        "(the README's test command does this)."
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_pg_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server for this test session; yields its admin URL (database postgres)."""
    bindir = _pg_bin()
    _stop_orphaned_servers(bindir)
    root = Path(tempfile.mkdtemp(prefix="engage-pg-"))
    (root / "owner.pid").write_text(str(os.getpid()))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    port = _free_port()
    subprocess.run(
        _as_pg_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = (
        f"-k {sock} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    )
    subprocess.run(
        _as_pg_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "server.log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    try:
        yield url
    finally:
        subprocess.run(
            _as_pg_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def _stop_orphaned_servers(bindir: Path) -> None:
    """Stop servers left by test runs that died without their teardown (a crash, a kill -9)."""
    for owner in Path(tempfile.gettempdir()).glob("engage-pg-*/owner.pid"):
        try:
            os.kill(int(owner.read_text()), 0)
            continue  # its test run is still going
        except (ProcessLookupError, ValueError):
            pass
        except PermissionError:
            continue
        data = owner.parent / "data"
        subprocess.run(
            _as_pg_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(owner.parent, ignore_errors=True)


_db_numbers = itertools.count(1)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    name = f"test_{os.getpid()}_{next(_db_numbers)}"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield pg_server.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


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


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll ``predicate`` (for cross-process conditions a Qt signal cannot tell us about)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)
