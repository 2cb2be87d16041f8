"""The real path end to end, from the terminal: credentials set → test → mode fcm → campaign send,
delivered over TLS by a real service process that reads the key from the OS keyring
(the test session's gnome-keyring), to a local Google (token endpoint + FCM v1, test CA). The
service runs from the start: it sends a first campaign to the sandbox, and takes the switch to
FCM without a restart.

Then the sentinel: the key's private part appears in no file of the test folder (workspace,
WAL, service logs, segment export, import error report, campaign report, the sandbox folder),
nor in anything the commands printed (the audit log included), even after the service was
killed mid-send.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from engage_desktop.cli.main import main
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import App, Device
from tests.support.fake_google import FakeGoogle, make_service_account, secret_parts
from tests.support.processes import Sandbox, start_sandbox, start_service, stop_service
from tests.support.sending import seed_app, seed_campaign, token_for
from tests.support.tls import make_test_ca
from tests.support.waiting import wait_until

PROJECT = "maison-reelle"
DEVICES = 120


@pytest.fixture
def google(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    """A local Google this process and its children trust (CA and endpoints from the env)."""
    server = FakeGoogle(make_test_ca(tmp_path / "ca")).start()
    for name, value in server.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("ENGAGE_SANDBOX_CREDENTIALS_DIR", str(tmp_path / "sandbox"))
    yield server
    server.stop()


@pytest.fixture
def local_sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """Where the app sends before it leaves the sandbox (its data folder is the services')."""
    box = start_sandbox(tmp_path / "sandbox")
    monkeypatch.setenv("ENGAGE_SANDBOX_URL", box.url)
    yield box
    box.stop()


def files_with_secret(folder: Path, parts: list[str]) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(part.encode() in data for part in parts):
                found.append(str(path))
    return found


def status_from_another_process(path: Path, campaign_id: int) -> str:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "engage_desktop",
            "campaign",
            "status",
            str(campaign_id),
            "--json",
            "--workspace",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return str(json.loads(done.stdout)["status"])


def sent_all(ws: Workspace, campaign_id: int, log: Path) -> None:
    """Wait (bounded) for the campaign to complete, read by a fresh process (this process's
    connections were seen keeping an old snapshot after main's merge: see the report); on
    failure, say what the service logged."""
    path = Path(str(ws.location.sqlite_path))
    try:
        wait_until(lambda: status_from_another_process(path, campaign_id) == "completed", 120)
    except AssertionError:
        raise AssertionError(log.read_text(errors="replace")[-3000:]) from None


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_set_test_switch_send_over_tls_and_the_key_is_nowhere_else(
    make_workspace: Callable[..., Workspace],
    google: FakeGoogle,
    local_sandbox: Sandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    ws = make_workspace()
    where = ("--workspace", str(ws.location.sqlite_path))
    app_id = seed_app(ws, DEVICES, project=PROJECT, sandbox=True)
    env = dict(os.environ)
    first = app_id * 10_000_000 + 1
    with ws.session() as s:
        s.execute(update(Device).where(Device.id == first).values(is_test=True, label="Pixel"))
    info = make_service_account(PROJECT)
    info["token_uri"] = "https://evil.invalid/token"  # ignored: tokens come from this machine's
    google.trust(info)
    downloads = tmp_path / "Téléchargements"
    downloads.mkdir()
    key_file = downloads / "maison-reelle-firebase-adminsdk.json"
    key_file.write_text(json.dumps(info, indent=2))
    key_file.chmod(0o644)
    printed: list[str] = []
    app = str(app_id)
    # A service runs from the start: it sends to the sandbox, then (same process) through FCM.
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    request.addfinalizer(lambda: service.poll() is None and stop_service(service))
    rehearsal = seed_campaign(ws, app_id)
    code, out, err = run(capsys, "campaign", "send", str(rehearsal), "--yes", *where)
    assert code == 0, err
    sent_all(ws, rehearsal, tmp_path / "service.log")
    assert local_sandbox.get("/sandbox/stats")["received"] == DEVICES and not google.delivered

    code, out, err = run(capsys, "credentials", "mode", "--app", app, "fcm", *where)
    assert code == 1 and "has not passed a connection test" in err
    code, out, err = run(capsys, "credentials", "set", "--app", app, str(key_file), *where)
    assert code == 0, err
    assert f"Key {info['private_key_id']} of {info['client_email']} stored" in out
    assert "can be read by other users of this machine" in err and "delete the file" in err
    printed += [out, err]
    key_file.unlink()  # as the warning says: the keyring has it now

    code, out, err = run(capsys, "credentials", "test", "--app", app, "--json", *where)
    assert code == 0, out + err
    report = json.loads(out)
    assert report["passed"] and report["code"] == "test_passed_device"
    assert [m["token"] for m in google.validated] == [token_for(first)]
    printed += [out, err]

    code, out, err = run(capsys, "credentials", "mode", "--app", app, "fcm", *where)
    assert code == 0 and f"sends through FCM (project {PROJECT})" in out
    code, out, err = run(capsys, "credentials", "list", "--json", *where)
    (listed,) = json.loads(out)
    assert (listed["key_id"], listed["use_sandbox"], listed["tested_at"] is not None) == (
        info["private_key_id"],
        False,
        True,
    )
    assert [h["host"] for h in listed["holders"]] == [os.uname().nodename]
    printed += [out, err]

    try:
        campaign = seed_campaign(ws, app_id)
        code, out, err = run(capsys, "campaign", "send", str(campaign), "--yes", *where)
        assert code == 0, err
        sent_all(ws, campaign, tmp_path / "service.log")
        code, out, err = run(capsys, "campaign", "status", str(campaign), *where)
        assert f"sent: {DEVICES}\n" in out and "status: completed" in out, out
        printed += [out, err]
        assert len(google.delivered) == DEVICES  # the running service took the switch
        assert local_sandbox.get("/sandbox/stats")["received"] == DEVICES  # nothing more there
        assert {m["token"] for m in google.delivered} == {
            token_for(first + i) for i in range(DEVICES)
        }
        # A crash mid-send: the service is killed, a new one finishes the campaign.
        second = seed_campaign(ws, app_id)
        code, out, err = run(capsys, "campaign", "send", str(second), "--yes", *where)
        assert code == 0
        wait_until(lambda: len(google.delivered) > DEVICES, timeout=30)
        service.send_signal(signal.SIGKILL)
        service.wait(10)
    finally:
        if service.poll() is None:
            stop_service(service)
    service = start_service(str(ws.location.sqlite_path), env, tmp_path, name="service-2")
    try:
        sent_all(ws, second, tmp_path / "service-2.log")
    finally:
        assert stop_service(service) == 0
    code, out, err = run(capsys, "campaign", "status", str(second), "--json", *where)
    assert json.loads(out)["status"] == "completed"
    printed += [out, err]
    ids = {m["data"]["message_id"] for m in google.delivered}
    assert {f"ed-{second}-{first + i}" for i in range(DEVICES)} <= ids  # all, despite the crash

    rules = json.dumps(
        {"type": "attribute", "field": "attributes.loyalty_tier", "op": "equals", "value": "gold"}
    )
    code, out, err = run(
        capsys,
        "segment",
        "create",
        "--app",
        app,
        "--name",
        "Or",
        "--rules",
        rules,
        "--json",
        *where,
    )
    assert code == 0, err
    export = tmp_path / "export.csv"
    code, out, err = run(
        capsys,
        "segment",
        "export",
        "--segment",
        str(json.loads(out)["id"]),
        "--output",
        str(export),
        *where,
    )
    assert code == 0, err
    assert export.exists()
    # An import with a rejected row (its error report) and the campaign's report, taken offline.
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("identifiant;prénom;e-mail\nc-1;Zoé;zoe@example.fr\nc-2;Léa;pas-un-mail\n")
    errors = tmp_path / "import-errors.csv"
    code, out, err = run(
        capsys, "import", "contacts", str(contacts), "--app", app, "--errors", str(errors), *where
    )
    assert code == 0 and "pas-un-mail" in errors.read_text(encoding="utf-8-sig"), out + err
    printed += [out, err]
    report = tmp_path / "report.pdf"
    code, out, err = run(capsys, "report", "--campaign", str(second), "--out", str(report), *where)
    assert code == 0, err
    printed += [out, err]
    printed += [page.extract_text() for page in PdfReader(report).pages]  # its streams are zipped
    code, out, err = run(capsys, "audit", "list", "--json", *where)
    printed += [out, err]
    recorded = {e["action"] for e in json.loads(out)}
    assert {"audience.import_contacts", "analytics.export", "segment.export"} <= recorded

    parts = secret_parts(info)
    assert files_with_secret(tmp_path, parts) == []
    assert not any(part in text for part in parts for text in printed)
    assert (tmp_path / "service.log").exists() and (tmp_path / "service-rotating.log").exists()
    # …and the key is where it should be: this machine's keyring.
    with ws.session_factory() as session:
        from engage_desktop.store.models import AppCredential

        row = session.get(AppCredential, app_id)
        assert row is not None
        stored = Vault.system().get(row.reference)
        assert stored is not None and json.loads(stored)["private_key"] == info["private_key"]
    code, out, err = run(capsys, "credentials", "remove", "--app", app, *where)
    assert code == 0 and "deleted from its keyring" in out
    assert Vault.system().get(row.reference) is None


def test_a_marketer_cannot_touch_credentials(
    make_workspace: Callable[..., Workspace], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from engage_desktop.store.models import MemberRole, Role

    ws = make_workspace()
    app_id = seed_app(ws, 1, project=PROJECT)
    with ws.session() as s:
        role = s.query(MemberRole).filter_by(app_id=app_id, member_id=ws.member_id).one()
        role.role = Role.MARKETER
    where = ("--workspace", str(ws.location.sqlite_path))
    key = tmp_path / "k.json"
    key.write_text(json.dumps(make_service_account(PROJECT)))
    for argv in (
        ("set", "--app", str(app_id), str(key)),
        ("test", "--app", str(app_id)),
        ("remove", "--app", str(app_id)),
        ("list", "--app", str(app_id)),
        ("mode", "--app", str(app_id), "fcm"),
    ):
        code, out, err = run(capsys, "credentials", *argv, *where)
        assert code == 1, argv
        assert "role 'marketer'" in err and "manage_credentials" in err, err
    code, out, err = run(capsys, "credentials", "list", *where)
    assert code == 0 and out.strip() == "No app whose credentials you may manage."
    with ws.session_factory() as session:
        app = session.get(App, app_id)
        assert app is not None and app.use_sandbox


def test_bad_key_file_and_unknown_app_are_named(
    make_workspace: Callable[..., Workspace], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 1, project=PROJECT)
    where = ("--workspace", str(ws.location.sqlite_path))
    client = tmp_path / "google-services.json"
    client.write_text(json.dumps({"project_info": {"project_id": PROJECT}, "client": []}))
    code, _out, err = run(capsys, "credentials", "set", "--app", str(app_id), str(client), *where)
    assert code == 1
    assert f"{client} is a Firebase app configuration (google-services.json)" in err
    code, _out, err = run(capsys, "credentials", "set", "--app", "999", str(client), *where)
    assert code == 1 and "No app with id 999." in err


def test_a_new_key_for_an_app_on_fcm_is_tested_over_tls_before_it_replaces_the_working_one(
    make_workspace: Callable[..., Workspace],
    google: FakeGoogle,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Found by review: `credentials set` on an app sending through FCM stored any new key at
    once, untested, and the service sent with it. Now the key is tested first against the real
    endpoints (here the local Google over TLS) and kept out of use when Google refuses it."""
    ws = make_workspace()
    where = ("--workspace", str(ws.location.sqlite_path))
    app = str(seed_app(ws, 3, project=PROJECT, sandbox=True))
    current = make_service_account(PROJECT)
    google.trust(current)
    path = tmp_path / "current.json"
    path.write_text(json.dumps(current))
    path.chmod(0o600)
    assert run(capsys, "credentials", "set", "--app", app, str(path), *where)[0] == 0
    assert run(capsys, "credentials", "test", "--app", app, *where)[0] == 0
    assert run(capsys, "credentials", "mode", "--app", app, "fcm", *where)[0] == 0

    revoked = make_service_account(PROJECT)  # Google does not know this one
    path.write_text(json.dumps(revoked))
    code, out, err = run(capsys, "credentials", "set", "--app", app, str(path), *where)
    assert code == 1, out + err
    assert "keeps sending with its current key" in out
    code, out, _ = run(capsys, "credentials", "list", "--json", *where)
    (listed,) = json.loads(out)
    assert (listed["key_id"], listed["use_sandbox"], listed["tested_at"] is not None) == (
        current["private_key_id"],
        False,
        True,
    )

    google.trust(revoked)
    code, out, err = run(capsys, "credentials", "set", "--app", app, str(path), "--json", *where)
    assert code == 0, out + err
    answer = json.loads(out)
    assert answer["stored"] and answer["test"]["passed"]
    assert (answer["key_id"], answer["tested_at"] is not None) == (revoked["private_key_id"], True)
    assert not any(part in out + err for part in secret_parts(revoked))
    assert run(capsys, "credentials", "remove", "--app", app, *where)[0] == 0
