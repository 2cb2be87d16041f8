"""Fixtures shared by the tests of the service's parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.processes import Sandbox, credentials_dir


@pytest.fixture
def sandbox_env(sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """The in-process dispatcher finds the sandbox (and its keys) as a service would."""
    monkeypatch.setenv("ENGAGE_SANDBOX_URL", sandbox.url)
    monkeypatch.setenv("ENGAGE_SANDBOX_CREDENTIALS_DIR", str(credentials_dir(tmp_path)))
    return sandbox
