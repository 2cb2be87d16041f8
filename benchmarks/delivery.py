"""Delivery rules' cost: the same campaign expanded and sent with the rules on and off.

One workspace, one app of ``--profiles`` people (1,000,000 by default) spread over five
European time zones on the same clock (CET: a local-time send reaches a zone whose time has
passed the next day, so zones hours apart would make the rules run wait hours), 2 % without
push consent, and a history: 10 % of the people got two
messages of an older campaign in the last day. In the same run, against the lean FCM server
(``benchmarks/_lean_server.py``, no validation) and one ``engage-desktop service`` process:

1. **no rules**: quiet hours off, no caps, "send now".
2. **rules**: the same audience sent "at the recipient's local time" with quiet hours on (a
   window placed so that it is not running in any of the zones now: the rule is evaluated for
   every row at expansion and claim, but nothing waits hours) and caps push 3/day, 5/week: the
   first run's messages count, so the people with history are capped at claim time.

Reported per run: seconds from Send to the campaign's completion, expansion seconds, the
service's CPU µs per message; the ratio rules / no rules (goal ≤ 1.25); and whether the
suppression reasons plus the sent rows add up exactly to the audience.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select

from benchmarks._common import emit
from benchmarks.dispatch import (
    CHUNK,
    CONTENT,
    ServiceProcess,
    insert_android_people,
    target,
)

ZONES = ["Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam"]
GOAL_RATIO = 1.25


def seed(ws: Any, n: int) -> tuple[int, list[int]]:
    """The app, its ``n`` people, devices, consents and history; (app id, [history campaign])."""
    from engage_desktop.store.models import App, Campaign, CampaignFormat, MemberRole, Role

    now = datetime.now(UTC)
    with ws.session() as s:
        app = App(name="Bench", firebase_project_id="bench-project", use_sandbox=True)
        s.add(app)
        s.flush()
        s.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        olds = [Campaign(app_id=app.id, name=f"old{k}", format=CampaignFormat.PUSH) for k in (1, 2)]
        s.add_all(olds)
        s.flush()
        app_id, old_ids = app.id, [c.id for c in olds]
    rng = random.Random(18)
    tables = App.metadata.tables
    with ws.engine.begin() as conn:
        for start in range(1, n + 1, CHUNK):
            ids = range(start, min(n, start + CHUNK - 1) + 1)
            denied = frozenset(i for i in ids if rng.random() < 0.02)
            insert_android_people(conn, app_id, ids, now, zones=ZONES, denied=denied)
            history = [i for i in ids if rng.random() < 0.10]
            conn.execute(
                insert(tables["outbox_message"]),
                [
                    {
                        "campaign_id": cid,
                        "app_id": app_id,
                        "profile_id": i,
                        "device_id": i,
                        "channel": "push",
                        "message_id": f"old-{cid}-{i}",
                        "state": "sent",
                        "sent_at": now - timedelta(hours=k + 1),
                        "created_at": now,
                    }
                    for i in history
                    for k, cid in enumerate(old_ids)
                ],
            )
    return app_id, old_ids


def _campaign(ws: Any, app_id: int, name: str, schedule: dict[str, Any] | None) -> int:
    from engage_desktop.store.models import Campaign, CampaignFormat, CampaignVariant

    with ws.session() as s:
        campaign = Campaign(app_id=app_id, name=name, format=CampaignFormat.PUSH, schedule=schedule)
        campaign.variants.append(CampaignVariant(key="A", content=dict(CONTENT)))
        s.add(campaign)
        s.flush()
        return int(campaign.id)


def _set_rules(ws: Any, app_id: int, on: bool) -> None:
    from engage_desktop.core.delivery.app_rules import AppRules, save_rules
    from engage_desktop.core.delivery.daily_window import parse_window

    if not on:
        save_rules(ws, app_id, AppRules(quiet=None))
        return
    # a two-hour window six hours ahead of Paris: running in none of the zones now
    h = (datetime.now(ZoneInfo("Europe/Paris")).hour + 6) % 24
    quiet = parse_window(f"{h:02d}:00-{(h + 2) % 24:02d}:00")
    save_rules(ws, app_id, AppRules(quiet=quiet, caps={"push": {"day": 3, "week": 5}}))


def _local_time_schedule() -> dict[str, Any]:
    """ "At the recipient's local time", a wall time a minute past in every zone (within
    ``LATE_GRACE``: every row is due at once after its zone's computation)."""
    wall = datetime.now(ZoneInfo("Europe/Paris")) - timedelta(minutes=1)
    return {"mode": "local_time", "at": wall.replace(tzinfo=None).isoformat(timespec="minutes")}


def _states(ws: Any, campaign_id: int) -> dict[str, int]:
    from engage_desktop.store.models import OutboxMessage

    with ws.session() as s:
        rows = s.execute(
            select(OutboxMessage.state, OutboxMessage.suppression_reason, func.count())
            .where(OutboxMessage.campaign_id == campaign_id)
            .group_by(OutboxMessage.state, OutboxMessage.suppression_reason)
        ).all()
    return {f"{state}" + (f":{reason}" if reason else ""): int(c) for state, reason, c in rows}


def _wait_done(ws: Any, campaign_id: int, service: ServiceProcess) -> float:
    from engage_desktop.store.models import Campaign, CampaignStatus

    deadline = time.monotonic() + 3600
    while time.monotonic() < deadline:
        with ws.session() as s:
            status = s.scalar(select(Campaign.status).where(Campaign.id == campaign_id))
        if status == CampaignStatus.COMPLETED:
            return time.time()
        if service.proc.poll() is not None:
            errors = service.log.with_suffix(".stderr")
            said = errors.read_text()[-3000:] if errors.exists() else ""
            raise RuntimeError(f"the service stopped: {said or service.log.read_text()[-2000:]}")
        time.sleep(0.1)
    raise RuntimeError(f"campaign {campaign_id} did not complete in an hour")


def run_one(ws: Any, service: ServiceProcess, campaign_id: int, audience: int) -> dict[str, Any]:
    from engage_desktop.core.outbox.expand import start_send

    cpu0, t0 = service.cpu(), time.time()
    result = start_send(ws, campaign_id)
    expanded = time.time()
    done = _wait_done(ws, campaign_id, service)
    cpu = service.cpu() - cpu0
    states = _states(ws, campaign_id)
    sent = states.get("sent", 0)
    return {
        "seconds_send_to_complete": round(done - t0, 2),
        "expansion_s": round(expanded - t0, 2),
        "sending_s": round(done - expanded, 2),
        "sent": sent,
        "service_cpu_us_per_msg": round(cpu / max(sent, 1) * 1e6, 1),
        "rows_by_state_and_reason": states,
        "adds_up_to_audience": sum(states.values()) == audience,
        "deferred_by_quiet_hours_at_expansion": result.deferred_quiet,
    }


def _service(db: Path, env: dict[str, str], log: Path) -> ServiceProcess:
    """``dispatch.ServiceProcess`` with its stderr kept (a start-up failure says why)."""
    import psutil

    service = ServiceProcess.__new__(ServiceProcess)
    args = ["--workspace", str(db), "--batch", "1000", "--log-file", str(log)]
    with log.with_suffix(".stderr").open("w") as errors:
        service.proc = subprocess.Popen(
            [sys.executable, "-m", "engage_desktop", "service", *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    service.ps = psutil.Process(service.proc.pid)
    service.log = log
    return service


def _started_service(db: Path, env: dict[str, str], log: Path) -> ServiceProcess:
    """A service that has opened the workspace (its log says "started"), before the first
    Send: a service still opening it when an expansion holds the write lock gives up after its
    10 s busy timeout. On a loaded machine the checkpoint of a freshly seeded file can outlast
    that too: it is started again."""
    for _ in range(5):
        service = _service(db, env, log)
        deadline = time.monotonic() + 180
        while service.proc.poll() is None and time.monotonic() < deadline:
            if log.exists() and "started on" in log.read_text():
                return service
            time.sleep(0.2)
        service.stop()
    raise RuntimeError(log.with_suffix(".stderr").read_text()[-2000:])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks delivery")
    parser.add_argument("--profiles", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace

    out: dict[str, Any] = {"benchmark": "delivery", "profiles": args.profiles}
    with tempfile.TemporaryDirectory() as tmp_name, target("lean") as (url, what, _pid):
        tmp = Path(tmp_name)
        out["target"] = what
        env = dict(os.environ)
        env["ENGAGE_SANDBOX_URL"] = url
        env["ENGAGE_SANDBOX_CREDENTIALS_DIR"] = str(tmp / "creds")
        os.environ.update(env)
        db = tmp / "delivery.sqlite"
        ws = open_for_current_user(resolve_workspace(str(db)), create=True)
        t = time.time()
        app_id, _ = seed(ws, args.profiles)
        out["seed_s"] = round(time.time() - t, 1)
        plain = _campaign(ws, app_id, "no rules", None)
        ruled = _campaign(ws, app_id, "rules", _local_time_schedule())
        service = _started_service(db, env, tmp / "service.log")
        try:
            _set_rules(ws, app_id, on=False)
            out["no_rules"] = run_one(ws, service, plain, args.profiles)
            _set_rules(ws, app_id, on=True)
            out["rules"] = run_one(ws, service, ruled, args.profiles)
        finally:
            service.stop()
            ws.close()
    base = out["no_rules"]["seconds_send_to_complete"]
    out["ratio_rules_vs_no_rules"] = round(out["rules"]["seconds_send_to_complete"] / base, 3)
    out["goal_ratio"] = GOAL_RATIO
    out["load_average"] = [round(x, 2) for x in os.getloadavg()]
    emit(out, args.json)
    return 0
