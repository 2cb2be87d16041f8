"""Service-account key files as users pick them, whole or damaged, for the credential checks.

The private key is a marker, not a key: tests assert it never shows in a message.
"""

from __future__ import annotations

import json
from pathlib import Path

SECRET = "-----BEGIN PRIVATE KEY-----\nSECRET-MARKER-41\n-----END PRIVATE KEY-----\n"


def write_key(folder: Path, name: str, **changes: object) -> Path:
    """``folder/name``: a key of project "maison-test"; ``changes`` replace fields (None drops one)."""
    info: dict[str, object] = {
        "type": "service_account",
        "project_id": "maison-test",
        "private_key": SECRET,
        "client_email": "sender@maison-test.iam.gserviceaccount.com",
        "token_uri": "https://oauth2.googleapis.com/token",
    }
    info.update(changes)
    path = folder / name
    path.write_text(json.dumps({k: v for k, v in info.items() if v is not None}))
    return path
