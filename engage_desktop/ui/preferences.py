"""The user's interface preferences, typed and versioned, stored in QSettings.

Only plain values are stored (no pickled Qt objects); ``SCHEMA_VERSION`` lets a later version
migrate old keys instead of misreading them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

SCHEMA_VERSION = 1
LANGUAGES = ("system", "fr", "en")
APPEARANCES = ("system", "light", "dark")


@dataclass(frozen=True)
class Preferences:
    language: str = "system"  # "system" follows the OS locale
    appearance: str = "system"  # "system" follows the OS light/dark setting

    @classmethod
    def load(cls, settings: QSettings) -> Preferences:
        version = _int(settings.value("preferences/schema_version", SCHEMA_VERSION))
        if version > SCHEMA_VERSION:
            return cls()  # written by a newer version: don't misread it
        language = str(settings.value("preferences/language", "system"))
        appearance = str(settings.value("preferences/appearance", "system"))
        # A value edited by hand falls back to the default on its own, keeping the others.
        return cls(
            language=language if language in LANGUAGES else "system",
            appearance=appearance if appearance in APPEARANCES else "system",
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue("preferences/schema_version", SCHEMA_VERSION)
        settings.setValue("preferences/language", self.language)
        settings.setValue("preferences/appearance", self.appearance)

    def language_or_none(self) -> str | None:
        return None if self.language == "system" else self.language


def _int(value: object) -> int:
    """QSettings gives back text from an INI file and numbers from the registry; a value edited
    by hand into something else reads as a schema newer than ours, so it is not misread."""
    try:
        return int(str(value))
    except ValueError:
        return SCHEMA_VERSION + 1
