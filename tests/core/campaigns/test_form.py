"""The composer's form model: every form key reads and writes the right part of the draft."""

from __future__ import annotations

import pytest

from engage_desktop.core.campaigns.form import (
    SHARE_KEY,
    CampaignForm,
    data_from_text,
    data_to_text,
)
from engage_desktop.core.campaigns.model import CampaignDraft, CampaignInputError, Variant
from engage_desktop.core.messages import code_of


def test_a_new_form_is_a_push_with_the_given_name() -> None:
    form = CampaignForm(7, "Nouvelle campagne")
    draft = form.to_draft(7, "Sans titre", None)
    assert (draft.app_id, draft.name, draft.format, draft.id) == (
        7,
        "Nouvelle campagne",
        "push",
        None,
    )
    assert [v.key for v in draft.variants] == ["A"]


def test_keys_write_where_the_payload_reads() -> None:
    form = CampaignForm(1, "x")
    form.write("content.title", "Soldes")
    form.write("content.data", 'code="12"\nqty=3')
    form.write("action1.deep_link", "app://promo")
    form.write("campaign.tags", " hiver, soldes ,")
    form.write("campaign.control_share", 12.5)
    content = form.content()
    assert content["title"] == "Soldes"
    assert content["data"] == {"code": "12", "qty": 3}
    assert content["actions"] == [
        {"id": "", "title": "", "deep_link": ""},
        {"id": "", "title": "", "deep_link": "app://promo"},
    ]
    assert form.stored("action1.deep_link") == "app://promo"
    assert form.stored("action2.title") == ""
    draft = form.to_draft(1, "Sans titre", 5)
    assert draft.tags == ("hiver", "soldes") and draft.control_share == 0.125 and draft.id == 5


def test_emptied_trailing_buttons_are_dropped() -> None:
    form = CampaignForm(1, "x")
    form.write("inapp.button1_label", "Voir")
    assert len(form.content("in_app")["buttons"]) == 2
    form.write("inapp.button1_label", "")
    assert form.content("in_app")["buttons"] == []
    assert form.stored("inapp.button0_label") == ""


def test_variants_copy_the_shown_one_and_stay_apart() -> None:
    form = CampaignForm(1, "x")
    form.write("content.title", "A")
    key = form.add_variant()
    form.variant_key = key
    form.write("content.title", "B")
    assert key == "B"
    assert form.contents["A"]["title"] == "A" and form.contents["B"]["title"] == "B"


def test_loading_a_stored_draft_shows_its_first_variant() -> None:
    stored = CampaignDraft(
        app_id=1,
        name="Hiver",
        format="sms",
        variants=(Variant("A", 1.0, {"body": "Bonjour"}), Variant("B", 1.0, {"body": "Salut"})),
        schedule={"mode": "at", "at": "2026-12-24T10:00:00+00:00"},
        id=9,
    )
    form = CampaignForm(1, "x")
    form.load(stored)
    assert form.variant_key == "A" and form.stored("sms.body") == "Bonjour"
    again = form.to_draft(1, "Sans titre", 9)
    assert again.schedule == {"mode": "at", "at": "2026-12-24T10:00:00+00:00"}
    assert [dict(v.content) for v in again.variants] == [{"body": "Bonjour"}, {"body": "Salut"}]


def test_an_empty_name_gets_the_untitled_name() -> None:
    form = CampaignForm(1, "x")
    form.write("campaign.name", "   ")
    assert form.to_draft(1, "Sans titre", None).name == "Sans titre"


def test_data_text_round_trips_text_that_looks_like_a_number() -> None:
    data = {"code": "12", "qty": 3, "flag": True, "word": "true", "city": "Paris"}
    assert data_from_text(data_to_text(data)) == data
    assert data_to_text({"city": "Paris"}) == "city=Paris"  # plain text stays unquoted


def test_each_format_keeps_its_own_content() -> None:
    """The fault: push, SMS and in-app shared one ``body``, so the SMS editor, the preview and
    the saved draft each showed a different format's text after a switch."""
    form = CampaignForm(1, "x")
    form.write("content.body", "Texte push")
    form.write("campaign.format", "sms")
    assert form.stored("sms.body") == "" and form.content() == {}
    form.write("sms.body", "Texte SMS")
    form.write("campaign.format", "in_app")
    assert form.stored("inapp.body") == ""
    form.write("inapp.body", "Texte in-app")
    assert form.stored("content.body") == "Texte push"
    assert form.stored("sms.body") == "Texte SMS"
    assert form.to_draft(1, "t", None).variants[0].content["body"] == "Texte in-app"
    form.write("campaign.format", "sms")
    draft = form.to_draft(1, "t", None)
    assert draft.format == "sms" and [dict(v.content) for v in draft.variants] == [
        {"body": "Texte SMS"}
    ]


def test_the_other_formats_content_is_saved_and_loaded_back() -> None:
    """The fault: only the chosen format's content was saved, so a push written, then
    compared with an SMS and saved, came back empty."""
    form = CampaignForm(1, "x")
    form.write("content.body", "Texte push")
    form.write("campaign.format", "email")
    form.stored("inapp.body")  # a format only looked at keeps nothing
    form.write("email.subject", "Objet")
    form.write("campaign.format", "sms")
    form.write("sms.body", "Texte SMS")
    draft = form.to_draft(1, "t", None)
    [variant] = draft.variants
    assert dict(variant.content) == {"body": "Texte SMS"}  # what is sent: the chosen format
    assert set(variant.other_formats) == {"push", "email"}
    assert variant.other_formats["push"]["body"] == "Texte push"
    reread = CampaignDraft.from_dict(draft.to_dict())  # the CLI's JSON keeps them too
    again = CampaignForm(1, "x")
    again.load(reread)
    assert again.stored("sms.body") == "Texte SMS"
    assert again.stored("content.body") == "Texte push"
    assert again.stored("email.subject") == "Objet"
    assert again.stored("inapp.body") == ""


def test_the_scheduling_dialogs_choice_keeps_the_other_schedule_keys() -> None:
    """The composer wrote its own three schedule keys back, dropping an offer's end, a
    throttle and the transactional flag set from the CLI."""
    stored = CampaignDraft(
        app_id=1,
        name="Offre",
        schedule={"mode": "now", "until": "2026-12-31T23:00", "throttle_per_minute": 500},
    )
    form = CampaignForm(1, "x")
    form.load(stored)
    form.set_schedule(
        {"mode": "local_time", "at": "2026-12-24T10:00:00+01:00", "time_zone": "Europe/Paris"}
    )
    form.write("campaign.transactional", True)
    schedule = dict(form.to_draft(1, "t", None).schedule or {})
    assert schedule == {
        "mode": "local_time",
        "at": "2026-12-24T10:00:00+01:00",
        "time_zone": "Europe/Paris",
        "until": "2026-12-31T23:00",
        "throttle_per_minute": 500,
        "transactional": True,
    }
    form.set_schedule({"mode": "now"})  # unscheduled
    form.write("campaign.transactional", False)
    assert form.to_draft(1, "t", None).schedule == {
        "mode": "now",
        "until": "2026-12-31T23:00",
        "throttle_per_minute": 500,
    }


def test_a_bad_other_formats_document_is_refused_by_field() -> None:
    bad = {"name": "x", "variants": [{"key": "A", "content": {}, "other_formats": {"fax": {}}}]}
    with pytest.raises(CampaignInputError, match=r"variants\[0\]\.other_formats"):
        CampaignDraft.from_dict(bad)


def test_variant_weights_survive_a_load_and_save() -> None:
    stored = CampaignDraft(
        app_id=1,
        name="AB",
        variants=(Variant("A", 0.7, {"title": "a"}), Variant("B", 0.3, {"title": "b"})),
    )
    form = CampaignForm(1, "x")
    form.load(stored)
    assert [v.weight for v in form.to_draft(1, "t", None).variants] == [0.7, 0.3]


def test_shares_split_evenly_on_add_and_remove_and_must_add_up_to_100() -> None:
    form = CampaignForm(1, "x")
    form.write("content.title", "A")
    assert form.share_issues() == []
    b = form.add_variant()
    c = form.add_variant()
    assert (b, c) == ("B", "C") and form.stored(SHARE_KEY) == 33.3
    assert form.share_issues() == []  # thirds add up to 100 %
    form.variant_key = "A"
    form.write(SHARE_KEY, 50.0)
    [(field, message)] = form.share_issues()
    assert field == "shares" and code_of(message) == ("shares_not_100", ("116.7",))
    assert form.remove_variant("B") == "A"
    assert form.weights == {"A": 0.5, "C": 0.5} and form.share_issues() == []
    assert form.add_variant() == "B"  # the free letter again
    form.remove_variant("A")
    form.remove_variant("B")
    assert form.remove_variant("C") == "C"  # the last variant stays
    assert list(form.weights) == ["C"]


def test_relative_weights_of_stored_campaigns_show_as_shares() -> None:
    """The demo and the CLI store relative weights (1.0 each): the form shows 50 % / 50 %."""
    stored = CampaignDraft(
        app_id=1, name="AB", variants=(Variant("A", 1.0, {}), Variant("B", 1.0, {}))
    )
    form = CampaignForm(1, "x")
    form.load(stored)
    assert form.stored(SHARE_KEY) == 50.0 and form.share_issues() == []
    assert [v.weight for v in form.to_draft(1, "t", None).variants] == [0.5, 0.5]
