""" "Test connection" against a local Google (token endpoint + FCM v1) over TLS with the test CA."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engage_desktop.core.credentials.key_file import parse_key
from engage_desktop.core.credentials.testing import TestPlan
from engage_desktop.core.progress import Progress
from engage_desktop.services.fcm.connection_test import test_connection as run_test
from tests.support.fake_google import FakeGoogle, make_service_account, secret_parts
from tests.support.tls import make_test_ca

PROJECT = "maison-test"
DEVICE = "dev-test:APA91b" + "t" * 40


@pytest.fixture
def google(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    ca = make_test_ca(tmp_path / "ca")
    for name, value in ca.env().items():
        monkeypatch.setenv(name, value)
    server = FakeGoogle(ca).start()
    yield server
    server.stop()


def plan_for(info: dict[str, Any], device: str | None = DEVICE) -> TestPlan:
    key = parse_key(json.dumps(info), "keyring entry", PROJECT)
    return TestPlan("Maison Test", PROJECT, key, device, "Pixel de Camille" if device else None)


def test_a_good_key_gets_a_token_and_a_validate_only_send_to_the_test_device(
    google: FakeGoogle,
) -> None:
    info = make_service_account(PROJECT)
    info["token_uri"] = "https://evil.example/token"  # a key file cannot choose where tokens go
    google.trust(info)
    seen: list[tuple[int, object, str]] = []
    report = run_test(
        plan_for(info), Progress(lambda d, t, m: seen.append((d, t, m))), google.env()
    )
    assert report.passed and report.note is None, report.message
    assert report.message.code == "test_passed_device"
    assert "the test device Pixel de Camille" in report.message
    assert google.token_requests == 1
    assert [m["token"] for m in google.validated] == [DEVICE] and google.delivered == []
    assert [s[0] for s in seen] == [0, 1, 2]


def test_without_a_test_device_a_topic_is_validated(google: FakeGoogle) -> None:
    info = make_service_account(PROJECT)
    google.trust(info)
    report = run_test(plan_for(info, device=None), Progress(), google.env())
    assert report.passed and report.message.code == "test_passed_topic"
    assert google.validated[0]["topic"] == "engage-desktop-connection-test"


@pytest.mark.parametrize("status", [400, 401, 403])
def test_a_revoked_or_deleted_key_is_said_clearly(google: FakeGoogle, status: int) -> None:
    info = make_service_account(PROJECT)
    google.trust(info)
    google.refuse_key(info["client_email"], status)
    report = run_test(plan_for(info), Progress(), google.env())
    assert not report.passed and report.message.code == "key_refused"
    assert report.message.startswith(
        "The service account of app 'Maison Test' (project maison-test)"
    )
    assert "revoked or deleted" in report.message and "Invalid JWT Signature" in report.message
    assert not any(part in report.message for part in secret_parts(info))
    assert google.validated == []


def test_an_unknown_key_is_refused_by_the_token_endpoint(google: FakeGoogle) -> None:
    report = run_test(plan_for(make_service_account(PROJECT)), Progress(), google.env())
    assert not report.passed and report.message.code == "key_refused"


def test_fcm_refusing_the_project_fails_the_test(google: FakeGoogle) -> None:
    info = make_service_account(PROJECT)
    google.trust(info)
    google.device_errors[DEVICE] = (403, "PERMISSION_DENIED", "")
    report = run_test(plan_for(info), Progress(), google.env())
    assert not report.passed and report.message.code == "fcm_refused"
    assert report.message.args_text[2] == "PERMISSION_DENIED"


def test_a_stale_test_device_does_not_fail_good_credentials(google: FakeGoogle) -> None:
    info = make_service_account(PROJECT)
    google.trust(info)
    google.device_errors[DEVICE] = (404, "NOT_FOUND", "UNREGISTERED")
    report = run_test(plan_for(info), Progress(), google.env())
    assert report.passed and report.note is not None
    assert report.note.code == "test_device_refused"
    assert report.note.args_text == ("Pixel de Camille", "UNREGISTERED")


def test_tls_is_checked_against_the_trusted_authorities(
    google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the test CA the local server's certificate is not trusted: nothing is sent."""
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")
    monkeypatch.delenv("SSL_CERT_FILE")
    info = make_service_account(PROJECT)
    google.trust(info)
    report = run_test(plan_for(info), Progress(), google.env())
    assert not report.passed and report.message.code == "token_unreachable"
    assert google.token_requests == 0


def test_an_unreachable_token_endpoint(google: FakeGoogle) -> None:
    env = {**google.env(), "ENGAGE_FCM_TOKEN_URL": "https://127.0.0.1:9/token"}
    report = run_test(plan_for(make_service_account(PROJECT)), Progress(), env)
    assert not report.passed and report.message.code == "token_unreachable"
    assert "https://127.0.0.1:9/token" in report.message
