"""The GUI's launcher starts a real service child, which beats; a second call starts none."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import ServiceHeartbeat
from engage_desktop.ui.service_launcher import ensure_service
from tests.support.frozen import pretend_frozen


def test_launcher_starts_one_service_and_stops_it(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    child = ensure_service(ws)
    assert child is not None
    try:
        deadline = time.monotonic() + 30
        while True:
            with ws.session() as s:
                states = s.scalars(select(ServiceHeartbeat.state)).all()
            if states == ["running"]:
                break
            assert child.process.poll() is None, "the service exited"
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert ensure_service(ws) is None  # one is running: the GUI starts no other
    finally:
        child.stop()
    assert child.process.returncode == 0
    with ws.session() as s:
        assert s.scalars(select(ServiceHeartbeat.state)).all() == ["stopped"]


def test_a_bundle_starts_its_own_program_as_the_service(
    make_workspace: Callable[..., Workspace], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Frozen, ``sys.executable`` is the bundle's program: ``-m engage_desktop`` would fail."""
    ws = make_workspace()
    recorded = pretend_frozen(monkeypatch, tmp_path)
    child = ensure_service(ws)
    assert child is not None
    assert child.process.wait(30) == 0
    assert recorded.read_text(encoding="utf-8").splitlines() == ["service"]
