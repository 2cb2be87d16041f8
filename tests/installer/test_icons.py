"""The Windows and macOS icons hold the drawn sizes (read back with Pillow)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from installer.icons import write_icns, write_ico


def test_ico_holds_every_drawn_size(tmp_path: Path) -> None:
    with Image.open(write_ico(tmp_path / "app.ico")) as ico:
        assert ico.format == "ICO"
        assert {(16, 16), (32, 32), (64, 64), (128, 128), (256, 256)} <= set(ico.info["sizes"])


def test_icns_holds_the_large_sizes(tmp_path: Path) -> None:
    with Image.open(write_icns(tmp_path / "app.icns")) as icns:
        assert icns.format == "ICNS"
        assert (256, 256) in icns.info["sizes"] or (128, 128, 2) in icns.info["sizes"]
        icns.load()
        assert icns.mode == "RGBA"
