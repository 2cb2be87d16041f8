"""Provider accounts (Twilio, SMTP): the secret in this machine's keyring, one entry per
workspace, app and provider."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from engage_desktop.core.credentials.providers import read_account, set_provider_account
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
