from __future__ import annotations

from collections.abc import Iterator

import pytest

from .helpers import Sandbox, start_sandbox


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    box = start_sandbox()
    yield box
    box.stop()
