"""The Windows version resource (what Explorer's Properties › Details shows) for the bundle.

PyInstaller reads it as the text of a ``VSVersionInfo`` expression; written at build time from
the package's ``__version__`` so the two cannot disagree.
"""

from __future__ import annotations

import re
from pathlib import Path

COMPANY = "Engage Desktop"
DESCRIPTION = "Engage Desktop — mobile engagement campaigns"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` → ``(0, 1, 0, 0)``; a pre-release suffix (``0.2.0rc1``) is dropped."""
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", version)
    if match is None:
        raise ValueError(f"version {version!r} does not start with a number")
    major, minor, patch, build = (int(group or 0) for group in match.groups())
    return major, minor, patch, build


def version_info_text(version: str) -> str:
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": "engage-desktop",
        "OriginalFilename": "engage-desktop.exe",
        "ProductName": "Engage Desktop",
        "ProductVersion": version,
    }
    entries = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_info(target: Path, version: str) -> Path:
    target.write_text(version_info_text(version), encoding="utf-8")
    return target
