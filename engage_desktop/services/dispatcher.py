"""The outbox dispatcher: claim rows, send them concurrently, write results back in batches.

One asyncio task claims batches (in a worker thread, so the event loop keeps sending), ``N``
sender tasks pull rows from a bounded queue, and a flusher writes outcomes every
``flush_interval`` or ``batch`` results. A row is marked sent only after FCM acknowledged it;
anything in flight when the process dies is re-sent after its lease (same message id).

Faults pass by themselves where they can: a database busy with another process's write is
waited out (results kept in memory, at most ``max_unwritten``, sending still on); FCM down,
unreachable or over quota pauses the app's campaigns with the reason and the probe resumes
them (``services.probe``); a paused or cancelled campaign stops going out within
``watch_every``; a stop lets requests already out finish within ``stop_grace``.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from engage_desktop.core.outbox.claims import Claimed, Outcome
from engage_desktop.core.outbox.content_gate import CONTENT_MESSAGES, pause_sending_campaign
from engage_desktop.core.outbox.message_ids import TEST_PREFIX
from engage_desktop.core.outbox.payload import PayloadError
from engage_desktop.security.vault import Vault
from engage_desktop.services.app_senders import AppSenders
from engage_desktop.services.apps import AppSender, sending_identities
from engage_desktop.services.channels.dispatch import ChannelDispatch
from engage_desktop.services.clock import SYSTEM_CLOCK, ServiceClock
from engage_desktop.services.compiled_content import CompiledContent
from engage_desktop.services.dispatch_config import DispatchConfig, DispatchStats
from engage_desktop.services.fault_reactions import FaultReactions
from engage_desktop.services.faults import Scope, scope_of
from engage_desktop.services.fcm.auth import CredentialsError
from engage_desktop.services.fcm.client import SendResult, Verdict
from engage_desktop.services.fcm.ratelimit import SLICE
from engage_desktop.services.leases import LeaseBook, is_busy, short_error, storage_problem
from engage_desktop.services.outbox_work import OutboxWork
from engage_desktop.services.outcomes import failed_answer, retry_outcome
from engage_desktop.services.result_writer import write_results
from engage_desktop.store.models import OutboxState

log = logging.getLogger(__name__)
STORAGE_RETRY = 1.0  # seconds between tries to write while the database refuses
HOLD_RETRY_MAX = 10.0  # a 429's Retry-After up to this is waited out holding the row

__all__ = ["DispatchConfig", "DispatchStats", "Dispatcher"]


class Dispatcher:
    """Composed of: ``work`` (its transactions), ``senders`` (one per app, and the apps
    stopped), ``content`` (compiled bodies, per campaign), ``reactions`` (breakers, watch,
    probe; it sees this object through ``fault_reactions.Host``) and ``leases`` (rows held).
    The storage guard (``db``, ``read``) and the claim, send and flush loops are here."""

    def __init__(
        self,
        engine: Engine,
        worker_id: str,
        config: DispatchConfig | None = None,
        ensure_sandbox: Callable[[str], None] | None = None,
        clock: ServiceClock = SYSTEM_CLOCK,
        vault: Vault | None = None,
    ) -> None:
        """``vault``: this machine's keyring, where FCM apps' keys are (None: FCM apps pause)."""
        self.engine = engine
        self.worker = worker_id
        self.config = config or DispatchConfig()
        self.ensure_sandbox = ensure_sandbox
        self.clock = clock
        self.stats = DispatchStats(started=clock.monotonic(), clock=clock)
        self.vault = vault
        self.active: set[int] = set()  # campaigns whose rows may go out now
        self.to_release: list[int] = []  # held rows this service will not send (give back)
        self.work = OutboxWork(engine, worker_id, self.config, clock)
        self.senders = AppSenders(engine, clock, self.config, vault, ensure_sandbox)
        self.content = CompiledContent(engine, self.config.validate_only)
        self.reactions = FaultReactions(
            self, engine, self.config, clock, self.senders, self.content, self.work
        )
        self._queue: asyncio.Queue[Claimed] = asyncio.Queue()
        self._outcomes: list[Outcome] = []
        self._flush_now = asyncio.Event()  # a sender waits for room: write without delay
        self._written = asyncio.Event()  # set (and replaced) after each write: room again
        self._requests = 0  # requests out to FCM right now
        self._held = 0  # rows waiting out a short Retry-After here (``_send_again``)
        self._leases = LeaseBook(self.config.lease, clock)
        self._storage_error: str | None = None  # why the database refuses writes, meanwhile
        self._pending_pause: str | None = None  # pause every sending campaign with this reason
        self._busy_since: float | None = None  # the database has been busy since (clock)
        self._stopping = False
        self._retry_due: list[float] = []  # heap: when retries this service wrote are due
        self._tasks: set[asyncio.Task[Any]] = set()
        self._channels = ChannelDispatch(engine, clock, vault)  # SMS and email rows

    # --- main loop -----------------------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        await self.db(self.work.release, self.engine.dialect.name == "sqlite")
        workers = [asyncio.create_task(self._worker()) for _ in range(self.config.concurrency)]
        flusher = asyncio.create_task(self._flush_loop(stop))
        helpers = [
            asyncio.create_task(self._renew_loop(stop)),
            asyncio.create_task(self.reactions.watch_loop(stop)),
            asyncio.create_task(self.reactions.probe_loop(stop)),
        ]
        try:
            await self._claim_loop(stop)
        finally:
            await self._let_requests_finish()
            for task in [*workers, *helpers, *self._tasks]:
                task.cancel()
            await asyncio.gather(*workers, *helpers, *self._tasks, return_exceptions=True)
            await flusher
            await self.db(self._give_back)
            self.senders.close_all()
            await self._channels.close()

    async def _let_requests_finish(self) -> None:
        """On a stop: nothing new goes out; requests already out get ``stop_grace`` to answer,
        so their result is written instead of the message being sent again later."""
        self._stopping = True
        deadline = self.clock.monotonic() + self.config.stop_grace
        while self._requests and self.clock.monotonic() < deadline:
            await self.clock.sleep(0.05)
        if self._requests:
            log.warning("stopping with %d requests unanswered after the grace", self._requests)

    @property
    def storage_error(self) -> str | None:
        return self._storage_error

    def footprint(self) -> dict[str, int]:
        """Sizes of the in-memory maps; all come back to zero once the held rows are done."""
        return {
            "held": len(self._leases),
            "contexts": len(self.content.contexts),
            "outcomes": len(self._outcomes),
            "ttls": len(self.content.ttls),
            "templates": len(self.content.templates),
            "to_release": len(self.to_release),
        }

    @property
    def busy_for(self) -> float | None:
        """Seconds the database has been busy with another process's write, if it is."""
        since = self._busy_since
        return None if since is None else self.clock.monotonic() - since

    # --- the storage guard (``fault_reactions.Host``) --------------------------------------
    async def db(self, work: Callable[..., Any], *args: Any) -> Any:
        """Database writes in a thread; a busy database is waited out, a refused write (full)
        pauses instead of crashing. None when it did not happen."""
        found = await self.read(work, *args)
        if found is not None:
            self._writable_again()
        return found

    async def read(self, work: Callable[..., Any], *args: Any) -> Any:
        """Database reads in a thread (they go on while another process writes, under WAL)."""
        try:
            return await asyncio.to_thread(work, *args)
        except (SQLAlchemyError, OSError) as exc:
            self._storage_failed(exc)
            return None

    def spawn(self, work: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _storage_failed(self, exc: BaseException) -> None:
        if is_busy(exc):
            if self._busy_since is None:
                self._busy_since = self.clock.monotonic()
                log.warning("the database is busy with another program's write; waiting")
            return
        reason = storage_problem(exc)
        if self._storage_error is None:
            log.error("database write failed, sending stops: %s (%s)", reason, short_error(exc))
        self._storage_error = reason
        self._pending_pause = reason
        while not self._queue.empty():  # nothing more goes out until writes work again
            self._give_up(self._queue.get_nowait())

    def _writable_again(self) -> None:
        if self._busy_since is not None:
            log.info("the database is free again after %.1f s", self.busy_for or 0.0)
            self._busy_since = None

    def _storage_ok(self) -> None:
        if self._storage_error is not None:
            log.info("the database accepts writes again")
            self._storage_error = None

    def _give_up(self, row: Claimed) -> None:
        """A held row this service will not send now: forgotten here, given back soon."""
        self._leases.drop(row.outbox_id)
        self.content.forget_row(row.outbox_id)
        self.to_release.append(row.outbox_id)

    # --- claiming ----------------------------------------------------------------------------
    async def _claim_loop(self, stop: asyncio.Event) -> None:
        last_housekeeping = -1e9
        while not stop.is_set():
            reason = self._pending_pause
            if reason is not None or self._storage_error is not None:
                paused = reason is None or await self.db(self.work.pause_everything, reason)
                if paused is not None:
                    self._pending_pause = None
                if paused is not None and not self._outcomes:
                    self._storage_ok()  # with results still unwritten, the flusher says so
                else:
                    await self.clock.wait(stop, STORAGE_RETRY)
                    continue
            if self.clock.monotonic() - last_housekeeping > 1.0:
                await self.db(self.work.housekeeping)
                last_housekeeping = self.clock.monotonic()
                self.senders.stopped.clear()  # try stopped apps again (credentials may be fixed)
                await self._replace_stale_senders()
            elif self._retries_due():  # a retry written by this service is due: now
                await self.db(self.work.release, False)
            rows: list[Claimed] = []
            if self._queue.qsize() < self.config.batch and self._busy_since is None:
                rows = await self._claim()
            if not rows:
                await self.clock.wait(stop, self.config.poll_interval)
            else:
                await asyncio.sleep(0)

    async def _claim(self) -> list[Claimed]:
        started = self.clock.monotonic()
        claimed: tuple[list[Claimed], set[int]] | None = await self.db(
            self.work.claim_some, set(self.senders.stopped), self.content.prepare
        )
        if claimed is None:
            return []
        rows, self.active = claimed
        self._leases.hold(((r.outbox_id, r.claim_count) for r in rows), started)
        if rows and self.senders.senders:  # a mode or key changed since: no row on the old one
            await self._replace_stale_senders()
        for row in rows:
            self._queue.put_nowait(row)
        return rows

    async def _replace_stale_senders(self) -> None:
        identities = await self.db(sending_identities, self.engine, list(self.senders.senders))
        if identities is not None:
            self.senders.replace_stale(identities)

    def _retries_due(self) -> bool:
        """True once the soonest retry this service scheduled is due (then forgotten), so it
        goes back to the queue at once instead of at the next second's housekeeping."""
        due = False
        while self._retry_due and self._retry_due[0] <= self.clock.monotonic():
            heapq.heappop(self._retry_due)
            due = True
        return due

    async def _renew_loop(self, stop: asyncio.Event) -> None:
        """Extend the leases of held rows before they run out (long Retry-After, slow sends)."""
        while not stop.is_set():
            await self.clock.wait(stop, self._leases.renew_every)
            asked = self._leases.snapshot()
            if not asked:
                continue
            started = self.clock.monotonic()
            kept = await self.db(self.work.renew, asked)
            if kept is None:
                continue  # the leases run down: rows past theirs are not sent
            lost = self._leases.renewed(asked, kept, started)
            if lost:
                log.warning("%d held rows were taken back before being sent; skipped", len(lost))

    # --- sending -------------------------------------------------------------------------
    def _may_go(self, row: Claimed) -> bool:
        """May this held row still be sent now (campaign sending, lease held, not stopping)?"""
        return (
            not self._stopping
            and self._storage_error is None
            and row.app_id not in self.senders.stopped
            and (row.campaign_id in self.active or row.message_id.startswith(TEST_PREFIX))
            and self._leases.may_send(row.outbox_id)
        )

    async def _room_to_write(self, row: Claimed) -> bool:
        """While the database is busy, results wait in memory: at most ``max_unwritten``. A
        sender that finds them full asks the flusher to write now and goes on as soon as a
        write ends (a fixed sleep left every sender idle for its length after each write)."""
        while len(self._outcomes) >= self.config.max_unwritten:
            self._flush_now.set()
            await self.clock.wait(self._written, 0.1)
            if not self._may_go(row):
                return False
        return True

    async def _worker(self) -> None:
        while True:
            row = await self._queue.get()
            handled = False
            try:
                handled = await self._send_one(row)
            except Exception:  # a bug must not lose the row: it goes back to the queue
                log.exception("unexpected error sending outbox row %d", row.outbox_id)
            finally:
                if not handled:  # not sent and no outcome: give the row back
                    self._give_up(row)

    async def _send_one(self, row: Claimed) -> bool:
        """Send one row; True when an outcome was recorded for it (its lease is kept until the
        outcome is written)."""
        if not self._may_go(row):
            return False
        if await self._channels.owns(row.campaign_id):  # the channel seam: SMS and email
            done = await self._channels.send(row, self.content.contexts.pop(row.outbox_id, None))
            self._outcomes += done
            self.stats.sent += sum(o.state is OutboxState.SENT for o in done)
            return bool(done)  # none: its campaign was paused, the row is given back
        sender = await self.senders.get(row.app_id, self.reactions.pause_app)
        if sender is None:
            return False  # app stopped: its campaigns are paused
        body = await self._body(row)
        if body is None:
            return True  # a payload error was recorded
        return await self._post(sender, row, body)

    async def _post(self, sender: AppSender, row: Claimed, body: bytes) -> bool:
        """One request for a held row, paced; True when its outcome was recorded."""
        wanted = lambda: self._may_go(row)  # noqa: E731 - checked while waiting
        if not await sender.pacer.acquire(wanted) or not await self._room_to_write(row):
            return False  # paused, cancelled, stopping, or the lease could not be renewed
        self._requests += 1
        try:
            result = await sender.client.send(body)
        except CredentialsError as exc:  # the token server refused, fails or cannot be reached
            failed = SendResult(
                Verdict.RETRY, None, error_code="CREDENTIALS", error_message=str(exc)
            )
            self._outcomes.append(retry_outcome(row, failed, self.clock.now(), 1.0))
            await self.reactions.pause_app(row.app_id, str(exc))
            return True
        finally:
            self._requests -= 1
        self._handle(sender, row, result, body)
        return True

    async def _send_again(self, sender: AppSender, row: Claimed, body: bytes, wait: float) -> None:
        """A row that got a short Retry-After stays held here and goes again once it has passed,
        the same body: no result write, release and claim in between (0.1-0.3 s each round), and
        a pause, a cancel or a lost lease still stops it within a wait slice."""
        self._held += 1
        handled = False
        try:
            deadline = self.clock.monotonic() + wait
            while (left := deadline - self.clock.monotonic()) > 0:
                await self.clock.sleep(min(left, SLICE))
                if not self._may_go(row):
                    return
            handled = await self._post(sender, row, body)
        except Exception:  # a bug must not lose the row: it goes back to the queue
            log.exception("unexpected error sending outbox row %d again", row.outbox_id)
        finally:
            self._held -= 1
            if not handled:
                self._give_up(row)

    async def _body(self, row: Claimed) -> bytes | None:
        """The row's request body, with its expiry stamped now; None when it cannot be built (a
        test row or one recipient's template fails: recorded as failed; the whole variant is
        unsendable: its campaign is paused and the row given back)."""
        compiled = self.content.compiled(row)
        if compiled is None:  # compiled in the claiming thread; absent only for a late row
            compiled = await asyncio.to_thread(
                self.content.compile_now, row.campaign_id, row.variant_key
            )
        body = compiled.body
        try:
            if isinstance(body, str):
                if not row.message_id.startswith(TEST_PREFIX):
                    await self._pause_unsendable(row, compiled.version, body)
                    return None
                raise PayloadError(body)
            return self.content.render(row, body, int(self.clock.now().timestamp()))
        except PayloadError as exc:
            self._outcomes.append(
                Outcome(
                    row.outbox_id,
                    row.campaign_id,
                    OutboxState.FAILED,
                    self.clock.now(),
                    error_code="PAYLOAD",
                    error_message=str(exc),
                )
            )
            return None

    async def _pause_unsendable(self, row: Claimed, version: str, why: str) -> None:
        """Content that cannot be built for anyone: pause its campaign once, send none of it."""
        self._leases.drop(row.outbox_id)
        self.to_release.append(row.outbox_id)
        if not self.content.first_pause(row.campaign_id, version):
            return
        reason = CONTENT_MESSAGES.english("unsendable", why)
        log.error("campaign %d paused, its content cannot be sent: %s", row.campaign_id, why)

        def pause() -> None:
            with self.engine.begin() as conn:
                pause_sending_campaign(conn, row.campaign_id, reason)

        await self.db(pause)

    def _handle(self, sender: AppSender, row: Claimed, result: SendResult, body: bytes) -> None:
        now = self.clock.now()
        scope = scope_of(result)
        if result.http_status is not None:
            sender.pacer.note(quota=scope is Scope.QUOTA, retry_after=result.retry_after)
        health = self.reactions.health_of(row.app_id)
        trip = health.observe(row.campaign_id, result, self.clock.monotonic())
        if scope is None:
            self.stats.sent += 1
            self._outcomes.append(
                Outcome(
                    row.outbox_id,
                    row.campaign_id,
                    OutboxState.SENT,
                    now,
                    result.http_status,
                    result.name,
                    duration_ms=result.duration_ms,
                )
            )
            return
        outcome = failed_answer(row, result, now, self.content.ttl(row.campaign_id))
        if outcome.state is OutboxState.FAILED:
            self.stats.failed += 1
        elif outcome.next_attempt_at is not None:
            self.stats.retried += 1
            wait = (outcome.next_attempt_at - now).total_seconds()
            if scope is Scope.QUOTA and wait <= HOLD_RETRY_MAX and self._held < self.config.batch:
                outcome = outcome._replace(state=OutboxState.CLAIMED)  # kept: sent again here
                again = row._replace(attempts=row.attempts + 1)
                self.spawn(self._send_again(sender, again, body, wait))
            else:
                heapq.heappush(self._retry_due, self.clock.monotonic() + wait)
        self._outcomes.append(outcome)
        if trip is not None:
            self.reactions.trip(trip, sender, row, health)

    # --- writing results -----------------------------------------------------------------
    def _drain(self) -> list[Outcome]:
        batch, self._outcomes = self._outcomes, []
        return batch

    def _write(self, batch: list[Outcome]) -> None:
        refused = write_results(self.engine, self.worker, batch, self._leases.claim_counts())
        for outcome in refused:
            self._leases.drop(outcome.outbox_id)

    def _give_back(self) -> None:
        """On a stop: the last results written, then every unsent claim returned."""
        self._write(self._drain())
        self.work.release_mine()

    async def _flush_loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set() or self._outcomes:
            if len(self._outcomes) < self.config.batch:
                await self.clock.wait(self._flush_now, self.config.flush_interval)
            self._flush_now.clear()
            batch = self._drain()
            try:
                await asyncio.to_thread(self._write, batch)
            except (SQLAlchemyError, OSError) as exc:  # locked, full: keep them, try again
                if self._storage_error is None and not is_busy(exc):  # once per fault
                    log.error("cannot record %d results yet: %s", len(batch), short_error(exc))
                self._outcomes = batch + self._outcomes
                self._storage_failed(exc)
                if stop.is_set():
                    return  # the last write is tried once more on the way out
                await self.clock.sleep(STORAGE_RETRY)
                continue
            self._writable_again()
            self._written.set()  # senders waiting for room go on
            self._written = asyncio.Event()
            for outcome in batch:
                if outcome.state is not OutboxState.CLAIMED:  # a held retry keeps its lease
                    self._leases.drop(outcome.outbox_id)
            if batch and self._pending_pause is None:
                self._storage_ok()
