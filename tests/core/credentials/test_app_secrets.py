"""Removing an app forgets its secrets: this machine's keyring entries, its SMS / email
accounts, its unsubscribe key's fingerprint; the machines still holding its key are named.

Found in the audit of issue 15: on SQLite a new app takes the id of the removed last one, and
it inherited the removed app's Twilio account (settings and keyring reference), while the
removed app's keys stayed in the keyring with nothing left in the product to delete them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from engage_desktop.core.apps.identity import AppIdentity
from engage_desktop.core.apps.manage import add_app, removal_impact, remove_app
from engage_desktop.core.credentials.admin import this_host
from engage_desktop.core.credentials.connection import set_credentials
from engage_desktop.core.credentials.providers import set_provider_account
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import (
    AppCredential,
    AuditEntry,
    ChannelAccount,
    ChannelAccountHolder,
    CredentialHolder,
    Provider,
)
from tests.support.fake_google import make_service_account

PROJECT = "boutique-prod"
TWILIO = {"account_sid": "AC" + "0123456789abcdef" * 2, "sender": "+33612345678"}


@pytest.fixture
def vault() -> Iterator[Vault]:
    yield Vault.system()


def _app_with_secrets(ws: Workspace, vault: Vault, tmp_path: Path) -> tuple[int, list[str]]:
    app_id = add_app(ws, AppIdentity("Boutique", PROJECT))
    key = tmp_path / "key.json"
    key.write_text(json.dumps(make_service_account(PROJECT)))
    key.chmod(0o600)
    set_credentials(ws, vault, app_id, key)  # on the sandbox: stored untested
    set_provider_account(ws, vault, app_id, Provider.TWILIO, TWILIO, "twilio-auth-token-7")
    with ws.session() as session:
        credential = session.get(AppCredential, app_id)
        account = session.get(ChannelAccount, (app_id, Provider.TWILIO))
        assert credential is not None and account is not None
        session.add(  # as the shop's second sending machine recorded it
            CredentialHolder(
                app_id=app_id,
                host="atelier-2",
                reference=credential.reference,
                key_id=credential.key_id,
            )
        )
        names = sorted([credential.reference, account.reference])
    assert all(vault.get(name) for name in names)
    return app_id, names


def test_removing_an_app_deletes_its_secrets_here_and_names_the_other_machines(
    make_workspace: Callable[..., Workspace], vault: Vault, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id, names = _app_with_secrets(ws, vault, tmp_path)
    impact = removal_impact(ws, app_id)
    assert (impact.secrets_here, impact.other_hosts) == (tuple(names), ("atelier-2",))
    done = remove_app(ws, app_id, confirm_name="Boutique", vault=vault)
    assert done.left_here == ()
    assert [vault.get(name) for name in names] == [None, None]
    with ws.session_factory() as session:
        assert session.scalars(select(ChannelAccount)).all() == []
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "app.remove")).one()
        assert entry.details["still_on"] == ["atelier-2"]

    again = add_app(ws, AppIdentity("Atelier", "atelier-prod"))
    assert again == app_id  # SQLite reuses the id: nothing of the old app may come with it
    with ws.session_factory() as session:
        assert session.get(ChannelAccount, (again, Provider.TWILIO)) is None


def test_without_a_keyring_the_app_goes_and_the_entries_left_are_said(
    make_workspace: Callable[..., Workspace], vault: Vault, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id, names = _app_with_secrets(ws, vault, tmp_path)
    done = remove_app(ws, app_id, confirm_name="Boutique", vault=None, host=this_host())
    assert done.left_here == tuple(names)
    for name in names:  # the test cleans up what the caller was told to
        assert vault.delete(name)


def test_machines_holding_only_an_sms_or_email_secret_are_named_when_the_app_goes(
    backend_workspace: Workspace, vault: Vault
) -> None:
    """Before: ``other_hosts`` listed the machines holding the FCM key only, so a machine given
    just the app's Twilio token was never named and its copy stayed there, unknown."""
    ws = backend_workspace
    app_id = add_app(ws, AppIdentity("Boutique", PROJECT))
    here = this_host()
    elsewhere = Vault(vault.backend, service=f"{vault.service}-envoi-2")
    set_provider_account(ws, vault, app_id, Provider.TWILIO, TWILIO, "token-here", host=here)
    set_provider_account(
        ws, elsewhere, app_id, Provider.TWILIO, TWILIO, "token-here", host="envoi-2"
    )
    impact = removal_impact(ws, app_id, host=here)
    assert impact.other_hosts == ("envoi-2",)
    with ws.session_factory() as session:
        reference = session.scalars(select(ChannelAccount.reference)).one()
    assert impact.secrets_here == (reference,)
    done = remove_app(ws, app_id, confirm_name="Boutique", vault=vault, host=here)
    assert done.left_here == () and vault.get(reference) is None
    assert elsewhere.delete(reference)  # "envoi-2" is told to; the test cleans up for it
    with ws.session_factory() as session:
        assert session.scalars(select(ChannelAccountHolder)).all() == []
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "app.remove")).one()
        assert entry.details["still_on"] == ["envoi-2"]
