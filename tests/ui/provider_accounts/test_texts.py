"""The accounts dialog's words: every core setting has a field, and refusals and test outcomes
read in French with the field's French label (core's names and English stay out)."""

from __future__ import annotations

from engage_desktop.core.credentials.provider_testing import PROVIDER_TEST_MESSAGES
from engage_desktop.core.credentials.providers import (
    OPTIONAL,
    REQUIRED,
    ProviderMissing,
    ProviderSetupError,
    check_settings,
)
from engage_desktop.store.models import Provider
from engage_desktop.ui.provider_accounts.fields import FIELDS
from engage_desktop.ui.provider_accounts.texts import account_text, setting_named


def test_every_setting_core_knows_has_a_field_and_no_other() -> None:
    for provider in Provider:
        shown = [spec.name for spec in FIELDS[provider]]
        assert sorted(shown) == sorted([*REQUIRED[provider], *OPTIONAL[provider]])


def _refusal(provider: Provider, settings: dict[str, str]) -> ProviderSetupError:
    try:
        check_settings(provider, settings)
    except ProviderSetupError as exc:
        return exc
    raise AssertionError("accepted")


def test_refusals_and_outcomes_read_in_french(french: None) -> None:
    bad_port = _refusal(
        Provider.SMTP, {"host": "h", "port": "99999", "user": "u", "from_address": "a@b.fr"}
    )
    assert account_text(bad_port) == "Port : « 99999 » n’est pas valide (attendu : de 1 à 65535)."
    assert setting_named(bad_port) == "port"
    missing = _refusal(Provider.TWILIO, {"account_sid": "AC" + "0" * 32})
    assert account_text(missing) == "Expéditeur : ce champ est obligatoire."
    assert setting_named(missing) == "sender"
    lacking = ProviderMissing("…", "provider_secret_missing", "3", "twilio", "laptop-a")
    assert account_text(lacking).startswith(
        "Le trousseau de cette machine n’a pas le secret Twilio (détenu sur : laptop-a)."
    )
    assert "--provider twilio »" in account_text(lacking)
    nowhere = ProviderMissing("…", "provider_secret_missing", "3", "smtp", "")
    assert "(détenu sur : aucune machine enregistrée)" in account_text(nowhere)
    passed = PROVIDER_TEST_MESSAGES.text("twilio_passed", "AC1", "Maison", "active")
    assert account_text(passed) == "Twilio a accepté le compte AC1 : « Maison » est actif."
    refused = PROVIDER_TEST_MESSAGES.text("smtp_login_refused", "mx", "u", "535", "no")
    assert account_text(refused).startswith("Le serveur SMTP mx a refusé la connexion de u")
