"""Every credential, endpoint and keyring message has its French wording, arguments included."""

from __future__ import annotations

from engage_desktop.core.credentials.messages import CREDENTIAL_MESSAGES, CredentialError
from engage_desktop.core.endpoints import EndpointError
from engage_desktop.security.vault import VaultUnavailable
from engage_desktop.ui.credentials.messages import _templates, credential_text

VAULT_CODES = {"no_secure_backend", "plaintext_backend", "locked", "refused"}
ENDPOINT_CODES = {"bad_url", "not_loopback", "not_https"}


def test_every_code_has_a_template() -> None:
    assert set(_templates()) == set(CREDENTIAL_MESSAGES.templates) | VAULT_CODES | ENDPOINT_CODES


def test_each_core_message_reads_in_french_with_its_arguments(french: None) -> None:
    for code, template in CREDENTIAL_MESSAGES.templates.items():
        args = [f"arg{i}" for i in range(template.count("{"))]
        error = CredentialError(CREDENTIAL_MESSAGES.english(code, *args), code, *args)
        text = credential_text(error)
        assert text != str(error), code
        # The GUI leaves out the app id (no_app: "this app"; no command to type in the others)
        said = {"no_app": [], "not_tested": args[:1], "replace_untested": args[:1]}.get(code, args)
        assert all(arg in text for arg in said), (code, text)


def test_keyring_and_endpoint_refusals_in_french(french: None) -> None:
    locked = VaultUnavailable("…", "locked", "Login")
    assert credential_text(locked) == (
        "Le trousseau « Login » est verrouillé. Déverrouillez-le (ouvrez la session du bureau, "
        "ou « Mots de passe et clés ») et réessayez."
    )
    missing = VaultUnavailable("…", "no_secure_backend", "keyring.backends.fail.Keyring", "…")
    assert credential_text(missing).startswith(
        "Aucun trousseau sécurisé n’est disponible sur cette machine (keyring.backends.fail.Keyring)"
    )
    http = EndpointError("…", "not_https", "ENGAGE_FCM_URL", "http://fcm.example")
    assert credential_text(http) == (
        "ENGAGE_FCM_URL : « http://fcm.example » est du http en clair vers une autre machine ; "
        "utilisez https."
    )


def test_a_stored_pause_reason_is_worded_in_french(french: None) -> None:
    from engage_desktop.ui.sending.errors import reason_text

    stored = CREDENTIAL_MESSAGES.english("key_not_here", "Maison", "maison-prod", "envoi-lyon")
    assert reason_text(stored) == (
        "La clé de compte de service de l’app « Maison » (projet maison-prod) n’est pas dans le "
        "trousseau de cette machine (envoi-lyon) : donnez-lui la clé une fois (Paramètres → "
        "Identifiants)."
    )
