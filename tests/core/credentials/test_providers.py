"""Provider accounts (Twilio, SMTP): the secret in this machine's keyring, one entry per
workspace, app and provider; the machines holding it recorded, and named when one lacks it.
Two machines are two host names and two keyring services of the test session's keyring."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from engage_desktop.core.credentials.provider_status import accounts_status
from engage_desktop.core.credentials.providers import (
    ProviderMissing,
    ProviderSetupError,
    fingerprint,
    read_account,
    set_provider_account,
)
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import Channel, ChannelAccount, Provider
from tests.support.contacts import seed_people

SMTP = {"host": "smtp.example.com", "port": "587", "user": "u", "from_address": "n@ml.fr"}


@pytest.fixture
def vault() -> Iterator[Vault]:
    system = Vault.system()
    vault = Vault(system.backend, service="engage-desktop-test-providers")
    yield vault


def test_two_workspaces_with_the_same_app_id_keep_their_own_secret(
    make_workspace: Callable[..., Workspace], vault: Vault
) -> None:
    """Both workspaces' first app has id 1: the entry was named after the app id alone, so
    setting the second workspace's SMTP password replaced the first one's on this machine."""
    first, second = make_workspace(), make_workspace()
    app_ids = [seed_people(ws, [], channel=Channel.EMAIL) for ws in (first, second)]
    assert app_ids[0] == app_ids[1]
    set_provider_account(first, vault, app_ids[0], Provider.SMTP, SMTP, "first-password")
    set_provider_account(second, vault, app_ids[1], Provider.SMTP, SMTP, "second-password")
    secrets = []
    for ws, app_id in zip((first, second), app_ids, strict=True):
        with ws.session() as session:
            secrets.append(read_account(session, vault, app_id, Provider.SMTP).secret)
            reference = session.get(ChannelAccount, (app_id, Provider.SMTP)).reference  # type: ignore[union-attr]
        assert "password" not in reference
        vault.delete(reference)
    assert secrets == ["first-password", "second-password"]


TWILIO = {"account_sid": "AC" + "0123456789abcdef" * 2, "sender": "+33612345678"}


def _machine(vault: Vault, name: str) -> Vault:
    """Another machine's keyring: the same Secret Service, entries under their own service."""
    return Vault(vault.backend, service=f"{vault.service}-{name}")


def _forget(ws: Workspace, vaults: list[Vault], app_id: int) -> None:
    with ws.session() as session:
        reference = session.get(ChannelAccount, (app_id, Provider.TWILIO)).reference  # type: ignore[union-attr]
    for each in vaults:
        each.delete(reference)


def _given_on_both(ws: Workspace, a: Vault, b: Vault, app_id: int, token: str) -> None:
    """The admin sets the account on laptop-a, then on laptop-b (each its own keyring)."""
    set_provider_account(ws, a, app_id, Provider.TWILIO, TWILIO, token, host="laptop-a")
    set_provider_account(ws, b, app_id, Provider.TWILIO, TWILIO, token, host="laptop-b")


def test_each_machine_that_stores_a_secret_is_a_holder_and_a_new_secret_outdates_the_others(
    backend_workspace: Workspace, vault: Vault
) -> None:
    ws = backend_workspace
    app_id = seed_people(ws, [])
    laptop_b = _machine(vault, "laptop-b")
    try:
        _given_on_both(ws, vault, laptop_b, app_id, "token-1")
        twilio = accounts_status(ws, app_id).accounts[Provider.TWILIO]
        assert [(h.host, h.current) for h in twilio.holders] == [
            ("laptop-a", True),
            ("laptop-b", True),
        ]
        assert twilio.fingerprint == fingerprint("token-1") and twilio.set_by is not None
        set_provider_account(ws, vault, app_id, Provider.TWILIO, TWILIO, "token-2", host="laptop-a")
        twilio = accounts_status(ws, app_id).accounts[Provider.TWILIO]
        assert [(h.host, h.current) for h in twilio.holders] == [
            ("laptop-a", True),
            ("laptop-b", False),  # still holds token-1: set it again there
        ]
        assert accounts_status(ws, app_id).accounts[Provider.SMTP].holders == ()
    finally:
        _forget(ws, [vault, laptop_b], app_id)


def test_a_machine_whose_keyring_lacks_the_secret_is_told_where_it_is(
    backend_workspace: Workspace, vault: Vault
) -> None:
    """Before: "This machine's keyring lacks app N's twilio secret", and nobody could tell on
    which machine it had been given."""
    ws = backend_workspace
    app_id = seed_people(ws, [])
    laptop_b = _machine(vault, "laptop-b")
    try:
        _given_on_both(ws, vault, laptop_b, app_id, "token-1")
        set_provider_account(ws, vault, app_id, Provider.TWILIO, TWILIO, "token-2", host="laptop-a")
        with ws.session() as session, pytest.raises(ProviderMissing) as caught:
            read_account(session, _machine(vault, "laptop-c"), app_id, Provider.TWILIO)
    finally:
        _forget(ws, [vault, laptop_b], app_id)
    said = str(caught.value)
    assert "held on: laptop-a)" in said  # laptop-b's copy is outdated: not offered
    assert f"engage-desktop credentials set --app {app_id} --provider twilio" in said
    assert caught.value.code == "provider_secret_missing"
    assert caught.value.args_text[-1] == "laptop-a"
    assert "token" not in said


def test_new_settings_keep_the_stored_secret_and_forget_the_last_test(
    backend_workspace: Workspace, vault: Vault
) -> None:
    ws = backend_workspace
    app_id = seed_people(ws, [])
    try:
        set_provider_account(ws, vault, app_id, Provider.TWILIO, TWILIO, "token-1", host="a")
        with ws.session() as session:
            row = session.get(ChannelAccount, (app_id, Provider.TWILIO))
            assert row is not None
            row.tested_at, row.tested_host = ws.clock.now(), "a"
        moved = TWILIO | {"sender": "MG" + "1" * 32}
        set_provider_account(ws, vault, app_id, Provider.TWILIO, moved, None, host="a")
        twilio = accounts_status(ws, app_id).accounts[Provider.TWILIO]
        assert twilio.settings["sender"] == moved["sender"]
        assert twilio.fingerprint == fingerprint("token-1") and twilio.tested_at is None
        with ws.session() as session:
            assert read_account(session, vault, app_id, Provider.TWILIO).secret == "token-1"
        with pytest.raises(ProviderSetupError) as caught:  # nothing to keep on that machine
            set_provider_account(
                ws, _machine(vault, "b"), app_id, Provider.TWILIO, TWILIO, None, host="b"
            )
        assert caught.value.code == "secret_to_keep_missing"
        with pytest.raises(ProviderSetupError) as empty:
            set_provider_account(ws, vault, app_id, Provider.SMTP, SMTP, "  ", host="a")
        assert empty.value.code == "empty_secret"
    finally:
        _forget(ws, [vault], app_id)
