"""The one check of a Google service-account key: a file an admin picks, or the keyring's copy.

Each failure has its own message naming the file and what is wrong (``messages``): not JSON, cut
short, a Firebase app configuration instead of a key, a wrong ``type``, missing fields, a key of
another project, a private key that does not load. Messages never quote the key; the only values
read from it that are ever shown are its fingerprint (client email, key id) and its project.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from engage_desktop.core.credentials.messages import (
    CREDENTIAL_MESSAGES,
    CredentialError,
    credential_error,
)
from engage_desktop.core.messages import CodedText

REQUIRED_FIELDS = ("project_id", "private_key_id", "private_key", "client_email")
MAX_KEY_FILE = 64 * 1024  # a real key is ~2.3 KB


@dataclass(frozen=True)
class ServiceAccountKey:
    """A checked key. ``repr`` and ``str`` show the fingerprint only, never the private key."""

    project_id: str
    client_email: str
    key_id: str
    _info: dict[str, Any] = field(repr=False, compare=False)

    def info(self) -> dict[str, Any]:
        """The key as google-auth wants it (a copy: callers may set ``token_uri``)."""
        return dict(self._info)

    def secret_json(self) -> str:
        """What the keyring stores."""
        return json.dumps(self._info, separators=(",", ":"), sort_keys=True)

    def __str__(self) -> str:
        return f"{self.client_email} (key {self.key_id})"


@dataclass(frozen=True)
class CheckedKeyFile:
    key: ServiceAccountKey
    warnings: tuple[CodedText, ...] = ()


def read_key_file(path: str | Path, expected_project: str) -> CheckedKeyFile:
    """Read and check a key file an admin gave; warns when other users can read it."""
    file = Path(path).expanduser()
    where = str(file)
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise credential_error("sa_is_folder", where)
        if info.st_size > MAX_KEY_FILE:
            raise credential_error("sa_too_big", where, str(info.st_size))
        raw = file.read_bytes()
    except FileNotFoundError:
        raise credential_error("sa_not_found", where) from None
    except IsADirectoryError:
        raise credential_error("sa_is_folder", where) from None
    except OSError as exc:
        raise credential_error("sa_unreadable", where, exc.strerror or type(exc).__name__) from None
    key = parse_key(raw, where, expected_project)
    warnings: tuple[CodedText, ...] = ()
    if os.name == "posix" and info.st_mode & (stat.S_IRGRP | stat.S_IROTH):
        warnings = (CREDENTIAL_MESSAGES.text("sa_readable", where),)
    return CheckedKeyFile(key, warnings)


def parse_key(raw: bytes | str, where: str, expected_project: str) -> ServiceAccountKey:
    """Check a key's JSON text; ``where`` names it in messages (a path, or the keyring entry)."""
    info = _load_json(raw, where)
    if not isinstance(info, dict):
        raise credential_error("sa_wrong_type", where, type(info).__name__)
    if "project_info" in info and "client" in info:
        raise credential_error("sa_client_config", where)
    kind = info.get("type")
    if kind != "service_account":
        raise credential_error("sa_wrong_type", where, str(kind)[:40] if kind else "—")
    missing = [name for name in REQUIRED_FIELDS if not info.get(name)]
    if missing:
        raise credential_error("sa_missing", where, ", ".join(missing))
    found = str(info["project_id"])
    if found != expected_project:
        raise credential_error("sa_wrong_project", where, found, expected_project)
    _check_private_key(str(info["private_key"]), where)
    return ServiceAccountKey(found, str(info["client_email"]), str(info["private_key_id"]), info)


def _load_json(raw: bytes | str, where: str) -> Any:
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:  # a binary file (a .p12 key, an image…)
        raise credential_error("sa_not_json", where, "1", str(exc.start + 1)) from None
    if not text.strip():
        raise credential_error("sa_truncated", where, "0")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # The parser ran out of text (at the end, or inside a string that never closes, since
        # a JSON string cannot hold a raw line break): the file is cut short.
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise credential_error("sa_truncated", where, str(len(text.encode()))) from None
        raise credential_error("sa_not_json", where, str(exc.lineno), str(exc.colno)) from None


def _check_private_key(pem: str, where: str) -> None:
    try:
        key = load_pem_private_key(pem.encode(), password=None)
    except Exception:  # ValueError, TypeError, UnsupportedAlgorithm… all say "does not load"
        raise credential_error("sa_bad_key", where) from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise credential_error("sa_bad_key", where)


__all__ = [
    "CheckedKeyFile",
    "CredentialError",
    "ServiceAccountKey",
    "parse_key",
    "read_key_file",
]
