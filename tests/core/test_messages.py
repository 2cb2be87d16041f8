"""Core messages keep their English text and also name their case (code + arguments)."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.campaigns.edit import save_draft, schedule_campaign
from engage_desktop.core.campaigns.model import (
    CampaignDraft,
    CampaignInputError,
    Variant,
    validate_draft,
)
from engage_desktop.core.credentials.messages import CREDENTIAL_MESSAGES
from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.messages import CodedError, CodedText, MessageTable, code_of
from engage_desktop.core.outbox.expand import SendError
from engage_desktop.core.templating import render_text
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, Role
from tests.support.apps import add_app


def test_coded_text_is_the_english_string_and_survives_pickling() -> None:
    text = CodedText("Button 2 has no label.", "button_no_label", "2")
    assert text == "Button 2 has no label." and isinstance(text, str)
    again = pickle.loads(pickle.dumps(text))
    assert code_of(again) == ("button_no_label", ("2",))
    assert code_of("plain") == ("", ())


def test_import_failed_is_a_coded_error_with_the_same_constructor() -> None:
    exc = ImportFailed("x.csv is empty.", "empty", "x.csv")
    assert isinstance(exc, CodedError)
    assert (str(exc), exc.code, exc.args_text) == ("x.csv is empty.", "empty", ("x.csv",))
    assert isinstance(SendError("gone", "not_found"), CodedError)


_ARG = st.text(
    alphabet=st.characters(categories=("L", "Nd"), include_characters="/._- "),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() == s and s)


@given(
    st.sampled_from(sorted(CREDENTIAL_MESSAGES.templates)),
    st.lists(_ARG, min_size=4, max_size=4),
)
def test_a_stored_service_account_message_gets_its_code_back(code: str, args: list[str]) -> None:
    count = CREDENTIAL_MESSAGES.templates[code].count("{")
    english = CREDENTIAL_MESSAGES.english(code, *args[:count])
    found = CREDENTIAL_MESSAGES.recognise(english)
    assert found is not None
    assert (found.code, found.args_text) == (code, tuple(args[:count]))


def test_recognise_refuses_other_text() -> None:
    table = MessageTable({"x": "File {0} is gone."})
    assert table.recognise("File  is gone") is None
    assert table.recognise("Something else") is None


@pytest.mark.parametrize(
    ("source", "code", "args", "where"),
    [
        ("Bonjour {{ first_name", "unclosed", ("}}",), (1, 9)),
        ("ligne 1\n{{ x | nofilter }}", "unknown_filter", ("nofilter",), (2, 8)),
        ("{% if x %}\nabc", "missing_end_tag", ("endif",), (2, 4)),
        ("{% foo %}", "unexpected_tag", ("foo",), (1, 4)),
        ("{% if x", "unclosed_tag", (), (1, 1)),
        ("{% if %}x{% endif %}", "missing_expression", (), (1, 4)),
        ("{{ x[ }}", "bad_path", (), (1, 9)),
        ("{{ x ] }}", "unexpected_text", ("]",), (1, 6)),
        ("{{ a b }}", "extra_text", (), (1, 6)),
        ("{{ 'a' | append }}", "filter_arguments", ("append",), (1, 10)),
        ("{{ x | truncate: 'a' }}", "filter_integer", ("truncate",), (1, 8)),
        ("{{ 1 | divided_by: 0 }}", "divide_by_zero", (), (1, 8)),
    ],
)
def test_template_errors_name_their_case_and_place(
    source: str, code: str, args: tuple[str, ...], where: tuple[int, int]
) -> None:
    error = render_text(source, {"x": 1}).error
    assert error is not None
    assert (error.code, error.args, (error.line, error.column)) == (code, args, where)
    assert error.message  # python-liquid's English stays for the CLI


def test_an_unknown_liquid_message_has_no_code_but_keeps_its_text() -> None:
    from engage_desktop.core.templating.render import _classify

    assert _classify("something python-liquid may say one day") == ("", ())


def test_draft_issues_carry_codes() -> None:
    draft = CampaignDraft.from_dict(
        {
            "name": "x",
            "format": "push",
            "variants": [
                {"key": "A", "content": {"image_url": "http://a/b.png", "deep_link": "no link"}}
            ],
        },
        app_id=1,
    )
    codes = {code_of(message) for _field, message in validate_draft(draft)}
    assert ("push_empty", ()) in codes
    assert ("image_not_https", ("http://a/b.png",)) in codes
    assert ("not_a_link", ("no link",)) in codes


def test_save_and_schedule_refusals_carry_codes(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = add_app(ws, "A", Role.MARKETER, project="p")
    draft = CampaignDraft.from_dict({"name": "Soldes", "content": {}}, app_id=app_id)
    with ws.session() as session:
        campaign_id = save_draft(session, ws.member_id, draft)
    with pytest.raises(CampaignInputError) as caught, ws.session() as session:
        schedule_campaign(session, ws.member_id, campaign_id, None)
    assert (caught.value.code, caught.value.args_text) == ("schedule_has_issues", ("1",))
    with ws.session() as session:
        row = session.get(Campaign, campaign_id)
        assert row is not None
        row.status = CampaignStatus.COMPLETED
    with pytest.raises(CampaignInputError) as caught, ws.session() as session:
        save_draft(
            session, ws.member_id, CampaignDraft.from_dict({**draft.to_dict(), "id": campaign_id})
        )
    assert (caught.value.code, caught.value.args_text) == ("not_editable", ("completed",))
    assert str(caught.value) == "status: a completed campaign can no longer be edited"


@pytest.mark.parametrize(
    ("fmt", "content", "field", "code", "args"),
    [
        (
            "push",
            {"title": "Bonjour {{ first_name"},
            "A.title",
            "template_unclosed",
            ("1", "9", "}}"),
        ),
        (
            "push",
            {"body": "a", "deep_link": "app://{{ x | nope }}"},
            "A.deep_link",
            "template_unknown_filter",
            ("1", "14", "nope"),
        ),
        (
            "sms",
            {"body": "x\n{% if a %}"},
            "A.body",
            "template_missing_end_tag",
            ("2", "11", "endif"),
        ),
        (
            "email",
            {"subject": "{% foo %}"},
            "A.subject",
            "template_unexpected_tag",
            ("1", "4", "foo"),
        ),
        ("in_app", {"header": "{{ a b }}"}, "A.header", "template_extra_text", ("1", "6")),
        (
            "rich_push",
            {"title": "t", "html": "{{ x[ }}"},
            "A.html",
            "template_bad_path",
            ("1", "9"),
        ),
    ],
)
def test_template_errors_are_draft_issues_in_every_format(
    fmt: str, content: dict[str, str], field: str, code: str, args: tuple[str, ...]
) -> None:
    draft = CampaignDraft(app_id=1, name="x", format=fmt, variants=(Variant("A", 1.0, content),))
    issues = [(f, m) for f, m in validate_draft(draft) if m.startswith("Template error")]
    assert [(f, code_of(m)) for f, m in issues] == [(field, (code, args))]
    assert issues[0][1].startswith(f"Template error, line {args[0]}, column {args[1]}: ")


def test_data_dependent_liquid_errors_do_not_block_a_draft() -> None:
    content = {"title": "{{ points | divided_by: zero }}", "body": "Bonjour {{ first_name }}"}
    draft = CampaignDraft(app_id=1, name="x", variants=(Variant("A", 1.0, content),))
    assert validate_draft(draft) == []
