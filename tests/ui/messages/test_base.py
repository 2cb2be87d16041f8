"""A code with no wording yet shows core's English text, never nothing."""

from __future__ import annotations

from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.messages import CodedText
from engage_desktop.ui.messages import (
    campaign_error_text,
    issue_text,
    template_error_text,
)


def test_unknown_codes_fall_back_to_the_english_message(french: None) -> None:
    from engage_desktop.core.campaigns.model import CampaignInputError
    from engage_desktop.core.templating import TemplateError
    from engage_desktop.ui.imports.common import failure_text

    assert issue_text(CodedText("A new rule said in English.", "rule_from_later", "x")) == (
        "A new rule said in English."
    )
    assert issue_text("A plain string") == "A plain string"
    assert campaign_error_text(CampaignInputError("f", "odd", "zzz")) == "f: odd"
    error = TemplateError("liquid says something new", 3, 2, code="", args=())
    assert template_error_text("body", error) == (
        "Erreur de modèle dans le champ corps, ligne 3, colonne 2 : liquid says something new"
    )
    unknown = ImportFailed("x.csv: a brand new failure.", "brand_new", "x.csv")
    assert "x.csv: a brand new failure." in failure_text(unknown)
