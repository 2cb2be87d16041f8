"""Credential messages in the user's language: core's ``CREDENTIAL_MESSAGES``, endpoint
overrides and keyring refusals (``security.vault``), each code with its template."""

from __future__ import annotations

from engage_desktop.ui.messages import coded_text
from engage_desktop.ui.messages.base import QT_TRANSLATE_NOOP, translated

_TEMPLATES: dict[str, str] = {
    "sa_not_found": QT_TRANSLATE_NOOP(
        "CredentialErrors", "The service-account file %1 does not exist."
    ),
    "sa_is_folder": QT_TRANSLATE_NOOP(
        "CredentialErrors", "%1 is a folder, not a service-account file."
    ),
    "sa_unreadable": QT_TRANSLATE_NOOP(
        "CredentialErrors", "The service-account file %1 cannot be read (%2)."
    ),
    "sa_too_big": QT_TRANSLATE_NOOP(
        "CredentialErrors", "%1 is too large to be a service-account key (%2 bytes)."
    ),
    "sa_not_json": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The service-account file %1 is not valid JSON (line %2, column %3): download the "
        "key again from the Firebase console.",
    ),
    "sa_truncated": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The service-account file %1 is cut short (it ends after %2 bytes, inside the "
        "JSON): download the key again from the Firebase console.",
    ),
    "sa_client_config": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "%1 is a Firebase app configuration (google-services.json), not a service-account "
        "key: in the Firebase console open Project settings → Service accounts → Generate "
        "new private key.",
    ),
    "sa_wrong_type": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "%1 is not a Google service-account key (its “type” is “%2”; it must be "
        "“service_account”).",
    ),
    "sa_missing": QT_TRANSLATE_NOOP("CredentialErrors", "The service-account file %1 lacks: %2."),
    "sa_wrong_project": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The service-account file %1 belongs to project “%2”, but this app sends through "
        "project “%3”. Pick the key of the right project.",
    ),
    "sa_bad_key": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The private key in %1 cannot be loaded (damaged or not an RSA key).",
    ),
    "sa_readable": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "%1 can be read by other users of this machine. The key is now in the keyring: "
        "delete the file.",
    ),
    "no_app": QT_TRANSLATE_NOOP("CredentialErrors", "This app no longer exists."),
    "not_tested": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The app “%1” cannot leave the sandbox: its service-account key has not passed a "
        "connection test. Test the connection first.",
    ),
    "replace_untested": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The app “%1” sends through FCM: a new service-account key must pass the connection "
        "test before it replaces the current one. Choose the key file again here: it is "
        "tested first.",
    ),
    "sa_not_set": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "No service-account key is set for the app “%1” (project %2): an admin gives it in "
        "Settings → Credentials.",
    ),
    "key_not_here": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The service-account key of the app “%1” (project %2) is not in the keyring of "
        "this machine (%3): give it the key once (Settings → Credentials).",
    ),
    "key_damaged": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The service-account key of the app “%1” (project %2) in the keyring of %3 cannot "
        "be used: set it again.",
    ),
    "token_unreachable": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The token server (%3) cannot be reached for the app “%1” (project %2): check the network.",
    ),
    "key_refused": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The service account of the app “%1” (project %2) was refused (%3): the key may be "
        "revoked or deleted. Download a new key.",
    ),
    "fcm_refused": QT_TRANSLATE_NOOP(
        "CredentialErrors", "FCM refused the credentials of the app “%1” (project %2): %3 — %4"
    ),
    "fcm_unreachable": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "FCM cannot be reached for the app “%1” (project %2) (%3): check the network.",
    ),
    "test_passed_device": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "Connection test passed for the app “%1” (project %2): Google issued a token and "
        "FCM accepted a validate-only message to the test device %3.",
    ),
    "test_passed_topic": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "Connection test passed for the app “%1” (project %2): Google issued a token and "
        "FCM accepted a validate-only message to a topic (the app has no test device).",
    ),
    "test_device_refused": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "FCM did not accept the test device %1 (%2): its token may be out of date. The "
        "credentials themselves work.",
    ),
    # Endpoint overrides (core.endpoints)
    "bad_url": QT_TRANSLATE_NOOP(
        "CredentialErrors", "%1: “%2” is not an address like https://fcm.googleapis.com."
    ),
    "not_loopback": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "%1: “%2” is not on this machine; the sandbox only listens on loopback.",
    ),
    "not_https": QT_TRANSLATE_NOOP(
        "CredentialErrors", "%1: “%2” is plain http to another machine; use https."
    ),
    # The OS keyring (security.vault)
    "no_secure_backend": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "No secure keyring is available on this machine (%1). Service-account keys are kept "
        "only in the OS keyring: start GNOME Keyring or KWallet in your session (on macOS "
        "and Windows the system keychain is used).",
    ),
    "plaintext_backend": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The keyring backend %1 keeps secrets in a file, which Engage Desktop refuses. "
        "Uninstall keyrings.alt and start GNOME Keyring or KWallet in your session.",
    ),
    "locked": QT_TRANSLATE_NOOP(
        "CredentialErrors",
        "The keyring collection “%1” is locked. Unlock it (log in to the desktop session, "
        "or open “Passwords and Keys”) and try again.",
    ),
    "refused": QT_TRANSLATE_NOOP(
        "CredentialErrors", "The OS keyring (%1) refused: %2. Unlock it and try again."
    ),
}


def _templates() -> dict[str, str]:
    return translated("CredentialErrors", _TEMPLATES)


def credential_text(message: object) -> str:
    """A credential, endpoint or keyring message in the user's language."""
    return coded_text(message, _templates())
