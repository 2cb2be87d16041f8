"""How far an FCM answer reaches (one device, one message, the whole project) and when a run
of them should pause sending.

A device token is dropped only on an answer about that device (UNREGISTERED, an
INVALID_ARGUMENT naming the registration token). An answer about the project (its credentials,
its sender id, its APNs set-up) says nothing about the devices: the row is kept for later and
the token stays, and a run of the same answer opens the app's breaker, which pauses its
campaigns with the reason. A run of INVALID_ARGUMENT on one campaign pauses that campaign (its
content is wrong). Answers that say FCM is down, unreachable or over quota for longer than
``outage_after`` seconds, with no success meanwhile, pause the app's campaigns too; those pauses
are lifted by the service's probe (``PAUSE_REASONS`` codes in ``AUTO_RESUMED``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from engage_desktop.services.fcm.client import SendResult, Verdict

PROJECT_CODES = frozenset(
    {"THIRD_PARTY_AUTH_ERROR", "SENDER_ID_MISMATCH", "UNAUTHENTICATED", "PERMISSION_DENIED"}
)
QUOTA_CODES = frozenset({"QUOTA_EXCEEDED", "RESOURCE_EXHAUSTED"})


class Scope(enum.Enum):
    DEVICE = "device"  # this token is dead: the row fails, the token is pruned
    MESSAGE = "message"  # this message is refused: the row fails, the token stays
    PROJECT = "project"  # the project is refused: the row waits, the token stays
    QUOTA = "quota"  # 429: the row waits its Retry-After
    OUTAGE = "outage"  # 5xx, a dropped connection, a timeout: the row waits
    UNREACHABLE = "unreachable"  # no connection at all: the row waits, the try is not counted


def scope_of(result: SendResult) -> Scope | None:
    """None for a success."""
    if result.verdict is Verdict.SENT:
        return None
    if result.unreachable:
        return Scope.UNREACHABLE
    code, status = result.error_code or "", result.http_status
    if code == "UNREGISTERED" or (status == 404 and code == "NOT_FOUND"):
        return Scope.DEVICE
    if code in PROJECT_CODES or status in (401, 403):
        return Scope.PROJECT
    if code in QUOTA_CODES or status == 429:
        return Scope.QUOTA
    if status is None or status >= 500:
        return Scope.OUTAGE
    if (code == "INVALID_ARGUMENT" or status == 400) and _names_the_token(result):
        return Scope.DEVICE
    return Scope.MESSAGE


def _names_the_token(result: SendResult) -> bool:
    text = (result.error_message or "").lower()
    return "registration token" in text or "message.token" in text


TROUBLE = frozenset({Scope.QUOTA, Scope.OUTAGE, Scope.UNREACHABLE})


class Trip(enum.Enum):
    """What a breaker asks for."""

    PAUSE_APP = "pause_app"  # a project-level refusal: a person must act
    PAUSE_CAMPAIGN = "pause_campaign"  # this campaign's message is refused
    OUTAGE = "outage"  # FCM down / unreachable / over quota: pause, probe, resume


@dataclass
class AppHealth:
    """Runs of bad answers for one app; every success resets them.

    ``threshold``: how many identical project-level (or per-campaign INVALID_ARGUMENT)
    answers in a row open the breaker. ``outage_after``: seconds of nothing but outage answers.
    """

    threshold: int
    outage_after: float
    project_code: str = ""
    project_run: int = 0
    trouble_since: float | None = None
    last_trouble: SendResult | None = None  # the last outage answer (for the reason)
    last_refusal: SendResult | None = None  # the last project or message refusal
    outage_said: bool = False
    refused: dict[int, int] = field(default_factory=dict)  # campaign id → INVALID_ARGUMENT run

    def observe(self, campaign_id: int, result: SendResult, now: float) -> Trip | None:
        scope = scope_of(result)
        if scope not in TROUBLE:
            self.trouble_since = None  # FCM answered something meaningful: it is up
        if scope is None:
            self.project_run = 0
            self.refused.pop(campaign_id, None)
            return None
        if scope in (Scope.PROJECT, Scope.MESSAGE):
            self.last_refusal = result
        if scope is Scope.PROJECT:
            code = result.error_code or ""
            self.project_run = self.project_run + 1 if code == self.project_code else 1
            self.project_code = code
            return Trip.PAUSE_APP if self.project_run == self.threshold else None
        if scope is Scope.MESSAGE:
            run = self.refused[campaign_id] = self.refused.get(campaign_id, 0) + 1
            return Trip.PAUSE_CAMPAIGN if run == self.threshold else None
        if scope in TROUBLE:
            if self.trouble_since is None:
                self.trouble_since, self.outage_said = now, False
            self.last_trouble = result
            if self.outage_said or now - self.trouble_since < self.outage_after:
                return None
            self.outage_said = True  # once per outage: the pause is asked for once
            return Trip.OUTAGE
        return None  # a dead device says nothing about the project

    def outage_seconds(self, now: float) -> float:
        return 0.0 if self.trouble_since is None else now - self.trouble_since

    def reset(self) -> None:
        self.project_run = 0
        self.trouble_since = None
        self.last_trouble = None
        self.last_refusal = None
        self.refused.clear()
