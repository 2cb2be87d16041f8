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
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from engage_desktop.core.outbox import claims, pauses
from engage_desktop.core.outbox.claims import Claimed, Outcome
from engage_desktop.core.outbox.content_gate import CONTENT_MESSAGES, pause_sending_campaign
from engage_desktop.core.outbox.message_ids import TEST_PREFIX
from engage_desktop.core.outbox.payload import (
    BodyTemplate,
    PayloadError,
    PersonalisedBody,
    VariantSource,
    load_sources,
)
from engage_desktop.security.vault import Vault
from engage_desktop.services.apps import AppSender, build_app_sender, sending_identities
from engage_desktop.services.channels.dispatch import ChannelDispatch
from engage_desktop.services.clock import SYSTEM_CLOCK, ServiceClock
from engage_desktop.services.dispatch_config import DispatchConfig, DispatchStats
from engage_desktop.services.fault_reactions import FaultReactions
from engage_desktop.services.faults import AppHealth, Scope, scope_of
from engage_desktop.services.fcm.auth import CredentialsError
from engage_desktop.services.fcm.client import SendResult, Verdict
from engage_desktop.services.leases import LeaseBook, is_busy, storage_problem
from engage_desktop.services.outbox_work import OutboxWork
from engage_desktop.services.outcomes import failed_answer, retry_outcome
from engage_desktop.services.result_writer import write_results
from engage_desktop.store.models import OutboxState

log = logging.getLogger(__name__)
Body = BodyTemplate | PersonalisedBody
STORAGE_RETRY = 1.0  # seconds between tries to write while the database refuses
MAX_COMPILED = 256  # compiled variants kept; beyond, those not being claimed are dropped

__all__ = ["DispatchConfig", "DispatchStats", "Dispatcher"]


STALE_POOL_GRACE = 30.0  # seconds a replaced sender's connections stay open for requests in flight


class Dispatcher(FaultReactions, OutboxWork):
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
        self._queue: asyncio.Queue[Claimed] = asyncio.Queue()
        self._outcomes: list[Outcome] = []
        self._senders: dict[int, AppSender] = {}
        self._building: dict[int, asyncio.Future[AppSender | None]] = {}
        self._broken: dict[int, str] = {}  # app id → why it cannot send (paused campaigns)
        self._health: dict[int, AppHealth] = {}  # app id → its runs of bad answers
        self._templates: dict[tuple[int, str | None], _Compiled] = {}
        self._paused_content: set[tuple[int, str]] = (
            set()
        )  # (campaign, version) paused as unsendable
        self._contexts: dict[int, dict[str, Any]] = {}  # outbox id → template variables
        self._ttls: dict[int, float] = {}  # campaign id → seconds a message is worth retrying
        self._active: set[int] = set()  # campaigns whose rows may go out now
        self._requests = 0  # requests out to FCM right now
        self._leases = LeaseBook(self.config.lease, clock)
        self._to_release: list[int] = []  # held rows this service will not send (give back)
        self._storage_error: str | None = None  # why the database refuses writes, meanwhile
        self._pending_pause: str | None = None  # pause every sending campaign with this reason
        self._busy_since: float | None = None  # the database has been busy since (clock)
        self._stopping = False
        self._retry_due: list[float] = []  # heap: when retries this service wrote are due
        self._tasks: set[asyncio.Task[Any]] = set()
        self._retired: list[AppSender] = []  # senders of paused apps, closed at the end
        self._channels = ChannelDispatch(engine, clock, vault)  # SMS and email rows

    # --- main loop -----------------------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        await self._db(self._release, self.engine.dialect.name == "sqlite")
        workers = [asyncio.create_task(self._worker()) for _ in range(self.config.concurrency)]
        flusher = asyncio.create_task(self._flush_loop(stop))
        helpers = [
            asyncio.create_task(self._renew_loop(stop)),
            asyncio.create_task(self._watch_loop(stop)),
            asyncio.create_task(self._probe_loop(stop)),
        ]
        try:
            await self._claim_loop(stop)
        finally:
            await self._let_requests_finish()
            for task in [*workers, *helpers, *self._tasks]:
                task.cancel()
            await asyncio.gather(*workers, *helpers, *self._tasks, return_exceptions=True)
            await flusher
            await self._db(self._give_back)
            for sender in [*self._senders.values(), *self._retired]:
                sender.client.pool.close()
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
            "contexts": len(self._contexts),
            "outcomes": len(self._outcomes),
            "ttls": len(self._ttls),
            "templates": len(self._templates),
            "to_release": len(self._to_release),
        }

    @property
    def busy_for(self) -> float | None:
        """Seconds the database has been busy with another process's write, if it is."""
        since = self._busy_since
        return None if since is None else self.clock.monotonic() - since

    async def _db(self, work: Callable[..., Any], *args: Any) -> Any:
        """Database writes in a thread; a busy database is waited out, a refused write (full)
        pauses instead of crashing. None when it did not happen."""
        found = await self._read(work, *args)
        if found is not None:
            self._writable_again()
        return found

    async def _read(self, work: Callable[..., Any], *args: Any) -> Any:
        """Database reads in a thread (they go on while another process writes, under WAL)."""
        try:
            return await asyncio.to_thread(work, *args)
        except (SQLAlchemyError, OSError) as exc:
            self._storage_failed(exc)
            return None

    def _storage_failed(self, exc: BaseException) -> None:
        if is_busy(exc):
            if self._busy_since is None:
                self._busy_since = self.clock.monotonic()
                log.warning("the database is busy with another program's write; waiting")
            return
        reason = storage_problem(exc)
        if self._storage_error is None:
            log.error("database write failed, sending stops: %s (%s)", reason, _short(exc))
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
        self._contexts.pop(row.outbox_id, None)
        self._to_release.append(row.outbox_id)

    def _spawn(self, work: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _claim_loop(self, stop: asyncio.Event) -> None:
        last_housekeeping = -1e9
        while not stop.is_set():
            if self._pending_pause is not None or self._storage_error is not None:
                if await self._db(self._pause_everything) is not None and not self._outcomes:
                    self._storage_ok()  # with results still unwritten, the flusher says so
                else:
                    await self.clock.wait(stop, STORAGE_RETRY)
                    continue
            if self.clock.monotonic() - last_housekeeping > 1.0:
                await self._db(self._housekeeping)
                last_housekeeping = self.clock.monotonic()
                self._broken.clear()  # try broken apps again (credentials may be fixed)
                await self._drop_stale_senders()
            elif self._retries_due():  # a retry written by this service is due: now
                await self._db(self._release, False)
            rows: list[Claimed] = []
            if self._queue.qsize() < self.config.batch and self._busy_since is None:
                started = self.clock.monotonic()
                rows = await self._db(self._claim_some) or []
                self._leases.hold(((r.outbox_id, r.claim_count) for r in rows), started)
                if rows and self._senders:  # a mode or key changed since: no row on the old one
                    await self._drop_stale_senders()
                for row in rows:
                    self._queue.put_nowait(row)
            if not rows:
                await self.clock.wait(stop, self.config.poll_interval)
            else:
                await asyncio.sleep(0)

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
            kept = await self._db(self._renew, asked)
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
            and row.app_id not in self._broken
            and (row.campaign_id in self._active or row.message_id.startswith(TEST_PREFIX))
            and self._leases.may_send(row.outbox_id)
        )

    async def _room_to_write(self, row: Claimed) -> bool:
        """While the database is busy, results wait in memory: at most ``max_unwritten``."""
        while len(self._outcomes) >= self.config.max_unwritten:
            await self.clock.sleep(0.1)
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
            done = await self._channels.send(row, self._contexts.pop(row.outbox_id, None))
            self._outcomes += done
            self.stats.sent += sum(o.state is OutboxState.SENT for o in done)
            return bool(done)  # none: its campaign was paused, the row is given back
        sender = await self._sender(row.app_id)
        if sender is None:
            return False  # app broken: its campaigns are paused
        body = await self._body(row)
        if body is None:
            return True  # a payload error was recorded
        wanted = lambda: self._may_go(row)  # noqa: E731 - checked while waiting
        if not await sender.pacer.acquire(wanted) or not await self._room_to_write(row):
            return False  # paused, cancelled, stopping, or the lease could not be renewed
        self._requests += 1
        try:
            result = await sender.client.send(body)
        except CredentialsError as exc:  # the token server refused or cannot be reached
            failed = SendResult(
                Verdict.RETRY, None, error_code="CREDENTIALS", error_message=str(exc)
            )
            self._outcomes.append(retry_outcome(row, failed, self.clock.now(), 1.0))
            await self._pause_app(row.app_id, str(exc))
            return True
        finally:
            self._requests -= 1
        self._handle(sender, row, result)
        return True

    async def _sender(self, app_id: int) -> AppSender | None:
        """The app's sender, built once (one task shared by every worker asking meanwhile)."""
        if app_id in self._broken:
            return None
        sender = self._senders.get(app_id)
        if sender is not None:
            return sender
        task = self._building.get(app_id)
        if task is None:
            task = asyncio.ensure_future(self._build_sender(app_id))
            self._building[app_id] = task
        return await asyncio.shield(task)

    async def _build_sender(self, app_id: int) -> AppSender | None:
        try:
            sender = await asyncio.to_thread(
                build_app_sender,
                self.engine,
                app_id,
                self.clock,
                concurrency=self.config.concurrency,
                rate=self.config.rate or 10_000.0,
                ensure_sandbox=self.ensure_sandbox,
                vault=self.vault,
            )
        except (CredentialsError, LookupError, ValueError, OSError) as exc:
            await self._pause_app(app_id, str(exc))
            return None
        finally:
            self._building.pop(app_id, None)
        self._senders[app_id] = sender
        return sender

    async def _body(self, row: Claimed) -> bytes | None:
        """The row's request body, with its expiry stamped now; None when it cannot be built (a
        test row or one recipient's template fails: recorded as failed; the whole variant is
        unsendable: its campaign is paused and the row given back)."""
        compiled = self._templates.get((row.campaign_id, row.variant_key))
        if compiled is None:  # compiled in the claiming thread; absent only for a late row
            compiled = await asyncio.to_thread(self._compile_now, row.campaign_id, row.variant_key)
        body = compiled.body
        now_unix = int(self.clock.now().timestamp())
        try:
            if isinstance(body, str):
                if not row.message_id.startswith(TEST_PREFIX):
                    await self._pause_unsendable(row, compiled.version, body)
                    return None
                raise PayloadError(body)
            if isinstance(body, PersonalisedBody):
                context = self._contexts.pop(row.outbox_id, {})
                return body.render(row.token, row.message_id, context, now_unix)
            return body.render(row.token, row.message_id, now_unix)
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
        self._to_release.append(row.outbox_id)
        if (row.campaign_id, version) in self._paused_content:
            return
        self._paused_content.add((row.campaign_id, version))
        reason = CONTENT_MESSAGES.english("unsendable", why)
        log.error("campaign %d paused, its content cannot be sent: %s", row.campaign_id, why)

        def pause() -> None:
            with self.engine.begin() as conn:
                pause_sending_campaign(conn, row.campaign_id, reason)

        await self._db(pause)

    def _compile_now(self, campaign_id: int, variant_key: str | None) -> _Compiled:
        with self.engine.connect() as conn:
            return self._refresh_templates(conn, {(campaign_id, variant_key)})[
                (campaign_id, variant_key)
            ]

    def _prepare(self, conn: Connection, rows: list[Claimed]) -> None:
        """Bring the claimed rows' compiled variants up to date with their stored content (a
        recompile only when its version changed), and load template variables where needed."""
        compiled = self._refresh_templates(conn, {(r.campaign_id, r.variant_key) for r in rows})
        claimed = {r.campaign_id for r in rows}  # sending again (resumed): may be paused again
        self._paused_content = {p for p in self._paused_content if p[0] not in claimed}
        personal = [
            r
            for r in rows
            if isinstance(compiled[(r.campaign_id, r.variant_key)].body, PersonalisedBody)
        ]
        wanted = {r.profile_id for r in personal if r.profile_id is not None}
        contexts = claims.profile_contexts(conn, sorted(wanted)) if wanted else {}
        for r in personal:
            self._contexts[r.outbox_id] = contexts.get(r.profile_id or 0, {})

    def _refresh_templates(
        self, conn: Connection, keys: set[tuple[int, str | None]]
    ) -> dict[tuple[int, str | None], _Compiled]:
        """The compiled variants for ``keys``, recompiled where the stored content changed."""
        if len(self._templates) > MAX_COMPILED:  # finished campaigns: a late row recompiles
            self._templates = {k: v for k, v in self._templates.items() if k in keys}
        sources = load_sources(conn, keys, validate_only=self.config.validate_only)
        out: dict[tuple[int, str | None], _Compiled] = {}
        for key in keys:
            source = sources.get(key)
            cached = self._templates.get(key)
            if source is None:
                out[key] = _Compiled("", "The campaign or its variant was deleted.")
            elif cached is None or cached.version != source.version:
                out[key] = _compile(source)
            else:
                out[key] = cached
            self._templates[key] = out[key]
        return out

    def _handle(self, sender: AppSender, row: Claimed, result: SendResult) -> None:
        now = self.clock.now()
        scope = scope_of(result)
        if result.http_status is not None:
            sender.pacer.note(quota=scope is Scope.QUOTA, retry_after=result.retry_after)
        health = self._health_of(row.app_id)
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
        ttl = self._ttls.get(row.campaign_id, pauses.FCM_DEFAULT_TTL)
        outcome = failed_answer(row, result, now, ttl)
        if outcome.state is OutboxState.FAILED:
            self.stats.failed += 1
        elif outcome.next_attempt_at is not None:
            self.stats.retried += 1
            wait = (outcome.next_attempt_at - now).total_seconds()
            heapq.heappush(self._retry_due, self.clock.monotonic() + wait)
        self._outcomes.append(outcome)
        if trip is not None:
            self._trip(trip, sender, row, health)

    async def _drop_stale_senders(self) -> None:
        """Senders built before the app's mode or key changed are rebuilt on next use."""
        identities = await self._db(sending_identities, self.engine, list(self._senders))
        for app_id, sender in list(self._senders.items()):
            if identities is not None and identities.get(app_id) != sender.identity:
                log.info("app %d: sending mode or key changed, using the new one", app_id)
                stale = self._senders.pop(app_id)
                # requests already out on the old connections finish first
                asyncio.get_running_loop().call_later(STALE_POOL_GRACE, stale.client.pool.close)

    # --- writing results -----------------------------------------------------------------
    def _drain(self) -> list[Outcome]:
        batch, self._outcomes = self._outcomes, []
        return batch

    def _write(self, batch: list[Outcome]) -> None:
        refused = write_results(self.engine, self.worker, batch, self._leases.claim_counts())
        for outcome in refused:
            self._leases.drop(outcome.outbox_id)

    async def _flush_loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set() or self._outcomes:
            if len(self._outcomes) < self.config.batch:
                await self.clock.sleep(self.config.flush_interval)
            batch = self._drain()
            try:
                await asyncio.to_thread(self._write, batch)
            except (SQLAlchemyError, OSError) as exc:  # locked, full: keep them, try again
                if self._storage_error is None and not is_busy(exc):  # once per fault
                    log.error("cannot record %d results yet: %s", len(batch), _short(exc))
                self._outcomes = batch + self._outcomes
                self._storage_failed(exc)
                if stop.is_set():
                    return  # the last write is tried once more on the way out
                await self.clock.sleep(STORAGE_RETRY)
                continue
            self._writable_again()
            for outcome in batch:
                self._leases.drop(outcome.outbox_id)
            if batch and self._pending_pause is None:
                self._storage_ok()


@dataclass(frozen=True)
class _Compiled:
    """A variant's body, or why it cannot be sent, and the content version it was built from."""

    version: str
    body: Body | str


def _compile(source: VariantSource) -> _Compiled:
    try:
        return _Compiled(source.version, source.compile())
    except PayloadError as exc:
        return _Compiled(source.version, str(exc))


def _short(exc: BaseException) -> str:
    """The driver's message without SQLAlchemy's statement and parameters (keep logs lean)."""
    return str(getattr(exc, "orig", None) or exc).strip().split("\n")[0][:300]
