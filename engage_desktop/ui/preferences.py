"""The user's interface preferences, typed and versioned, stored in QSettings.

Only plain values are stored (no pickled Qt objects); ``SCHEMA_VERSION`` lets a later version
migrate old keys instead of misreading them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

SCHEMA_VERSION = 1
LANGUAGES = ("system", "fr", "en")


@dataclass(frozen=True)
class Preferences:
    language: str = "system"  # "system" follows the OS locale

    @classmethod
    def load(cls, settings: QSettings) -> Preferences:
        version = int(settings.value("preferences/schema_version", SCHEMA_VERSION))
        language = str(settings.value("preferences/language", "system"))
        if version > SCHEMA_VERSION or language not in LANGUAGES:
            return cls()  # written by a newer version, or edited by hand: fall back safely
        return cls(language=language)

    def save(self, settings: QSettings) -> None:
        settings.setValue("preferences/schema_version", SCHEMA_VERSION)
        settings.setValue("preferences/language", self.language)

    def language_or_none(self) -> str | None:
        return None if self.language == "system" else self.language
