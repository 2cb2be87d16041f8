"""The vault against the real gnome-keyring of the test session, and the backends it refuses."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from engage_desktop.security.vault import Vault, VaultUnavailable
from tests.support.paths import ROOT


def test_store_read_back_replace_remove_in_the_session_keyring() -> None:
    vault = Vault.system()
    assert vault.describe() == "keyring.backends.SecretService.Keyring"
    reference = f"test:{secrets.token_hex(4)}"
    vault.put(reference, "first secret")
    assert vault.get(reference) == "first secret"
    vault.put(reference, "second secret")
    assert vault.get(reference) == "second secret"
    assert vault.delete(reference) is True
    assert vault.get(reference) is None
    assert vault.delete(reference) is False


def test_entries_are_per_service_name() -> None:
    ours, other = Vault.system(), Vault(Vault.system().backend, service="another-app")
    ours.put("shared-name", "ours")
    try:
        assert other.get("shared-name") is None
    finally:
        ours.delete("shared-name")


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_secure_backend_is_refused_with_how_to_fix(backend: KeyringBackend) -> None:
    with pytest.raises(VaultUnavailable) as caught:
        Vault(backend).put("x", "secret")
    assert caught.value.code == "no_secure_backend"
    assert "gnome-keyring-daemon --unlock" in str(caught.value)
    assert "secret" not in " ".join(caught.value.args_text)


class FileKeyring(KeyringBackend):
    """A plaintext backend like keyrings.alt's: secrets in a JSON file."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def set_password(self, service: str, username: str, password: str) -> None:
        self.path.write_text(f"{service} {username} {password}")

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def delete_password(self, service: str, username: str) -> None:
        pass


def test_a_plaintext_file_backend_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    file = tmp_path / "keyring.txt"
    with pytest.raises(VaultUnavailable) as caught:
        Vault(FileKeyring(file)).put("x", "SECRET-SENTINEL")
    assert caught.value.code == "no_secure_backend"
    assert not file.exists()


def test_keyrings_alt_backends_are_named_as_plaintext(tmp_path: Path) -> None:
    alt = type("PlaintextKeyring", (FileKeyring,), {"__module__": "keyrings.alt.file"})
    with pytest.raises(VaultUnavailable) as caught:
        Vault(alt(tmp_path / "k")).get("x")
    assert caught.value.code == "plaintext_backend"
    assert "keyrings.alt" in str(caught.value)


def test_a_chain_uses_its_secure_member_and_refuses_when_it_has_none(tmp_path: Path) -> None:
    def chain(*members: KeyringBackend) -> KeyringBackend:
        cls = type("Chain", (chainer.ChainerBackend,), {"backends": list(members)})
        return cls()  # type: ignore[no-any-return]

    secure = Vault.system().backend
    mixed = Vault(chain(FileKeyring(tmp_path / "k"), secure))
    assert mixed.describe() == "keyring.backends.SecretService.Keyring"
    with pytest.raises(VaultUnavailable):
        Vault(chain(FileKeyring(tmp_path / "k"), null.Keyring())).describe()


LOCKED_SCRIPT = textwrap.dedent(
    """
    import secretstorage
    from engage_desktop.security.vault import Vault, VaultUnavailable

    vault = Vault.system()
    vault.put("before-lock", "SECRET-SENTINEL")
    connection = secretstorage.dbus_init()
    secretstorage.get_default_collection(connection).lock()
    for call in (lambda: vault.get("before-lock"), lambda: vault.put("x", "SECRET-SENTINEL")):
        try:
            call()
        except VaultUnavailable as exc:
            print("REFUSED", exc.code, exc)
        else:
            print("NOT REFUSED")
    """
)


def test_a_locked_collection_is_refused_without_a_prompt(tmp_path: Path) -> None:
    """In a D-Bus session of its own (locking the test session's keyring would break the rest):
    a real gnome-keyring, unlocked, holding a secret, then locked through the Secret Service."""
    script = tmp_path / "locked.py"
    script.write_text(LOCKED_SCRIPT)
    shell = (
        f'export XDG_DATA_HOME="{tmp_path / "data"}"; '
        'eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"; '
        f"{sys.executable} {script}"
    )
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_RUNTIME_DIR": str(runtime)}
    for name in ("DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK"):
        env.pop(name, None)  # its own bus and daemon: the test session's keyring stays untouched
    done = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", shell],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith(("REFUSED", "NOT"))]
    assert len(lines) == 2, done.stdout + done.stderr
    for line in lines:
        assert line.startswith("REFUSED locked The keyring collection 'Login' is locked."), line
        assert "SECRET-SENTINEL" not in line
