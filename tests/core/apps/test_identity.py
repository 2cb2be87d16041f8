"""An app's identity is checked against Firebase's, Android's, Apple's and IANA's rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.apps.identity import AppError, AppIdentity, checked, split_identifiers


def _ok(**changes: object) -> AppIdentity:
    base = {"name": "Boutique", "project_id": "boutique-prod"}
    return checked(AppIdentity(**{**base, **changes}))  # type: ignore[arg-type]


@pytest.mark.parametrize("project", ["boutique-prod", "a12345", "x" * 30, "shop-2026-fr"])
def test_good_project_ids(project: str) -> None:
    assert _ok(project_id=f"  {project} ").project_id == project


@pytest.mark.parametrize(
    "project",
    [
        "short",
        "x" * 31,
        "Boutique-prod",
        "1boutique",
        "boutique-",
        "bou_tique",
        "boutique prod",
        "",
    ],
)
def test_bad_project_ids_are_named(project: str) -> None:
    with pytest.raises(AppError) as caught:
        _ok(project_id=project)
    assert caught.value.code == "bad_project_id" and caught.value.field == "project_id"
    assert f"'{project}' is not a Firebase project id" in str(caught.value)


def test_android_packages_and_bundle_ids() -> None:
    app = _ok(
        android_packages=("fr.boutique.app", " com.example.shop_v2 ", ""),
        ios_bundle_ids=("fr.boutique.App-Beta",),
    )
    assert app.android_packages == ("fr.boutique.app", "com.example.shop_v2")
    assert app.ios_bundle_ids == ("fr.boutique.App-Beta",)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("android_packages", "boutique", "bad_android_package"),  # one part only
        ("android_packages", "fr.1boutique.app", "bad_android_package"),
        ("android_packages", "fr.bou-tique.app", "bad_android_package"),
        ("ios_bundle_ids", "fr.boutique_app", "bad_bundle_id"),
        ("ios_bundle_ids", "boutique", "bad_bundle_id"),
        ("ios_bundle_ids", "fr..boutique", "bad_bundle_id"),
    ],
)
def test_bad_store_ids_are_named(field: str, value: str, code: str) -> None:
    with pytest.raises(AppError) as caught:
        _ok(**{field: (value,)})
    assert (caught.value.code, caught.value.field, caught.value.args_text) == (
        code,
        field,
        (value,),
    )


def test_an_id_listed_twice_is_refused() -> None:
    with pytest.raises(AppError, match=r"'fr\.a\.b' is listed twice"):
        _ok(android_packages=("fr.a.b", "fr.a.b"))


def test_time_zones_come_from_the_iana_database() -> None:
    assert _ok(time_zone="America/Guadeloupe").time_zone == "America/Guadeloupe"
    for wrong in ("Europe/Pariss", "CET+1", "paris", ""):
        with pytest.raises(AppError) as caught:
            _ok(time_zone=wrong)
        assert caught.value.code == "bad_time_zone" and caught.value.field == "time_zone"


def test_names() -> None:
    with pytest.raises(AppError, match="needs a display name"):
        _ok(name="   ")
    with pytest.raises(AppError) as caught:
        _ok(name="x" * 121)
    assert caught.value.code == "name_too_long"
    assert _ok(name="  Maison Lumière ").name == "Maison Lumière"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_.A", max_size=40))
def test_a_project_id_is_accepted_exactly_when_google_would(project: str) -> None:
    """6-30 of [a-z0-9-], a letter first, no hyphen last: the published rule, as a reference."""
    google = (
        6 <= len(project) <= 30
        and project[0].isalpha()
        and project[0].islower()
        and project[-1] != "-"
        and all(c.islower() or c.isdigit() or c == "-" for c in project)
    )
    try:
        _ok(project_id=project)
        accepted = True
    except AppError:
        accepted = False
    assert accepted == google


def test_identifiers_typed_in_one_field() -> None:
    assert split_identifiers("fr.a.b, fr.c.d\nfr.e.f;  ") == ("fr.a.b", "fr.c.d", "fr.e.f")
