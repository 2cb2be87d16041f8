"""The vault: service-account keys in the OS keyring, and nowhere else.

Backed by the ``keyring`` package: Secret Service (GNOME Keyring, KWallet) on Linux, the
Keychain on macOS, the Credential Manager on Windows. The vault refuses, saying how to fix it,
when no secure backend is there: keyring's fail and null backends, plaintext or file backends
(keyrings.alt), or a Secret Service collection that is locked. It never falls back to a file or
the database, because a key written there leaks with every copy of the workspace.

A ``Vault`` wraps one backend object, given to its constructor; ``Vault.system()`` is the one
place that asks keyring for the machine's backend, so tests build vaults of their own.
Errors carry a ``code`` and ``args_text`` like core's coded errors (security sits below core),
and never the secret.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

SERVICE = "engage-desktop"

# Backends that keep secrets encrypted by the OS session; anything else is refused.
SECURE_BACKENDS = frozenset(
    {
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.Windows.WinVaultKeyring",
    }
)

_HOW_TO_FIX = {
    "linux": (
        "start a Secret Service in your session (GNOME Keyring or KWallet, as desktops do); on a "
        "server without a desktop, run Engage Desktop inside 'dbus-run-session' after "
        "'gnome-keyring-daemon --unlock'"
    ),
    "darwin": "check that the login keychain exists and is unlocked (Keychain Access)",
    "win32": "check that the Windows Credential Manager service is running",
}


class VaultUnavailable(Exception):
    """No secure keyring to use, or it refused; the message says why and how to fix it.

    ``code``: ``no_secure_backend``, ``plaintext_backend``, ``locked`` or ``refused``;
    ``args_text``: the backend's name, then what to do (or the keyring's own words).
    """

    def __init__(self, message: str, code: str, *args: str) -> None:
        super().__init__(message)
        self.code = code
        self.args_text: tuple[str, ...] = tuple(args)


def backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def how_to_fix(platform: str = sys.platform) -> str:
    return _HOW_TO_FIX.get(platform, _HOW_TO_FIX["linux"])


def _is_plaintext(name: str) -> bool:
    return name.startswith("keyrings.alt.") or ".file." in name.lower()


class Vault:
    """Named secrets of Engage Desktop in one keyring backend (``SERVICE`` groups them)."""

    def __init__(self, backend: KeyringBackend, service: str = SERVICE) -> None:
        self.backend = backend
        self.service = service

    @classmethod
    def system(cls) -> Vault:
        """The machine's keyring as keyring chooses it (checked when it is first used)."""
        import keyring

        return cls(keyring.get_keyring())

    def describe(self) -> str:
        """The backend that would be used, e.g. ``keyring.backends.SecretService.Keyring``."""
        return backend_name(self._secure_backend())

    def put(self, reference: str, secret: str) -> None:
        """Store ``secret`` under ``reference``, replacing what was there."""
        backend = self._secure_backend()
        with self._refusals(backend):
            backend.set_password(self.service, reference, secret)

    def get(self, reference: str) -> str | None:
        backend = self._secure_backend()
        with self._refusals(backend):
            return backend.get_password(self.service, reference)

    def delete(self, reference: str) -> bool:
        """Remove the entry; False when there was none."""
        backend = self._secure_backend()
        with self._refusals(backend):
            try:
                backend.delete_password(self.service, reference)
            except PasswordDeleteError:
                return False
        return True

    def _secure_backend(self) -> KeyringBackend:
        """The backend to use: a secure one (first of a chain), unlocked; else refuse."""
        chosen = self.backend
        chain = getattr(chosen, "backends", None)
        if chain is not None:  # keyring's ChainerBackend: the first secure member, if any
            chosen = next((b for b in chain if backend_name(b) in SECURE_BACKENDS), chosen)
        name = backend_name(chosen)
        if name not in SECURE_BACKENDS:
            if _is_plaintext(name):
                raise VaultUnavailable(
                    f"The keyring backend {name} keeps secrets in a file, which Engage Desktop "
                    "refuses. Uninstall keyrings.alt (or unset PYTHON_KEYRING_BACKEND) and "
                    f"{how_to_fix()}.",
                    "plaintext_backend",
                    name,
                    how_to_fix(),
                )
            raise VaultUnavailable(
                f"No secure keyring is available on this machine (keyring backend: {name}). "
                f"Service-account keys are kept only in the OS keyring: {how_to_fix()}.",
                "no_secure_backend",
                name,
                how_to_fix(),
            )
        _refuse_if_locked(chosen)
        return chosen

    @contextlib.contextmanager
    def _refusals(self, backend: KeyringBackend) -> Iterator[None]:
        try:
            yield
        except KeyringError as exc:
            raise _refused(backend, exc) from None


def _refused(backend: KeyringBackend, exc: Exception) -> VaultUnavailable:
    name = backend_name(backend)
    reason = (str(exc) or type(exc).__name__)[:300]
    return VaultUnavailable(
        f"The OS keyring ({name}) refused: {reason}. Unlock it and try again.",
        "refused",
        name,
        reason,
    )


def _refuse_if_locked(backend: KeyringBackend) -> None:
    """A locked Secret Service collection is refused up front, without a password prompt.

    keyring would ask the desktop to prompt; from the service or a terminal nobody sees it, so
    the vault says what to do instead.
    """
    if backend_name(backend) != "keyring.backends.SecretService.Keyring":
        return
    import secretstorage

    try:
        connection = secretstorage.dbus_init()
    except secretstorage.exceptions.SecretStorageException as exc:
        raise _refused(backend, exc) from None
    try:
        path = getattr(backend, "preferred_collection", None)
        collection = (
            secretstorage.Collection(connection, path)
            if path
            else secretstorage.get_default_collection(connection)
        )
        locked = collection.is_locked()
        label = collection.get_label() if locked else ""
    except secretstorage.exceptions.SecretStorageException as exc:
        raise _refused(backend, exc) from None
    finally:
        connection.close()
    if locked:
        raise VaultUnavailable(
            f"The keyring collection '{label}' is locked. Unlock it (log in to the desktop "
            "session, or open 'Passwords and Keys') and try again.",
            "locked",
            label,
        )
