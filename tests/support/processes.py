"""The real sandbox and service processes the sending tests run against (started as a user would:
``python -m engage_desktop sandbox|service``), and the environment that points one at the other."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.net import free_port, wait_port
from tests.support.paths import ROOT


@dataclass
class Sandbox:
    """A running ``engage-desktop sandbox`` process and its HTTP address."""

    url: str
    process: subprocess.Popen[bytes]

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(self.url + path, timeout=30) as resp:
            return json.loads(resp.read())

    def post(self, path: str, data: dict[str, Any]) -> Any:
        req = urllib.request.Request(
            self.url + path,
            data=json.dumps(data).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


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
    return Sandbox(f"http://127.0.0.1:{port}", proc)


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
