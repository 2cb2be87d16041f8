"""Start the dispatch service as a child process when none runs for the workspace.

The GUI never imports the service: it runs ``engage-desktop service`` (``core.executable``: the
bundle's own program when frozen) with ``subprocess``, passing the workspace through the
environment (a PostgreSQL URL may hold a password, which must not show in the process list), and
stops the child on exit only if it started it. Set ``ENGAGE_DESKTOP_NO_SERVICE=1`` to leave the service to someone else.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections import deque
from dataclasses import dataclass, field

from engage_desktop.core.executable import engage_desktop_command
from engage_desktop.core.service_status import STARTED_BY_ENV, service_status
from engage_desktop.core.workspace import Workspace

NO_SERVICE_ENV = "ENGAGE_DESKTOP_NO_SERVICE"


@dataclass
class ServiceChild:
    """The service the GUI launched, with the last lines it wrote to stderr.

    A service that cannot start (a missing package, a refused workspace) dies before its
    logging is set up; its stderr is the only place that says why. A thread drains the pipe
    (so the child never blocks on it) keeping only the last lines: bounded, whatever the
    child writes over days.
    """

    process: subprocess.Popen[bytes]
    last_lines: deque[str] = field(default_factory=lambda: deque(maxlen=5))

    def __post_init__(self) -> None:
        self._drain: threading.Thread | None = None
        if self.process.stderr is not None:
            self._drain = threading.Thread(
                target=self._read_errors, name="service-stderr", daemon=True
            )
            self._drain.start()

    def _read_errors(self) -> None:
        assert self.process.stderr is not None
        with self.process.stderr:
            for raw in self.process.stderr:
                line = raw.decode("utf-8", errors="replace").strip()
                if line:
                    self.last_lines.append(line[:300])

    def exit_reason(self) -> str | None:
        """Why a child that has ended stopped ("exit code 1: ModuleNotFoundError: …"); None
        while it runs. Waits briefly for the last line to be read: call it off the GUI thread."""
        code = self.process.poll()
        if code is None:
            return None
        if self._drain is not None:
            self._drain.join(2.0)
        last = self.last_lines[-1] if self.last_lines else ""
        return f"exit code {code}: {last}" if last else f"exit code {code}"

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM (the service writes its results and returns its claims), then wait."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def ensure_service(workspace: Workspace) -> ServiceChild | None:
    """Start a service unless one beats for this workspace (or the user opted out)."""
    if os.environ.get(NO_SERVICE_ENV):
        return None
    with workspace.session() as session:
        if service_status(session, workspace.clock.now()).running > 0:
            return None
    env = dict(os.environ)
    env["ENGAGE_DESKTOP_DB"] = workspace.location.url.render_as_string(hide_password=False)
    env[STARTED_BY_ENV] = str(os.getpid())  # the service stops if this process dies
    process = subprocess.Popen(
        engage_desktop_command("service"),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return ServiceChild(process)
