"""Translated names of the rule vocabulary: condition kinds, fields, operators, channels.

Kept in one place so every editor says "Ville" for ``city`` the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engage_desktop.ui.messages import fill


def kind_label(kind: str) -> str:
    labels = {
        "attribute": QCoreApplication.translate("SegmentLabels", "Profile attribute"),
        "event": QCoreApplication.translate("SegmentLabels", "Event"),
        "event_last": QCoreApplication.translate("SegmentLabels", "Last occurrence"),
        "location": QCoreApplication.translate("SegmentLabels", "Location"),
        "device": QCoreApplication.translate("SegmentLabels", "Device"),
        "consent": QCoreApplication.translate("SegmentLabels", "Consent"),
        "lifecycle": QCoreApplication.translate("SegmentLabels", "Lifecycle"),
        "segment": QCoreApplication.translate("SegmentLabels", "Member of segment"),
        "sample": QCoreApplication.translate("SegmentLabels", "Random sample"),
    }
    return labels.get(kind, kind)


def field_label(field: str) -> str:
    if field.startswith("attributes."):
        return fill(
            QCoreApplication.translate("SegmentLabels", "Attribute: %1"), [field.split(".", 1)[1]]
        )
    labels = {
        "first_name": QCoreApplication.translate("SegmentLabels", "First name"),
        "city": QCoreApplication.translate("SegmentLabels", "City"),
        "postal_code": QCoreApplication.translate("SegmentLabels", "Postal code"),
        "locale": QCoreApplication.translate("SegmentLabels", "Locale"),
        "time_zone": QCoreApplication.translate("SegmentLabels", "Time zone"),
        "email": QCoreApplication.translate("SegmentLabels", "Email"),
        "birth_date": QCoreApplication.translate("SegmentLabels", "Birth date"),
        "created_at": QCoreApplication.translate("SegmentLabels", "Created"),
        "last_seen_at": QCoreApplication.translate("SegmentLabels", "Last seen"),
    }
    return labels.get(field, field)


def op_label(op: str) -> str:
    labels = {
        "equals": QCoreApplication.translate("SegmentLabels", "is"),
        "not_equals": QCoreApplication.translate("SegmentLabels", "is not"),
        "contains": QCoreApplication.translate("SegmentLabels", "contains"),
        "one_of": QCoreApplication.translate("SegmentLabels", "is one of"),
        "between": QCoreApplication.translate("SegmentLabels", "is between"),
        "is_set": QCoreApplication.translate("SegmentLabels", "is set"),
        "is_not_set": QCoreApplication.translate("SegmentLabels", "is not set"),
        "before": QCoreApplication.translate("SegmentLabels", "is before"),
        "after": QCoreApplication.translate("SegmentLabels", "is after"),
        "within_last_days": QCoreApplication.translate("SegmentLabels", "is in the last"),
    }
    return labels.get(op, op)


def channel_label(channel: str) -> str:
    labels = {
        "push": QCoreApplication.translate("SegmentLabels", "Push"),
        "sms": QCoreApplication.translate("SegmentLabels", "SMS"),
        "email": QCoreApplication.translate("SegmentLabels", "Email"),
        "in_app": QCoreApplication.translate("SegmentLabels", "In-app"),
    }
    return labels.get(channel, channel)


def consent_state_label(state: str) -> str:
    labels = {
        "granted": QCoreApplication.translate("SegmentLabels", "granted"),
        "denied": QCoreApplication.translate("SegmentLabels", "denied"),
        "unknown": QCoreApplication.translate("SegmentLabels", "unknown"),
    }
    return labels.get(state, state)


def platform_label(platform: str) -> str:
    return {"ios": "iOS", "android": "Android"}.get(platform, platform)


def rule_key_label(key: str) -> str:
    """A field of a condition's rule ("min_count", "param.key"…) in words, lower case, for the
    messages that say which part of a condition is wrong ("" for the condition as a whole)."""
    if key == "type":
        return ""
    labels = {
        "value": QCoreApplication.translate("SegmentLabels", "value"),
        "name": QCoreApplication.translate("SegmentLabels", "event name"),
        "did": QCoreApplication.translate("SegmentLabels", "done or not done"),
        "min_count": QCoreApplication.translate("SegmentLabels", "number of times"),
        "within_days": QCoreApplication.translate("SegmentLabels", "number of days"),
        "days": QCoreApplication.translate("SegmentLabels", "number of days"),
        "param": QCoreApplication.translate("SegmentLabels", "parameter filter"),
        "param.key": QCoreApplication.translate("SegmentLabels", "parameter"),
        "param.equals": QCoreApplication.translate("SegmentLabels", "parameter value"),
        "before": QCoreApplication.translate("SegmentLabels", "date"),
        "after": QCoreApplication.translate("SegmentLabels", "date"),
        "store_id": QCoreApplication.translate("SegmentLabels", "store"),
        "any_store": QCoreApplication.translate("SegmentLabels", "any store"),
        "radius_km": QCoreApplication.translate("SegmentLabels", "radius"),
        "city": QCoreApplication.translate("SegmentLabels", "city"),
        "postal_prefix": QCoreApplication.translate("SegmentLabels", "start of postal code"),
        "platform": QCoreApplication.translate("SegmentLabels", "platform"),
        "app_version_gte": QCoreApplication.translate("SegmentLabels", "app version"),
        "push_enabled": QCoreApplication.translate("SegmentLabels", "push"),
        "locale": QCoreApplication.translate("SegmentLabels", "language"),
        "time_zone": QCoreApplication.translate("SegmentLabels", "time zone"),
        "channel": QCoreApplication.translate("SegmentLabels", "channel"),
        "state": QCoreApplication.translate("SegmentLabels", "consent"),
        "stage": QCoreApplication.translate("SegmentLabels", "stage"),
        "segment_id": QCoreApplication.translate("SegmentLabels", "segment"),
        "percent": QCoreApplication.translate("SegmentLabels", "percentage"),
        "seed": QCoreApplication.translate("SegmentLabels", "seed"),
        "field": QCoreApplication.translate("SegmentLabels", "attribute"),
        "op": QCoreApplication.translate("SegmentLabels", "operator"),
        "rules": QCoreApplication.translate("SegmentLabels", "rules"),
        "all": QCoreApplication.translate("SegmentLabels", "group"),
        "any": QCoreApplication.translate("SegmentLabels", "group"),
    }
    return labels.get(key, key)
