"""How far an FCM answer reaches, and the breakers that pause an app or a campaign."""

from __future__ import annotations

import pytest

from engage_desktop.services.faults import AppHealth, Scope, Trip, scope_of
from engage_desktop.services.fcm.client import SendResult, Verdict

OK = SendResult(Verdict.SENT, 200, name="projects/p/messages/1")


def answer(
    status: int | None, code: str, message: str = "", verdict: Verdict = Verdict.FAILED
) -> SendResult:
    return SendResult(verdict, status, error_code=code, error_message=message)


@pytest.mark.parametrize(
    ("result", "scope"),
    [
        (answer(404, "UNREGISTERED"), Scope.DEVICE),
        (
            answer(
                400,
                "INVALID_ARGUMENT",
                "The registration token is not a valid FCM registration token",
            ),
            Scope.DEVICE,
        ),
        (
            answer(400, "INVALID_ARGUMENT", "Invalid value at 'message.data[0].value'"),
            Scope.MESSAGE,
        ),
        (answer(403, "SENDER_ID_MISMATCH", verdict=Verdict.INVALID_TOKEN), Scope.PROJECT),
        (answer(401, "THIRD_PARTY_AUTH_ERROR"), Scope.PROJECT),
        (answer(401, "UNAUTHENTICATED", verdict=Verdict.AUTH), Scope.PROJECT),
        (answer(403, "PERMISSION_DENIED", verdict=Verdict.FATAL), Scope.PROJECT),
        (answer(429, "QUOTA_EXCEEDED", verdict=Verdict.RETRY), Scope.QUOTA),
        (answer(503, "UNAVAILABLE", verdict=Verdict.RETRY), Scope.OUTAGE),
        (answer(None, "CONNECTION", verdict=Verdict.RETRY), Scope.OUTAGE),
        (
            SendResult(Verdict.RETRY, None, error_code="UNREACHABLE", unreachable=True),
            Scope.UNREACHABLE,
        ),
        (OK, None),
    ],
)
def test_scope_of_each_answer(result: SendResult, scope: Scope | None) -> None:
    assert scope_of(result) is scope


def test_a_run_of_the_same_project_refusal_opens_the_app_breaker_and_a_success_resets_it() -> None:
    health = AppHealth(threshold=3, outage_after=20.0)
    refused = answer(401, "THIRD_PARTY_AUTH_ERROR")
    assert health.observe(1, refused, 0.0) is None
    assert health.observe(1, refused, 0.1) is None
    assert health.observe(1, OK, 0.2) is None  # one success: not the project's fault
    assert [health.observe(1, refused, 0.3 + k) for k in range(3)] == [None, None, Trip.PAUSE_APP]
    mixed = AppHealth(threshold=3, outage_after=20.0)
    codes = ["THIRD_PARTY_AUTH_ERROR", "SENDER_ID_MISMATCH"] * 3
    assert all(mixed.observe(1, answer(403, c), 0.0) is None for c in codes)  # not the same


def test_a_campaign_whose_every_answer_is_invalid_pauses_alone() -> None:
    health = AppHealth(threshold=3, outage_after=20.0)
    bad = answer(400, "INVALID_ARGUMENT", "Invalid value at 'message.data[0].value'")
    trips = [health.observe(7, bad, 0.0) for _ in range(3)]
    assert trips == [None, None, Trip.PAUSE_CAMPAIGN]
    assert health.observe(8, OK, 0.0) is None and health.refused == {7: 3}


def test_an_outage_trips_only_after_its_time_and_any_real_answer_ends_it() -> None:
    health = AppHealth(threshold=3, outage_after=20.0)
    down = answer(503, "UNAVAILABLE", verdict=Verdict.RETRY)
    assert health.observe(1, down, 100.0) is None
    assert health.observe(1, down, 119.0) is None
    assert health.observe(1, answer(404, "UNREGISTERED"), 119.5) is None  # FCM answered
    assert health.observe(1, down, 125.0) is None
    assert health.observe(1, down, 145.0) is Trip.OUTAGE
