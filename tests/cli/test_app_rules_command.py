"""``app rules``: an admin sets quiet hours, caps and the throttle; bad input is named."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from engage_desktop.cli.main import main
from engage_desktop.core.workspace import Workspace
from tests.support.sending import seed_app


def test_set_then_show_rules(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 1, quiet_hours=True)  # no rules row: the defaults
    path = str(ws.location.sqlite_path)
    assert main(["app", "rules", str(app_id), "--json", "--workspace", path]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "quiet_hours": "21:00-08:00",
        "caps": None,
        "throttle_per_minute": None,
    }
    assert main(["app", "rules", str(app_id), "--quiet", "21h30-8h", "--workspace", path]) == 0
    assert "quiet_hours: 21:30-08:00" in capsys.readouterr().out  # the French way of writing it
    args = ["--quiet", "22:00-07:30", "--cap", "push:2/day,5/week", "--throttle", "600"]
    assert main(["app", "rules", str(app_id), *args, "--json", "--workspace", path]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "quiet_hours": "22:00-07:30",
        "caps": "push:2/day,5/week",
        "throttle_per_minute": 600,
    }
    assert main(["app", "rules", str(app_id), "--quiet", "off", "--workspace", path]) == 0
    out = capsys.readouterr().out
    assert "quiet_hours: off" in out and "caps: push:2/day,5/week" in out


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--quiet", "25:00-08:00", "quiet hours: '25:00-08:00' holds a time that does not exist"),
        (
            "--quiet",
            "21h-8",
            "quiet hours: '21h-8' is not a span of time like 21:00-08:00 or 21h-8h",
        ),
        ("--cap", "fax:1/day", "caps: 'fax:1/day' should read CHANNEL:N/day,N/week"),
        ("--cap", "push:2/month", "caps: '2/month' in 'push:2/month' should read N/day or N/week"),
        ("--throttle", "fast", "--throttle: 'fast' is not a whole number"),
    ],
)
def test_bad_rules_are_refused_with_what_and_where(
    make_workspace: Callable[..., Workspace],
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
    said: str,
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 1)
    path = str(ws.location.sqlite_path)
    assert main(["app", "rules", str(app_id), option, value, "--workspace", path]) == 1
    assert said in capsys.readouterr().err
