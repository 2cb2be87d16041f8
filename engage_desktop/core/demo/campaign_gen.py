"""Past, scheduled and draft campaigns of the demo apps, with believable results.

A completed campaign gets what a real send leaves behind: one sent outbox row and one delivery
attempt per recipient, delivered/opened/converted engagement events (and a control group for one
of them), and the GA4 ``notification_receive`` / ``notification_open`` events with message id and
label that the app's SDK would have logged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engage_desktop.core.demo.audience_gen import DAY, AppAudience
from engage_desktop.core.demo.bulk import BulkWriter
from engage_desktop.core.demo.campaign_catalog import DemoCampaign, demo_schedule
from engage_desktop.core.demo.campaign_targets import Target, segment_targets

SEND_HOUR_UTC = 9  # the demo's sends go out at 09:00 UTC, 10:00 in Paris in winter

_ENGAGEMENT_COLUMNS = (
    "id",
    "campaign_id",
    "profile_id",
    "device_id",
    "message_id",
    "variant_key",
    "is_control",
    "kind",
    "at",
    "value",
)


@dataclass
class NotificationEvents:
    """GA4 notification events the campaigns produced, to merge into the event stream."""

    owner: list[np.ndarray] = field(default_factory=list)
    name: list[np.ndarray] = field(default_factory=list)
    ts: list[np.ndarray] = field(default_factory=list)
    params: list[list[str | None]] = field(default_factory=list)

    def add(
        self, owner: np.ndarray, name_idx: int, ts: np.ndarray, params: list[str | None]
    ) -> None:
        self.owner.append(owner)
        self.name.append(np.full(len(owner), name_idx))
        self.ts.append(ts)
        self.params.append(params)


class CampaignGenerator:
    def __init__(
        self,
        writer: BulkWriter,
        rng: np.random.Generator,
        app_id: int,
        anchor: int,
        ids: dict[str, int],
        created_by: int,
    ) -> None:
        self.w = writer
        self.rng = rng
        self.app_id = app_id
        self.anchor = anchor
        self.ids = ids  # next free id per table, shared across apps
        self.created_by = created_by

    def _next(self, table: str, n: int = 1) -> int:
        first = self.ids[table]
        self.ids[table] += n
        return first

    def write(
        self,
        campaigns: tuple[DemoCampaign, ...],
        audience: AppAudience,
        name_index: dict[str, int],
    ) -> NotificationEvents:
        events = NotificationEvents()
        names = (spec.segment for spec in campaigns if spec.segment)
        targets = segment_targets(self.w, self.app_id, names, self.anchor)
        for spec in campaigns:
            target = targets.get(spec.segment or "")
            campaign_id = self._write_campaign(spec, target)
            if spec.status == "completed":
                self._write_results(campaign_id, spec, audience, name_index, events, target)
        return events

    def _send_time(self, spec: DemoCampaign) -> int:
        """When the campaign goes (or went) out: its day, at 10:00 Paris time in winter.

        The anchor is a midnight (UTC): without an hour every demo send showed at 00:00 or
        01:00, which no marketer would choose (and the quiet hours forbid).
        """
        return self.anchor - int(spec.days_ago * DAY) + SEND_HOUR_UTC * 3600

    def _write_campaign(self, spec: DemoCampaign, target: Target | None = None) -> int:
        cid = self._next("campaign")
        at = self._send_time(spec)
        at_txt = self.w.datetime_from_unix(at)
        created = self.w.datetime_from_unix(min(at - 3 * DAY, self.anchor - 2 * 3600))
        scheduled = at_txt if spec.status in ("completed", "scheduled") else None
        finished = self.w.datetime_from_unix(at + 1800) if spec.status == "completed" else None
        schedule = json.dumps(demo_schedule(at)) if scheduled else None
        self.w.insert(
            "campaign",
            (
                "id",
                "app_id",
                "name",
                "format",
                "status",
                "control_share",
                "segment_id",
                "schedule",
                "scheduled_at",
                "analytics_label",
                "tags",
                "status_reason",
                "created_by",
                "created_at",
                "updated_at",
                "started_at",
                "finished_at",
            ),
            [
                (
                    cid,
                    self.app_id,
                    spec.name,
                    spec.format,
                    spec.status,
                    spec.control_share,
                    target.segment_id if target is not None else None,
                    schedule,
                    scheduled,
                    spec.label,
                    json.dumps(list(spec.tags), ensure_ascii=False),
                    None,
                    self.created_by,
                    created,
                    finished or created,
                    scheduled if spec.status == "completed" else None,
                    finished,
                )
            ],
        )
        keys = "ABCDEFGH"
        self.w.insert(
            "campaign_variant",
            ("id", "campaign_id", "key", "weight", "content"),
            [
                (
                    self._next("campaign_variant"),
                    cid,
                    keys[i],
                    1.0,
                    json.dumps(v, ensure_ascii=False),
                )
                for i, v in enumerate(spec.variants)
            ],
        )
        return cid

    def _recipients(
        self, spec: DemoCampaign, audience: AppAudience, target: Target | None
    ) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """(profile index, device id or -1, address) of everyone the campaign targeted: the
        reachable people of its segment (``target``), else of the whole audience."""
        member = np.ones(audience.count, bool)
        if target is not None:
            ids = np.arange(audience.count) + audience.first_profile_id
            member = np.isin(ids, target.members, assume_unique=True)
        if spec.format == "push":
            eligible = np.nonzero(audience.device_push_ok & member[audience.device_profile])[0]
            chosen = eligible[self.rng.random(len(eligible)) < spec.reach]
            return (
                audience.device_profile[chosen],
                audience.device_ids[chosen],
                [audience.device_tokens[j] for j in chosen.tolist()],
            )
        ok = audience.email_ok if spec.format == "email" else audience.sms_ok
        book = audience.emails if spec.format == "email" else audience.phones
        eligible = np.nonzero(ok & member)[0]
        chosen = eligible[self.rng.random(len(eligible)) < spec.reach]
        return chosen, np.full(len(chosen), -1), [book[i] or "" for i in chosen.tolist()]

    def _write_results(
        self,
        campaign_id: int,
        spec: DemoCampaign,
        audience: AppAudience,
        name_index: dict[str, int],
        events: NotificationEvents,
        target: Target | None,
    ) -> None:
        rng = self.rng
        owner, device, address = self._recipients(spec, audience, target)
        control = rng.random(len(owner)) < spec.control_share
        variant = rng.integers(0, len(spec.variants), len(owner))
        sent_at = self._send_time(spec) + rng.integers(0, 1200, len(owner))
        sent_idx = np.nonzero(~control)[0]
        n = len(sent_idx)
        first_out = self._next("outbox_message", n)
        message_ids = [f"{campaign_id:06d}-{rng.integers(0, 2**62):016x}" for _ in range(n)]
        sent_txt = self.w.datetimes(sent_at[sent_idx])
        pid0 = audience.first_profile_id
        keys = "ABCDEFGH"
        channel = {"push": "push", "email": "email", "sms": "sms"}[spec.format]
        self.w.insert(
            "outbox_message",
            (
                "id",
                "campaign_id",
                "app_id",
                "profile_id",
                "device_id",
                "channel",
                "variant_key",
                "message_id",
                "address",
                "state",
                "attempts",
                "provider_message_id",
                "created_at",
                "sent_at",
            ),
            (
                (
                    first_out + k,
                    campaign_id,
                    self.app_id,
                    pid0 + int(owner[i]),
                    int(device[i]) if device[i] >= 0 else None,
                    channel,
                    keys[variant[i]],
                    message_ids[k],
                    address[i],
                    "sent",
                    1,
                    f"projects/demo/messages/{message_ids[k]}",
                    sent_txt[k],
                    sent_txt[k],
                )
                for k, i in enumerate(sent_idx.tolist())
            ),
        )
        self._write_attempts(campaign_id, first_out, message_ids, sent_txt)
        self._write_control(campaign_id, channel, owner + pid0, device, control, variant, sent_at)
        self._engagement(
            campaign_id,
            spec,
            audience,
            owner,
            device,
            control,
            variant,
            sent_at,
            message_ids,
            sent_idx,
            name_index,
            events,
        )

    def _write_attempts(
        self, campaign_id: int, first_out: int, message_ids: list[str], sent_txt: list[str]
    ) -> None:
        """The one accepted delivery attempt behind each sent row (outbox ids from ``first_out``)."""
        n = len(message_ids)
        self.w.insert(
            "delivery_attempt",
            (
                "id",
                "outbox_id",
                "campaign_id",
                "at",
                "outcome",
                "http_status",
                "provider_message_id",
                "duration_ms",
            ),
            (
                (
                    self._next("delivery_attempt"),
                    first_out + k,
                    campaign_id,
                    sent_txt[k],
                    "sent",
                    200,
                    f"projects/demo/messages/{message_ids[k]}",
                    38.0,
                )
                for k in range(n)
            ),
        )

    def _write_control(
        self,
        campaign_id: int,
        channel: str,
        profile: np.ndarray,
        device: np.ndarray,
        control: np.ndarray,
        variant: np.ndarray,
        sent_at: np.ndarray,
    ) -> None:
        """The control group as the real send writes it: suppressed rows, reason control_group,
        so analytics can count who was held back (not only those of them who converted)."""
        idx = np.nonzero(control)[0]
        if not len(idx):
            return
        first = self._next("outbox_message", len(idx))
        when = self.w.datetimes(sent_at[idx])
        self.w.insert(
            "outbox_message",
            (
                "id",
                "campaign_id",
                "app_id",
                "profile_id",
                "device_id",
                "channel",
                "variant_key",
                "message_id",
                "state",
                "attempts",
                "suppression_reason",
                "created_at",
            ),
            (
                (
                    first + k,
                    campaign_id,
                    self.app_id,
                    int(profile[i]),
                    int(device[i]) if device[i] >= 0 else None,
                    channel,
                    "ABCDEFGH"[variant[i]],
                    f"{campaign_id:06d}-control-{k:010d}",
                    "suppressed",
                    0,
                    "control_group",
                    when[k],
                )
                for k, i in enumerate(idx.tolist())
            ),
        )

    def _engagement(
        self,
        campaign_id: int,
        spec: DemoCampaign,
        audience: AppAudience,
        owner: np.ndarray,
        device: np.ndarray,
        control: np.ndarray,
        variant: np.ndarray,
        sent_at: np.ndarray,
        message_ids: list[str],
        sent_idx: np.ndarray,
        name_index: dict[str, int],
        events: NotificationEvents,
    ) -> None:
        rng = self.rng
        total = len(owner)
        delivered = ~control & (rng.random(total) < 0.96)
        # Variant B of an A/B test opens a little less; opens cluster in the first hours.
        open_p = spec.open_rate * np.where(variant == 1, 0.82, 1.0)
        opened = delivered & (rng.random(total) < open_p)
        open_delay = np.minimum(rng.exponential(3 * 3600, total), 2 * DAY).astype(np.int64)
        conv_p = spec.conversion_rate * np.where(control, 0.55, 1.0)
        converted = (opened | control | delivered) & (rng.random(total) < conv_p)
        opted_out = delivered & (rng.random(total) < 0.002)
        msg_of = np.full(total, -1)
        msg_of[sent_idx] = np.arange(len(sent_idx))
        value = np.round(rng.gamma(2.0, 30.0, total) + 9.9, 2)
        keys = "ABCDEFGH"
        pid0 = audience.first_profile_id
        rows: list[tuple[Any, ...]] = []
        for kind, mask, delay in (
            ("delivered", delivered, 2),
            ("opened", opened, open_delay),
            ("converted", converted, open_delay + 1800),
            ("opted_out", opted_out, open_delay + 600),
        ):
            idx = np.nonzero(mask)[0]
            when = sent_at[idx] + (delay[idx] if isinstance(delay, np.ndarray) else delay)
            when_txt = self.w.datetimes(np.minimum(when, self.anchor - 1))
            for k, i in enumerate(idx.tolist()):
                m = msg_of[i]
                rows.append(
                    (
                        self._next("engagement_event"),
                        campaign_id,
                        pid0 + int(owner[i]),
                        int(device[i]) if device[i] >= 0 else None,
                        message_ids[m] if m >= 0 else None,
                        keys[variant[i]],
                        bool(control[i]),
                        kind,
                        when_txt[k],
                        float(value[i]) if kind == "converted" else None,
                    )
                )
        self.w.insert("engagement_event", _ENGAGEMENT_COLUMNS, rows)
        if spec.format == "push":
            sdk_logs: dict[str, tuple[np.ndarray, np.ndarray | int]] = {
                "notification_receive": (delivered, 2),
                "notification_open": (opened, open_delay),
            }
            self._notification_events(
                spec.label, owner, sent_at, (message_ids, msg_of), sdk_logs, name_index, events
            )

    def _notification_events(
        self,
        label: str | None,
        owner: np.ndarray,
        sent_at: np.ndarray,
        messages: tuple[list[str], np.ndarray],
        sdk_logs: dict[str, tuple[np.ndarray, np.ndarray | int]],
        name_index: dict[str, int],
        events: NotificationEvents,
    ) -> None:
        """What the Firebase SDK logs for a push (receive, open), attributed by message id:
        ``messages`` is the campaign's message ids and, per recipient, the index of theirs."""
        message_ids, msg_of = messages
        for ga_name, (mask, delay) in sdk_logs.items():
            idx = np.nonzero(mask)[0]
            when = np.minimum(
                sent_at[idx] + (delay[idx] if isinstance(delay, np.ndarray) else delay),
                self.anchor - 1,
            )
            params: list[str | None] = [
                f'{{"message_id":"{message_ids[msg_of[i]]}","label":"{label}"}}'
                for i in idx.tolist()
            ]
            events.add(owner[idx], name_index[ga_name], when, params)
