"""The Windows version resource parses with PyInstaller's own reader and carries our version."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from installer.version_info import version_tuple, write_version_info


def test_version_numbers() -> None:
    assert version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_tuple("2.3rc1") == (2, 3, 0, 0)
    assert version_tuple("1.2.3.4.5") == (1, 2, 3, 4)
    with pytest.raises(ValueError, match="'dev' does not start with a number"):
        version_tuple("dev")


def test_the_resource_is_the_expression_pyinstaller_evaluates(tmp_path: Path) -> None:
    """PyInstaller ``eval``s the text with its ``versioninfo`` classes, which import Windows-only
    modules; here each class records what it was given, so structure and values are checked."""
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]  # fmt: skip

    def recorder(kind: str) -> Callable[..., dict[str, Any]]:
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    path = write_version_info(tmp_path / "version.txt", "1.4.2")
    info = eval(path.read_text(encoding="utf-8"), {n: recorder(n) for n in names})
    assert info["kind"] == "VSVersionInfo"
    assert info["ffi"]["filevers"] == info["ffi"]["prodvers"] == (1, 4, 2, 0)
    string_info, var_info = info["kids"]
    (table,) = string_info["args"][0]
    strings = {s["args"][0]: s["args"][1] for s in table["args"][1]}
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "engage-desktop.exe"
    assert var_info["kind"] == "VarFileInfo"
