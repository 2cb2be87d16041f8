"""The Twilio sender against a local server speaking Twilio's Messages resource over TLS."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from engage_desktop.services.channels.base import Kind, SmsMessage
from engage_desktop.services.channels.twilio import TwilioSender, classify, fetch_account
from tests.support.tls import make_test_ca
from tests.support.twilio_server import FakeTwilio

SID = "AC" + "0123456789abcdef" * 2
TOKEN = "twilio-auth-token-secret"


@pytest.fixture
def twilio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTwilio]:
    server = FakeTwilio(make_test_ca(tmp_path), SID, TOKEN).start()
    for name, value in server.ca.env().items():
        monkeypatch.setenv(name, value)  # this process trusts the test CA like a child would
    yield server
    server.stop()


def _send(server: FakeTwilio, token: str, numbers: list[str]) -> list[Kind]:
    async def run() -> list[Kind]:
        sender = TwilioSender(server.url, SID, token, "+33700000000", status_callback="")
        try:
            found = await sender.send(
                [SmsMessage(i, n, "Promo -20 %") for i, n in enumerate(numbers)]
            )
        finally:
            await sender.close()
        return [r.kind for r in found]

    return asyncio.run(run())


def test_each_answer_is_sorted_into_its_kind(twilio: FakeTwilio) -> None:
    twilio.refuse = {"+33611111111": 21211, "+33622222222": 21610}
    twilio.busy = {"+33633333333"}
    kinds = _send(twilio, TOKEN, ["+33600000001", "+33611111111", "+33622222222", "+33633333333"])
    assert kinds == [Kind.DELIVERED, Kind.RECIPIENT, Kind.RECIPIENT, Kind.RETRY]
    assert twilio.received[0]["To"] == "+33600000001"
    assert twilio.received[0]["From"] == "+33700000000"
    assert twilio.received[0]["Body"] == "Promo -20 %"


def test_a_refused_account_pauses_and_the_token_is_never_in_the_answer(twilio: FakeTwilio) -> None:
    assert _send(twilio, "wrong-token", ["+33600000001"]) == [Kind.PROVIDER]


def test_error_codes_map_as_documented() -> None:
    stop = classify(400, {"code": 21610, "message": "unsubscribed"}, None)
    assert stop.kind is Kind.RECIPIENT and stop.refusal is not None
    assert classify(400, {"code": 21211, "message": "bad"}, None).refusal is None
    rate = classify(429, {"code": 20429, "message": "Too Many Requests"}, "3")
    assert (rate.kind, rate.retry_after) == (Kind.RETRY, 3.0)
    assert classify(401, {"code": 20003, "message": "Authenticate"}, None).kind is Kind.PROVIDER
    assert classify(503, "not json", None).kind is Kind.RETRY


def test_the_credentials_test_reads_the_account(twilio: FakeTwilio) -> None:
    passed, said = asyncio.run(fetch_account(twilio.url, SID, TOKEN))
    assert passed and "active" in said
    passed, said = asyncio.run(fetch_account(twilio.url, SID, "wrong-token"))
    assert not passed and "TWILIO_20003" in said and "wrong-token" not in said
