"""The small analytics workspace (tests/support/analytics_workspace.py) as a fixture."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engage_desktop.core.workspace import Workspace
from tests.support.analytics_workspace import Small, build_small


@pytest.fixture
def small(make_workspace: Callable[..., Workspace]) -> Small:
    return build_small(make_workspace())
