"""The app icon in each platform's format, made from the PNGs in ``resources/icons``.

Linux takes the PNGs as they are (hicolor theme sizes); Windows wants one ``.ico`` and macOS one
``.icns`` holding several sizes. They are generated at build time, never committed, so the
drawing in ``scripts/make_icons.py`` stays the one source.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from installer.contents import ROOT

ICON_SIZES = (16, 32, 64, 128, 256)


def icon_png(size: int, root: Path = ROOT) -> Path:
    return root / "resources" / "icons" / f"engage-desktop-{size}.png"


def _images(root: Path) -> list[Image.Image]:
    return [Image.open(icon_png(size, root)).convert("RGBA") for size in ICON_SIZES]


def write_ico(target: Path, root: Path = ROOT) -> Path:
    """A Windows ``.ico`` with every drawn size (each drawn at its size, not scaled)."""
    images = _images(root)
    largest = images[-1]
    largest.save(target, format="ICO", sizes=[im.size for im in images], append_images=images[:-1])
    return target


def write_icns(target: Path, root: Path = ROOT) -> Path:
    """A macOS ``.icns``; sizes above 256 px are scaled up from the 256 px drawing."""
    images = _images(root)
    images[-1].save(target, format="ICNS", append_images=images[:-1])
    return target
