"""What the service sends is the campaign's current, valid content (issue 14), through a real
service process and a real sandbox process, on the sandbox path and on the real FCM path: an app
with ``use_sandbox`` off whose FCM address and key's token endpoint are HTTPS (a TLS front with
the test CA's certificate, trusted by the service through ``SSL_CERT_FILE``) ahead of the
sandbox."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from engage_desktop.core.campaigns.edit import get_draft, save_draft, schedule_campaign
from engage_desktop.core.campaigns.model import Variant
from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import message_id_for, start_send
from engage_desktop.core.outbox.trial import queue_test_send, trial_outcomes
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.sandbox.credentials import sandbox_credentials
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    CampaignVariant,
    Device,
    OutboxMessage,
    OutboxState,
    Profile,
)
from tests.support.dispatching import campaign_state
from tests.support.processes import (
    Sandbox,
    credentials_dir,
    service_env,
    start_service,
    stop_service,
)
from tests.support.sending import seed_app, seed_campaign, token_for, use_key
from tests.support.tls import TestCA, make_test_ca
from tests.support.tls_proxy import TlsProxy
from tests.support.waiting import wait_until

pytestmark = pytest.mark.slow
TTL = 3600
V1 = {"title": "Version 1", "body": "Jusqu'à -30 %", "ttl_seconds": TTL}
V2 = {"title": "Version 2", "body": "Jusqu'à -50 %", "ttl_seconds": TTL}


@pytest.fixture
def https_front(sandbox: Sandbox, tmp_path: Path) -> Iterator[tuple[TlsProxy, TestCA]]:
    ca = make_test_ca(tmp_path / "ca")
    port = int(sandbox.url.rsplit(":", 1)[1])
    with TlsProxy(ca, port) as proxy:
        yield proxy, ca


def app_with_devices(
    ws: Workspace,
    sandbox: Sandbox,
    tmp: Path,
    devices: int,
    *,
    real_path: tuple[TlsProxy, TestCA] | None = None,
) -> tuple[int, dict[str, str]]:
    """An app and the service's environment: the sandbox path, or the real FCM path over HTTPS
    (google-auth's real token flow, FCM's real URL shape, the certificate checked)."""
    env = service_env(sandbox.url, tmp)
    if real_path is None:
        return seed_app(ws, devices), env
    proxy, ca = real_path
    app_id = seed_app(ws, devices, project="maison-lumiere", sandbox=False)
    key = sandbox_credentials("maison-lumiere", proxy.url, credentials_dir(tmp))
    use_key(ws, app_id, key)  # into the test session's keyring, where the service reads it
    env["ENGAGE_FCM_URL"] = proxy.url
    env["ENGAGE_FCM_TOKEN_URL"] = proxy.url.rstrip("/") + "/token"  # not the key's token_uri
    env.update(ca.env())
    return app_id, env


def device_ids(ws: Workspace, app_id: int) -> list[int]:
    with ws.session() as s:
        return list(s.scalars(select(Device.id).where(Device.app_id == app_id).order_by(Device.id)))


def inbox(sandbox: Sandbox, device_id: int) -> list[dict[str, Any]]:
    return list(sandbox.get(f"/sandbox/inbox?token={token_for(device_id)}"))


def edit_content(ws: Workspace, campaign_id: int, content: dict[str, Any]) -> None:
    """The composer's save (``save_draft``), as a marketer edits a draft or scheduled campaign."""
    with ws.session() as s:
        draft = get_draft(s, ws.member_id, campaign_id)
        save_draft(s, ws.member_id, replace(draft, variants=(Variant("A", 1.0, content),)))


def write_content_behind_core(ws: Workspace, campaign_id: int, content: dict[str, Any]) -> None:
    """Content changed in the database without core's checks (a script, an older version)."""
    with ws.session() as s:
        s.execute(
            update(CampaignVariant)
            .where(CampaignVariant.campaign_id == campaign_id)
            .values(content=content)
        )


def outcomes_of(ws: Workspace, campaign_id: int, ids: list[str]) -> dict[str, Any]:
    """The test messages' outcomes, read as the workspace's member on the campaign's app."""
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        return trial_outcomes(s, ws.member_id, campaign.app_id, ids)


def send_to_test_devices_and_wait(ws: Workspace, campaign_id: int) -> str:
    """A test send to the app's test devices; waits until every message is sent."""
    ids = [r.message_id for r in queue_test_send(ws, campaign_id)]

    def done() -> bool:
        found = outcomes_of(ws, campaign_id, ids)
        return len(found) == len(ids) and all(o.state == OutboxState.SENT for o in found.values())

    wait_until(done, 60, "the test send")
    return ids[0]


@pytest.mark.parametrize("real_path", [False, True], ids=["sandbox", "real-fcm-path-https"])
def test_a_send_after_a_test_send_and_an_edit_carries_the_edit(
    real_path: bool,
    make_workspace: Callable[..., Workspace],
    sandbox: Sandbox,
    https_front: tuple[TlsProxy, TestCA],
    tmp_path: Path,
) -> None:
    ws = make_workspace()
    front = https_front if real_path else None
    app_id, env = app_with_devices(ws, sandbox, tmp_path, 4, real_path=front)
    devices = device_ids(ws, app_id)
    with ws.session() as s:
        s.execute(update(Device).where(Device.id == devices[0]).values(is_test=True))
    campaign_id = seed_campaign(ws, app_id, V1)
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:
        test_id = send_to_test_devices_and_wait(ws, campaign_id)  # compiles version 1
        first = inbox(sandbox, devices[0])[-1]["message"]
        assert first["notification"]["title"] == "Version 1"
        edit_content(ws, campaign_id, V2)
        start_send(ws, campaign_id)
        wait_until(lambda: campaign_state(ws, campaign_id)[0] == CampaignStatus.COMPLETED, 60)
    finally:
        assert stop_service(service) == 0
    received = {d: inbox(sandbox, d)[-1]["message"] for d in devices}
    assert {d: m["notification"]["title"] for d, m in received.items()} == dict.fromkeys(
        devices, "Version 2"
    )
    # each message replaces, on Android too, any earlier copy of the same message id
    assert first["android"]["notification"]["tag"] == test_id
    for device_id, message in received.items():
        expected_id = message_id_for(campaign_id, device_id)
        assert message["android"]["notification"]["tag"] == expected_id
        assert message["apns"]["headers"]["apns-collapse-id"] == expected_id


def test_the_apns_expiry_is_stamped_when_each_message_is_sent(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    """Two test sends of the same content, 2 s apart: the second is not stamped with the first's
    expiry (compiled once, the body would carry an expiry 2 s stale, days stale on a resume)."""
    ws = make_workspace()
    app_id, env = app_with_devices(ws, sandbox, tmp_path, 1)
    (device,) = device_ids(ws, app_id)
    with ws.session() as s:
        s.execute(update(Device).values(is_test=True))
    campaign_id = seed_campaign(ws, app_id, V1)
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:
        send_to_test_devices_and_wait(ws, campaign_id)
        # Real seconds, since the service process reads the real clock: this file's one wait.
        time.sleep(2.2)
        send_to_test_devices_and_wait(ws, campaign_id)
    finally:
        assert stop_service(service) == 0
    first, second = inbox(sandbox, device)[-2:]
    expiries = [int(i["message"]["apns"]["headers"]["apns-expiration"]) for i in (first, second)]
    assert expiries[1] >= expiries[0] + 2
    for item, expiry in zip((first, second), expiries, strict=True):
        # Stamped in whole seconds (truncated) just before it left, received a moment later: up
        # to a second of truncation plus the transit. A CI run failed the old bound at 1.04 s.
        assert 0 <= item["at"] + TTL - expiry < 3


def test_a_compile_error_is_not_cached_once_the_content_is_fixed(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id, env = app_with_devices(
        ws,
        sandbox,
        tmp_path,
        3,
    )
    devices = device_ids(ws, app_id)
    with ws.session() as s:
        s.execute(update(Device).values(is_test=True))
    campaign_id = seed_campaign(ws, app_id, V1)
    broken_ids = [r.message_id for r in queue_test_send(ws, campaign_id)]
    write_content_behind_core(ws, campaign_id, {**V1, "data": {"google.c.a.e": "1"}})
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:

        def failed() -> bool:
            found = outcomes_of(ws, campaign_id, broken_ids)
            return all(o.state == OutboxState.FAILED for o in found.values())

        wait_until(failed, 60, "the failed test send")
        errors = {o.error for o in outcomes_of(ws, campaign_id, broken_ids).values()}
        assert len(errors) == 1 and "reserved_data_key" not in str(errors)
        assert "data.google.c.a.e" in str(errors) and "PAYLOAD" in str(errors)
        write_content_behind_core(ws, campaign_id, V2)  # fixed
        send_to_test_devices_and_wait(ws, campaign_id)
    finally:
        assert stop_service(service) == 0
    assert [inbox(sandbox, d)[-1]["message"]["notification"]["title"] for d in devices] == [
        "Version 2"
    ] * 3


def test_content_broken_mid_send_pauses_the_campaign_and_a_fix_sends_it(
    make_workspace: Callable[..., Workspace],
    sandbox: Sandbox,
    https_front: tuple[TlsProxy, TestCA],
    tmp_path: Path,
) -> None:
    ws = make_workspace()
    app_id, env = app_with_devices(ws, sandbox, tmp_path, 20, real_path=https_front)
    campaign_id = seed_campaign(ws, app_id, V1)
    start_send(ws, campaign_id)
    write_content_behind_core(ws, campaign_id, {**V1, "image_url": "http://cdn.example.com/a.jpg"})
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:
        wait_until(lambda: campaign_state(ws, campaign_id)[0] == CampaignStatus.PAUSED, 60)
        _status, reason = campaign_state(ws, campaign_id)
        assert reason is not None and reason.startswith(
            "Paused, nothing more was sent. The content cannot be sent"
        )
        assert "image_url" in reason
        time.sleep(1.0)  # rows handed back are not claimed again while it is paused
        assert sandbox.get("/sandbox/stats")["received"] == 0
        write_content_behind_core(ws, campaign_id, V2)
        control.resume(ws, campaign_id)
        wait_until(lambda: campaign_state(ws, campaign_id)[0] == CampaignStatus.COMPLETED, 60)
    finally:
        assert stop_service(service) == 0
    with ws.session() as s:
        states = list(
            s.scalars(select(OutboxMessage.state).where(OutboxMessage.campaign_id == campaign_id))
        )
    assert states == [OutboxState.SENT] * 20
    assert sandbox.get("/sandbox/stats")["received"] == 20
    titles = {
        inbox(sandbox, d)[-1]["message"]["notification"]["title"] for d in device_ids(ws, app_id)
    }
    assert titles == {"Version 2"}


def test_a_scheduled_campaign_edited_invalid_is_paused_at_its_time_and_sends_nothing(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id, env = app_with_devices(
        ws,
        sandbox,
        tmp_path,
        5,
    )
    campaign_id = seed_campaign(ws, app_id, V1)
    with ws.session() as s:  # due at once: the test never waits for a schedule
        schedule_campaign(s, ws.member_id, campaign_id, datetime.now(UTC) - timedelta(minutes=1))
    edit_content(
        ws, campaign_id, {**V1, "actions": [{"id": f"b{i}", "title": "x"} for i in range(4)]}
    )
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:
        wait_until(lambda: campaign_state(ws, campaign_id)[0] == CampaignStatus.PAUSED, 60)
    finally:
        assert stop_service(service) == 0
    _status, reason = campaign_state(ws, campaign_id)
    assert reason is not None and reason.startswith(
        "Paused at its scheduled time, nothing was sent"
    )
    assert "A.actions" in reason
    with ws.session() as s:
        assert s.scalars(select(OutboxMessage.id)).first() is None
    assert sandbox.get("/sandbox/stats")["received"] == 0


def test_a_template_failing_for_one_recipient_fails_that_row_only_and_quickly(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id, env = app_with_devices(
        ws,
        sandbox,
        tmp_path,
        4,
    )
    devices = device_ids(ws, app_id)
    attributes = [
        {"points": 4, "items": [1, 2]},
        {"points": 0, "items": [1, 2]},  # divides by zero
        {"points": 5, "items": list(range(1000))},  # a million loop iterations
        {"points": 10, "items": []},
    ]
    with ws.session() as s:
        for device_id, attrs in zip(devices, attributes, strict=True):
            s.execute(update(Profile).where(Profile.id == device_id).values(attributes=attrs))
    body = "{{ 100 | divided_by: points }} % {% for i in items %}{% for j in items %}.{% endfor %}{% endfor %}"
    campaign_id = seed_campaign(ws, app_id, {"title": "Promo", "body": body})
    start_send(ws, campaign_id)
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:
        wait_until(lambda: campaign_state(ws, campaign_id)[0] == CampaignStatus.COMPLETED, 30)
    finally:
        assert stop_service(service) == 0
    with ws.session() as s:
        found = {
            r.device_id: (r.state, r.error_code, r.error_message or "")
            for r in s.scalars(
                select(OutboxMessage).where(OutboxMessage.campaign_id == campaign_id)
            )
        }
    assert found[devices[0]][0] == OutboxState.SENT and found[devices[3]][0] == OutboxState.SENT
    assert found[devices[1]][:2] == (OutboxState.FAILED, "PAYLOAD")
    assert "divide" in found[devices[1]][2]
    assert found[devices[2]][:2] == (OutboxState.FAILED, "PAYLOAD")
    assert "limit" in found[devices[2]][2]
    assert inbox(sandbox, devices[0])[-1]["message"]["notification"]["body"] == "25 % ...."
    assert inbox(sandbox, devices[1]) == []  # never the raw Liquid


def test_the_real_path_checks_the_certificate(
    make_workspace: Callable[..., Workspace],
    sandbox: Sandbox,
    https_front: tuple[TlsProxy, TestCA],
    tmp_path: Path,
) -> None:
    """The HTTPS front is real: without the test CA trusted, nothing is sent."""
    ws = make_workspace()
    app_id, env = app_with_devices(ws, sandbox, tmp_path, 3, real_path=https_front)
    for name in https_front[1].env():
        env.pop(name)
    campaign_id = seed_campaign(ws, app_id, V1)
    start_send(ws, campaign_id)
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:
        wait_until(lambda: campaign_state(ws, campaign_id)[0] == CampaignStatus.PAUSED, 60)
    finally:
        assert stop_service(service) == 0
    reason = str(campaign_state(ws, campaign_id)[1])
    # The certificate is refused at the first HTTPS request, the token's (the reason does not
    # say "certificate" yet: services/fcm/auth.py words every failure to connect the same way).
    assert reason.startswith("The token server of app") and "https://127.0.0.1" in reason
    assert "cannot connect" in reason
    assert sandbox.get("/sandbox/stats")["received"] == 0
