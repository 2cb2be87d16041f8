"""``engage-desktop analytics refresh`` fills the cache the page and the other commands read."""

from __future__ import annotations

import json
from collections.abc import Callable

from engage_desktop.core.analytics.cached import campaign_results
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Role
from tests.support.analytics_workspace import build_small
from tests.support.cli import run_cli


def test_refresh_json(make_workspace: Callable[..., Workspace]) -> None:
    small = build_small(make_workspace())
    path = small.ws.location.sqlite_path
    done = run_cli("analytics", "refresh", "--app", str(small.app_id), "--json", workspace=path)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["figures"] == 5 and summary["best_hour"] == 12  # trends, channels, fatigue, 2
    assert summary["campaigns"] == [small.soldes, small.summer] and summary["days"] == 4
    _, figure = campaign_results(small.ws, small.soldes)
    assert figure.from_cache  # computed by the command, read here


def test_refresh_needs_the_view_right(make_workspace: Callable[..., Workspace]) -> None:
    small = build_small(make_workspace(), None)
    path = small.ws.location.sqlite_path
    done = run_cli("analytics", "refresh", "--app", str(small.app_id), workspace=path)
    assert done.returncode == 1
    assert "does not allow 'view_analytics'" in done.stderr


def test_bad_window_is_a_clear_error(make_workspace: Callable[..., Workspace]) -> None:
    small = build_small(make_workspace(), Role.ANALYST)
    path = small.ws.location.sqlite_path
    done = run_cli("analytics", "refresh", "--app", "1", "--window", "0", workspace=path)
    assert done.returncode == 1
    assert "attribution window: 0 days is outside 1 to 90" in done.stderr
