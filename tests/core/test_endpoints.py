"""Endpoints are not data: Google's, unless this machine's environment overrides them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from engage_desktop.core.endpoints import (
    GOOGLE_FCM_URL,
    GOOGLE_TOKEN_URL,
    EndpointError,
    fcm_url,
    read_control_token,
    sandbox_url,
    token_url,
)
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import WorkspaceSetting


def test_defaults_are_googles_over_https() -> None:
    assert fcm_url({}) == GOOGLE_FCM_URL == "https://fcm.googleapis.com"
    assert token_url({}) == GOOGLE_TOKEN_URL == "https://oauth2.googleapis.com/token"
    assert sandbox_url({}) == "http://127.0.0.1:8765"


def test_a_value_in_the_shared_database_redirects_nothing(
    make_workspace: Callable[..., Workspace],
) -> None:
    """The old settings keys are ignored even if someone writes them back into the database."""
    ws = make_workspace()
    with ws.session() as session:
        session.add(WorkspaceSetting(key="fcm.base_url", value="https://evil.example"))
        session.add(WorkspaceSetting(key="fcm.sandbox_url", value="http://evil.example"))
    assert fcm_url({}) == GOOGLE_FCM_URL
    assert sandbox_url({}) == "http://127.0.0.1:8765"


def test_overrides_from_the_environment() -> None:
    env = {
        "ENGAGE_FCM_URL": "https://fcm.proxy.corp:8443/",
        "ENGAGE_FCM_TOKEN_URL": "http://127.0.0.1:9000/token",
        "ENGAGE_SANDBOX_URL": "http://[::1]:8766",
    }
    assert fcm_url(env) == "https://fcm.proxy.corp:8443"
    assert token_url(env) == "http://127.0.0.1:9000/token"
    assert sandbox_url(env) == "http://[::1]:8766"


@pytest.mark.parametrize(
    ("variable", "value", "code"),
    [
        ("ENGAGE_FCM_URL", "http://fcm.example.com", "not_https"),
        ("ENGAGE_FCM_TOKEN_URL", "http://10.0.0.5/token", "not_https"),
        ("ENGAGE_FCM_URL", "https://user:pw@x.example", "bad_url"),
        ("ENGAGE_FCM_URL", "ftp://x?y", "bad_url"),
        ("ENGAGE_SANDBOX_URL", "http://192.168.1.20:8765", "not_loopback"),
        ("ENGAGE_SANDBOX_URL", "https://sandbox.example", "not_loopback"),
    ],
)
def test_bad_overrides_name_the_variable_and_value(variable: str, value: str, code: str) -> None:
    getter = {"ENGAGE_FCM_URL": fcm_url, "ENGAGE_FCM_TOKEN_URL": token_url}.get(
        variable, sandbox_url
    )
    with pytest.raises(EndpointError) as caught:
        getter({variable: value})
    assert caught.value.code == code and caught.value.args_text == (variable, value)
    assert variable in str(caught.value) and value in str(caught.value)


def test_control_token_is_read_from_the_data_folder(tmp_path: Path) -> None:
    assert read_control_token(tmp_path) is None
    (tmp_path / "control-token").write_text("abc123\n")
    assert read_control_token(tmp_path) == "abc123"
