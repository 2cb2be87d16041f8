"""Sandbox service-account files: real google-auth flow, no secret shipped with the code.

A demo app sends through the sandbox with a service-account JSON generated on first use (a fresh
RSA key) into the user's data folder, never into the workspace. The dispatch service sends its
token requests to the sandbox's ``/token`` endpoint (the sandbox address of this machine, not
the file's ``token_uri``), through exactly the code path it uses with Google: sign a JWT with the
key, exchange it for an access token, refresh when it expires.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from engage_desktop.core.endpoints import sandbox_data_dir


def sandbox_credentials_dir() -> Path:
    return sandbox_data_dir()


def sandbox_credentials(project_id: str, sandbox_url: str, folder: Path | None = None) -> Path:
    """The sandbox service-account file for a project, created (mode 0600) if missing."""
    target_dir = folder or sandbox_credentials_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in project_id)
    path = target_dir / f"sandbox-{safe}.json"
    token_uri = sandbox_url.rstrip("/") + "/token"
    stale = path.exists()
    if stale:
        info = json.loads(path.read_text())
        if info.get("token_uri") == token_uri:
            return path
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    info = {
        "type": "service_account",
        "project_id": project_id,
        "private_key_id": os.urandom(8).hex(),
        "private_key": pem,
        "client_email": f"sandbox@{safe}.iam.gserviceaccount.com",
        "client_id": "0",
        "token_uri": token_uri,
    }
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(info, fh)
    if stale:  # a key for another sandbox address: replace it
        tmp.replace(path)
        return path
    try:  # first creation: exactly one process wins, the others use its key
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return path
