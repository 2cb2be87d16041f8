"""Interface language: English source strings, French shipped as Qt .qm files.

Each area of the app has its own catalogue (``<area>_fr.qm``) so teams don't edit one big file;
all catalogues of the chosen language are installed, after Qt's own ``qtbase_fr`` (file dialogs,
standard buttons, text menus). ``qt_supplement_fr`` fills what that file misses for Qt 6's
strings ("&Look in:", "Files of &type:"), and, installed later, wins. English, the source language, only has
catalogues for counted messages (``%n``), which give its singular and plural forms.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from engage_desktop.resources import resource_path

SUPPORTED = ("en", "fr")


def system_language() -> str:
    name = QLocale.system().name()[:2]
    return name if name in SUPPORTED else "en"


def install_translators(app: QCoreApplication, lang: str | None) -> str:
    """Install the catalogues for ``lang`` (or the system language); return the language used."""
    lang = lang or system_language()
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )
    translators: list[QTranslator] = []
    if lang == "en":  # English needs its catalogues only for counts' plural forms ("%n")
        for qm in sorted(resource_path("translations").glob("*_en.qm")):
            tr = QTranslator(app)
            if tr.load(str(qm)):
                app.installTranslator(tr)
        return lang
    qt_tr = QTranslator(app)
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang != "en" and qt_tr.load(f"qtbase_{lang}", qt_path):
        translators.append(qt_tr)
    for qm in sorted(resource_path("translations").glob(f"*_{lang}.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            translators.append(tr)
    for tr in translators:
        app.installTranslator(tr)
    return lang
