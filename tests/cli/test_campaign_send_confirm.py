"""``campaign send`` without ``--yes``, in a real terminal: a real ``engage-desktop`` process on a
pseudo-terminal shows the same summary as the GUI's confirmation, delivery rules included
(recipients per variant, suppressed by reason, rows waiting for quiet hours, the estimated end
with the throttle, the warning when the offer ends first), then reads the typed answer.

The child runs on the real clock: the people waiting for quiet hours live in a zone where it is
night now (an ``Etc/GMT`` zone chosen from the current hour), the others where it is midday.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, CampaignVariant, Profile
from tests.support.paths import ROOT
from tests.support.sending import seed_app, seed_campaign, status_of


def _zone_at(local_hour: int) -> str:
    """An ``Etc/GMT`` zone whose clock shows ``local_hour`` now (its sign is POSIX's: inverted)."""
    offset = (local_hour - datetime.now(UTC).hour + 12) % 24 - 12
    return f"Etc/GMT{-offset:+d}" if offset else "Etc/GMT"


def _in_terminal(args: list[str], answer: str, timeout: float = 120) -> tuple[int, str]:
    """Run the CLI with a pseudo-terminal as stdin and stdout; type ``answer`` at the prompt."""
    parent, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "engage_desktop", *args],
        stdin=child,
        stdout=child,
        stderr=child,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"},
        close_fds=True,
    )
    os.close(child)
    seen, answered = b"", False
    deadline = datetime.now(UTC) + timedelta(seconds=timeout)
    while datetime.now(UTC) < deadline:
        ready, _, _ = select.select([parent], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(parent, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        if not answered and b"[y/N]" in seen:
            os.write(parent, answer.encode() + b"\n")
            answered = True
        if process.poll() is not None and not ready:
            break
    os.close(parent)
    return process.wait(timeout=30), seen.decode(errors="replace").replace("\r\n", "\n")


def test_the_terminal_confirmation_shows_the_rules_and_a_no_sends_nothing(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 40, no_consent=3, push_off=2, quiet_hours=True)
    campaign_id = seed_campaign(ws, app_id)
    night, day = _zone_at(2), _zone_at(13)
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        campaign.variants.append(CampaignVariant(key="B", weight=1.0, content={"title": "B"}))
        campaign.schedule = {"throttle_per_minute": 600}
        s.execute(update(Profile).where(Profile.app_id == app_id).values(time_zone=day))
        s.execute(
            update(Profile)
            .where(Profile.app_id == app_id, Profile.id % 2 == 0)
            .values(time_zone=night)
        )
    args = ["campaign", "send", str(campaign_id), "--workspace", str(ws.location.sqlite_path)]
    code, shown = _in_terminal(args, "n")
    assert code == 1 and "Not sent." in shown
    assert "recipients: 40 device(s)" in shown
    assert "not sent:   5 (no_push_consent 3, push_disabled 2)" in shown
    variants = next(line for line in shown.splitlines() if "variants:" in line)
    assert "A " in variants and "B " in variants
    assert "deferred:   20 wait for the quiet hours to end" in shown
    assert "first send:" not in shown  # the day zone's people go now
    assert "estimated end:" in shown
    assert "Warning" not in shown
    assert "Send now to 40 device(s)? [y/N]" in shown
    assert status_of(ws, campaign_id) is CampaignStatus.DRAFT


def test_the_offer_ending_first_is_warned_about_before_a_yes_sends(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 100)
    campaign_id = seed_campaign(ws, app_id)
    until = datetime.now(UTC) + timedelta(minutes=5)
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        campaign.schedule = {"until": until.isoformat(), "throttle_per_minute": 10}
    args = ["campaign", "send", str(campaign_id), "--workspace", str(ws.location.sqlite_path)]
    code, shown = _in_terminal(args, "y")
    assert code == 0, shown
    assert "recipients: 50 device(s)" in shown  # five minutes at ten a minute
    assert "not sent:   50 (expired 50)" in shown
    assert "Warning: the throttle or the quiet hours do not leave time to reach everyone" in shown
    assert "50 messages queued" in shown
    assert status_of(ws, campaign_id) is CampaignStatus.SENDING
