"""Start the local sandbox (the virtual phones' FCM stand-in) for the user, on one click.

A marketer was told to run ``engage-desktop sandbox`` in a terminal. The GUI now starts it as a
child process, the same program the dispatch service starts (``python -m engage_desktop
sandbox``), on the address ``ENGAGE_SANDBOX_URL`` names and with the data folder the virtual
phones read the control token from; the child is stopped when the GUI quits. The GUI never
imports the service layer: this is a process start, like ``service_launcher``.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from engage_desktop.core.endpoints import sandbox_data_dir, sandbox_url
from engage_desktop.core.progress import NO_PROGRESS, Cancelled, Progress

WAIT_STEPS = 150  # × 0.1 s: a sandbox that has not opened its port by then did not start


class SandboxDidNotStart(Exception):
    """The sandbox process exited, or did not listen in time."""


@dataclass
class SandboxChild:
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def _address() -> tuple[str, int]:
    parts = urlsplit(sandbox_url())
    return parts.hostname or "127.0.0.1", parts.port or 80


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def start_sandbox(progress: Progress = NO_PROGRESS) -> SandboxChild | None:
    """Start the sandbox unless one listens already (then None); wait until it listens.

    Runs on a worker thread (it waits up to 15 s). Raises ``SandboxDidNotStart``, or
    ``Cancelled`` once the job is cancelled (its panel closed), after stopping the child.
    """
    host, port = _address()
    if _listening(host, port):
        return None
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "engage_desktop", "sandbox"),
            *("--host", host, "--port", str(port), "--data-dir", str(sandbox_data_dir())),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    child = SandboxChild(process)
    try:
        for step in range(WAIT_STEPS):
            if _listening(host, port):
                return child
            if process.poll() is not None:
                raise SandboxDidNotStart(f"exit code {process.returncode}")
            progress.report(step, WAIT_STEPS)
            time.sleep(0.1)
    except Cancelled:
        child.stop()
        raise
    child.stop()
    raise SandboxDidNotStart(sandbox_url())
