"""Refresh the French catalogues from the sources, then compile them.

Each area of the UI has its own catalogue ``resources/translations/<area>_fr.ts`` (so people
working on different areas don't edit one file), and, when it counts things with ``%n``, an
English one holding only those messages' singular and plural (written by this script). After
running this, translate the French entries marked unfinished (Qt Linguist, or by hand in the XML) and run it again to build the .qm files.

    python scripts/update_translations.py           # lupdate + lrelease for every area
    python scripts/update_translations.py foundation # one area only
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

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
        "pages/workspace_figures.py",
    ],
    "credentials": ["credentials"],
    "composer": ["composer", "pages/campaigns.py"],
    "campaign_tidy": ["pages/campaign_tidy.py"],
    "previews": ["preview", "theme.py"],
    "event_labels": ["event_labels.py"],
    "audience": ["audience", "pages/audiences.py"],
    "dispatch": ["sending", "service_launcher.py"],
    "imports": ["imports"],
    "messages": ["messages"],
    "admin": ["admin", "permissions.py", "context.py"],
    "provider_accounts": ["provider_accounts"],
    "admin_audit": ["audit", "approvals"],
    "analytics": ["analytics"],
    "delivery": ["delivery"],
    "workflow": ["workflow"],
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
        english_plurals(area, files)
    return 0


def english_plurals(area: str, files: list[str]) -> None:
    """``<area>_en.ts``: only the counted messages (``%n``), their English forms written from
    the source's ``(s)`` convention ("%n profile(s)" → "%n profile", "%n profiles"). English
    needs no other translation; an area without counted messages gets no English catalogue."""
    ts = TRANSLATIONS / f"{area}_en.ts"
    subprocess.run(
        [
            *("pyside6-lupdate", "-locations", "none", "-no-obsolete", "-pluralonly"),
            *("-target-language", "en", *files, "-ts", str(ts)),
        ],
        check=True,
    )
    tree = ElementTree.parse(ts)
    messages = tree.findall(".//message[@numerus='yes']")
    if not messages:
        ts.unlink()
        ts.with_suffix(".qm").unlink(missing_ok=True)
        return
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        for form in list(translation):
            translation.remove(form)
        for text in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ElementTree.SubElement(translation, "numerusform").text = text
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
