"""The outbox dispatcher: claim rows, send them concurrently, write results back in batches.

One asyncio task claims batches (in a worker thread, so the event loop keeps sending), ``N``
sender tasks pull rows from a bounded queue, and a flusher writes outcomes every
``flush_interval`` or ``batch`` results. A row is marked sent only after FCM acknowledged it;
anything in flight when the process dies is re-sent after its lease (same message id).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import SQLAlchemyError

from engage_desktop.core.credentials.messages import CREDENTIAL_MESSAGES
from engage_desktop.core.outbox import claims
from engage_desktop.core.outbox.claims import Claimed, Outcome
from engage_desktop.core.outbox.payload import (
    BodyTemplate,
    PayloadError,
    PersonalisedBody,
    compile_variant,
)
from engage_desktop.security.vault import Vault
from engage_desktop.services.apps import AppSender, build_app_sender, sending_identities
from engage_desktop.services.fcm.auth import CredentialsError
from engage_desktop.services.fcm.client import SendResult, Verdict
from engage_desktop.services.fcm.ratelimit import backoff
from engage_desktop.services.leases import LeaseBook, storage_problem
from engage_desktop.services.outcomes import final_outcome, retry_outcome
from engage_desktop.services.outcomes import now as _now
from engage_desktop.store.models import Campaign, CampaignVariant, OutboxState

log = logging.getLogger(__name__)
Body = BodyTemplate | PersonalisedBody
MAX_ATTEMPTS = 8  # connection refusals do not count: the unreachable pause handles them
STORAGE_RETRY = 1.0  # seconds between tries to write while the database refuses


@dataclass
class DispatchConfig:
    concurrency: int = 64
    batch: int = 500
    lease: timedelta = timedelta(seconds=120)
    poll_interval: float = 0.2
    flush_interval: float = 0.1
    validate_only: bool = False
    rate: float | None = None
    unreachable_pause_after: float = 20.0  # seconds of nothing but connection refusals


STALE_POOL_GRACE = 30.0  # seconds a replaced sender's connections stay open for requests in flight


@dataclass
class DispatchStats:
    sent: int = 0
    failed: int = 0
    retried: int = 0
    started: float = field(default_factory=time.monotonic)

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.sent / elapsed if elapsed > 0 else 0.0


class Dispatcher:
    def __init__(
        self,
        engine: Engine,
        worker_id: str,
        config: DispatchConfig | None = None,
        ensure_sandbox: Callable[[str], None] | None = None,
        vault: Vault | None = None,
    ) -> None:
        """``vault``: this machine's keyring, where FCM apps' keys are (None: FCM apps pause)."""
        self.engine = engine
        self.worker = worker_id
        self.config = config or DispatchConfig()
        self.ensure_sandbox = ensure_sandbox
        self.vault = vault
        self.stats = DispatchStats()
        self._queue: asyncio.Queue[Claimed] = asyncio.Queue()
        self._outcomes: list[Outcome] = []
        self._senders: dict[int, AppSender] = {}
        self._building: dict[int, asyncio.Future[AppSender | None]] = {}
        self._broken: dict[int, str] = {}  # app id → why it cannot send (paused campaigns)
        self._templates: dict[tuple[int, str | None], Body | str] = {}
        self._contexts: dict[int, dict[str, Any]] = {}  # outbox id → template variables
        self._in_flight = 0
        self._leases = LeaseBook(self.config.lease)
        self._to_release: list[int] = []  # held rows this service will not send (give back)
        self._storage_error: str | None = None  # why the database refuses writes, meanwhile
        self._pending_pause: str | None = None  # pause every sending campaign with this reason

    # --- main loop -----------------------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        await self._db(self._release, self.engine.dialect.name == "sqlite")
        workers = [asyncio.create_task(self._worker()) for _ in range(self.config.concurrency)]
        flusher = asyncio.create_task(self._flush_loop(stop))
        renewer = asyncio.create_task(self._renew_loop(stop))
        try:
            await self._claim_loop(stop)
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            await flusher
            renewer.cancel()
            await asyncio.gather(renewer, return_exceptions=True)
            await self._db(self._give_back)
            for sender in self._senders.values():
                sender.client.pool.close()

    @property
    def storage_error(self) -> str | None:
        return self._storage_error

    async def _db(self, work: Callable[..., Any], *args: Any) -> Any:
        """Database work in a thread; a refused write (full, locked) pauses instead of crashing."""
        try:
            return await asyncio.to_thread(work, *args)
        except (SQLAlchemyError, OSError) as exc:
            self._storage_failed(exc)
            return None

    def _storage_failed(self, exc: BaseException) -> None:
        reason = storage_problem(exc)
        if self._storage_error is None:
            log.error("database write failed, sending stops: %s (%s)", reason, _short(exc))
        self._storage_error = reason
        self._pending_pause = reason
        while not self._queue.empty():  # nothing more goes out until writes work again
            row = self._queue.get_nowait()
            self._leases.drop(row.outbox_id)
            self._to_release.append(row.outbox_id)

    def _storage_ok(self) -> None:
        if self._storage_error is not None:
            log.info("the database accepts writes again")
            self._storage_error = None

    async def _claim_loop(self, stop: asyncio.Event) -> None:
        last_housekeeping = 0.0
        while not stop.is_set():
            if self._pending_pause is not None or self._storage_error is not None:
                if await self._db(self._pause_everything) is not None and not self._outcomes:
                    self._storage_ok()  # with results still unwritten, the flusher says so
                else:
                    await _wait(stop, STORAGE_RETRY)
                    continue
            if time.monotonic() - last_housekeeping > 1.0:
                release, self._to_release = self._to_release, []
                if await self._db(self._housekeeping, release) is None:
                    self._to_release += release
                last_housekeeping = time.monotonic()
                self._broken.clear()  # try broken apps again (credentials may be fixed)
                await self._drop_stale_senders()
            rows: list[Claimed] = []
            if self._queue.qsize() < self.config.batch and self._storage_error is None:
                started = time.monotonic()
                rows = await self._db(self._claim_some) or []
                self._leases.hold((r.outbox_id for r in rows), started)
                for row in rows:
                    self._queue.put_nowait(row)
            if not rows:
                await _wait(stop, self.config.poll_interval)
            else:
                await asyncio.sleep(0)

    def _pause_everything(self) -> bool:
        """After a storage fault: pause every sending campaign with the reason (once it can)."""
        reason = self._pending_pause
        with self.engine.begin() as conn:
            if reason is not None:
                paused = claims.pause_app_campaigns(conn, None, reason)
                if paused:
                    log.warning("paused campaigns %s: %s", paused, reason)
        self._pending_pause = None
        return True

    def _housekeeping(self, release: list[int]) -> bool:
        if release:
            with self.engine.begin() as conn:
                claims.release_ids(conn, self.worker, release)
        self._release(False)
        self._finish()
        return True

    async def _renew_loop(self, stop: asyncio.Event) -> None:
        """Extend the leases of held rows before they run out (long Retry-After, slow sends)."""
        while not stop.is_set():
            await _wait(stop, self._leases.renew_every)
            asked = self._leases.snapshot()
            if not asked:
                continue
            started = time.monotonic()
            kept = await self._db(self._renew, asked)
            if kept is None:
                continue  # the leases run down: rows past theirs are not sent
            lost = self._leases.renewed(asked, kept, started)
            if lost:
                log.warning("%d held rows were taken back before being sent; skipped", len(lost))

    def _renew(self, ids: list[int]) -> set[int]:
        with self.engine.begin() as conn:
            return claims.renew(conn, self.worker, ids, _now(), self.config.lease)

    def _claim_some(self) -> list[Claimed]:
        out: list[Claimed] = []
        with self.engine.begin() as conn:
            for campaign_id, app_id, tests_only in claims.active_campaigns(conn):
                if app_id in self._broken:
                    continue
                out += claims.claim(
                    conn,
                    campaign_id,
                    self.worker,
                    _now(),
                    self.config.lease,
                    self.config.batch,
                    tests_only=tests_only,
                )
                if len(out) >= self.config.batch:
                    break
            if out:
                self._prepare(conn, out)
        return out

    def _release(self, all_claims: bool) -> None:
        with self.engine.begin() as conn:
            count = claims.release_due(conn, _now(), all_claims=all_claims)
        if count and all_claims:
            log.info("returned %d rows left claimed by a previous run to the queue", count)

    def _finish(self) -> None:
        with self.engine.begin() as conn:
            for cid in claims.finish_completed(conn, _now()):
                log.info("campaign %d completed", cid)

    def _give_back(self) -> None:
        self._write(self._drain())
        with self.engine.begin() as conn:
            count = claims.release_mine(conn, self.worker)
        log.info("stopped; %d unsent rows returned to the queue", count)

    # --- sending -------------------------------------------------------------------------
    async def _worker(self) -> None:
        while True:
            row = await self._queue.get()
            self._in_flight += 1
            handled = False
            try:
                handled = await self._send_one(row)
            except Exception:  # a bug must not lose the row: it goes back to the queue
                log.exception("unexpected error sending outbox row %d", row.outbox_id)
            finally:
                self._in_flight -= 1
                if not handled:  # not sent and no outcome: give the row back
                    self._leases.drop(row.outbox_id)
                    self._to_release.append(row.outbox_id)

    async def _send_one(self, row: Claimed) -> bool:
        """Send one row; True when an outcome was recorded for it (its lease is kept until the
        outcome is written)."""
        sender = await self._sender(row.app_id)
        if sender is None:
            return False  # app broken: its campaigns are paused
        body = await self._body(row)
        if body is None:
            return True  # a payload error was recorded
        await sender.pacer.acquire()  # may wait out a long Retry-After: the lease is renewed
        if self._storage_error is not None or not self._leases.may_send(row.outbox_id):
            return False  # results cannot be written, or the lease could not be renewed
        try:
            result = await sender.client.send(body)
        except CredentialsError as exc:  # the token server refused or cannot be reached
            failed = SendResult(
                Verdict.RETRY, None, error_code="CREDENTIALS", error_message=str(exc)
            )
            self._outcomes.append(retry_outcome(row, failed, _now(), 1.0))
            await self._pause_app(row.app_id, str(exc))
            return True
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
        template = self._templates.get((row.campaign_id, row.variant_key))
        if template is None:  # compiled in the claiming thread; absent only for a late row
            template = await asyncio.to_thread(self._template, row.campaign_id, row.variant_key)
        if isinstance(template, str):
            self._outcomes.append(
                Outcome(
                    row.outbox_id,
                    row.campaign_id,
                    OutboxState.FAILED,
                    _now(),
                    error_code="PAYLOAD",
                    error_message=template,
                )
            )
            return None
        if isinstance(template, PersonalisedBody):
            context = self._contexts.pop(row.outbox_id, {})
            return template.render(row.token, row.message_id, context)
        return template.render(row.token, row.message_id)

    def _template(self, campaign_id: int, variant_key: str | None) -> Body | str:
        key = (campaign_id, variant_key)
        found = self._templates.get(key)
        if found is None:
            found = self._templates[key] = self._compile(campaign_id, variant_key)
        return found

    def _prepare(self, conn: Connection, rows: list[Claimed]) -> None:
        """Compile the variants of claimed rows and load template variables where needed."""
        personal = [
            r
            for r in rows
            if isinstance(self._template(r.campaign_id, r.variant_key), PersonalisedBody)
        ]
        wanted = {r.profile_id for r in personal if r.profile_id is not None}
        contexts = claims.profile_contexts(conn, sorted(wanted)) if wanted else {}
        for r in personal:
            self._contexts[r.outbox_id] = contexts.get(r.profile_id or 0, {})

    def _compile(self, campaign_id: int, variant_key: str | None) -> Body | str:
        with self.engine.connect() as conn:
            label, schedule = conn.execute(
                select(Campaign.analytics_label, Campaign.schedule).where(
                    Campaign.id == campaign_id
                )
            ).one()
            content = conn.scalar(
                select(CampaignVariant.content).where(
                    CampaignVariant.campaign_id == campaign_id, CampaignVariant.key == variant_key
                )
            )
        dry = self.config.validate_only or bool((schedule or {}).get("validate_only"))
        try:
            return compile_variant(content or {}, analytics_label=label, validate_only=dry)
        except PayloadError as exc:
            return str(exc)

    def _handle(self, sender: AppSender, row: Claimed, result: SendResult) -> None:
        now = _now()
        verdict = result.verdict
        if verdict is Verdict.SENT:
            sender.last_success = time.monotonic()
            sender.first_unreachable = None
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
        if verdict in (Verdict.AUTH, Verdict.FATAL):
            reason = CREDENTIAL_MESSAGES.english(
                "fcm_refused", *sender.who, str(result.error_code), str(result.error_message)
            )
            self._outcomes.append(retry_outcome(row, result, now, 1.0))
            asyncio.get_running_loop().create_task(self._pause_app(row.app_id, reason))
            return
        if verdict is Verdict.RETRY:
            self._note_retry(sender, row, result)
            if row.attempts + 1 >= MAX_ATTEMPTS and not result.unreachable:
                self.stats.failed += 1
                self._outcomes.append(final_outcome(row, result, now, OutboxState.FAILED))
            else:
                self.stats.retried += 1
                delay = max(backoff(row.attempts + 1), result.retry_after or 0.0)
                self._outcomes.append(retry_outcome(row, result, now, delay))
            return
        self.stats.failed += 1
        outcome = final_outcome(row, result, now, OutboxState.FAILED)
        if verdict is Verdict.INVALID_TOKEN and row.device_id is not None:
            outcome = Outcome(**{**outcome.__dict__, "invalidate_device": row.device_id})
        self._outcomes.append(outcome)

    def _note_retry(self, sender: AppSender, row: Claimed, result: SendResult) -> None:
        if result.retry_after is not None:
            sender.pacer.block_for(result.retry_after)
        if result.error_code in ("QUOTA_EXCEEDED", "RESOURCE_EXHAUSTED"):
            sender.pacer.slow_down()
        if result.unreachable:
            now = time.monotonic()
            sender.first_unreachable = sender.first_unreachable or now
            limit = self.config.unreachable_pause_after
            if (
                now - sender.first_unreachable >= limit
                and sender.last_success < sender.first_unreachable
            ):
                asyncio.get_running_loop().create_task(
                    self._pause_app(
                        row.app_id,
                        f"{result.error_message} (for {limit:.0f} s). Nothing was sent meanwhile. "
                        "Check the FCM address in the settings and the network, then resume.",
                    )
                )

    async def _drop_stale_senders(self) -> None:
        """Senders built before the app's mode or key changed are rebuilt on next use."""
        identities = await self._db(sending_identities, self.engine, list(self._senders))
        for app_id, sender in list(self._senders.items()):
            if identities is not None and identities.get(app_id) != sender.identity:
                log.info("app %d: sending mode or key changed, using the new one", app_id)
                stale = self._senders.pop(app_id)
                # requests already out on the old connections finish first
                asyncio.get_running_loop().call_later(STALE_POOL_GRACE, stale.client.pool.close)

    async def _pause_app(self, app_id: int, reason: str) -> None:
        if self._broken.get(app_id) == reason:
            return
        self._broken[app_id] = reason
        self._senders.pop(app_id, None)
        log.warning("pausing app %d: %s", app_id, reason)

        def pause() -> None:
            with self.engine.begin() as conn:
                claims.pause_app_campaigns(conn, app_id, reason)

        await asyncio.to_thread(pause)

    # --- writing results -----------------------------------------------------------------
    def _drain(self) -> list[Outcome]:
        batch, self._outcomes = self._outcomes, []
        return batch

    def _write(self, batch: list[Outcome]) -> None:
        if batch:
            with self.engine.begin() as conn:
                claims.record_outcomes(conn, batch)

    async def _flush_loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set() or self._outcomes:
            if len(self._outcomes) < self.config.batch:
                await asyncio.sleep(self.config.flush_interval)
            batch = self._drain()
            try:
                await asyncio.to_thread(self._write, batch)
            except (SQLAlchemyError, OSError) as exc:  # disk full, locked: keep them, try again
                if self._storage_error is None:  # once per fault, not every second
                    log.error("cannot record %d results yet: %s", len(batch), _short(exc))
                self._outcomes = batch + self._outcomes
                self._storage_failed(exc)
                await asyncio.sleep(STORAGE_RETRY)
                if stop.is_set():
                    log.error("stopping with %d results unrecorded", len(self._outcomes))
                    return
                continue
            for outcome in batch:
                self._leases.drop(outcome.outbox_id)
            if batch and self._pending_pause is None:
                self._storage_ok()


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


def _short(exc: BaseException) -> str:
    """The driver's message without SQLAlchemy's statement and parameters (keep logs lean)."""
    return str(getattr(exc, "orig", None) or exc).strip().split("\n")[0][:300]
