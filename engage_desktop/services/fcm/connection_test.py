""" "Test connection" on the network: an OAuth token from the key, then a validate-only send.

A ``core.credentials.connection.ConnectionTester``: the CLI and the GUI hand it to
``check_connection``, which reads the key from the keyring and records the outcome. Both
requests go to this machine's endpoints (``core.endpoints``), never to the key file's
``token_uri``. Blocking (google-auth's requests transport): the GUI runs it off its thread.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import requests
from google.auth.exceptions import GoogleAuthError, TransportError
from google.auth.transport.requests import Request

from engage_desktop.core.credentials.admin import this_host
from engage_desktop.core.credentials.messages import CREDENTIAL_MESSAGES
from engage_desktop.core.credentials.testing import TEST_TOPIC, TestPlan, TestReport
from engage_desktop.core.endpoints import fcm_url, token_url
from engage_desktop.core.progress import Progress
from engage_desktop.services.fcm.auth import CredentialsError, credentials_for, refused_reason

TIMEOUT = 20.0
STEPS = 2


def _message(plan: TestPlan) -> dict[str, object]:
    target = {"token": plan.device_token} if plan.device_token else {"topic": TEST_TOPIC}
    return {
        "validate_only": True,
        "message": {
            **target,
            "notification": {"title": "Engage Desktop", "body": "Connection test"},
        },
    }


def _fcm_error(response: requests.Response) -> tuple[str, str]:
    """FCM's error code and message (the answer never holds our token or key)."""
    try:
        error = response.json().get("error", {})
    except (ValueError, AttributeError):
        return f"HTTP_{response.status_code}", response.reason or ""
    code = str(error.get("status") or f"HTTP_{response.status_code}")
    for detail in error.get("details") or []:
        if isinstance(detail, dict) and detail.get("errorCode"):
            code = str(detail["errorCode"])
    return code, str(error.get("message", ""))[:300]


def test_connection(
    plan: TestPlan, progress: Progress, environ: Mapping[str, str] | None = None
) -> TestReport:
    """Token first (a revoked or deleted key fails here), then FCM with that token."""
    who = (plan.app_name, plan.project_id)
    token_endpoint = token_url(environ)
    progress.report(0, STEPS, "token")
    try:
        credentials = credentials_for(plan.key, token_endpoint)
        credentials.refresh(Request())  # type: ignore[no-untyped-call]
    except CredentialsError as exc:
        del exc  # its text names the key's email only; the coded message says the same
        return TestReport(False, CREDENTIAL_MESSAGES.text("key_damaged", *who, this_host()))
    except TransportError:
        return TestReport(
            False, CREDENTIAL_MESSAGES.text("token_unreachable", *who, token_endpoint)
        )
    except GoogleAuthError as exc:
        return TestReport(False, CREDENTIAL_MESSAGES.text("key_refused", *who, refused_reason(exc)))
    progress.report(1, STEPS, "send")
    base = fcm_url(environ)
    try:
        response = requests.post(
            f"{base}/v1/projects/{plan.project_id}/messages:send",
            data=json.dumps(_message(plan)),
            headers={
                "Authorization": f"Bearer {credentials.token}",
                "Content-Type": "application/json",
            },
            timeout=TIMEOUT,
        )
    except requests.RequestException as exc:
        reason = type(exc).__name__
        return TestReport(
            False, CREDENTIAL_MESSAGES.text("fcm_unreachable", *who, f"{base}: {reason}")
        )
    progress.report(STEPS, STEPS, "done")
    return _verdict(plan, response)


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def _verdict(plan: TestPlan, response: requests.Response) -> TestReport:
    who = (plan.app_name, plan.project_id)
    if plan.device_token:
        passed = CREDENTIAL_MESSAGES.text("test_passed_device", *who, plan.device_label or "")
    else:
        passed = CREDENTIAL_MESSAGES.text("test_passed_topic", *who)
    if response.status_code == 200:
        return TestReport(True, passed)
    code, message = _fcm_error(response)
    stale_token = code in ("UNREGISTERED", "INVALID_ARGUMENT") and response.status_code in (
        400,
        404,
    )
    if plan.device_token and (stale_token or code == "SENDER_ID_MISMATCH"):
        note = CREDENTIAL_MESSAGES.text("test_device_refused", plan.device_label or "", code)
        return TestReport(True, passed, note)
    return TestReport(False, CREDENTIAL_MESSAGES.text("fcm_refused", *who, code, message))
