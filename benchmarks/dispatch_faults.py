"""Fault runs of the dispatch service against the sandbox with fault injection (real processes).

``python -m benchmarks dispatch_faults [--json] [--messages N]`` runs three scenarios, each on
its own SQLite workspace, with the service as a child process (the same as ``engage-desktop
service``) and the sandbox as another:

- ``kill9``: the service is killed with SIGKILL a third of the way through, then restarted:
  messages lost (never received), duplicates (received twice) against the bound of what can be
  in flight, and whether every message received carried its message id.
- ``outage``: FCM answers 503 to everything for 10 minutes of the service's clock, compressed
  60 times (``--clock-scale 60``: 10 s of real time): failed rows, whether the campaign paused
  and resumed by itself, and the time from the end of the outage to completion.
- ``quota``: the same send clean, then with every 20th answer a 429 with Retry-After 1 s;
  the throughput of each, from the sandbox's own request log, and their ratio (the reference
  is the clean run, measured in the same run).
- ``import_during_send``: a 1,000,000-row contact import (``benchmarks/imports.py``'s French
  CSV, in a process of its own, as the GUI's import runs) started once a 100,000-message send
  is under way: whether the send finished and was ever paused, how long the service's
  acknowledgements stood still, and the send's time against the same send alone (same run).
- ``time_zones``: the same send with the service's ``TZ`` set to Europe/Paris and to
  America/New_York: access tokens the sandbox issued (one per hour of sending is right; the
  old google-auth expiry asked once per message ahead of UTC).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks._common import emit
from benchmarks._target import free_port, wait_port
from benchmarks.dispatch import seed_audience

BATCH, CONCURRENCY, MAX_UNWRITTEN = 500, 64, 1000
SANDBOX = [sys.executable, "-m", "engage_desktop", "sandbox"]
SERVICE = [sys.executable, "-m", "engage_desktop", "service", "--workspace"]


class Box:
    """The sandbox process (validation off: a lean target; recording on: counts per id)."""

    def __init__(self, data_dir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [*SANDBOX, "--port", str(self.port), "--data-dir", str(data_dir), "--no-validate"],
            stdout=subprocess.DEVNULL,
        )
        wait_port(self.port)
        self.control = (data_dir / "control-token").read_text()  # written before the port opens

    def call(self, path: str, data: dict[str, Any] | None = None) -> Any:
        body = None if data is None else json.dumps(data).encode()
        headers = {"Content-Type": "application/json", "X-Sandbox-Token": self.control}
        request = urllib.request.Request(self.url + path, data=body, headers=headers)
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:  # a loaded machine: the figures must not be lost
            self.proc.kill()
            self.proc.wait(10)


def _workspace(folder: Path, name: str, messages: int) -> tuple[Any, int]:
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace

    ws = open_for_current_user(resolve_workspace(str(folder / f"{name}.sqlite")), create=True)
    campaign_id = seed_audience(ws, messages)
    start_send(ws, campaign_id)
    return ws, campaign_id


def start_send(ws: Any, campaign_id: int) -> None:
    from engage_desktop.core.outbox.expand import start_send as send

    send(ws, campaign_id)


def _service(
    ws: Any, box: Box, folder: Path, name: str, *extra: str, env_extra: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    env = dict(os.environ, ENGAGE_SANDBOX_URL=box.url, **(env_extra or {}))
    env["ENGAGE_SANDBOX_CREDENTIALS_DIR"] = str(folder / "credentials")
    log = (folder / f"{name}.log").open("ab")
    args = ["--batch", str(BATCH), "--concurrency", str(CONCURRENCY), *extra]
    return subprocess.Popen(
        [*SERVICE, str(ws.location.sqlite_path), "--log-file", str(folder / f"{name}.rot"), *args],
        env=env,
        stdout=log,
        stderr=log,
    )


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    proc.wait(60)


def _status(ws: Any, campaign_id: int) -> tuple[str, dict[str, int]]:
    from sqlalchemy import func, select

    from engage_desktop.store.models import Campaign, OutboxMessage

    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        rows = s.execute(
            select(OutboxMessage.state, func.count())
            .where(OutboxMessage.campaign_id == campaign_id)
            .group_by(OutboxMessage.state)
        )
        return campaign.status.value, {state.value: n for state, n in rows}


def _wait(check: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError("the fault run did not reach its state in time")
        time.sleep(0.1)


def kill9(folder: Path, box: Box, messages: int) -> dict[str, Any]:
    ws, campaign_id = _workspace(folder, "kill9", messages)
    first = _service(ws, box, folder, "kill9-first")
    _wait(lambda: _status(ws, campaign_id)[1].get("sent", 0) >= messages // 3, 300)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    at_kill = box.call("/sandbox/stats")["received"]
    second = _service(ws, box, folder, "kill9-second")
    _wait(lambda: _status(ws, campaign_id)[0] == "completed", 600)
    _stop(second)
    counts: dict[str, int] = box.call("/sandbox/stats?ids=1")["by_message_id"]
    states = _status(ws, campaign_id)[1]
    ws.close()
    return {
        "messages": messages,
        "received_at_kill": at_kill,
        "lost": messages - len([m for m in counts if m]),
        "duplicates": sum(n - 1 for n in counts.values()),
        "in_flight_bound": 2 * BATCH + CONCURRENCY + MAX_UNWRITTEN,
        "received_without_message_id": counts.get("", 0),
        "states": states,
    }


def outage(folder: Path, box: Box, messages: int) -> dict[str, Any]:
    ws, campaign_id = _workspace(folder, "outage", messages)
    box.call("/sandbox/faults", {"faults": [{"match": "*", "error": "UNAVAILABLE"}]})
    scale = ("--clock-scale", "60", "--outage-pause-after", "20", "--probe-every", "15")
    service = _service(ws, box, folder, "outage", *scale)
    _wait(lambda: _status(ws, campaign_id)[0] == "paused", 120)
    paused_with = _reason(ws, campaign_id)
    time.sleep(600 / 60)  # 10 minutes of the service's clock
    still_paused = _status(ws, campaign_id)[0] == "paused"
    box.call("/sandbox/faults", {"faults": []})
    back = time.monotonic()
    _wait(lambda: _status(ws, campaign_id)[0] == "completed", 600)
    done_after = time.monotonic() - back
    _stop(service)
    status, states = _status(ws, campaign_id)
    ws.close()
    return {
        "messages": messages,
        "outage_service_seconds": 600,
        "paused_with": paused_with,
        "paused_through_the_outage": still_paused,
        "resumed_by_itself": status == "completed",
        "failed": states.get("failed", 0),
        "states": states,
        "seconds_from_fcm_back_to_completed": round(done_after, 2),
    }


def _reason(ws: Any, campaign_id: int) -> str | None:
    from engage_desktop.store.models import Campaign

    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        return None if campaign is None else campaign.status_reason


def quota(folder: Path, box: Box, messages: int) -> dict[str, Any]:
    runs: dict[str, Any] = {}
    faults = {"clean": [], "429_every_20th": [{"match": "*", "error": "QUOTA_EXCEEDED"}]}
    faults["429_every_20th"][0].update(retry_after=1, every=20)
    for name, rules in faults.items():
        box.call("/sandbox/reset", {})
        box.call("/sandbox/faults", {"faults": rules})
        ws, campaign_id = _workspace(folder, f"quota-{name}", messages)
        service = _service(ws, box, folder, f"quota-{name}")
        _wait(lambda ws=ws, cid=campaign_id: _status(ws, cid)[0] == "completed", 600)
        _stop(service)
        log = box.call("/sandbox/requests")
        times = [r["at"] for r in log]
        seconds = max(times) - min(times)
        runs[name] = {
            "msg_per_s": round(messages / seconds, 1),
            "seconds": round(seconds, 2),
            "requests": len(log),
            "states": _status(ws, campaign_id)[1],
        }
        ws.close()
    ratio = runs["429_every_20th"]["msg_per_s"] / runs["clean"]["msg_per_s"]
    return {"messages": messages, **runs, "ratio_to_clean": round(ratio, 3)}


def import_during_send(folder: Path, box: Box, messages: int, rows: int) -> dict[str, Any]:
    """The send alone (reference, same run), then the same send with a contact import of
    ``rows`` started once it is under way; the campaign's status is watched all along."""
    from benchmarks.imports import write_contacts_csv

    csv_path = folder / "contacts.csv"
    write_contacts_csv(csv_path, rows)
    alone = _timed_send(folder, box, "send-alone", messages, None)
    with_import = _timed_send(folder, box, "send-with-import", messages, csv_path)
    return {"messages": messages, "import_rows": rows, "alone": alone, "with_import": with_import}


def _timed_send(
    folder: Path, box: Box, name: str, messages: int, csv_path: Path | None
) -> dict[str, Any]:
    box.call("/sandbox/reset", {})
    ws, campaign_id = _workspace_any_hour(folder, name, messages)
    service = _service(ws, box, folder, name)
    started = time.monotonic()
    seen: list[tuple[float, str, int]] = []  # (time, status, sent)

    def look() -> bool:
        status, states = _status(ws, campaign_id)
        seen.append((time.monotonic() - started, status, states.get("sent", 0)))
        return status == "completed"

    importer = None
    if csv_path is not None:
        _wait(lambda: look() or seen[-1][2] >= messages // 10, 300)
        importer = _start_import(csv_path, folder / f"{name}.sqlite")
        import_started = time.monotonic() - started
    _wait(look, 1800)
    send_seconds = time.monotonic() - started
    _stop(service)
    out: dict[str, Any] = {
        "send_seconds": round(send_seconds, 2),
        "msg_per_s": round(messages / send_seconds, 1),
        "ever_paused": any(status == "paused" for _, status, _ in seen),
        "statuses_seen": sorted({status for _, status, _ in seen}),
        "longest_stall_s": round(_longest_stall(seen), 2),
        "states": _status(ws, campaign_id)[1],
    }
    if importer is not None:
        done = importer.communicate(timeout=1800)[0]
        out["import"] = json.loads(done.strip().splitlines()[-1])
        out["import_started_at_s"] = round(import_started, 2)
    ws.close()
    return out


def _workspace_any_hour(folder: Path, name: str, messages: int) -> tuple[Any, int]:
    """``_workspace`` with the app's quiet hours off: run in the evening, the app's default
    (21:00-08:00 in each recipient's time) held every message until the morning."""
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.store.models import Campaign, DeliveryRules

    ws = open_for_current_user(resolve_workspace(str(folder / f"{name}.sqlite")), create=True)
    campaign_id = seed_audience(ws, messages)
    with ws.session() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        session.merge(DeliveryRules(app_id=campaign.app_id, quiet_start=None, quiet_end=None))
    start_send(ws, campaign_id)
    return ws, campaign_id


def _start_import(csv_path: Path, workspace: Path) -> subprocess.Popen[str]:
    """The import in a process of its own, on the same workspace, as the GUI runs it."""
    code = (
        "import json, sys; from benchmarks import imports as b; "
        "print(json.dumps(b._child_import(sys.argv[1], sys.argv[2])))"
    )
    root = Path(__file__).resolve().parents[1]
    return subprocess.Popen(
        [sys.executable, "-c", code, str(csv_path), str(workspace)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
    )


def _longest_stall(seen: list[tuple[float, str, int]]) -> float:
    """The longest time the sent count stood still before the send was complete."""
    longest, since, last = 0.0, 0.0, -1
    for at, _status, sent in seen:
        if sent != last:
            since, last = at, sent
        longest = max(longest, at - since)
    return longest


def time_zones(folder: Path, box: Box, messages: int) -> dict[str, Any]:
    """The same send with the service in two time zones: tokens asked for each."""
    out: dict[str, Any] = {"messages": messages}
    for zone in ("Europe/Paris", "America/New_York"):
        box.call("/sandbox/reset", {})
        name = "tz-" + zone.replace("/", "-")
        ws, campaign_id = _workspace(folder, name, messages)
        started = time.monotonic()
        service = _service(ws, box, folder, name, env_extra={"TZ": zone})
        _wait(lambda ws=ws, cid=campaign_id: _status(ws, cid)[0] == "completed", 600)
        seconds = time.monotonic() - started
        _stop(service)
        stats = box.call("/sandbox/stats")
        out[zone] = {
            "tokens_issued": stats["tokens_issued"],
            "requests": stats["requests"],
            "seconds": round(seconds, 2),
        }
        ws.close()
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks dispatch_faults")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--import-messages", type=int, default=100_000)
    parser.add_argument("--import-rows", type=int, default=1_000_000)
    runs = ["kill9", "outage", "quota", "time_zones", "import_during_send"]
    parser.add_argument("--only", choices=runs, default=None)
    args = parser.parse_args(argv)
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        box = Box(folder / "credentials")
        arms: dict[str, Callable[[], dict[str, Any]]] = {
            "kill9": lambda: kill9(folder, box, args.messages),
            "outage": lambda: outage(folder, box, min(args.messages, 2_000)),
            "quota": lambda: quota(folder, box, min(args.messages, 10_000)),
            "time_zones": lambda: time_zones(folder, box, min(args.messages, 10_000)),
            "import_during_send": lambda: import_during_send(
                folder, box, args.import_messages, args.import_rows
            ),
        }
        try:
            for name, run in arms.items():
                if args.only in (None, name):
                    box.call("/sandbox/reset", {})
                    result[name] = run()
                    print(name, json.dumps(result[name]), file=sys.stderr, flush=True)
        finally:
            box.stop()
    emit(result, args.json)
    return 0
