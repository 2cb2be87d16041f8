"""Readable, translated labels for analytics event names (GA4's ids were shown as they are).

The raw name stays what is stored and matched; widgets show the label and keep the raw name
in a tooltip (and in the item's data), so an analyst can still recognise it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _known() -> dict[str, str]:
    return {
        "first_open": QCoreApplication.translate("EventLabels", "First open"),
        "session_start": QCoreApplication.translate("EventLabels", "Session started"),
        "screen_view": QCoreApplication.translate("EventLabels", "Screen viewed"),
        "user_engagement": QCoreApplication.translate("EventLabels", "Engaged with the app"),
        "view_item": QCoreApplication.translate("EventLabels", "Viewed an item"),
        "view_item_list": QCoreApplication.translate("EventLabels", "Viewed an item list"),
        "view_promotion": QCoreApplication.translate("EventLabels", "Viewed a promotion"),
        "select_item": QCoreApplication.translate("EventLabels", "Selected an item"),
        "search": QCoreApplication.translate("EventLabels", "Searched"),
        "add_to_wishlist": QCoreApplication.translate("EventLabels", "Added to wishlist"),
        "add_to_cart": QCoreApplication.translate("EventLabels", "Added to cart"),
        "remove_from_cart": QCoreApplication.translate("EventLabels", "Removed from cart"),
        "view_cart": QCoreApplication.translate("EventLabels", "Viewed the cart"),
        "begin_checkout": QCoreApplication.translate("EventLabels", "Began checkout"),
        "add_payment_info": QCoreApplication.translate("EventLabels", "Added payment details"),
        "add_shipping_info": QCoreApplication.translate("EventLabels", "Added shipping details"),
        "purchase": QCoreApplication.translate("EventLabels", "Purchased"),
        "refund": QCoreApplication.translate("EventLabels", "Refunded"),
        "sign_up": QCoreApplication.translate("EventLabels", "Signed up"),
        "login": QCoreApplication.translate("EventLabels", "Logged in"),
        "share": QCoreApplication.translate("EventLabels", "Shared"),
        "level_start": QCoreApplication.translate("EventLabels", "Started a level"),
        "level_end": QCoreApplication.translate("EventLabels", "Finished a level"),
        "level_up": QCoreApplication.translate("EventLabels", "Levelled up"),
        "post_score": QCoreApplication.translate("EventLabels", "Posted a score"),
        "earn_virtual_currency": QCoreApplication.translate(
            "EventLabels", "Earned virtual currency"
        ),
        "spend_virtual_currency": QCoreApplication.translate(
            "EventLabels", "Spent virtual currency"
        ),
        "unlock_achievement": QCoreApplication.translate("EventLabels", "Unlocked an achievement"),
        "tutorial_begin": QCoreApplication.translate("EventLabels", "Began the tutorial"),
        "tutorial_complete": QCoreApplication.translate("EventLabels", "Completed the tutorial"),
        "notification_receive": QCoreApplication.translate(
            "EventLabels", "Received a notification"
        ),
        "notification_open": QCoreApplication.translate("EventLabels", "Opened a notification"),
        "notification_dismiss": QCoreApplication.translate(
            "EventLabels", "Dismissed a notification"
        ),
        "app_remove": QCoreApplication.translate("EventLabels", "Removed the app"),
    }


def event_label(name: str) -> str:
    """The readable label of ``name``; an unknown (custom) event is spelled out from its id."""
    known = _known().get(name)
    if known is not None:
        return known
    words = name.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else name
