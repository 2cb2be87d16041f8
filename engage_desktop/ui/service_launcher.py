"""Start the dispatch service as a child process when none runs for the workspace.

The GUI never imports the service: it runs ``engage-desktop service`` (``core.executable``: the
bundle's own program when frozen) with ``subprocess``, passing the workspace through the
environment (a PostgreSQL URL may hold a password, which must not show in the process list), and
stops the child on exit only if it started it. Set ``ENGAGE_DESKTOP_NO_SERVICE=1`` to leave the service to someone else.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from engage_desktop.core.executable import engage_desktop_command
from engage_desktop.core.service_status import service_status
from engage_desktop.core.workspace import Workspace

NO_SERVICE_ENV = "ENGAGE_DESKTOP_NO_SERVICE"


@dataclass
class ServiceChild:
    process: subprocess.Popen[bytes]

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
    process = subprocess.Popen(
        engage_desktop_command("service"),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return ServiceChild(process)
