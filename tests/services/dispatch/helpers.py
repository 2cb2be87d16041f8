"""Shared by the dispatch tests: a workspace with an audience, a real sandbox, a real service."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from engage_desktop.core.workspace import Workspace
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

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def token_for(i: int) -> str:
    return f"dev{i:07d}:APA91b{'x' * 40}"


def seed_app(
    ws: Workspace,
    devices: int,
    *,
    project: str = "demo-project",
    no_consent: int = 0,
    push_off: int = 0,
    no_token: int = 0,
    invalidated: int = 0,
    sandbox: bool = True,
) -> int:
    """An app with ``devices`` reachable devices plus the given numbers of unreachable ones."""
    now = datetime.now(UTC)
    with ws.session() as s:
        app = App(
            name=f"App {project}",
            firebase_project_id=project,
            platforms=["android"],
            use_sandbox=sandbox,
        )
        s.add(app)
        s.flush()
        s.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        app_id = app.id
    kinds = (
        ["ok"] * devices
        + ["consent"] * no_consent
        + ["off"] * push_off
        + ["notoken"] * no_token
        + ["invalid"] * invalidated
    )
    profiles, devs, consents = [], [], []
    base = app_id * 10_000_000
    for i, kind in enumerate(kinds):
        pid = base + i + 1
        profiles.append(
            {
                "id": pid,
                "app_id": app_id,
                "external_id": f"u{i}",
                "created_at": now,
                "attributes": {},
            }
        )
        devs.append(
            {
                "id": pid,
                "app_id": app_id,
                "profile_id": pid,
                "fcm_token": None if kind == "notoken" else token_for(pid),
                "token_invalidated_at": now if kind == "invalid" else None,
                "platform": "android",
                "push_enabled": kind != "off",
                "is_test": False,
                "created_at": now,
            }
        )
        consents.append(
            {
                "profile_id": pid,
                "channel": "push",
                "state": "denied" if kind == "consent" else "granted",
                "changed_at": now,
            }
        )
    with ws.engine.begin() as conn:
        for model, rows in ((Profile, profiles), (Device, devs), (Consent, consents)):
            table = model.metadata.tables[model.__tablename__]
            for k in range(0, len(rows), 20_000):
                conn.execute(insert(table), rows[k : k + 20_000])
    return app_id


def seed_campaign(ws: Workspace, app_id: int, content: dict[str, Any] | None = None) -> int:
    with ws.session() as s:
        campaign = Campaign(
            app_id=app_id,
            name="Soldes d'hiver",
            format=CampaignFormat.PUSH,
            analytics_label="soldes_hiver",
        )
        campaign.variants.append(
            CampaignVariant(
                key="A",
                weight=1.0,
                content=content or {"title": "Soldes d'hiver", "body": "Jusqu'à -50 % ce week-end"},
            )
        )
        s.add(campaign)
        s.flush()
        return campaign.id


@dataclass
class Sandbox:
    url: str
    process: subprocess.Popen[bytes]
    control_token: str = ""  # this run's, read from the sandbox's data folder

    def get(self, path: str) -> Any:
        req = urllib.request.Request(
            self.url + path, headers={"X-Sandbox-Token": self.control_token}
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read())

    def post(self, path: str, data: dict[str, Any]) -> Any:
        req = urllib.request.Request(
            self.url + path,
            data=json.dumps(data).encode(),
            headers={"Content-Type": "application/json", "X-Sandbox-Token": self.control_token},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def wait_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing listens on port {port}")
        time.sleep(0.05)


def start_sandbox(data_dir: Path, *args: str, port: int | None = None) -> Sandbox:
    """A sandbox process whose data folder is the services' credentials folder (``service_env``),
    so it knows the keys the services sign their token requests with."""
    port = port or free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "engage_desktop",
            "sandbox",
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
            *args,
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    wait_port(port)
    token = (data_dir / "control-token").read_text()
    return Sandbox(f"http://127.0.0.1:{port}", proc, token)


def credentials_dir(tmp: Path) -> Path:
    return tmp / "sandbox-credentials"


def service_env(sandbox_url: str, tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["ENGAGE_SANDBOX_URL"] = sandbox_url
    env["ENGAGE_SANDBOX_CREDENTIALS_DIR"] = str(credentials_dir(tmp))
    return env


def start_service(
    ws_url: str, env: dict[str, str], tmp: Path, *extra: str, name: str = "service"
) -> subprocess.Popen[bytes]:
    log = (tmp / f"{name}.log").open("ab")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "engage_desktop",
            "service",
            "--workspace",
            ws_url,
            "--log-file",
            str(tmp / f"{name}-rotating.log"),
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )


def stop_service(proc: subprocess.Popen[bytes]) -> int:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    return proc.wait(30)
