"""``python -m installer build [--out DIR]``: PyInstaller, then the platform's download.

Prints the bundle's size, then the path of what to ship as the last line: the ``.tar.gz`` on
Linux, the ``.app`` on macOS, the folder on Windows (signing and packaging steps for those are in
``installer/README.md``).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from installer.contents import ROOT, version

SPEC = ROOT / "installer" / "engage-desktop.spec"


class BuildError(Exception):
    """The build could not run or failed; the message says what to do."""


@dataclass(frozen=True)
class Build:
    """Attributes: bundle: the onedir folder; shipped: what to hand out; sizes in bytes; the
    seconds PyInstaller and the packaging (the archive) took."""

    bundle: Path
    shipped: Path
    bundle_bytes: int
    shipped_bytes: int
    pyinstaller_seconds: float
    package_seconds: float


def folder_bytes(folder: Path) -> int:
    """Bytes of the files under ``folder`` (symbolic links not followed nor counted twice)."""
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath, name)
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def _platform_options(work: Path) -> list[str]:
    from installer.icons import write_icns, write_ico
    from installer.version_info import write_version_info

    if sys.platform == "win32":
        return [
            "--icon",
            str(write_ico(work / "engage-desktop.ico")),
            "--version-file",
            str(write_version_info(work / "version-info.txt", version())),
        ]
    if sys.platform == "darwin":
        return ["--icon", str(write_icns(work / "engage-desktop.icns"))]
    return []


def run_pyinstaller(dist: Path, work: Path, *, keep_unused: bool) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError("PyInstaller is not installed: run  pip install -e '.[installer]'  first.")
    work.mkdir(parents=True, exist_ok=True)
    options = _platform_options(work) + (["--keep-unused"] if keep_unused else [])
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC), "--", *options,
    ]  # fmt: skip
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise BuildError(f"PyInstaller failed (see its output above): {' '.join(command)}")
    return dist / "engage-desktop"


def build(out: Path, *, keep_unused: bool = False) -> Build:
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="engage-pyinstaller-") as work:
        bundle = run_pyinstaller(out, Path(work), keep_unused=keep_unused)
    built = time.monotonic()
    shipped = bundle
    if sys.platform.startswith("linux"):
        from installer.linux_package import make_archive

        shipped = make_archive(bundle, out, version())
    elif sys.platform == "darwin":
        shipped = out / "Engage Desktop.app"
    size = shipped.stat().st_size if shipped.is_file() else folder_bytes(shipped)
    packaged = time.monotonic()
    return Build(bundle, shipped, folder_bytes(bundle), size, built - started, packaged - built)


def report(result: Build) -> list[str]:
    """What ``build`` prints: sizes first, the path of what to ship last."""
    lines = [
        f"bundle: {result.bundle} — {result.bundle_bytes / 1e6:.1f} MB "
        f"(PyInstaller {result.pyinstaller_seconds:.0f} s)"
    ]
    if result.shipped != result.bundle:
        lines.append(
            f"download: {result.shipped_bytes / 1e6:.1f} MB "
            f"(packed in {result.package_seconds:.0f} s)"
        )
    lines.append(str(result.shipped))
    return lines


def build_and_report(out: Path, *, keep_unused: bool = False) -> list[str]:
    return report(build(out, keep_unused=keep_unused))
