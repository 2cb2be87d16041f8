"""JSON text for values stored by the importers."""

from __future__ import annotations

import json
from typing import Any

import orjson


def json_text(value: Any) -> str:
    """orjson (several times faster per small object than json), or json where it refuses.

    orjson refuses integers beyond 64 bits, which a free attribute column can hold.
    """
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(value)
