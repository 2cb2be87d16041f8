"""The unsubscribe-link key is the workspace's: a link signed on one sending machine is verified
on another once the key was handed over; never in the database.

Two "machines" are two namespaces of the real Secret Service keyring (``Vault(service=…)``),
sharing one workspace, as two senders share a PostgreSQL workspace.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from engage_desktop.core.credentials.admin import workspace_id
from engage_desktop.core.credentials.providers import set_provider_account
from engage_desktop.core.credentials.unsubscribe_key import (
    UnsubscribeKeyError,
    ensure_key,
    export_key,
    import_key,
    key_reference,
    signing_key,
)
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.outbox.opt_outs import BadToken, record_unsubscribe, unsubscribe_token
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import CampaignFormat, Channel, OutboxMessage, Provider
from tests.support.cli import run_cli
from tests.support.contacts import consent_of, seed_channel_campaign, seed_people

SMTP = {"host": "smtp.example.com", "port": "587", "user": "u", "from_address": "n@ml.fr"}
AT = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


@pytest.fixture
def machines() -> Iterator[tuple[Vault, Vault]]:
    system = Vault.system()
    a = Vault(system.backend, service="engage-desktop-test-machine-a")
    b = Vault(system.backend, service="engage-desktop-test-machine-b")
    yield a, b


def _email_rows(ws: Workspace, vault: Vault) -> tuple[int, list[str]]:
    app_id = seed_people(ws, [(None, "lea@example.com", True)], channel=Channel.EMAIL)
    set_provider_account(ws, vault, app_id, Provider.SMTP, SMTP, "smtp-password")
    start_send(ws, seed_channel_campaign(ws, app_id, CampaignFormat.EMAIL, {"subject": "s"}))
    with ws.session() as s:
        ids = list(s.scalars(select(OutboxMessage.message_id)))
    return app_id, ids


def _forget(vault: Vault, ws: Workspace, app_id: int) -> None:
    with ws.session() as s:
        vault.delete(key_reference(workspace_id(s), app_id))


def test_a_link_signed_on_one_machine_is_verified_on_another_after_the_handover(
    make_workspace: Callable[..., Workspace], machines: tuple[Vault, Vault]
) -> None:
    a, b = machines
    ws = make_workspace()
    app_id, (message_id,) = _email_rows(ws, a)
    try:
        assert ensure_key(ws, a, app_id) is True  # made once, on the first machine
        assert ensure_key(ws, a, app_id) is False
        with ws.session() as s:
            key = signing_key(s, a, app_id)
        assert key is not None
        token = unsubscribe_token(key, message_id)
        # The second machine has not been given the key: it says how to bring it, makes none.
        with pytest.raises(UnsubscribeKeyError, match="--export' on a machine"):
            ensure_key(ws, b, app_id)
        with ws.session() as s, pytest.raises(BadToken) as refused:
            record_unsubscribe(s, b, token, AT)
        assert refused.value.code == "unsubscribe_key_missing"
        with pytest.raises(UnsubscribeKeyError, match=r"not app .*'s unsubscribe key"):
            import_key(ws, b, app_id, "a-key-from-elsewhere")
        import_key(ws, b, app_id, export_key(ws, a, app_id) + "\n")
        with ws.session() as s:
            profile_id = record_unsubscribe(s, b, token, AT)
        assert consent_of(ws, profile_id, Channel.EMAIL) == ("denied", "list-unsubscribe")
        with ws.session() as s, pytest.raises(BadToken, match="not one this workspace sent"):
            record_unsubscribe(s, b, token[:-2] + "xx", AT)
        _assert_not_in_database(ws, key.decode())
    finally:
        for vault in machines:
            _forget(vault, ws, app_id)


def test_two_workspaces_on_one_machine_have_keys_of_their_own(
    make_workspace: Callable[..., Workspace], machines: tuple[Vault, Vault]
) -> None:
    a, _b = machines
    first, second = make_workspace(), make_workspace()
    app_1, _ = _email_rows(first, a)
    app_2, _ = _email_rows(second, a)
    assert app_1 == app_2  # the same app id in both: the old shared entry clashed here
    try:
        ensure_key(first, a, app_1)
        ensure_key(second, a, app_2)
        with first.session() as s1, second.session() as s2:
            assert signing_key(s1, a, app_1) != signing_key(s2, a, app_2)
            assert signing_key(s1, a, app_1) is not None
    finally:
        _forget(a, first, app_1)
        _forget(a, second, app_2)


def test_the_cli_hands_the_key_over_through_stdin(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    vault = Vault.system()
    app_id, _ = _email_rows(ws, vault)
    ensure_key(ws, vault, app_id)
    path = ws.location.sqlite_path
    try:
        out = run_cli(
            "credentials", "unsubscribe-key", "--app", str(app_id), "--export", workspace=path
        )
        assert out.returncode == 0, out.stderr
        exported = out.stdout.strip()
        _forget(vault, ws, app_id)  # now this machine lacks it
        wrong = run_cli(
            "credentials",
            "unsubscribe-key",
            "--app",
            str(app_id),
            "--import",
            workspace=path,
            stdin="not-the-key\n",
        )
        assert wrong.returncode == 1 and "is not app" in wrong.stderr
        assert "not-the-key" not in wrong.stderr
        back = run_cli(
            "credentials",
            "unsubscribe-key",
            "--app",
            str(app_id),
            "--import",
            workspace=path,
            stdin=exported + "\n",
        )
        assert back.returncode == 0, back.stderr
        with ws.session() as s:
            assert signing_key(s, vault, app_id) == exported.encode()
    finally:
        _forget(vault, ws, app_id)


def _assert_not_in_database(ws: Workspace, key: str) -> None:
    """No table of the workspace holds the key (the audit log and settings included)."""
    with ws.engine.connect() as conn:
        tables = conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars()
        for table in list(tables):
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                assert key not in repr(tuple(row)), table
