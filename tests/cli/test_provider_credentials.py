"""``credentials set|test --provider twilio``: the secret read from stdin, kept in the keyring
only, tested against a local Twilio over TLS; ``credentials list`` shows the passed test and
this machine holding the secret."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from engage_desktop.core.credentials.admin import this_host, workspace_id
from engage_desktop.core.credentials.providers import reference_for
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import Provider
from tests.support.cli import run_cli
from tests.support.contacts import seed_people
from tests.support.tls import make_test_ca
from tests.support.twilio_server import FakeTwilio

SID = "AC" + "fedcba9876543210" * 2
SECRET = "cli-twilio-token-4f1c"


@pytest.fixture
def twilio(tmp_path: Path) -> Iterator[FakeTwilio]:
    server = FakeTwilio(make_test_ca(tmp_path / "ca"), SID, SECRET).start()
    yield server
    server.stop()


def test_set_then_test_with_the_secret_on_stdin_and_nowhere_else(
    make_workspace: Callable[..., Workspace], twilio: FakeTwilio
) -> None:
    ws = make_workspace()
    app_id = seed_people(ws, [])
    path = ws.location.sqlite_path
    assert path is not None
    args = [
        "credentials",
        "set",
        "--app",
        str(app_id),
        "--provider",
        "twilio",
        "--setting",
        f"account_sid={SID}",
        "--setting",
        "sender=+33700000000",
        "--setting",
        "stop_mention=STOP au 36111",
    ]
    stored = run_cli(*args, workspace=path, stdin=SECRET + "\n")
    assert stored.returncode == 0, stored.stderr
    with ws.session() as session:
        reference = reference_for(workspace_id(session), app_id, Provider.TWILIO)
    assert Vault.system().get(reference) == SECRET
    tested = run_cli(
        "credentials",
        "test",
        "--app",
        str(app_id),
        "--provider",
        "twilio",
        workspace=path,
        env=twilio.env(),
    )
    assert tested.returncode == 0, tested.stderr
    assert "active" in tested.stdout
    listed = run_cli("credentials", "list", "--app", str(app_id), "--json", workspace=path)
    (status,) = json.loads(listed.stdout)
    twilio_status = status["accounts"]["twilio"]
    assert twilio_status["tested_at"] is not None and twilio_status["tested_host"] == this_host()
    assert [h["host"] for h in twilio_status["holders"]] == [this_host()]
    shown = run_cli("credentials", "list", "--app", str(app_id), workspace=path)
    assert f"held by {this_host()}: current secret" in shown.stdout, shown.stdout
    for output in (stored.stdout, stored.stderr, tested.stdout, tested.stderr, listed.stdout):
        assert SECRET not in output
    for file in path.parent.iterdir():
        if file.is_file():
            assert SECRET.encode() not in file.read_bytes(), file


def test_bad_settings_are_named_and_nothing_is_stored(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_people(ws, [])
    path = ws.location.sqlite_path
    assert path is not None
    refused = run_cli(
        "credentials",
        "set",
        "--app",
        str(app_id),
        "--provider",
        "twilio",
        "--setting",
        "account_sid=AC12",
        "--setting",
        "sender=+33700000000",
        workspace=path,
        stdin="whatever\n",
    )
    assert refused.returncode != 0
    assert "account_sid" in refused.stderr and "AC12" in refused.stderr
    unknown = run_cli(
        "credentials",
        "set",
        "--app",
        str(app_id),
        "--provider",
        "smtp",
        "--setting",
        "hots=mail.example.com",
        workspace=path,
        stdin="pw\n",
    )
    assert unknown.returncode != 0 and "hots" in unknown.stderr
