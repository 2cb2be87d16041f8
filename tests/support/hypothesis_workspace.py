"""One workspace for every example of a hypothesis test, and a fresh number for each example.

A function-scoped fixture is made once per test, not once per example: examples share its
workspace, each writing an app of its own (numbered here) so they do not see each other's rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from engage_desktop.core.workspace import Workspace

_shared: dict[int, tuple[Workspace, itertools.count[int]]] = {}


def shared_workspace(make_workspace: Callable[..., Workspace]) -> tuple[Workspace, int]:
    """(the test's one workspace, this example's number, from 1)."""
    if id(make_workspace) not in _shared:
        _shared.clear()
        _shared[id(make_workspace)] = (make_workspace(), itertools.count(1))
    ws, counter = _shared[id(make_workspace)]
    return ws, next(counter)
