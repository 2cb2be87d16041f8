from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import Sandbox, credentials_dir, start_sandbox


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    box = start_sandbox(credentials_dir(tmp_path))
    yield box
    box.stop()
