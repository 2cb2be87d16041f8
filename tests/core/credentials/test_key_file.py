"""Each wrong key file is named with its own message, its path, and nothing from the key."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from engage_desktop.core.credentials.key_file import parse_key, read_key_file
from engage_desktop.core.credentials.messages import CREDENTIAL_MESSAGES, CredentialError
from tests.support.fake_google import make_service_account, secret_parts

PROJECT = "maison-test"


@pytest.fixture(scope="module")
def good() -> dict[str, Any]:
    return make_service_account(PROJECT)


def _write(folder: Path, name: str, content: str | bytes, mode: int = 0o600) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    path.chmod(mode)
    return path


def bad_files(folder: Path, good: dict[str, Any]) -> dict[str, Path]:
    text = json.dumps(good, indent=2)
    client = {
        "project_info": {"project_number": "1", "project_id": PROJECT},
        "client": [{"client_info": {"mobilesdk_app_id": "1:1:android:1"}}],
    }
    other_key = dict(good, private_key=good["private_key"].replace("A", "B", 40))
    ec_key = (
        "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg1ZqvH4bXBf6Fg0rU\n"
        "-----END PRIVATE KEY-----\n"
    )
    (folder / "dossier.json").mkdir()
    return {
        "sa_not_found": folder / "nowhere.json",
        "sa_is_folder": folder / "dossier.json",
        "sa_too_big": _write(folder, "huge.json", " " * 70_000),
        "sa_not_json": _write(folder, "broken.json", text.replace('"type"', "type", 1)),
        "sa_truncated": _write(folder, "cut.json", text[: len(text) // 2]),
        "sa_client_config": _write(folder, "google-services.json", json.dumps(client)),
        "sa_wrong_type": _write(
            folder, "user.json", json.dumps(dict(good, type="authorized_user"))
        ),
        "sa_missing": _write(folder, "no-email.json", json.dumps(dict(good, client_email=""))),
        "sa_wrong_project": _write(
            folder, "other.json", json.dumps(dict(good, project_id="pixel-quest"))
        ),
        "sa_bad_key": _write(folder, "damaged.json", json.dumps(other_key)),
        "sa_bad_key_ec": _write(folder, "ec.json", json.dumps(dict(good, private_key=ec_key))),
    }


def test_each_bad_file_has_its_code_its_path_and_no_secret(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    for code, path in bad_files(tmp_path, good).items():
        with pytest.raises(CredentialError) as caught:
            read_key_file(path, PROJECT)
        exc = caught.value
        assert exc.code == code.removesuffix("_ec"), (code, str(exc))
        assert exc.args_text[0] == str(path) and str(path) in str(exc)
        said = str(exc) + " ".join(exc.args_text) + repr(exc)
        assert not any(part in said for part in secret_parts(good)), code
        assert CREDENTIAL_MESSAGES.recognise(str(exc)) is not None


def test_the_missing_field_named_is_the_client_email(tmp_path: Path, good: dict[str, Any]) -> None:
    path = _write(
        tmp_path, "k.json", json.dumps({k: v for k, v in good.items() if k != "client_email"})
    )
    with pytest.raises(CredentialError) as caught:
        read_key_file(path, PROJECT)
    assert caught.value.args_text == (str(path), "client_email")


def test_truncated_and_not_json_are_told_apart(tmp_path: Path, good: dict[str, Any]) -> None:
    text = json.dumps(good)
    for cut in (1, 40, len(text) - 1):
        with pytest.raises(CredentialError) as caught:
            parse_key(text[:cut], "k.json", PROJECT)
        assert caught.value.code == "sa_truncated"
        assert caught.value.args_text[1] == str(cut)
    with pytest.raises(CredentialError) as caught:
        parse_key(b"\x30\x82\x0a\xff binary p12", "k.p12", PROJECT)
    assert caught.value.code == "sa_not_json"
    with pytest.raises(CredentialError) as caught:
        parse_key('{"type": "service_account",\n "project_id": oops}', "k.json", PROJECT)
    assert caught.value.args_text == ("k.json", "2", "16")


def test_a_good_key_passes_and_shows_only_its_fingerprint(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    checked = read_key_file(_write(tmp_path, "ok.json", json.dumps(good)), PROJECT)
    key = checked.key
    assert checked.warnings == ()
    assert (key.project_id, key.client_email, key.key_id) == (
        PROJECT,
        good["client_email"],
        good["private_key_id"],
    )
    assert json.loads(key.secret_json()) == good
    shown = repr(key) + str(key)
    assert good["client_email"] in shown
    assert not any(part in shown for part in secret_parts(good))


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_file_others_can_read_is_accepted_with_a_warning(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    path = _write(tmp_path, "readable.json", json.dumps(good), mode=0o644)
    checked = read_key_file(path, PROJECT)
    assert checked.key.key_id == good["private_key_id"]
    (warning,) = checked.warnings
    assert warning.code == "sa_readable" and warning.args_text == (str(path),)
    assert "delete the file" in warning
