"""Everything that can be wrong with an app's credentials, as coded English sentences.

One table for the key file's checks, the admin's operations and the reasons the dispatch
service pauses an app (stored as campaign pause reasons; ``recognise`` gives the GUI their code
back). ``{0}`` is always where the problem is: a file path, or an app and its project. No
template takes a value read from the key except its fingerprint (client email, key id).
"""

from __future__ import annotations

from engage_desktop.core.messages import CodedError, MessageTable

CREDENTIAL_MESSAGES = MessageTable(
    {
        # The key file (read_key_file).
        "sa_not_found": "Service-account file not found: {0}",
        "sa_is_folder": "{0} is a folder, not a service-account file.",
        "sa_unreadable": "Cannot read the service-account file {0}: {1}",
        "sa_too_big": "{0} is too large to be a service-account key ({1} bytes).",
        "sa_not_json": (
            "The service-account file {0} is not valid JSON (line {1}, column {2}): download "
            "the key again from the Firebase console."
        ),
        "sa_truncated": (
            "The service-account file {0} is cut short (it ends after {1} bytes, inside the "
            "JSON): download the key again from the Firebase console."
        ),
        "sa_client_config": (
            "{0} is a Firebase app configuration (google-services.json), not a service-account "
            "key: in the Firebase console open Project settings → Service accounts → Generate "
            "new private key."
        ),
        "sa_wrong_type": (
            '{0} is not a Google service-account key ("type" is "{1}"; it must be '
            '"service_account").'
        ),
        "sa_missing": "The service-account file {0} lacks: {1}.",
        "sa_wrong_project": (
            "The service-account file {0} belongs to project '{1}', but this app sends through "
            "project '{2}'. Pick the key of the right project."
        ),
        "sa_bad_key": "The private key in {0} cannot be loaded (damaged or not an RSA key).",
        "sa_readable": (
            "{0} can be read by other users of this machine. The key is now in the keyring: "
            "delete the file."
        ),
        # The admin's operations.
        "no_app": "No app with id {0}.",
        "not_tested": (
            "App '{0}' cannot leave the sandbox: its service-account key has not passed a "
            "connection test. Run 'engage-desktop credentials test --app {1}' first."
        ),
        "replace_untested": (
            "App '{0}' sends through FCM: a new service-account key must pass the connection "
            "test before it replaces the current one. Give it with 'engage-desktop credentials "
            "set --app {1}' (which tests it first) or in Settings → Credentials."
        ),
        # Said by the dispatch service and the connection test ({0} app, {1} project).
        "sa_not_set": (
            "No service-account key is set for app '{0}' (project {1}): an admin gives it with "
            "'engage-desktop credentials set' or in Settings → Credentials."
        ),
        "key_not_here": (
            "The service-account key of app '{0}' (project {1}) is not in the keyring of this "
            "machine ({2}): run 'engage-desktop credentials set' on it once."
        ),
        "key_damaged": (
            "The service-account key of app '{0}' (project {1}) in the keyring of {2} cannot "
            "be used: set it again with 'engage-desktop credentials set'."
        ),
        "token_unreachable": (
            "Cannot reach the token server for app '{0}' (project {1}) ({2}): check the network."
        ),
        "key_refused": (
            "The service account of app '{0}' (project {1}) was refused ({2}); the key may be "
            "revoked or deleted. Download a new key."
        ),
        "fcm_refused": "FCM refused the credentials of app '{0}' (project {1}): {2} — {3}",
        "test_passed_device": (
            "Connection test passed for app '{0}' (project {1}): Google issued a token and FCM "
            "accepted a validate-only message to the test device {2}."
        ),
        "test_passed_topic": (
            "Connection test passed for app '{0}' (project {1}): Google issued a token and FCM "
            "accepted a validate-only message to a topic (the app has no test device)."
        ),
        "test_device_refused": (
            "FCM did not accept the test device {0} ({1}): its token may be out of date. The "
            "credentials themselves work."
        ),
        "fcm_unreachable": "Cannot reach FCM for app '{0}' (project {1}) ({2}): check the network.",
    }
)


class CredentialError(CodedError, ValueError):
    """An app's credentials cannot be set, used or switched; the message is safe to show."""


def credential_error(code: str, *args: str) -> CredentialError:
    return CredentialError(CREDENTIAL_MESSAGES.english(code, *args), code, *args)
