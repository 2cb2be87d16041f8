"""Core messages keep their English text and also name their case (code + arguments)."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

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
from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.messages import CodedError, CodedText, MessageTable, code_of
from engage_desktop.core.outbox.expand import SendError
from engage_desktop.core.settings_fcm import (
    SERVICE_ACCOUNT_MESSAGES,
    SettingError,
    check_base_url,
    check_service_account_file,
)
from engage_desktop.core.templating import render_text
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, Role
from tests.support.apps import add_app
from tests.support.service_accounts import write_key


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
    st.sampled_from(sorted(SERVICE_ACCOUNT_MESSAGES.templates)),
    st.lists(_ARG, min_size=4, max_size=4),
)
def test_a_stored_service_account_message_gets_its_code_back(code: str, args: list[str]) -> None:
    count = SERVICE_ACCOUNT_MESSAGES.templates[code].count("{")
    english = SERVICE_ACCOUNT_MESSAGES.english(code, *args[:count])
    found = SERVICE_ACCOUNT_MESSAGES.recognise(english)
    assert found is not None
    assert (found.code, found.args_text) == (code, tuple(args[:count]))


def test_recognise_refuses_other_text() -> None:
    table = MessageTable({"x": "File {0} is gone."})
    assert table.recognise("File  is gone") is None
    assert table.recognise("Something else") is None


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    not_json = tmp_path / "broken.json"
    not_json.write_text('{"type": "service_account",\n "project_id": oops}')
    folder = tmp_path / "folder.json"
    folder.mkdir()
    return {
        "sa_not_found": tmp_path / "nowhere.json",
        "sa_is_folder": folder,
        "sa_not_json": not_json,
        "sa_wrong_type": write_key(tmp_path, "user.json", type="authorized_user"),
        "sa_missing": write_key(tmp_path, "partial.json", client_email=None, token_uri=None),
        "sa_wrong_project": write_key(tmp_path, "other.json", project_id="pixel-quest"),
        "sa_bad_key": write_key(tmp_path, "badkey.json", private_key="SECRET-MARKER-41"),
    }


def test_each_bad_service_account_file_has_its_code_and_path_and_no_secret(
    tmp_path: Path,
) -> None:
    files = _bad_files(tmp_path)
    file_codes = {c for c in SERVICE_ACCOUNT_MESSAGES.templates if c.startswith("sa_")}
    assert set(files) | {"sa_unreadable", "sa_not_set"} == file_codes
    for code, path in files.items():
        with pytest.raises(SettingError) as caught:
            check_service_account_file(path, "maison-test")
        exc = caught.value
        assert exc.code == code
        assert exc.args_text[0] == str(path)
        assert str(path) in str(exc)
        assert "SECRET-MARKER" not in str(exc) + " ".join(exc.args_text)
        assert SERVICE_ACCOUNT_MESSAGES.recognise(str(exc)) is not None


def test_an_unreadable_file_says_why(tmp_path: Path) -> None:
    """A path through a file (not a folder) cannot be opened, even by root: ENOTDIR."""
    path = write_key(tmp_path, "ok.json") / "key.json"
    with pytest.raises(SettingError) as caught:
        check_service_account_file(path, "maison-test")
    assert caught.value.code == "sa_unreadable"
    assert caught.value.args_text == (str(path), "Not a directory")


def test_a_good_file_passes(tmp_path: Path) -> None:
    info = check_service_account_file(write_key(tmp_path, "ok.json"), "maison-test")
    assert info["project_id"] == "maison-test"


def test_bad_base_url_names_the_setting_and_value() -> None:
    with pytest.raises(SettingError) as caught:
        check_base_url("ftp://x?y")
    assert caught.value.code == "bad_base_url"
    assert caught.value.args_text[:2] == ("fcm.base_url", "ftp://x?y")


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
