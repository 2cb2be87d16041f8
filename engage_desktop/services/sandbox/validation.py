"""FCM HTTP v1 message validation, as Google answers it (status, message, error code)."""

from __future__ import annotations

import re
from typing import Any

MAX_PAYLOAD = 4096
LABEL = re.compile(r"^[a-zA-Z0-9\-_.~%]{1,50}$")
MESSAGE_FIELDS = {
    "name",
    "data",
    "notification",
    "android",
    "webpush",
    "apns",
    "fcm_options",
    "token",
    "topic",
    "condition",
}
NOTIFICATION_FIELDS = {"title", "body", "image"}
ANDROID_FIELDS = {
    "collapse_key",
    "priority",
    "ttl",
    "restricted_package_name",
    "data",
    "notification",
    "fcm_options",
    "direct_boot_ok",
}
APNS_FIELDS = {"headers", "payload", "fcm_options", "live_activity_token"}


class Invalid(Exception):
    """A message FCM would refuse with 400 INVALID_ARGUMENT."""


def _unknown(obj: dict[str, Any], allowed: set[str], where: str) -> None:
    for key in obj:
        if key not in allowed:
            raise Invalid(
                f"Invalid JSON payload received. Unknown name \"{key}\" at '{where}': "
                "Cannot find field."
            )


def _strings(obj: Any, where: str) -> None:
    if not isinstance(obj, dict):
        raise Invalid(f"Invalid value at '{where}': expected a map of strings.")
    for key, value in obj.items():
        if not isinstance(value, str):
            raise Invalid(
                f"Invalid value at '{where}[{key}]' ({type(value).__name__}), "
                "Starting an object on a scalar field"
            )


def validate_body(body: Any) -> dict[str, Any]:
    """Return the message, or raise ``Invalid`` with Google's wording."""
    if not isinstance(body, dict) or not isinstance(body.get("message"), dict):
        raise Invalid("Request contains an invalid argument.")
    _unknown(body, {"message", "validate_only"}, "")
    message: dict[str, Any] = body["message"]
    _unknown(message, MESSAGE_FIELDS, "message")
    targets = [k for k in ("token", "topic", "condition") if message.get(k)]
    if len(targets) != 1:
        raise Invalid("Exactly one of token, topic or condition must be specified.")
    if "token" in message and not isinstance(message["token"], str):
        raise Invalid("The registration token is not a valid FCM registration token")
    if "data" in message:
        _strings(message["data"], "message.data")
    if "notification" in message:
        _unknown(message["notification"], NOTIFICATION_FIELDS, "message.notification")
    android = message.get("android")
    if android is not None:
        _unknown(android, ANDROID_FIELDS, "message.android")
        if android.get("priority", "normal") not in ("normal", "high", "NORMAL", "HIGH"):
            raise Invalid(f"Invalid value at 'message.android.priority' ({android['priority']})")
        if "data" in android:
            _strings(android["data"], "message.android.data")
    apns = message.get("apns")
    if apns is not None:
        _unknown(apns, APNS_FIELDS, "message.apns")
        if "headers" in apns:
            _strings(apns["headers"], "message.apns.headers")
    label = (message.get("fcm_options") or {}).get("analytics_label")
    if label is not None and not (isinstance(label, str) and LABEL.match(label)):
        raise Invalid("Invalid analytics_label")
    return message


def payload_size(raw_message: bytes) -> int:
    """Close enough to FCM's own count for the 4 KB rule: the encoded message."""
    return len(raw_message)


def error_body(code: int, status: str, message: str, fcm_code: str | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message, "status": status}
    if fcm_code:
        error["details"] = [
            {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": fcm_code}
        ]
    return {"error": error}


# status, HTTP code and default message of every error the sandbox can be asked to produce
FCM_ERRORS: dict[str, tuple[int, str, str]] = {
    "UNREGISTERED": (404, "NOT_FOUND", "Requested entity was not found."),
    "INVALID_ARGUMENT": (400, "INVALID_ARGUMENT", "Request contains an invalid argument."),
    "SENDER_ID_MISMATCH": (403, "PERMISSION_DENIED", "SenderId mismatch"),
    "QUOTA_EXCEEDED": (429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric."),
    "UNAVAILABLE": (503, "UNAVAILABLE", "The service is currently unavailable."),
    "INTERNAL": (500, "INTERNAL", "Internal error encountered."),
    "THIRD_PARTY_AUTH_ERROR": (401, "UNAUTHENTICATED", "Auth error from APNS or Web Push Service"),
}
