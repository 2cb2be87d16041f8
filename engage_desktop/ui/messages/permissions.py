"""Permission refusals (``security.roles.require``): which role, on which app, what it lacks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engage_desktop.core.messages import code_of
from engage_desktop.ui.messages.base import QT_TRANSLATE_NOOP, fill, translated

_PERMISSION_NAMES: dict[str, str] = {
    "view_campaigns": QT_TRANSLATE_NOOP("PermissionErrors", "viewing campaigns"),
    "edit_campaigns": QT_TRANSLATE_NOOP("PermissionErrors", "editing campaigns"),
    "send_campaigns": QT_TRANSLATE_NOOP("PermissionErrors", "sending campaigns"),
    "approve_sends": QT_TRANSLATE_NOOP("PermissionErrors", "approving sends"),
    "view_audience": QT_TRANSLATE_NOOP("PermissionErrors", "viewing the audience"),
    "edit_audience": QT_TRANSLATE_NOOP(
        "PermissionErrors", "changing the audience (imports, segments)"
    ),
    "view_analytics": QT_TRANSLATE_NOOP("PermissionErrors", "viewing analytics"),
    "export_analytics": QT_TRANSLATE_NOOP("PermissionErrors", "exporting analytics"),
    "manage_credentials": QT_TRANSLATE_NOOP("PermissionErrors", "changing the app's credentials"),
    "manage_team": QT_TRANSLATE_NOOP("PermissionErrors", "managing the team"),
    "view_team": QT_TRANSLATE_NOOP("PermissionErrors", "seeing the team"),
    "manage_app": QT_TRANSLATE_NOOP("PermissionErrors", "changing or removing the app"),
}


def _permission_names() -> dict[str, str]:
    return translated("PermissionErrors", _PERMISSION_NAMES)


def permission_text(exc: BaseException) -> str:
    """A ``PermissionDenied`` in the user's language: which role, on which app, what it lacks."""
    code, args = code_of(exc)
    if code == "app_not_found" and args:
        return fill(
            QCoreApplication.translate(
                "PermissionErrors", "There is no app with id %1 in this workspace (removed?)."
            ),
            [args[0]],
        )
    if code != "permission_denied" or len(args) not in (2, 3):
        return str(exc)
    role, permission = args[0], args[1]
    app = args[2] if len(args) == 3 else ""
    what = _permission_names().get(permission, permission)
    if not role:
        if app:
            return fill(
                QCoreApplication.translate(
                    "PermissionErrors", "You have no role on the app “%1”, so %2 is not allowed."
                ),
                [app, what],
            )
        return fill(
            QCoreApplication.translate(
                "PermissionErrors", "You have no role on this app, so %1 is not allowed."
            ),
            [what],
        )
    roles = {
        "admin": QCoreApplication.translate("PermissionErrors", "administrator"),
        "marketer": QCoreApplication.translate("PermissionErrors", "marketer"),
        "analyst": QCoreApplication.translate("PermissionErrors", "analyst"),
    }
    if app:
        return fill(
            QCoreApplication.translate(
                "PermissionErrors", "Your role on the app “%1” (%2) does not allow %3."
            ),
            [app, roles.get(role, role), what],
        )
    return fill(
        QCoreApplication.translate(
            "PermissionErrors", "Your role on this app (%1) does not allow %2."
        ),
        [roles.get(role, role), what],
    )
