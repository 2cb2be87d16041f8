"""``engage-desktop service``: the headless dispatch process for one workspace.

Logs to a rotating file and stderr, beats in ``service_heartbeat`` every few seconds, stops
cleanly on SIGTERM/SIGINT (results written, unsent claims returned). On SQLite one service per
workspace holds a file lock beside the database; on PostgreSQL any number share the outbox.
Campaigns whose scheduled time has come are expanded here.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import io
import logging
import logging.handlers
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from engage_desktop.core.delivery.due import due_campaigns
from engage_desktop.core.executable import engage_desktop_command
from engage_desktop.core.outbox.content_gate import pause_invalid_at_its_time
from engage_desktop.core.outbox.expand import SendError, start_send
from engage_desktop.core.service_status import STARTED_BY_ENV
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.services.clock import SYSTEM_CLOCK, ServiceClock
from engage_desktop.services.dispatcher import DispatchConfig, Dispatcher
from engage_desktop.services.idle_analytics import IDLE_AFTER, IdleAnalytics
from engage_desktop.store.models import Campaign, CampaignStatus, ServiceHeartbeat

log = logging.getLogger("engage_desktop.service")
HEARTBEAT_EVERY = 5.0
SCHEDULE_EVERY = 1.0  # how often scheduled campaigns are checked: they start within a second
EXIT_ALREADY_RUNNING = 3


class ServiceLockError(Exception):
    """Another service already runs for this SQLite workspace."""


@contextlib.contextmanager
def workspace_lock(db_path: Path) -> Iterator[None]:
    """An exclusive lock file beside the database, released by the OS if the process dies."""
    lock_path = db_path.with_name(db_path.name + ".service.lock")
    handle: IO[str] = lock_path.open("a+")
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            except OSError:
                raise ServiceLockError(f"A dispatch service already runs for {db_path}.") from None
        else:
            import fcntl

            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.seek(0)
                other = handle.read().strip() or "?"
                raise ServiceLockError(
                    f"A dispatch service already runs for {db_path} (pid {other})."
                ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files readable by their owner only (0600), rotated ones included: they name apps,
    campaigns, hosts and devices' last characters, which other users of the machine need not
    read."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(log_file: Path | None, verbose: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    err = logging.StreamHandler(sys.stderr)
    err.setFormatter(fmt)
    root.addHandler(err)
    if log_file is not None:
        if not log_file.parent.exists():
            log_file.parent.mkdir(parents=True, mode=0o700)
        rotating = PrivateRotatingFileHandler(
            log_file, maxBytes=5_000_000, backupCount=3, encoding="utf-8"
        )
        rotating.setFormatter(fmt)
        root.addHandler(rotating)


class SandboxStarter:
    """Starts ``engage-desktop sandbox`` as a child when a sandbox app needs it and none answers."""

    def __init__(self) -> None:
        self.child: subprocess.Popen[bytes] | None = None

    def __call__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        if _port_open(host, port) or self.child is not None:
            return
        log.info("starting the local sandbox on %s", base_url)
        self.child = subprocess.Popen(
            engage_desktop_command("sandbox", "--host", host, "--port", str(port)),
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 15
        while not _port_open(host, port):
            if time.monotonic() > deadline or self.child.poll() is not None:
                raise ValueError(f"The local sandbox did not start on {base_url}.")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.child is not None and self.child.poll() is None:
            self.child.terminate()
            self.child.wait(10)


def _port_open(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


class Service:
    def __init__(
        self,
        ws: Workspace,
        config: DispatchConfig | None = None,
        clock: ServiceClock = SYSTEM_CLOCK,
        vault: Vault | None = None,
        analytics_idle_after: float | None = IDLE_AFTER,
    ) -> None:
        """``vault``: the keyring FCM apps' keys are read from (this machine's, from the CLI);
        ``analytics_idle_after``: idle seconds before analytics are refreshed (None: never)."""
        self.ws = ws
        self.clock = clock
        self.started = clock.now()
        self.service_id = f"{socket.gethostname()}:{os.getpid()}:{int(self.started.timestamp())}"
        self.sandbox = SandboxStarter()
        self.dispatcher = Dispatcher(
            ws.engine, self.service_id, config, self.sandbox, clock=clock, vault=vault
        )
        self.analytics = (
            None
            if analytics_idle_after is None
            else IdleAnalytics(ws, clock, idle_after=analytics_idle_after)
        )
        self.stop_event = asyncio.Event()
        self._not_started: dict[int, str] = {}  # scheduled campaigns that could not start
        starter = os.environ.get(STARTED_BY_ENV, "")
        self._window_pid = int(starter) if starter.isdigit() else None

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, self.stop_event.set)
        log.info("dispatch service %s started on %s", self.service_id, self.ws.location.display())
        await self._safely(self._beat, "running", "starting")
        beat = asyncio.create_task(self._beat_loop())
        refresher = (
            asyncio.create_task(self.analytics.run(self.stop_event)) if self.analytics else None
        )
        try:
            await self.dispatcher.run(self.stop_event)
        finally:
            beat.cancel()
            if refresher:
                refresher.cancel()
                await asyncio.gather(refresher, return_exceptions=True)
            await self._safely(self._beat, "stopped", "stopped cleanly")
            self.sandbox.stop()
            log.info("dispatch service stopped")

    @staticmethod
    async def _safely(work: Callable[..., None], *args: object) -> None:
        """Database work that may fail (locked, full): logged, never fatal to the service."""
        try:
            await asyncio.to_thread(work, *args)
        except Exception as exc:
            log.error("%s failed: %s", getattr(work, "__name__", "database work"), exc)

    async def _beat_loop(self) -> None:
        last_beat = -HEARTBEAT_EVERY
        while True:
            if self._window_gone():
                log.warning("the window that started this service is gone: stopping")
                self.stop_event.set()
                return
            await self._safely(self._start_due_campaigns)
            if self.clock.monotonic() - last_beat >= HEARTBEAT_EVERY:
                last_beat = self.clock.monotonic()
                await self._safely(self._beat, "running", self._detail())
            await self.clock.sleep(SCHEDULE_EVERY)

    def _window_gone(self) -> bool:
        """Started by a window (``STARTED_BY_ENV``) that no longer runs: this process was
        handed to another parent when it ended."""
        return self._window_pid is not None and os.getppid() != self._window_pid

    def _detail(self) -> str:
        """What the heartbeat says: the figures, or the database fault being waited out."""
        dispatcher = self.dispatcher
        if dispatcher.storage_error:
            return dispatcher.storage_error
        busy = dispatcher.busy_for
        if busy is not None:
            return f"waiting for the database, busy with another program's write for {busy:.0f} s"
        stats = dispatcher.stats
        return f"{stats.sent} sent, {stats.failed} failed, {stats.rate():.0f} msg/s"

    def _beat(self, state: str, detail: str) -> None:
        with self.ws.session() as session:
            row = session.get(ServiceHeartbeat, self.service_id)
            if row is None:
                row = ServiceHeartbeat(
                    service_id=self.service_id,
                    host=socket.gethostname(),
                    pid=os.getpid(),
                    started_at=self.started,
                    state=state,
                )
                session.add(row)
            row.beat_at = self.clock.now()
            row.state = state
            row.detail = detail[:500]

    def _start_due_campaigns(self) -> None:
        with self.ws.session() as session:  # local-time sends start in the earliest zone
            due = due_campaigns(session, self.clock.now())
        for campaign_id in due:
            if self._paused_invalid(campaign_id):
                continue
            try:
                result = start_send(self.ws, campaign_id, scheduled=True)
                log.info("scheduled campaign %d started: %d queued", campaign_id, result.queued)
            except SendError as exc:  # said once, and kept on the campaign for the GUI
                if self._not_started.get(campaign_id) != str(exc):
                    self._not_started[campaign_id] = str(exc)
                    log.error("scheduled campaign %d not started: %s", campaign_id, exc)
                    self._note_not_started(campaign_id, str(exc))

    def _paused_invalid(self, campaign_id: int) -> bool:
        """Its content is checked again at its time: edited into an invalid state, it is paused
        with the reason and nothing is queued or sent."""
        with self.ws.session() as session:
            reason = pause_invalid_at_its_time(session, campaign_id, self.clock.now())
        if reason is not None:
            log.error("scheduled campaign %d paused, nothing sent: %s", campaign_id, reason)
        return reason is not None

    def _note_not_started(self, campaign_id: int, reason: str) -> None:
        with self.ws.session() as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is not None and campaign.status == CampaignStatus.SCHEDULED:
                campaign.status_reason = f"Not started at its time: {reason}"[:2000]


def run_service(
    ws: Workspace,
    config: DispatchConfig | None = None,
    clock: ServiceClock = SYSTEM_CLOCK,
    vault: Vault | None = None,
    analytics_idle_after: float | None = IDLE_AFTER,
) -> int:
    """Run until SIGTERM/SIGINT. Returns the process exit code."""
    path = ws.location.sqlite_path
    lock = workspace_lock(path) if path is not None else contextlib.nullcontext()
    try:
        with lock:
            service = Service(ws, config, clock, vault, analytics_idle_after)
            # The service is a process of its own (the CLI's ``service``): what start-up built
            # (modules, SQLAlchemy's tables and caches) lives as long as it, so the collector
            # need not walk it again. Each full collection took ~0.1 s during a send, ~3 µs of
            # CPU a message over 100,000.
            gc.freeze()
            _run_loop(service.run())
    except ServiceLockError as exc:
        log.error("%s", exc)
        return EXIT_ALREADY_RUNNING
    return 0


def _run_loop(main: object) -> None:
    try:
        import uvloop

        uvloop.run(main)  # type: ignore[arg-type]
    except ImportError:  # pragma: no cover - Windows
        asyncio.run(main)  # type: ignore[arg-type]
