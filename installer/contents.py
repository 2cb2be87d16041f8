"""What goes into the bundle besides the code PyInstaller finds by following imports.

The spec (``engage-desktop.spec``) calls these; they are plain functions so tests can check
them without running PyInstaller.

- Data files: ``resources/`` (icons, fonts, compiled translations) where ``engage_desktop.
  resources`` looks for them in a wheel, and the Alembic migrations as source files, because
  Alembic loads ``env.py`` and each revision from a path, not through the import system.
- Hidden imports: every ``engage_desktop`` module, since the CLI loads its commands by name.
- Excludes: Python modules nothing here imports but hooks may drag in; the Qt and Chromium
  translations and Babel locale data of languages the app does not speak; Qt plugins no desktop
  session loads (and the libraries only they need).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.engage.EngageDesktop"  # AppStream id and macOS bundle identifier
DESKTOP_ID = "engage-desktop"  # ui.app.create_application sets it: name of the .desktop file

# Languages the app ships (ui.i18n): Qt's own translations and Chromium's locales for the others
# only cost space.
LANGUAGES = ("en", "fr")

# Python modules to leave out. Qt modules the app never imports (it uses QtCore, QtGui,
# QtWidgets, QtNetwork, QtSvg, QtWebEngine*), Tk, and the test tools pulled in by optional
# imports of the libraries we use.
UNUSED_MODULES = [
    "tkinter",
    "_tkinter",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtBluetooth",
    "PySide6.QtCharts",
    "PySide6.QtConcurrent",
    "PySide6.QtDataVisualization",
    "PySide6.QtDesigner",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtHelp",
    "PySide6.QtHttpServer",
    "PySide6.QtLocation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtNfc",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtPositioning",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtSerialBus",
    "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio",
    "PySide6.QtSql",
    "PySide6.QtStateMachine",
    "PySide6.QtTest",
    "PySide6.QtTextToSpeech",
    "PySide6.QtUiTools",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.QtXml",
    "matplotlib.backends.backend_qtagg",
    "matplotlib.backends.backend_qtcairo",
    "matplotlib.backends.qt_compat",
    "matplotlib.tests",
    "numpy.tests",
    "pytest",
    "IPython",
]


def version(root: Path = ROOT) -> str:
    """The version ``engage_desktop/__init__.py`` declares, read without importing the package."""
    text = (root / "engage_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise ValueError(f"no __version__ line in {root / 'engage_desktop' / '__init__.py'}")
    return match.group(1)


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """``(source file, folder in the bundle)`` for every data file the app reads at run time."""
    files: list[tuple[str, str]] = []
    resources = root / "resources"
    for path in sorted(resources.rglob("*")):
        if path.is_file() and path.suffix != ".ts":  # .ts are translation sources; .qm ship
            target = Path("engage_desktop/_resources") / path.parent.relative_to(resources)
            files.append((str(path), target.as_posix()))
    migrations = root / "engage_desktop" / "store" / "migrations"
    for path in sorted(migrations.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".mako"} and "__pycache__" not in path.parts:
            target = Path("engage_desktop/store/migrations") / path.parent.relative_to(migrations)
            files.append((str(path), target.as_posix()))
    return files


# Qt plugins a desktop session never loads, and the libraries only they need: the PDF image
# format (libQt6Pdf), the on-screen keyboard (built on Qt Quick), and the embedded-device
# platforms (framebuffer, EGLFS, VNC, Vulkan display). X11/xcb, Wayland, offscreen and minimal
# stay. Checked by the smoke test, which runs the bundle without them.
UNUSED_QT_FILES = (
    "plugins/imageformats/libqpdf.so",
    "lib/libQt6Pdf.so.6",
    "plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "lib/libQt6VirtualKeyboard.so.6",
    "lib/libQt6VirtualKeyboardQml.so.6",
    "plugins/platforms/libqeglfs.so",
    "plugins/platforms/libqlinuxfb.so",
    "plugins/platforms/libqvnc.so",
    "plugins/platforms/libqvkkhrdisplay.so",
    "plugins/egldeviceintegrations/",
    "lib/libQt6EglFSDeviceIntegration.so.6",
    "lib/libQt6EglFsKmsSupport.so.6",
)


def is_unused_file(bundle_path: str) -> bool:
    """True for files the app never reads: Qt / QtWebEngine translations of languages it does not
    ship, the Qt plugins above, Babel's data for other locales (only python-liquid imports Babel,
    for message catalogues the app does not use), and matplotlib's sample data.

    ``bundle_path`` is the file's destination inside the bundle, with ``/`` separators.
    """
    path = bundle_path.replace("\\", "/")
    parts = path.split("/")
    name = parts[-1]
    if path.startswith("PySide6/Qt/") and path[len("PySide6/Qt/") :].startswith(UNUSED_QT_FILES):
        return True
    if "qtwebengine_locales" in parts and name.endswith(".pak"):
        return name.split(".")[0] not in {"en-US", "en-GB", "fr"}
    if "translations" in parts and "PySide6" in parts and name.endswith(".qm"):
        stem = name[: -len(".qm")]
        return stem.rsplit("_", 1)[-1] not in LANGUAGES
    if parts[:2] == ["babel", "locale-data"] and name.endswith(".dat"):
        return name != "root.dat" and name.split("_")[0].removesuffix(".dat") not in LANGUAGES
    return "sample_data" in parts and "mpl-data" in parts


def keep_used(entries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """PyInstaller's TOC entries ``(destination, source, kind)``, binaries or data, minus the
    files ``is_unused_file`` names."""
    return [entry for entry in entries if not is_unused_file(entry[0])]
