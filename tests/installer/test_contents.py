"""What the spec adds to the bundle: every run-time data file, and nothing of the sources."""

from __future__ import annotations

import ast
from pathlib import Path

from engage_desktop import __version__
from installer.contents import UNUSED_MODULES, data_files, is_unused_file, keep_used, version
from tests.support.paths import ROOT


def _bundled() -> dict[str, str]:
    """``{path in the bundle: source}`` for every data file."""
    return {f"{folder}/{Path(source).name}": source for source, folder in data_files()}


def test_every_compiled_translation_font_and_icon_goes_where_resource_path_looks() -> None:
    bundled = _bundled()
    resources = ROOT / "resources"
    for path in resources.rglob("*"):
        if path.is_file() and path.suffix != ".ts":
            relative = path.relative_to(resources).as_posix()
            assert f"engage_desktop/_resources/{relative}" in bundled, relative
    assert not [p for p in bundled if p.endswith(".ts")]  # translation sources stay out
    assert "engage_desktop/_resources/translations/composer_fr.qm" in bundled


def test_alembic_gets_its_environment_and_every_revision_as_files() -> None:
    bundled = _bundled()
    migrations = ROOT / "engage_desktop" / "store" / "migrations"
    revisions = sorted(p.name for p in (migrations / "versions").glob("*.py"))
    assert revisions  # at least the first schema
    for name in ["env.py", "script.py.mako", *(f"versions/{r}" for r in revisions)]:
        assert f"engage_desktop/store/migrations/{name}" in bundled, name
    assert not [p for p in bundled if "__pycache__" in p]


def test_unused_languages_plugins_and_sample_data_are_dropped() -> None:
    dropped = [
        "PySide6/Qt/translations/qtwebengine_locales/de.pak",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_zh_CN.qm",
        "matplotlib/mpl-data/sample_data/goog.npz",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so",
        "babel/locale-data/de_DE.dat",
        "babel/locale-data/frr.dat",
        "babel/locale-data/ja.dat",
    ]
    kept = [
        "PySide6/Qt/translations/qtwebengine_locales/fr.pak",
        "PySide6/Qt/translations/qtwebengine_locales/en-US.pak",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/translations/qtbase_en.qm",
        "PySide6/Qt/resources/qtwebengine_resources.pak",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
        "engage_desktop/_resources/translations/composer_fr.qm",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",  # QtWebEngineCore links it
        "babel/locale-data/root.dat",
        "babel/locale-data/fr.dat",
        "babel/locale-data/fr_FR.dat",
        "babel/locale-data/en_GB.dat",
        "babel/global.dat",
    ]
    assert [p for p in dropped if not is_unused_file(p)] == []
    assert [p for p in kept if is_unused_file(p)] == []
    entries = [(p, f"/src/{p}", "DATA") for p in dropped + kept]
    assert [e[0] for e in keep_used(entries)] == kept


def test_the_version_is_the_package_version() -> None:
    assert version() == __version__


def _imported_modules(folder: Path) -> dict[str, str]:
    """``{module: first file importing it}`` for every import statement under ``folder``,
    those inside functions included (PyInstaller follows them all the same)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_nothing_the_app_imports_is_excluded_from_the_bundle() -> None:
    """An excluded module the code starts to import works from source and fails only in the
    bundle: caught here, without a build."""
    imported = _imported_modules(ROOT / "engage_desktop")
    imported.update(_imported_modules(ROOT / "installer"))
    excluded = [
        (name, where)
        for name, where in imported.items()
        for unused in UNUSED_MODULES
        if name == unused or name.startswith(f"{unused}.")
    ]
    assert excluded == []
    assert "PySide6.QtWebEngineWidgets" in imported  # the scan sees the app's Qt imports
