"""What saving or testing an SMS / email account says, in the user's language.

Core's coded refusals (``ProviderSetupError``, ``ProviderMissing``, the unsubscribe key's) and
the testers' outcomes (``PROVIDER_TEST_MESSAGES``) each have a template here. A refusal that
names a setting shows the field's label, not core's name for it. Keyring, endpoint and
permission refusals are worded where they already are (``ui.credentials``, ``ui.messages``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engage_desktop.core.messages import code_of
from engage_desktop.ui.messages import permission_text
from engage_desktop.ui.messages.base import QT_TRANSLATE_NOOP, fill, translated
from engage_desktop.ui.provider_accounts.fields import field_label

CONTEXT = "ProviderTexts"
PROVIDER_NAMES = {"twilio": "Twilio", "smtp": "SMTP"}

_TEMPLATES: dict[str, str] = {
    # Saving (core.credentials.providers); %1 of the first three is a field's label.
    "missing_setting": QT_TRANSLATE_NOOP("ProviderTexts", "%2: this field is required."),
    "unknown_setting": QT_TRANSLATE_NOOP("ProviderTexts", "%1 has no setting “%2”."),
    "bad_setting": QT_TRANSLATE_NOOP("ProviderTexts", "%1: “%2” is not valid (expected %3)."),
    "empty_secret": QT_TRANSLATE_NOOP(
        "ProviderTexts", "Type the secret (auth token or password): there is none to keep yet."
    ),
    "secret_to_keep_missing": QT_TRANSLATE_NOOP(
        "ProviderTexts",
        "This machine's keyring does not hold the stored %3 secret, so it cannot be kept: type it.",
    ),
    "no_app": QT_TRANSLATE_NOOP("ProviderTexts", "This app no longer exists."),
    "no_provider_account": QT_TRANSLATE_NOOP(
        "ProviderTexts", "This app has no %3 account yet: fill in the fields and save first."
    ),
    "provider_secret_missing": QT_TRANSLATE_NOOP(
        "ProviderTexts",
        "This machine's keyring lacks the %4 secret (held on: %3). Type it here and save, "
        "or run “engage-desktop credentials set --app %1 --provider %2” on this machine.",
    ),
    "unsubscribe_key_missing": QT_TRANSLATE_NOOP(
        "ProviderTexts",
        "The account is stored, but this machine's keyring lacks the app's unsubscribe-link "
        "key: run “engage-desktop credentials unsubscribe-key --app %1 --export” on a "
        "machine that sends its email, and import what it prints here (“--import”).",
    ),
    # Testing (core.credentials.provider_testing)
    "twilio_passed": QT_TRANSLATE_NOOP(
        "ProviderTexts", "Twilio accepted the account %1: “%2” is %3."
    ),
    "twilio_refused_login": QT_TRANSLATE_NOOP(
        "ProviderTexts",
        "Twilio refused the Account SID %1 with this auth token (%2: %3): check both in the "
        "Twilio console.",
    ),
    "twilio_refused": QT_TRANSLATE_NOOP("ProviderTexts", "Twilio refused the account %1 (%2: %3)."),
    "twilio_unreachable": QT_TRANSLATE_NOOP(
        "ProviderTexts", "Twilio could not be reached (%1): check the network."
    ),
    "smtp_passed": QT_TRANSLATE_NOOP("ProviderTexts", "Connected to %1:%2 and logged in as %3."),
    "smtp_login_refused": QT_TRANSLATE_NOOP(
        "ProviderTexts",
        "The SMTP server %1 refused the login of %2 (%3 %4): check the user and the password.",
    ),
    "smtp_refused": QT_TRANSLATE_NOOP("ProviderTexts", "The SMTP server %1 answered %2: %3"),
    "smtp_unreachable": QT_TRANSLATE_NOOP(
        "ProviderTexts", "The SMTP server %1:%2 could not be reached (%3)."
    ),
}
# Core's words inside the arguments: what a setting expects, Twilio's account states.
_WORDS: dict[str, str] = {
    "AC + 32 hex digits": QT_TRANSLATE_NOOP("ProviderTexts", "AC + 32 hex digits"),
    "+33… or MG…": QT_TRANSLATE_NOOP("ProviderTexts", "+33… or MG…"),
    "1 to 65535": QT_TRANSLATE_NOOP("ProviderTexts", "1 to 65535"),
    "name@domain": QT_TRANSLATE_NOOP("ProviderTexts", "name@domain"),
    "active": QT_TRANSLATE_NOOP("ProviderTexts", "active"),
    "suspended": QT_TRANSLATE_NOOP("ProviderTexts", "suspended"),
    "closed": QT_TRANSLATE_NOOP("ProviderTexts", "closed"),
}
_FIELD_FIRST = frozenset({"bad_setting"})  # %1 is a setting's name
_FIELD_SECOND = frozenset({"missing_setting", "unknown_setting"})  # %2 is
_NAMES_PROVIDER = frozenset(
    {"secret_to_keep_missing", "no_provider_account", "provider_secret_missing"}
)


def account_text(message: object) -> str:
    """A provider account's refusal or test outcome in the user's language."""
    from engage_desktop.security.errors import PermissionDenied
    from engage_desktop.ui.credentials.messages import credential_text

    if isinstance(message, PermissionDenied):
        return permission_text(message)
    code, args = code_of(message)
    template = translated(CONTEXT, _TEMPLATES).get(code)
    if template is None:
        return credential_text(message)  # the keyring's and endpoints' refusals
    shown = list(args)
    if code in _FIELD_FIRST and shown:
        shown[0] = field_label(shown[0])
    if code in _FIELD_SECOND and len(shown) > 1:
        shown[0] = PROVIDER_NAMES.get(shown[0], shown[0])
        shown[1] = field_label(shown[1])
    if code in {"bad_setting", "twilio_passed"} and len(shown) > 2 and shown[2] in _WORDS:
        shown[2] = translated("ProviderTexts", _WORDS)[shown[2]]
    if code == "provider_secret_missing" and len(shown) > 2 and not shown[2]:
        shown[2] = QCoreApplication.translate("ProviderTexts", "no machine recorded")
    if code in _NAMES_PROVIDER and len(shown) > 1:  # the provider's name, after the arguments
        shown.append(PROVIDER_NAMES.get(shown[1], shown[1]))
    return fill(template, shown)


def setting_named(message: object) -> str | None:
    """The setting a refusal is about (to put the cursor there), if it names one."""
    code, args = code_of(message)
    if code in _FIELD_FIRST and args:
        return args[0]
    if code in _FIELD_SECOND and len(args) > 1:
        return args[1]
    return None
