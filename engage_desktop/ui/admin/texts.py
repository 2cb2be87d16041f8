"""Words of the admin screens shared by several widgets: roles, sending modes, and every refusal
of ``core.apps`` and ``core.team`` in the user's language (core's English for unknown codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engage_desktop.store.models import Role
from engage_desktop.ui.messages import coded_text, permission_text


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


def admin_error_text(exc: BaseException) -> str:
    """An app, icon or team refusal (or a permission refusal) in the user's language."""
    from engage_desktop.security.errors import PermissionDenied

    if isinstance(exc, PermissionDenied) and getattr(exc, "code", "") != "no_right_to_add":
        return permission_text(exc)
    templates = {
        # core.apps.identity / manage
        "app_not_found": QCoreApplication.translate(
            "AdminTexts", "There is no app with id %1 in this workspace."
        ),
        "no_name": QCoreApplication.translate("AdminTexts", "An app needs a display name."),
        "name_too_long": QCoreApplication.translate(
            "AdminTexts", "The name “%1” is longer than %2 characters."
        ),
        "name_taken": QCoreApplication.translate(
            "AdminTexts", "An app named “%1” already exists in this workspace."
        ),
        "bad_project_id": QCoreApplication.translate(
            "AdminTexts",
            "“%1” is not a Firebase project id: 6 to 30 lowercase letters, digits or hyphens, "
            "starting with a letter and not ending with a hyphen.",
        ),
        "bad_android_package": QCoreApplication.translate(
            "AdminTexts",
            "“%1” is not an Android package name (like com.example.shop: two or more parts "
            "separated by dots, each starting with a letter; letters, digits, underscores).",
        ),
        "bad_bundle_id": QCoreApplication.translate(
            "AdminTexts",
            "“%1” is not an iOS bundle id (like com.example.shop: letters, digits, hyphens, two "
            "or more parts separated by dots).",
        ),
        "duplicate_identifier": QCoreApplication.translate("AdminTexts", "“%1” is listed twice."),
        "bad_time_zone": QCoreApplication.translate(
            "AdminTexts",
            "“%1” is not a time zone name of the IANA database (like Europe/Paris).",
        ),
        "no_right_to_add": QCoreApplication.translate(
            "AdminTexts",
            "Only an admin of an app of this workspace may add apps; you administer none.",
        ),
        "confirm_mismatch": QCoreApplication.translate(
            "AdminTexts", "Removal not confirmed: type the app's name “%1” exactly to remove it."
        ),
        # core.apps.icon
        "icon_missing": QCoreApplication.translate("AdminTexts", "Icon file not found: %1"),
        "icon_unreadable": QCoreApplication.translate(
            "AdminTexts", "Cannot read the icon file %1: %2"
        ),
        "icon_too_big": QCoreApplication.translate(
            "AdminTexts", "The icon file %1 is larger than %2 MB."
        ),
        "icon_not_image": QCoreApplication.translate(
            "AdminTexts", "%1 is not a picture Engage Desktop can read (PNG, JPEG, WebP, GIF)."
        ),
        # core.team
        "bad_login": QCoreApplication.translate(
            "AdminTexts",
            "“%1” is not a login: 1 to 120 characters, no control characters, no spaces at "
            "either end.",
        ),
        "bad_email": QCoreApplication.translate("AdminTexts", "“%1” is not an email address."),
        "no_member": QCoreApplication.translate(
            "AdminTexts", "Nobody with the login “%1” is a member of this workspace."
        ),
        "already_member": QCoreApplication.translate(
            "AdminTexts",
            "“%1” is already on the team of the app “%2” (as %3): change their role instead.",
        ),
        "not_on_app": QCoreApplication.translate("AdminTexts", "“%1” has no role on the app “%2”."),
        "last_admin": QCoreApplication.translate(
            "AdminTexts",
            "“%1” is the last admin of the app “%2”: make someone else admin first, or nobody "
            "could manage the app any more.",
        ),
        "bad_role": QCoreApplication.translate(
            "AdminTexts", "“%1” is not a role; choose admin, marketer or analyst."
        ),
    }
    return coded_text(exc, templates)
