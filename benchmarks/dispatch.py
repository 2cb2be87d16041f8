"""Dispatch throughput: outbox rows to acknowledged sends against a sandbox in another process.

Measures, in one run: the dispatch service's sender (claim → HTTP → results written) on
``--messages`` rows, its CPU per message and peak RSS; and firebase-admin's ``send_each``
(batches of 500) against the same server as the reference. The server is the sandbox with
validation and recording off (a lean target, so the figure is the sender's, not the server's).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from benchmarks._common import emit

GOAL_RATE = 5_000.0
GOAL_RATIO = 6.0
GOAL_RSS_MB = 200.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_port(port: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("the sandbox did not start")


def _seed(ws: Any, n: int) -> int:
    from engage_desktop.core.outbox.expand import start_send
    from engage_desktop.store.models import (
        App,
        Campaign,
        CampaignFormat,
        CampaignVariant,
        Consent,
        Device,
        MemberRole,
        Profile,
        Role,
    )

    now = datetime.now(UTC)
    with ws.session() as s:
        app = App(
            name="Bench",
            firebase_project_id="bench-project",
            platforms=["android"],
            use_sandbox=True,
        )
        s.add(app)
        s.flush()
        s.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        campaign = Campaign(
            app_id=app.id, name="Bench", format=CampaignFormat.PUSH, analytics_label="bench"
        )
        campaign.variants.append(
            CampaignVariant(
                key="A",
                content={
                    "title": "Soldes d'hiver",
                    "body": "Jusqu'à -50 % sur toute la boutique ce week-end",
                },
            )
        )
        s.add(campaign)
        s.flush()
        app_id, campaign_id = app.id, campaign.id
    with ws.engine.begin() as conn:
        for start in range(0, n, 50_000):
            ids = range(start + 1, min(n, start + 50_000) + 1)
            conn.execute(
                insert(Profile.metadata.tables["profile"]),
                [
                    {
                        "id": i,
                        "app_id": app_id,
                        "external_id": f"u{i}",
                        "created_at": now,
                        "attributes": {},
                    }
                    for i in ids
                ],
            )
            conn.execute(
                insert(Device.metadata.tables["device"]),
                [
                    {
                        "id": i,
                        "app_id": app_id,
                        "profile_id": i,
                        "fcm_token": f"t{i:09d}:APA91b" + "x" * 140,
                        "platform": "android",
                        "push_enabled": True,
                        "is_test": False,
                        "created_at": now,
                    }
                    for i in ids
                ],
            )
            conn.execute(
                insert(Consent.metadata.tables["consent"]),
                [
                    {"profile_id": i, "channel": "push", "state": "granted", "changed_at": now}
                    for i in ids
                ],
            )
    start_send(ws, campaign_id)
    return campaign_id


async def _dispatch_until_done(
    ws: Any, campaign_id: int, stop_after: int | None = None, rss: list[float] | None = None
) -> None:
    from engage_desktop.services.dispatcher import DispatchConfig, Dispatcher
    from engage_desktop.store.models import Campaign, CampaignStatus

    stop = asyncio.Event()
    dispatcher = Dispatcher(
        ws.engine, "bench", DispatchConfig(concurrency=64, batch=1000, rate=1e9)
    )

    import psutil

    me = psutil.Process()

    async def watch() -> None:
        while True:
            await asyncio.sleep(0.25)
            if rss is not None:
                rss.append(me.memory_info().rss / 2**20)
            if stop_after is not None and dispatcher.stats.sent >= stop_after:
                stop.set()
                return
            with ws.session() as s:
                if s.scalar(select(Campaign.status).where(Campaign.id == campaign_id)) in (
                    CampaignStatus.COMPLETED,
                    CampaignStatus.PAUSED,
                ):
                    stop.set()
                    return

    await asyncio.gather(dispatcher.run(stop), watch())


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _reference(url: str, creds: Path, n: int) -> dict[str, float]:
    import firebase_admin
    from firebase_admin import credentials, messaging

    messaging._MessagingService.FCM_URL = url + "/v1/projects/{0}/messages:send"
    app = firebase_admin.initialize_app(
        credentials.Certificate(str(creds)), {"projectId": "bench-project"}, name="bench"
    )
    batches = [
        [
            messaging.Message(
                token=f"t{i:09d}:APA91b" + "x" * 140,
                data={"message_id": f"r{i}"},
                notification=messaging.Notification("Soldes", "-50 %"),
            )
            for i in range(start, min(n, start + 500))
        ]
        for start in range(0, n, 500)
    ]
    cpu0, t0 = _cpu(), time.perf_counter()
    ok = 0
    for batch in batches:
        ok += messaging.send_each(batch, app=app).success_count
    wall, cpu = time.perf_counter() - t0, _cpu() - cpu0
    firebase_admin.delete_app(app)
    return {
        "messages": n,
        "acknowledged": ok,
        "msg_per_s": round(ok / wall, 1),
        "cpu_us_per_msg": round(cpu / max(ok, 1) * 1e6, 1),
    }


def _queued_rss(tmp: str, queued: int, messages: int) -> float:
    """Peak RSS (sampled) of the dispatcher sending ``messages`` from ``queued`` queued rows."""
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace

    ws = open_for_current_user(resolve_workspace(str(Path(tmp) / "q.sqlite")), create=True)
    campaign_id = _seed(ws, queued)
    samples: list[float] = []
    try:
        import uvloop

        uvloop.run(_dispatch_until_done(ws, campaign_id, messages, samples))
    except ImportError:
        asyncio.run(_dispatch_until_done(ws, campaign_id, messages, samples))
    ws.close()
    return round(max(samples), 1)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks dispatch")
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--reference-messages", type=int, default=5_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--queued",
        type=int,
        default=0,
        help="also measure RSS while sending from an outbox of this many rows "
        "(e.g. 1000000); stops after --messages of them",
    )
    parser.add_argument(
        "--server",
        choices=["lean", "sandbox"],
        default="sandbox",
        help="lean: minimal acknowledging server; sandbox: the sandbox with "
        "validation and recording off",
    )
    args = parser.parse_args(argv)

    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.services.sandbox.credentials import sandbox_credentials
    from engage_desktop.store.location import resolve_workspace

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        if args.server == "lean":
            command = ["benchmarks._lean_server", "--port", str(port)]
        else:
            command = ["engage_desktop", "sandbox", "--port", str(port), "--no-validate"]
            # where it finds the key the senders sign token requests with
            command += ["--no-record", "--data-dir", str(Path(tmp) / "creds")]
        server = subprocess.Popen([sys.executable, "-m", *command], stdout=subprocess.DEVNULL)
        os.environ["ENGAGE_SANDBOX_URL"] = url
        os.environ["ENGAGE_SANDBOX_CREDENTIALS_DIR"] = str(Path(tmp) / "creds")
        try:
            _wait_port(port)
            ws = open_for_current_user(resolve_workspace(str(Path(tmp) / "b.sqlite")), create=True)
            campaign_id = _seed(ws, args.messages)
            cpu0, t0 = _cpu(), time.perf_counter()
            try:
                import uvloop

                uvloop.run(_dispatch_until_done(ws, campaign_id))
            except ImportError:
                asyncio.run(_dispatch_until_done(ws, campaign_id))
            wall, cpu = time.perf_counter() - t0, _cpu() - cpu0
            rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            queued_rss = _queued_rss(tmp, args.queued, args.messages) if args.queued else None
            creds = sandbox_credentials("bench-project", url)
            reference = _reference(url, creds, args.reference_messages)
            ws.close()
        finally:
            server.terminate()
            server.wait(10)
    rate = args.messages / wall
    result = {
        "benchmark": "dispatch",
        "messages": args.messages,
        "msg_per_s": round(rate, 1),
        "sender_cpu_us_per_msg": round(cpu / args.messages * 1e6, 1),
        "peak_rss_mb": round(rss_mb, 1),
        "goal_msg_per_s": GOAL_RATE,
        "reference_firebase_admin_send_each": reference,
        "ratio_vs_reference": round(rate / max(reference["msg_per_s"], 1e-9), 2),
        "goal_ratio": GOAL_RATIO,
        "goal_rss_mb_with_1m_queued": GOAL_RSS_MB,
        "queued_rows": args.queued or None,
        "peak_rss_mb_while_sending_from_queued": queued_rss,
        "server": args.server,
        "note": "server in another process (lean: benchmarks/_lean_server.py, a minimal "
        "acknowledging server; sandbox: engage-desktop sandbox --no-validate --no-record); "
        "peak_rss_mb includes seeding "
        "the workspace in this process, the queued figure is sampled while sending",
    }
    emit(result, args.json)
    return 0
