"""Words of the admin screens shared by several widgets: roles, sending modes, and every refusal
of ``core.apps`` and ``core.team`` in the user's language (core's English for unknown codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engage_desktop.store.models import Role
from engage_desktop.ui.messages import coded_text, permission_text
from engage_desktop.ui.messages.base import QT_TRANSLATE_NOOP, translated


def role_name(role: Role) -> str:
    return {
        Role.ADMIN: QCoreApplication.translate("AdminTexts", "Admin"),
        Role.MARKETER: QCoreApplication.translate("AdminTexts", "Marketer"),
        Role.ANALYST: QCoreApplication.translate("AdminTexts", "Analyst"),
    }[role]


def role_summary(role: Role) -> str:
    """What a role may do, for the member dialog."""
    return {
        Role.ADMIN: QCoreApplication.translate(
            "AdminTexts", "Everything, including the app, its credentials and its team."
        ),
        Role.MARKETER: QCoreApplication.translate(
            "AdminTexts", "Composes, targets, schedules and sends campaigns; imports contacts."
        ),
        Role.ANALYST: QCoreApplication.translate(
            "AdminTexts", "Reads campaigns, audiences and reports, and exports them."
        ),
    }[role]


def sending_mode(use_sandbox: bool) -> str:
    if use_sandbox:
        return QCoreApplication.translate("AdminTexts", "Local sandbox")
    return QCoreApplication.translate("AdminTexts", "Firebase (FCM)")


# Refusals of core.apps (identity, manage, icon) and core.team, by code.
_REFUSALS: dict[str, str] = {
    # core.apps.identity / manage
    "app_not_found": QT_TRANSLATE_NOOP(
        "AdminTexts", "There is no app with id %1 in this workspace."
    ),
    "no_name": QT_TRANSLATE_NOOP("AdminTexts", "An app needs a display name."),
    "name_too_long": QT_TRANSLATE_NOOP("AdminTexts", "The name “%1” is longer than %2 characters."),
    "name_taken": QT_TRANSLATE_NOOP(
        "AdminTexts", "An app named “%1” already exists in this workspace."
    ),
    "bad_project_id": QT_TRANSLATE_NOOP(
        "AdminTexts",
        "“%1” is not a Firebase project id: 6 to 30 lowercase letters, digits or hyphens, "
        "starting with a letter and not ending with a hyphen.",
    ),
    "bad_android_package": QT_TRANSLATE_NOOP(
        "AdminTexts",
        "“%1” is not an Android package name (like com.example.shop: two or more parts "
        "separated by dots, each starting with a letter; letters, digits, underscores).",
    ),
    "bad_bundle_id": QT_TRANSLATE_NOOP(
        "AdminTexts",
        "“%1” is not an iOS bundle id (like com.example.shop: letters, digits, hyphens, two "
        "or more parts separated by dots).",
    ),
    "duplicate_identifier": QT_TRANSLATE_NOOP("AdminTexts", "“%1” is listed twice."),
    "bad_time_zone": QT_TRANSLATE_NOOP(
        "AdminTexts",
        "“%1” is not a time zone name of the IANA database (like Europe/Paris).",
    ),
    "no_right_to_add": QT_TRANSLATE_NOOP(
        "AdminTexts",
        "Only an admin of an app of this workspace may add apps; you administer none.",
    ),
    "confirm_mismatch": QT_TRANSLATE_NOOP(
        "AdminTexts", "Removal not confirmed: type the app's name “%1” exactly to remove it."
    ),
    # core.apps.icon
    "icon_missing": QT_TRANSLATE_NOOP("AdminTexts", "Icon file not found: %1"),
    "icon_unreadable": QT_TRANSLATE_NOOP("AdminTexts", "Cannot read the icon file %1: %2"),
    "icon_too_big": QT_TRANSLATE_NOOP("AdminTexts", "The icon file %1 is larger than %2 MB."),
    "icon_not_image": QT_TRANSLATE_NOOP(
        "AdminTexts", "%1 is not a picture Engage Desktop can read (PNG, JPEG, WebP, GIF)."
    ),
    # core.team
    "bad_login": QT_TRANSLATE_NOOP(
        "AdminTexts",
        "“%1” is not a login: 1 to 120 characters, no control characters, no spaces at either end.",
    ),
    "bad_email": QT_TRANSLATE_NOOP("AdminTexts", "“%1” is not an email address."),
    "no_member": QT_TRANSLATE_NOOP(
        "AdminTexts", "Nobody with the login “%1” is a member of this workspace."
    ),
    "already_member": QT_TRANSLATE_NOOP(
        "AdminTexts",
        "“%1” is already on the team of the app “%2” (as %3): change their role instead.",
    ),
    "not_on_app": QT_TRANSLATE_NOOP("AdminTexts", "“%1” has no role on the app “%2”."),
    "last_admin": QT_TRANSLATE_NOOP(
        "AdminTexts",
        "“%1” is the last admin of the app “%2”: make someone else admin first, or nobody "
        "could manage the app any more.",
    ),
    "bad_role": QT_TRANSLATE_NOOP(
        "AdminTexts", "“%1” is not a role; choose admin, marketer or analyst."
    ),
}


def admin_error_text(exc: BaseException) -> str:
    """An app, icon or team refusal (or a permission refusal) in the user's language."""
    from engage_desktop.security.errors import PermissionDenied

    if isinstance(exc, PermissionDenied) and getattr(exc, "code", "") != "no_right_to_add":
        return permission_text(exc)
    return coded_text(exc, translated("AdminTexts", _REFUSALS))
