"""Where FCM requests and token requests go: Google over https, unless this machine says otherwise.

Endpoints are not data. A value in a shared database (or a key file's ``token_uri``) must not be
able to send access tokens, signed assertions and device tokens to another host, so addresses
come only from Google's constants or from an override in the environment of the process that
sends (tests, benchmarks, the local sandbox):

- ``ENGAGE_FCM_URL``: the FCM v1 API base (default ``https://fcm.googleapis.com``);
- ``ENGAGE_FCM_TOKEN_URL``: the OAuth token endpoint (default Google's);
- ``ENGAGE_SANDBOX_URL``: the local sandbox (default ``http://127.0.0.1:8765``), loopback only;
- ``ENGAGE_TWILIO_URL``: Twilio's REST API base (default ``https://api.twilio.com``).

An override must be https, or plain http to a loopback address (nothing leaves the machine).
The sandbox's data folder and its per-run control token are here too, so the GUI (which may not
import the services) finds them like the sandbox does.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from engage_desktop.core.messages import CodedError

GOOGLE_FCM_URL = "https://fcm.googleapis.com"
GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token"
DEFAULT_SANDBOX_URL = "http://127.0.0.1:8765"
FCM_URL_ENV = "ENGAGE_FCM_URL"
TOKEN_URL_ENV = "ENGAGE_FCM_TOKEN_URL"
SANDBOX_URL_ENV = "ENGAGE_SANDBOX_URL"
TWILIO_URL = "https://api.twilio.com"
TWILIO_URL_ENV = "ENGAGE_TWILIO_URL"
SANDBOX_DIR_ENV = "ENGAGE_SANDBOX_CREDENTIALS_DIR"
CONTROL_TOKEN_FILE = "control-token"
CONTROL_TOKEN_HEADER = "X-Sandbox-Token"
APP_DIR_NAME = "EngageDesktop"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


class EndpointError(CodedError, ValueError):
    """An override that cannot be used; names the variable and the value (never a secret)."""


# scheme://host[:port][/path], no user info, query or fragment (urllib is off limits in core).
_URL = re.compile(
    r"^(?P<scheme>https?)://(?P<host>\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(?P<port>\d{1,5}))?"
    r"(?P<path>/[^?#\s]*)?$"
)


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(value: str, variable: str, *, loopback_only: bool = False) -> str:
    """``value`` without a trailing slash, if it is https (or http on loopback)."""
    clean = value.strip()
    match = _URL.match(clean)
    if match is None:
        raise EndpointError(
            f"{variable}: '{value}' is not an address like {GOOGLE_FCM_URL} (no user, query "
            "or fragment).",
            "bad_url",
            variable,
            value,
        )
    local = is_loopback(match["host"])
    if loopback_only and not local:
        raise EndpointError(
            f"{variable}: '{value}' is not on this machine; the sandbox only listens on "
            "loopback (127.0.0.1, ::1 or localhost).",
            "not_loopback",
            variable,
            value,
        )
    if match["scheme"] == "http" and not local:
        raise EndpointError(
            f"{variable}: '{value}' is plain http to another machine; use https (tokens and "
            "device tokens travel in these requests).",
            "not_https",
            variable,
            value,
        )
    return clean.rstrip("/")


def _env(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def fcm_url(environ: Mapping[str, str] | None = None) -> str:
    """The FCM v1 API base for apps that send through Google."""
    override = _env(environ).get(FCM_URL_ENV)
    return check_url(override, FCM_URL_ENV) if override else GOOGLE_FCM_URL


def token_url(environ: Mapping[str, str] | None = None) -> str:
    """The OAuth token endpoint for service accounts (a key file's own token_uri is ignored)."""
    override = _env(environ).get(TOKEN_URL_ENV)
    return check_url(override, TOKEN_URL_ENV) if override else GOOGLE_TOKEN_URL


def twilio_url(environ: Mapping[str, str] | None = None) -> str:
    """Twilio's REST API base (the Messages resource lives under ``/2010-04-01``)."""
    override = _env(environ).get(TWILIO_URL_ENV)
    return check_url(override, TWILIO_URL_ENV) if override else TWILIO_URL


def sandbox_url(environ: Mapping[str, str] | None = None) -> str:
    """The local sandbox's base URL: loopback only."""
    raw = _env(environ).get(SANDBOX_URL_ENV) or DEFAULT_SANDBOX_URL
    return check_url(raw, SANDBOX_URL_ENV, loopback_only=True)


def sandbox_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The sandbox's folder: its service-account keys, kept inboxes and control token."""
    override = _env(environ).get(SANDBOX_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)) / "sandbox"


def read_control_token(data_dir: Path) -> str | None:
    """The token the running sandbox wrote for this run (None: no sandbox ran here yet)."""
    try:
        return (data_dir / CONTROL_TOKEN_FILE).read_text(encoding="ascii").strip() or None
    except (OSError, ValueError):
        return None
