"""Fill unfinished entries of a .ts catalogue from a Python dict of English → French.

    python scripts/fill_translations.py resources/translations/foundation_fr.ts table.py

``table.py`` defines ``FR = {...}``. Entries already translated are kept. Prints what is still
missing, so nothing ships untranslated by accident.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts_path: Path, table: dict[str, str]) -> list[str]:
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            if source in table:
                translation.text = table[source]
                translation.attrib.pop("type", None)
            else:
                missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    table = runpy.run_path(sys.argv[2])["FR"]
    left = fill(Path(sys.argv[1]), table)
    for source in left:
        print(f"untranslated: {source!r}")
    sys.exit(1 if left else 0)
