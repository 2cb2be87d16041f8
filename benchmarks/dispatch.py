"""End-to-end sending, from "Send" to the last acknowledgement, on the real two-process path.

One run measures, on ``--messages`` recipients (100,000 by default):

- **send**: this process plays the GUI and calls ``start_send`` (permission, audience expansion
  into the outbox, one transaction: the ``expansion`` stage); the dispatch service runs as its own
  process (``engage-desktop service``, started and idle beforehand) and sends every row to a lean
  target. Reported: msg/s from Send to the last acknowledgement (the latest ``sent_at``), the
  service's own CPU µs per message and its peak RSS (``VmHWM``), and each stage's time.
- **http client arms** (``benchmarks/http_clients.py``): the shipped HTTP/1.1 client, aiohttp and
  httpx over HTTP/2 posting the same messages (the campaign's body, the audience's tokens) to
  nginx, in the same run.
- **reference**: firebase-admin's ``send_each`` (batches of 500) — what a Python user would
  pick — against the same target, for ``--reference-seconds`` (a stated time box: at ~450 msg/s
  the full audience would take minutes).
- with ``--queued 1000000``: the service's peak RSS while it sends from an outbox of that many
  queued rows (it stops after ``--messages`` acknowledgements).

The target is nginx (``return 200``, a fraction of a core) when installed, else the lean server
(``benchmarks/_lean_server.py``): either way the figure is the sender's, not a validating
server's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from benchmarks._common import emit
from benchmarks._target import free_port, wait_port
from benchmarks.http_clients import measure_arms, nginx

GOAL_RATE = 6_000.0
GOAL_CPU_US = 100.0
GOAL_RSS_MB = 200.0
CONTENT = {"title": "Soldes d'hiver", "body": "Jusqu'à -50 % sur toute la boutique ce week-end"}
CHUNK = 50_000
# How often this process counts the acknowledgements. The end is the latest ``sent_at``, so the
# period does not change the figure; each count reads the campaign's rows, and every 50 ms that
# took 10-20 % of a core away from the service on a 2-core machine.
POLL = 0.5


def token_for(i: int) -> str:
    return f"t{i:09d}:APA91b" + "x" * 140


def seed_audience(ws: Any, n: int) -> int:
    """An app of ``n`` push-ready devices and a draft campaign to all of them; its id."""
    from engage_desktop.store.models import (
        App,
        Campaign,
        CampaignFormat,
        CampaignVariant,
        MemberRole,
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
        campaign.variants.append(CampaignVariant(key="A", content=dict(CONTENT)))
        s.add(campaign)
        s.flush()
        app_id, campaign_id = app.id, campaign.id
    with ws.engine.begin() as conn:
        for start in range(1, n + 1, CHUNK):
            ids = range(start, min(n, start + CHUNK - 1) + 1)
            insert_android_people(conn, app_id, ids, now)
    quiet_hours_elsewhere(ws, app_id)
    return campaign_id


def quiet_hours_elsewhere(ws: Any, app_id: int) -> None:
    """Quiet hours on (the screen checks them for every row, as for a real app) but twelve
    hours away: with the default 21:00-08:00 a run in the evening sent nothing at all."""
    from engage_desktop.core.delivery.app_rules import AppRules, save_rules
    from engage_desktop.core.delivery.daily_window import parse_window

    h = (datetime.now(UTC).hour + 12) % 24
    save_rules(ws, app_id, AppRules(quiet=parse_window(f"{h:02d}:00-{(h + 2) % 24:02d}:00")))


def insert_android_people(
    conn: Any,
    app_id: int,
    ids: range,
    now: datetime,
    *,
    zones: list[str] | None = None,
    denied: frozenset[int] = frozenset(),
) -> None:
    """One profile per id with one Android device (same id) and push consent (``denied``: the
    ids that refused it); ``zones``: profile time zones, given in turn."""
    from engage_desktop.store.models import Profile

    tables = Profile.metadata.tables
    conn.execute(
        insert(tables["profile"]),
        [
            {
                "id": i,
                "app_id": app_id,
                "external_id": f"u{i}",
                "created_at": now,
                "attributes": {},
                **({"time_zone": zones[i % len(zones)]} if zones else {}),
            }
            for i in ids
        ],
    )
    conn.execute(
        insert(tables["device"]),
        [
            {
                "id": i,
                "app_id": app_id,
                "profile_id": i,
                "fcm_token": token_for(i),
                "platform": "android",
                "push_enabled": True,
                "is_test": False,
                "created_at": now,
            }
            for i in ids
        ],
    )
    conn.execute(
        insert(tables["consent"]),
        [
            {
                "profile_id": i,
                "channel": "push",
                "state": "denied" if i in denied else "granted",
                "changed_at": now,
            }
            for i in ids
        ],
    )


@contextmanager
def target(kind: str) -> Iterator[tuple[str, str, int]]:
    """(base URL, what it is, its process id): nginx when installed (and asked), else the
    lean server."""
    if kind == "nginx":
        with nginx() as server:
            if not isinstance(server, str):
                url = f"http://127.0.0.1:{server.plain_port}"
                yield url, "nginx, 1 worker, return 200", server.pid
                return
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._lean_server", "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_port(port)
        yield f"http://127.0.0.1:{port}", "benchmarks/_lean_server.py (Python, uvloop)", proc.pid
    finally:
        proc.terminate()
        proc.wait(10)


def tree_cpu(pid: int) -> float:
    """User + system CPU seconds of a process and its children (the target: nginx's master
    and worker), 0 when it is gone."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for proc in procs:
        try:
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


class ServiceProcess:
    """``engage-desktop service`` on the workspace, with its CPU and peak memory readable."""

    def __init__(self, db: Path, env: dict[str, str], log: Path) -> None:
        import psutil

        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "engage_desktop",
                "service",
                "--workspace",
                str(db),
                "--batch",
                "1000",
                "--log-file",
                str(log),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.ps = psutil.Process(self.proc.pid)
        self.log = log

    def cpu(self) -> float:
        times = self.ps.cpu_times()
        return float(times.user + times.system)

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
        return round(self.ps.memory_info().rss / 2**20, 1)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(60)


def _sent(ws: Any, campaign_id: int) -> tuple[int, datetime | None]:
    from engage_desktop.store.models import OutboxMessage, OutboxState

    with ws.session() as s:
        count, last = s.execute(
            select(func.count(), func.max(OutboxMessage.sent_at)).where(
                OutboxMessage.campaign_id == campaign_id, OutboxMessage.state == OutboxState.SENT
            )
        ).one()
    return int(count), last


def _wait_sent(ws: Any, campaign_id: int, want: int, service: ServiceProcess) -> datetime:
    deadline = time.monotonic() + 600
    while True:
        count, last = _sent(ws, campaign_id)
        if count >= want and last is not None:
            return last if last.tzinfo else last.replace(tzinfo=UTC)
        if service.proc.poll() is not None or time.monotonic() > deadline:
            tail = service.log.read_text()[-2000:] if service.log.exists() else ""
            raise RuntimeError(f"the service stopped or stalled at {count} of {want} sent\n{tail}")
        time.sleep(POLL)


def send_end_to_end(
    tmp: Path,
    env: dict[str, str],
    n: int,
    stop_after: int,
    *,
    service_first: bool = True,
    target_pid: int = 0,
) -> dict[str, Any]:
    """Seed ``n`` recipients, start the service, press Send, wait for ``stop_after`` acks.

    ``service_first`` False: the service starts once the rows are queued (a million-row
    expansion holds SQLite's write lock longer than the service waits for it: issue 14's
    storage fault, which pauses the send).
    """
    from engage_desktop.core.outbox.expand import start_send
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace

    db = tmp / f"send-{n}.sqlite"
    ws = open_for_current_user(resolve_workspace(str(db)), create=True)
    campaign_id = seed_audience(ws, n)
    log = tmp / f"service-{n}.log"
    service = ServiceProcess(db, env, log) if service_first else None
    try:
        time.sleep(3.0)  # started and idle, as it is when a marketer presses Send
        target0 = tree_cpu(target_pid)
        t0 = time.time()
        result = start_send(ws, campaign_id)
        expanded = time.time()
        service = service or ServiceProcess(db, env, log)
        cpu0 = service.cpu() if service_first else 0.0
        last_ack = _wait_sent(ws, campaign_id, stop_after, service).timestamp()
        cpu = service.cpu() - cpu0
        target_cpu = tree_cpu(target_pid) - target0
        first = _first_sent(ws, campaign_id)
        peak = service.peak_rss_mb()
    finally:
        if service is not None:
            service.stop()
        ws.close()
    total = last_ack - t0
    return {
        "recipients": n,
        "queued": result.queued,
        "acknowledged": stop_after,
        "msg_per_s_from_send": round(stop_after / total, 1),
        "seconds_from_send_to_last_ack": round(total, 2),
        "stage_expansion_s": round(expanded - t0, 2),
        "stage_expansion_us_per_row": round((expanded - t0) / max(result.total, 1) * 1e6, 1),
        "stage_first_ack_after_expansion_s": round(first - expanded, 2),
        "stage_sending_s": round(last_ack - expanded, 2),
        "sending_msg_per_s": round(stop_after / max(last_ack - expanded, 1e-9), 1),
        "service_cpu_us_per_msg": round(cpu / stop_after * 1e6, 1),
        "service_peak_rss_mb": peak,
        # on 2 cores the target takes CPU the sender could use: its share of the wall time
        "target_cpu_s": round(target_cpu, 2),
        "target_cpu_share_of_wall": round(target_cpu / total, 3),
        "service_cpu_share_of_wall": round(cpu / total, 3) if service_first else None,
    }


def _first_sent(ws: Any, campaign_id: int) -> float:
    from engage_desktop.store.models import OutboxMessage

    with ws.session() as s:
        first = s.scalar(
            select(func.min(OutboxMessage.sent_at)).where(OutboxMessage.campaign_id == campaign_id)
        )
    assert first is not None
    return (first if first.tzinfo else first.replace(tzinfo=UTC)).timestamp()


def reference(url: str, creds: Path, seconds: float) -> dict[str, Any]:
    """firebase-admin ``send_each`` in batches of 500 for ``seconds`` against the same target."""
    import firebase_admin
    from firebase_admin import credentials, messaging

    from benchmarks._target import cpu_seconds

    messaging._MessagingService.FCM_URL = url + "/v1/projects/{0}/messages:send"
    app = firebase_admin.initialize_app(
        credentials.Certificate(str(creds)), {"projectId": "bench-project"}, name="bench"
    )
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    sent = ok = 0
    while time.perf_counter() - t0 < seconds:
        batch = [
            messaging.Message(
                token=token_for(i),
                data={"message_id": f"ed-1-{i}"},
                notification=messaging.Notification(CONTENT["title"], CONTENT["body"]),
                android=messaging.AndroidConfig(collapse_key=f"ed-1-{i}"),
                fcm_options=messaging.FCMOptions("bench"),
            )
            for i in range(sent + 1, sent + 501)
        ]
        ok += messaging.send_each(batch, app=app).success_count
        sent += len(batch)
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
    firebase_admin.delete_app(app)
    return {
        "time_box_s": seconds,
        "messages": sent,
        "acknowledged": ok,
        "msg_per_s": round(ok / wall, 1),
        "cpu_us_per_msg": round(cpu / max(ok, 1) * 1e6, 1),
    }


def arm_messages(n: int) -> list[bytes]:
    """The campaign's request bodies for the audience's tokens: what the service sends."""
    from engage_desktop.core.outbox.expand import message_id_for
    from engage_desktop.core.outbox.payload import compile_body

    template = compile_body(CONTENT, analytics_label="bench", validate_only=False)
    return [template.render(token_for(i), message_id_for(1, i)) for i in range(1, n + 1)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks dispatch")
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--reference-seconds", type=float, default=20.0)
    parser.add_argument("--arm-messages", type=int, default=20_000, help="per HTTP client arm")
    parser.add_argument("--arm-rounds", type=int, default=3)
    parser.add_argument(
        "--queued", type=int, default=0, help="also: peak RSS with this many queued"
    )
    parser.add_argument("--server", choices=["nginx", "lean"], default="nginx")
    parser.add_argument("--skip", nargs="*", default=[], choices=["arms", "reference", "send"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from engage_desktop.services.sandbox.credentials import sandbox_credentials

    out: dict[str, Any] = {"benchmark": "dispatch", "messages": args.messages}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        creds_dir = tmp / "creds"
        with target(args.server) as (url, what, target_pid):
            out["target"] = what
            env = dict(os.environ)
            env["ENGAGE_SANDBOX_URL"] = url
            env["ENGAGE_SANDBOX_CREDENTIALS_DIR"] = str(creds_dir)
            os.environ.update(env)  # this process's start_send and reference read them too
            if "send" not in args.skip:
                out["send"] = send_end_to_end(
                    tmp, env, args.messages, args.messages, target_pid=target_pid
                )
            if args.queued:
                queued = send_end_to_end(tmp, env, args.queued, args.messages, service_first=False)
                out["queued"] = {
                    "queued_rows": args.queued,
                    "service_peak_rss_mb": queued["service_peak_rss_mb"],
                    "acknowledged_before_stop": args.messages,
                    "stage_expansion_s": queued["stage_expansion_s"],
                    "stage_expansion_us_per_row": queued["stage_expansion_us_per_row"],
                    "service_started": "after expansion (see send_end_to_end)",
                }
            if "reference" not in args.skip:
                creds = sandbox_credentials("bench-project", url)
                out["reference_firebase_admin_send_each"] = reference(
                    url, creds, args.reference_seconds
                )
        if "arms" not in args.skip:
            out["http_client_arms"] = measure_arms(arm_messages(args.arm_messages), args.arm_rounds)
    send = out.get("send")
    ref = out.get("reference_firebase_admin_send_each")
    if send and ref:
        out["ratio_vs_reference"] = round(send["msg_per_s_from_send"] / ref["msg_per_s"], 1)
    out["goals"] = {
        "msg_per_s_from_send": GOAL_RATE,
        "service_cpu_us_per_msg": GOAL_CPU_US,
        "service_peak_rss_mb_with_1m_queued": GOAL_RSS_MB,
    }
    emit(out, args.json)
    return 0
