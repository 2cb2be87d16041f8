"""Credential messages in the user's language: core's ``CREDENTIAL_MESSAGES``, endpoint
overrides and keyring refusals (``security.vault``), each code with its template."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engage_desktop.ui.messages import coded_text


def _templates() -> dict[str, str]:
    translate = QCoreApplication.translate  # lupdate reads each literal context below
    return {
        "sa_not_found": translate(
            "CredentialErrors", "The service-account file %1 does not exist."
        ),
        "sa_is_folder": translate(
            "CredentialErrors", "%1 is a folder, not a service-account file."
        ),
        "sa_unreadable": translate(
            "CredentialErrors", "The service-account file %1 cannot be read (%2)."
        ),
        "sa_too_big": translate(
            "CredentialErrors", "%1 is too large to be a service-account key (%2 bytes)."
        ),
        "sa_not_json": translate(
            "CredentialErrors",
            "The service-account file %1 is not valid JSON (line %2, column %3): download the "
            "key again from the Firebase console.",
        ),
        "sa_truncated": translate(
            "CredentialErrors",
            "The service-account file %1 is cut short (it ends after %2 bytes, inside the "
            "JSON): download the key again from the Firebase console.",
        ),
        "sa_client_config": translate(
            "CredentialErrors",
            "%1 is a Firebase app configuration (google-services.json), not a service-account "
            "key: in the Firebase console open Project settings → Service accounts → Generate "
            "new private key.",
        ),
        "sa_wrong_type": translate(
            "CredentialErrors",
            "%1 is not a Google service-account key (its “type” is “%2”; it must be "
            "“service_account”).",
        ),
        "sa_missing": translate("CredentialErrors", "The service-account file %1 lacks: %2."),
        "sa_wrong_project": translate(
            "CredentialErrors",
            "The service-account file %1 belongs to project “%2”, but this app sends through "
            "project “%3”. Pick the key of the right project.",
        ),
        "sa_bad_key": translate(
            "CredentialErrors",
            "The private key in %1 cannot be loaded (damaged or not an RSA key).",
        ),
        "sa_readable": translate(
            "CredentialErrors",
            "%1 can be read by other users of this machine. The key is now in the keyring: "
            "delete the file.",
        ),
        "no_app": translate("CredentialErrors", "This app no longer exists."),
        "not_tested": translate(
            "CredentialErrors",
            "The app “%1” cannot leave the sandbox: its service-account key has not passed a "
            "connection test. Test the connection first.",
        ),
        "replace_untested": translate(
            "CredentialErrors",
            "The app “%1” sends through FCM: a new service-account key must pass the connection "
            "test before it replaces the current one. Choose the key file again here: it is "
            "tested first.",
        ),
        "sa_not_set": translate(
            "CredentialErrors",
            "No service-account key is set for the app “%1” (project %2): an admin gives it in "
            "Settings → Credentials.",
        ),
        "key_not_here": translate(
            "CredentialErrors",
            "The service-account key of the app “%1” (project %2) is not in the keyring of "
            "this machine (%3): give it the key once (Settings → Credentials).",
        ),
        "key_damaged": translate(
            "CredentialErrors",
            "The service-account key of the app “%1” (project %2) in the keyring of %3 cannot "
            "be used: set it again.",
        ),
        "token_unreachable": translate(
            "CredentialErrors",
            "The token server (%3) cannot be reached for the app “%1” (project %2): check the "
            "network.",
        ),
        "key_refused": translate(
            "CredentialErrors",
            "The service account of the app “%1” (project %2) was refused (%3): the key may be "
            "revoked or deleted. Download a new key.",
        ),
        "fcm_refused": translate(
            "CredentialErrors", "FCM refused the credentials of the app “%1” (project %2): %3 — %4"
        ),
        "fcm_unreachable": translate(
            "CredentialErrors",
            "FCM cannot be reached for the app “%1” (project %2) (%3): check the network.",
        ),
        "test_passed_device": translate(
            "CredentialErrors",
            "Connection test passed for the app “%1” (project %2): Google issued a token and "
            "FCM accepted a validate-only message to the test device %3.",
        ),
        "test_passed_topic": translate(
            "CredentialErrors",
            "Connection test passed for the app “%1” (project %2): Google issued a token and "
            "FCM accepted a validate-only message to a topic (the app has no test device).",
        ),
        "test_device_refused": translate(
            "CredentialErrors",
            "FCM did not accept the test device %1 (%2): its token may be out of date. The "
            "credentials themselves work.",
        ),
        # Endpoint overrides (core.endpoints)
        "bad_url": translate(
            "CredentialErrors", "%1: “%2” is not an address like https://fcm.googleapis.com."
        ),
        "not_loopback": translate(
            "CredentialErrors",
            "%1: “%2” is not on this machine; the sandbox only listens on loopback.",
        ),
        "not_https": translate(
            "CredentialErrors", "%1: “%2” is plain http to another machine; use https."
        ),
        # The OS keyring (security.vault)
        "no_secure_backend": translate(
            "CredentialErrors",
            "No secure keyring is available on this machine (%1). Service-account keys are kept "
            "only in the OS keyring: start GNOME Keyring or KWallet in your session (on macOS "
            "and Windows the system keychain is used).",
        ),
        "plaintext_backend": translate(
            "CredentialErrors",
            "The keyring backend %1 keeps secrets in a file, which Engage Desktop refuses. "
            "Uninstall keyrings.alt and start GNOME Keyring or KWallet in your session.",
        ),
        "locked": translate(
            "CredentialErrors",
            "The keyring collection “%1” is locked. Unlock it (log in to the desktop session, "
            "or open “Passwords and Keys”) and try again.",
        ),
        "refused": translate(
            "CredentialErrors", "The OS keyring (%1) refused: %2. Unlock it and try again."
        ),
    }


def credential_text(message: object) -> str:
    """A credential, endpoint or keyring message in the user's language."""
    return coded_text(message, _templates())
