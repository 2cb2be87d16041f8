"""What an app is made of, checked against Firebase's, Android's, Apple's and IANA's rules.

Checked in core so the Settings page, the CLI and any script refuse the same values with the
same words: each refusal is an ``AppError`` naming the field and the value.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, field
from functools import cache

from engage_desktop.core.messages import CodedError, MessageTable

NAME_LIMIT = 120
PACKAGE_LIMIT = 255  # Android has no hard limit below the file system's; Play uses 255
BUNDLE_LIMIT = 155  # App Store Connect's limit for a bundle id

# Google Cloud project ids: 6-30 characters, lowercase letters, digits and hyphens, starting
# with a letter and not ending with a hyphen.
_PROJECT_ID = re.compile(r"[a-z][a-z0-9-]{4,28}[a-z0-9]")
# Android application ids: two or more dot-separated parts, each a letter then letters, digits
# or underscores.
_ANDROID_PACKAGE = re.compile(r"[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+")
# iOS bundle ids: reverse-DNS, letters, digits, hyphens and dots only.
_BUNDLE_ID = re.compile(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")

APP_MESSAGES = MessageTable(
    {
        "app_not_found": "There is no app with id {0} in this workspace.",
        "no_name": "An app needs a display name.",
        "name_too_long": "The app name '{0}' is longer than {1} characters.",
        "name_taken": "An app named '{0}' already exists in this workspace.",
        "bad_project_id": (
            "'{0}' is not a Firebase project id: 6 to 30 lowercase letters, digits or hyphens, "
            "starting with a letter and not ending with a hyphen."
        ),
        "bad_android_package": (
            "'{0}' is not an Android package name (like com.example.shop: two or more parts "
            "separated by dots, each starting with a letter; letters, digits, underscores)."
        ),
        "bad_bundle_id": (
            "'{0}' is not an iOS bundle id (like com.example.shop: letters, digits, hyphens, "
            "two or more parts separated by dots)."
        ),
        "duplicate_identifier": "'{0}' is listed twice.",
        "bad_time_zone": (
            "'{0}' is not a time zone name of the IANA database (like Europe/Paris)."
        ),
        "no_right_to_add": (
            "Only an admin of an app of this workspace may add apps; you administer none."
        ),
        "confirm_mismatch": (
            "Removal not confirmed: type the app's name '{0}' exactly to remove it."
        ),
    }
)
"""English sentences of every refusal about apps, by code (``ui.apps`` words them in French)."""


class AppError(CodedError, ValueError):
    """An app that cannot be added, changed or removed; ``field`` names the input at fault."""

    def __init__(self, field_name: str, code: str, *args: str) -> None:
        super().__init__(APP_MESSAGES.english(code, *args), code, *args)
        self.field = field_name


@dataclass(frozen=True)
class AppIdentity:
    """What the admin types for an app: display name, Firebase project, store ids, time zone.

    ``icon_png`` is the preview icon already normalised by ``core.apps.icon.normalise_icon``
    (None: no icon; the preview draws the platform's blank one).
    """

    name: str
    project_id: str
    android_packages: tuple[str, ...] = ()
    ios_bundle_ids: tuple[str, ...] = ()
    time_zone: str = "Europe/Paris"
    icon_png: bytes | None = field(default=None, repr=False)


def checked(identity: AppIdentity) -> AppIdentity:
    """The identity with spaces trimmed, or the first ``AppError`` found, field by field."""
    name = identity.name.strip()
    if not name:
        raise AppError("name", "no_name")
    if len(name) > NAME_LIMIT:
        raise AppError("name", "name_too_long", name[:40] + "…", str(NAME_LIMIT))
    project = identity.project_id.strip()
    if not _PROJECT_ID.fullmatch(project):
        raise AppError("project_id", "bad_project_id", project)
    packages = _identifiers(
        identity.android_packages, "android_packages", _ANDROID_PACKAGE, PACKAGE_LIMIT
    )
    bundles = _identifiers(identity.ios_bundle_ids, "ios_bundle_ids", _BUNDLE_ID, BUNDLE_LIMIT)
    zone = identity.time_zone.strip()
    if zone not in time_zones():
        raise AppError("time_zone", "bad_time_zone", zone)
    return AppIdentity(name, project, packages, bundles, zone, identity.icon_png)


def _identifiers(
    values: tuple[str, ...], field_name: str, pattern: re.Pattern[str], limit: int
) -> tuple[str, ...]:
    code = "bad_android_package" if field_name == "android_packages" else "bad_bundle_id"
    out: list[str] = []
    for raw in values:
        value = raw.strip()
        if not value:
            continue
        if len(value) > limit or not pattern.fullmatch(value):
            raise AppError(field_name, code, value)
        if value in out:
            raise AppError(field_name, "duplicate_identifier", value)
        out.append(value)
    return tuple(out)


def split_identifiers(text: str) -> tuple[str, ...]:
    """Ids typed in one field or option, separated by commas, spaces or new lines."""
    return tuple(part for part in re.split(r"[\s,;]+", text) if part)


@cache
def time_zones() -> frozenset[str]:
    """IANA zone names known to this machine (the system database, or the tzdata package)."""
    return frozenset(zoneinfo.available_timezones())
