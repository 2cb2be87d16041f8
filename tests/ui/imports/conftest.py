"""No import job may outlive its test: a runner emitting into a destroyed panel would crash later."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool


@pytest.fixture(autouse=True)
def _background_jobs_done(qapp: object) -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(20_000), "an import job is still running"
