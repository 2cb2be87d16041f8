"""The Linux download: one ``.tar.gz`` a person unpacks and installs with ``./install.sh``.

Layout of ``engage-desktop-VERSION-linux-ARCH.tar.gz``::

    engage-desktop-VERSION-linux-ARCH/
        install.sh                           per-user install to ~/.local (and --uninstall)
        engage-desktop/                      the PyInstaller folder; engage-desktop/engage-desktop runs it
        engage-desktop.desktop               the menu entry
        io.engage.EngageDesktop.metainfo.xml AppStream metadata (software centres)
        icons/hicolor/NxN/apps/engage-desktop.png
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import tarfile
from pathlib import Path

from installer.contents import APP_ID, DESKTOP_ID, ROOT
from installer.icons import ICON_SIZES, icon_png

LINUX_FILES = ROOT / "installer" / "linux"


def archive_stem(version: str, machine: str | None = None) -> str:
    return f"engage-desktop-{version}-linux-{machine or platform.machine()}"


def metainfo_text(version: str, released: dt.date) -> str:
    template = (LINUX_FILES / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    return template.replace("@VERSION@", version).replace("@DATE@", released.isoformat())


def stage(bundle: Path, folder: Path, version: str, released: dt.date, root: Path = ROOT) -> Path:
    """Lay the archive's contents out in ``folder`` (created; must not exist)."""
    folder.mkdir(parents=True)
    # Hard links, not copies: the bundle is hundreds of megabytes and only read from here on.
    shutil.copytree(bundle, folder / "engage-desktop", symlinks=True, copy_function=_link_or_copy)
    shutil.copy2(LINUX_FILES / "install.sh", folder / "install.sh")
    (folder / "install.sh").chmod(0o755)
    shutil.copy2(LINUX_FILES / f"{DESKTOP_ID}.desktop", folder / f"{DESKTOP_ID}.desktop")
    (folder / f"{APP_ID}.metainfo.xml").write_text(
        metainfo_text(version, released), encoding="utf-8"
    )
    for size in ICON_SIZES:
        target = folder / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(icon_png(size, root), target / f"{DESKTOP_ID}.png")
    return folder


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed there
        shutil.copy2(source, target)


def make_archive(bundle: Path, out: Path, version: str, released: dt.date | None = None) -> Path:
    """Stage the files beside ``out`` and pack them into ``out/STEM.tar.gz``; returns its path.

    Written to a hidden name and renamed at the end, so an interrupted build leaves no archive
    that looks complete.
    """
    stem = archive_stem(version)
    staging = out / f".{stem}.staging"
    if staging.exists():
        shutil.rmtree(staging)
    stage(bundle, staging / stem, version, released or dt.date.today())
    archive = out / f"{stem}.tar.gz"
    partial = out / f".{stem}.tar.gz.partial"
    try:
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            tar.add(staging / stem, arcname=stem)
        partial.replace(archive)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        partial.unlink(missing_ok=True)
    return archive
