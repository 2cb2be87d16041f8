"""Refusals about apps, icons, the team and rights, said in French (with the names in them)."""

from __future__ import annotations

import pytest

from engage_desktop.core.apps.icon import IconError
from engage_desktop.core.apps.identity import AppError
from engage_desktop.core.apps.manage import AddAppRefused, RemovalImpact
from engage_desktop.core.team import TeamError
from engage_desktop.security.errors import AppNotFound, PermissionDenied
from engage_desktop.store.models import Role
from engage_desktop.ui.admin.texts import admin_error_text, role_name


@pytest.mark.usefixtures("french")
def test_refusals_in_french() -> None:
    cases = [
        (
            TeamError("last_admin", "camille", "Boutique"),
            "« camille » est le dernier admin de l’app « Boutique » : nommez d’abord un autre "
            "admin, sinon plus personne ne pourrait gérer l’app.",
        ),
        (
            AppError("project_id", "bad_project_id", "Boutique_Prod"),
            "« Boutique_Prod » n’est pas un identifiant de projet Firebase : 6 à 30 minuscules, "
            "chiffres ou traits d’union, commençant par une lettre et ne finissant pas par un "
            "trait d’union.",
        ),
        (
            AppNotFound("There is no app with id 9 in this workspace.", "9"),
            "Il n’y a pas d’app d’identifiant 9 dans cet espace de travail (supprimée ?).",
        ),
        (
            PermissionDenied("…", "marketer", "manage_team", "Boutique"),
            "Votre rôle sur l’app « Boutique » (marketeur) ne vous permet pas de gérer l’équipe.",
        ),
        (
            AddAppRefused(),
            "Seul l’admin d’une app de cet espace de travail peut ajouter des apps ; vous n’en "
            "administrez aucune.",
        ),
        (IconError("icon_missing", "/x.png"), "Fichier d’icône introuvable : /x.png"),
    ]
    for exc, french in cases:
        assert admin_error_text(exc) == french
    assert role_name(Role.MARKETER) == "Marketeur"


def test_removal_counts_use_plural_forms(french: None) -> None:
    from engage_desktop.ui.admin.remove_dialog import removal_summary

    text = removal_summary(RemovalImpact("Boutique", 1, 2, 0, 1, 1203, 1))
    assert "• 1 campagne avec ses envois et résultats" in text
    assert "• 2 profils avec leurs événements et consentements" in text
    assert "• 0 appareil\n" in text  # French says 0 in the singular
    assert "le rôle de 1 membre de l’équipe" in text
