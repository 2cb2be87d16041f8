"""The Linux download, installed for real into a throw-away home by its own ``install.sh``.

The bundle is a stand-in folder (a shell script as the program, a symbolic link as PyInstaller
makes them): the archive's layout and the installer are what is tested here; the real bundle is
built and installed by ``scripts/bundle-smoke.sh`` in CI.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

from engage_desktop.store.location import APP_DIR_NAME
from installer.linux_package import archive_stem, make_archive

RELEASED = dt.date(2026, 12, 3)


def fake_bundle(folder: Path, says: str) -> Path:
    folder.mkdir(parents=True)
    program = folder / "engage-desktop"
    program.write_text(f'#!/bin/sh\necho "{says} $*"\n', encoding="utf-8")
    program.chmod(0o755)
    (folder / "_internal").mkdir()
    (folder / "_internal" / "libfoo.so.1").write_bytes(b"\x7fELF")
    (folder / "_internal" / "libfoo.so").symlink_to("libfoo.so.1")
    return folder


def build_and_unpack(tmp_path: Path, version: str, says: str) -> Path:
    bundle = fake_bundle(tmp_path / f"dist-{version}" / "engage-desktop", says)
    archive = make_archive(bundle, tmp_path / f"out-{version}", version, RELEASED)
    assert archive.name == f"{archive_stem(version)}.tar.gz"
    assert [p.name for p in archive.parent.iterdir()] == [archive.name]  # no staging left over
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / f"download-{version}", filter="tar")
    return tmp_path / f"download-{version}" / archive_stem(version)


def install(unpacked: Path, home: Path, *args: str, lang: str = "C.UTF-8") -> str:
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "LANG": lang}
    done = subprocess.run(
        [str(unpacked / "install.sh"), *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def desktop_entry(path: Path) -> dict[str, str]:
    """Schema-free check of the Desktop Entry format: one group first, ``key=value`` lines."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[0] == "[Desktop Entry]"
    entry = dict(line.split("=", 1) for line in lines[1:] if not line.startswith("#"))
    assert {"Type", "Name", "Exec", "Icon"} <= entry.keys()
    check = subprocess.run(
        [validator("desktop-file-validate"), str(path)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    return entry


def validator(program: str) -> str:
    """The freedesktop.org validators and GLib's launcher are required, not optional: a skipped
    check would pass a menu entry or metadata that desktops and software centres reject
    (scripts/install-system-deps.sh installs them)."""
    found = shutil.which(program)
    assert found, f"{program} is missing: run  bash scripts/install-system-deps.sh"
    return found


def test_the_archive_installs_per_user_into_local(tmp_path: Path) -> None:
    unpacked = build_and_unpack(tmp_path, "9.9.9", "version one")
    assert (unpacked / "engage-desktop" / "_internal" / "libfoo.so").is_symlink()
    home = tmp_path / "home"
    home.mkdir()
    said = install(unpacked, home)
    assert "Engage Desktop is installed" in said
    share = home / ".local" / "share"
    program = share / "engage-desktop" / "engage-desktop"
    link = home / ".local" / "bin" / "engage-desktop"
    assert link.is_symlink() and link.resolve() == program
    assert subprocess.run([str(link), "--x"], capture_output=True, text=True).stdout == (
        "version one --x\n"
    )
    entry = desktop_entry(share / "applications" / "engage-desktop.desktop")
    assert entry["Name"] == "Engage Desktop"
    assert entry["Exec"] == f'"{program}"'  # the full path: ~/.local/bin may not be on PATH
    assert entry["Icon"] == "engage-desktop" and entry["Type"] == "Application"
    for size in (16, 32, 64, 128, 256):
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "engage-desktop.png"
        with Image.open(icon) as image:
            assert image.size == (size, size)
    assert (share / "metainfo" / "io.engage.EngageDesktop.metainfo.xml").is_file()
    assert not list(share.glob("engage-desktop.*"))  # no .new / .old copies left


def test_the_metainfo_describes_this_release(tmp_path: Path) -> None:
    unpacked = build_and_unpack(tmp_path, "9.9.9", "x")
    path = unpacked / "io.engage.EngageDesktop.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.engage.EngageDesktop"
    assert root.findtext("name") == "Engage Desktop"
    assert root.findtext("launchable") == "engage-desktop.desktop"
    assert (unpacked / "engage-desktop.desktop").is_file()  # the file the launchable names
    assert root.findtext("provides/binary") == "engage-desktop"
    release = root.find("releases/release")
    assert release is not None
    assert (release.get("version"), release.get("date")) == ("9.9.9", "2026-12-03")
    assert root.find("description/p") is not None and root.findtext("summary")
    check = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", "--pedantic", str(path)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_an_update_replaces_the_program_and_uninstall_keeps_the_workspace(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    install(build_and_unpack(tmp_path, "1.0.0", "old"), home)
    install(build_and_unpack(tmp_path, "1.1.0", "new"), home)
    link = home / ".local" / "bin" / "engage-desktop"
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout == "new \n"
    workspace = (
        home / ".local" / "share" / APP_DIR_NAME / "workspace.sqlite"
    )  # where the app keeps it
    workspace.parent.mkdir(parents=True)
    workspace.write_bytes(b"the marketer's data")
    settings = home / ".config" / APP_DIR_NAME / "Engage Desktop.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text("[MainWindow]\n", encoding="utf-8")
    said = install(build_and_unpack(tmp_path, "1.1.1", "x"), home, "--uninstall")
    assert "removed" in said
    share = home / ".local" / "share"
    assert not link.exists() and not link.is_symlink()
    assert not (share / "engage-desktop").exists()
    assert not (share / "applications" / "engage-desktop.desktop").exists()
    assert not list((share / "icons").rglob("engage-desktop.png"))
    assert workspace.read_bytes() == b"the marketer's data"
    assert settings.read_text(encoding="utf-8") == "[MainWindow]\n"


def test_a_home_folder_with_spaces_and_symbols_gets_a_menu_entry_that_starts_the_app(
    tmp_path: Path,
) -> None:
    """The Exec line is quoted and escaped as the Desktop Entry spec says, and GLib's launcher
    (what GNOME, Xfce and others use) starts the program from it. A home folder with ``&``
    used to come out of install.sh's sed with the ``Exec=`` line pasted into the path."""
    home = tmp_path / "Zoé L'Hôte & co $HOME"
    home.mkdir()
    install(build_and_unpack(tmp_path, "9.9.9", "started"), home)
    desktop_file = home / ".local" / "share" / "applications" / "engage-desktop.desktop"
    entry = desktop_entry(desktop_file)  # desktop-file-validate accepts it
    program = home / ".local" / "share" / "engage-desktop" / "engage-desktop"
    assert entry["Exec"] == '"' + str(program).replace("$", "\\\\$") + '"'  # \\$, as the spec says
    launched = subprocess.run(
        [validator("gio"), "launch", str(desktop_file)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert launched.returncode == 0, launched.stderr
    assert launched.stdout == "started \n"  # the stand-in program ran, with no arguments


def test_install_speaks_french_in_a_french_session(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    unpacked = build_and_unpack(tmp_path, "9.9.9", "x")
    said = install(unpacked, home, lang="fr_FR.UTF-8")
    assert said.startswith(
        "Engage Desktop est installé : retrouvez-le dans le menu des applications"
    )
    assert "n'est pas dans votre PATH" in said
    said = install(unpacked, home, "--uninstall", lang="fr_FR.UTF-8")
    assert said == (
        "Engage Desktop a été désinstallé. Votre espace de travail et vos réglages sont conservés.\n"
    )


def test_install_refuses_a_partly_unpacked_archive(tmp_path: Path) -> None:
    unpacked = build_and_unpack(tmp_path, "9.9.9", "x")
    shutil.rmtree(unpacked / "engage-desktop")
    done = subprocess.run(
        [str(unpacked / "install.sh")],
        env={"HOME": str(tmp_path), "PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "is missing: unpack the whole archive first" in done.stderr
    assert not (tmp_path / ".local").exists()
