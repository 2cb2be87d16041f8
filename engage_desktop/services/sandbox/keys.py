"""Checks the signature of the OAuth2 assertions the sandbox's ``/token`` endpoint receives.

Google verifies a service account's JWT against the public key named by the JWT's ``kid``
header. The sandbox does the same with the keys it knows: the sandbox service-account files in
its data folder (``credentials.sandbox_credentials`` writes them there), read again when an
unknown key id arrives (a key created after the sandbox started).
"""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

log = logging.getLogger(__name__)


class AssertionRefused(Exception):
    """The assertion is refused; the message is what Google's token endpoint would say."""


@dataclass(frozen=True)
class KnownKey:
    email: str
    public_key: rsa.RSAPublicKey


def b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


class KeyRing:
    """Public keys by key id, from ``sandbox-*.json`` service-account files in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._keys: dict[str, KnownKey] = {}
        self._seen: dict[Path, float] = {}

    def find(self, key_id: str) -> KnownKey | None:
        if key_id not in self._keys:
            self._scan()
        return self._keys.get(key_id)

    def _scan(self) -> None:
        for path in sorted(self.folder.glob("sandbox-*.json")):
            try:
                mtime = path.stat().st_mtime
                if self._seen.get(path) == mtime:
                    continue
                self._seen[path] = mtime
                info = json.loads(path.read_text(encoding="utf-8"))
                key = serialization.load_pem_private_key(info["private_key"].encode(), None)
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("skipping sandbox key file %s: %s", path.name, exc)
                continue
            if isinstance(key, rsa.RSAPrivateKey):
                self._keys[str(info.get("private_key_id"))] = KnownKey(
                    str(info.get("client_email")), key.public_key()
                )

    def verify(self, assertion: str) -> dict[str, Any]:
        """The assertion's claims once its RS256 signature checks out (else AssertionRefused)."""
        try:
            head, body, signature = assertion.split(".")
            header = json.loads(b64decode(head))
            claims = json.loads(b64decode(body))
            raw_signature = b64decode(signature)
        except ValueError:
            raise AssertionRefused("Invalid JWT.") from None
        if not isinstance(header, dict) or not isinstance(claims, dict):
            raise AssertionRefused("Invalid JWT.")
        if header.get("alg") != "RS256":
            raise AssertionRefused("Invalid JWT: only RS256 is accepted.")
        known = self.find(str(header.get("kid", "")))
        if known is None:
            raise AssertionRefused("Invalid JWT Signature.")  # Google's answer for an unknown key
        try:
            known.public_key.verify(
                raw_signature,
                f"{head}.{body}".encode("ascii"),
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except (InvalidSignature, UnicodeEncodeError):
            raise AssertionRefused("Invalid JWT Signature.") from None
        if claims.get("iss") != known.email:
            raise AssertionRefused("Invalid JWT: the issuer does not own this key.")
        if not str(claims.get("aud", "")).endswith("/token"):
            raise AssertionRefused("Invalid JWT: wrong audience.")
        return claims
