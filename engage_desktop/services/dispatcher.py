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
from datetime import UTC, datetime, timedelta

import aiohttp
from sqlalchemy import Engine, select

from engage_desktop.core.outbox import claims
from engage_desktop.core.outbox.claims import Claimed, Outcome
from engage_desktop.core.outbox.payload import BodyTemplate, PayloadError, compile_body
from engage_desktop.services.apps import AppSender, build_app_sender
from engage_desktop.services.fcm.auth import CredentialsError
from engage_desktop.services.fcm.client import SendResult, Verdict
from engage_desktop.services.fcm.ratelimit import backoff
from engage_desktop.store.models import Campaign, CampaignVariant, OutboxState

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
UNREACHABLE_PAUSE_AFTER = 20.0  # seconds of nothing but connection failures


@dataclass
class DispatchConfig:
    concurrency: int = 64
    batch: int = 500
    lease: timedelta = timedelta(seconds=120)
    poll_interval: float = 0.2
    flush_interval: float = 0.1
    validate_only: bool = False
    rate: float | None = None


@dataclass
class DispatchStats:
    sent: int = 0
    failed: int = 0
    retried: int = 0
    started: float = field(default_factory=time.monotonic)

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.sent / elapsed if elapsed > 0 else 0.0


def _now() -> datetime:
    return datetime.now(UTC)


class Dispatcher:
    def __init__(
        self,
        engine: Engine,
        worker_id: str,
        config: DispatchConfig | None = None,
        ensure_sandbox: Callable[[str], None] | None = None,
    ) -> None:
        self.engine = engine
        self.worker = worker_id
        self.config = config or DispatchConfig()
        self.ensure_sandbox = ensure_sandbox
        self.stats = DispatchStats()
        self._queue: asyncio.Queue[Claimed] = asyncio.Queue()
        self._outcomes: list[Outcome] = []
        self._senders: dict[int, AppSender] = {}
        self._building: dict[int, asyncio.Future[AppSender | None]] = {}
        self._broken: dict[int, str] = {}  # app id → why it cannot send (paused campaigns)
        self._templates: dict[tuple[int, str | None], BodyTemplate | str] = {}
        self._in_flight = 0
        self._flush_lock = asyncio.Lock()

    # --- main loop -----------------------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        await asyncio.to_thread(self._release, self.engine.dialect.name == "sqlite")
        connector = aiohttp.TCPConnector(
            limit=self.config.concurrency, ttl_dns_cache=300, enable_cleanup_closed=True
        )
        async with aiohttp.ClientSession(connector=connector) as http:
            self._http = http
            workers = [asyncio.create_task(self._worker()) for _ in range(self.config.concurrency)]
            flusher = asyncio.create_task(self._flush_loop(stop))
            try:
                await self._claim_loop(stop)
            finally:
                for task in workers:
                    task.cancel()
                await asyncio.gather(*workers, return_exceptions=True)
                await flusher
                await asyncio.to_thread(self._give_back)

    async def _claim_loop(self, stop: asyncio.Event) -> None:
        last_housekeeping = 0.0
        while not stop.is_set():
            if time.monotonic() - last_housekeeping > 1.0:
                await asyncio.to_thread(self._release, False)
                await asyncio.to_thread(self._finish)
                last_housekeeping = time.monotonic()
                self._broken.clear()  # try broken apps again (credentials may be fixed)
            rows: list[Claimed] = []
            if self._queue.qsize() < self.config.batch:
                rows = await asyncio.to_thread(self._claim_some)
                for row in rows:
                    self._queue.put_nowait(row)
            if not rows:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.config.poll_interval)
            else:
                await asyncio.sleep(0)

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
            try:
                await self._send_one(row)
            except Exception:  # a bug must not lose the row: it goes back via its lease
                log.exception("unexpected error sending outbox row %d", row.outbox_id)
            finally:
                self._in_flight -= 1

    async def _send_one(self, row: Claimed) -> None:
        sender = await self._sender(row.app_id)
        if sender is None:
            return  # app broken: its campaigns are paused, the lease returns the row
        body = await self._body(row)
        if body is None:
            return
        await sender.pacer.acquire()
        try:
            result = await sender.client.send(body)
        except CredentialsError as exc:  # the token server refused or cannot be reached
            failed = SendResult(
                Verdict.RETRY, None, error_code="CREDENTIALS", error_message=str(exc)
            )
            self._outcomes.append(self._retry_outcome(row, failed, _now(), 1.0))
            await self._pause_app(row.app_id, str(exc))
            return
        self._handle(sender, row, result)

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
                self._http,
                rate=self.config.rate or 10_000.0,
                ensure_sandbox=self.ensure_sandbox,
            )
        except (CredentialsError, LookupError, ValueError, OSError) as exc:
            await self._pause_app(app_id, str(exc))
            return None
        finally:
            self._building.pop(app_id, None)
        self._senders[app_id] = sender
        return sender

    async def _body(self, row: Claimed) -> bytes | None:
        key = (row.campaign_id, row.variant_key)
        template = self._templates.get(key)
        if template is None:
            template = await asyncio.to_thread(self._compile, row.campaign_id, row.variant_key)
            self._templates[key] = template
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
        return template.render(row.token, row.message_id)

    def _compile(self, campaign_id: int, variant_key: str | None) -> BodyTemplate | str:
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
            return compile_body(content or {}, analytics_label=label, validate_only=dry)
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
            reason = (
                f"FCM refused the credentials of {sender.label}: {result.error_code} — "
                f"{result.error_message}"
            )
            self._outcomes.append(self._retry_outcome(row, result, now, 1.0))
            asyncio.get_running_loop().create_task(self._pause_app(row.app_id, reason))
            return
        if verdict is Verdict.RETRY:
            self._note_retry(sender, row, result)
            if row.attempts + 1 >= MAX_ATTEMPTS:
                self.stats.failed += 1
                self._outcomes.append(self._final(row, result, now, OutboxState.FAILED))
            else:
                self.stats.retried += 1
                delay = max(backoff(row.attempts + 1), result.retry_after or 0.0)
                self._outcomes.append(self._retry_outcome(row, result, now, delay))
            return
        self.stats.failed += 1
        outcome = self._final(row, result, now, OutboxState.FAILED)
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
            if (
                now - sender.first_unreachable > UNREACHABLE_PAUSE_AFTER
                and sender.last_success < sender.first_unreachable
            ):
                asyncio.get_running_loop().create_task(
                    self._pause_app(
                        row.app_id,
                        f"{result.error_message} (for {UNREACHABLE_PAUSE_AFTER:.0f} s). "
                        "Check the FCM address in the settings and the network, then resume.",
                    )
                )

    @staticmethod
    def _final(row: Claimed, result: SendResult, now: datetime, state: OutboxState) -> Outcome:
        return Outcome(
            row.outbox_id,
            row.campaign_id,
            state,
            now,
            result.http_status,
            error_code=result.error_code,
            error_message=result.error_message,
            duration_ms=result.duration_ms,
        )

    @staticmethod
    def _retry_outcome(row: Claimed, result: SendResult, now: datetime, delay: float) -> Outcome:
        return Outcome(
            row.outbox_id,
            row.campaign_id,
            OutboxState.RETRY,
            now,
            result.http_status,
            error_code=result.error_code,
            error_message=result.error_message,
            duration_ms=result.duration_ms,
            next_attempt_at=now + timedelta(seconds=delay),
        )

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
            except Exception as exc:  # disk full, database locked: keep them and try again
                log.error("cannot record %d results yet: %s", len(batch), exc)
                self._outcomes = batch + self._outcomes
                await asyncio.sleep(1.0)
                if stop.is_set():
                    return
