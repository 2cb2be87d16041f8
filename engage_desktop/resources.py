"""Find bundled resources (icons, fonts, translations) in a wheel or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).parent / "_resources"
_SOURCE = Path(__file__).parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    base = _PACKAGED if _PACKAGED.is_dir() else _SOURCE
    return base.joinpath(*parts)
