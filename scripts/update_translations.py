"""Refresh the French catalogues from the sources, then compile them.

Each area of the UI has its own catalogue ``resources/translations/<area>_fr.ts`` (so people
working on different areas don't edit one file). After running this, translate the entries
marked unfinished (Qt Linguist, or by hand in the XML) and run it again to build the .qm files.

    python scripts/update_translations.py           # lupdate + lrelease for every area
    python scripts/update_translations.py foundation # one area only
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "engage_desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"

# area -> source files or folders (relative to engage_desktop/ui)
AREAS: dict[str, list[str]] = {
    "foundation": [
        "app.py",
        "startup.py",
        "main_window.py",
        "i18n.py",
        "navigation.py",
        "pages/base.py",
        "pages/settings.py",
        "pages/fcm_settings.py",
    ],
    "composer": ["composer", "preview", "pages/campaigns.py"],
    "audience": ["audience", "pages/audiences.py"],
    "dispatch": ["sending", "service_launcher.py"],
    "imports": ["imports"],
    "messages": ["messages.py"],
    "analytics": ["analytics"],
}


def sources(area: str) -> list[str]:
    found: list[str] = []
    for item in AREAS[area]:
        path = UI / item
        if path.is_dir():
            found += [str(p) for p in sorted(path.rglob("*.py"))]
        elif path.exists():
            found.append(str(path))
    return found


def main(areas: list[str]) -> int:
    for area in areas or AREAS:
        files = sources(area)
        if not files:
            continue
        ts = TRANSLATIONS / f"{area}_fr.ts"
        subprocess.run(
            ["pyside6-lupdate", "-locations", "none", "-no-obsolete", *files, "-ts", str(ts)],
            check=True,
        )
        subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
