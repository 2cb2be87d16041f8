"""Who an email campaign is from when its author writes no From / Reply-To: the app's account.

The SMTP account's settings (``channel_account.settings``: ``from_address``, ``reply_to``) are
not secret, so the composer reads them to show the default in its fields, preview and payload
tab; an app on the sandbox writes to the sandbox's mailbox with ``SANDBOX_FROM``. Reading
needs the view right on the app, like the campaign itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import App, ChannelAccount, Provider

SANDBOX_FROM = "Engage sandbox <sandbox@localhost>"


@dataclass(frozen=True, slots=True)
class DefaultSender:
    """``sender`` empty: the app has no SMTP account yet (sending will say so)."""

    sender: str = ""
    reply_to: str = ""


def default_sender(session: Session, member_id: int, app_id: int) -> DefaultSender:
    """The From and Reply-To an email of ``app_id`` gets when its content names none."""
    require(session, member_id, app_id, Permission.VIEW_CAMPAIGNS)
    app = session.get(App, app_id)
    if app is None or app.use_sandbox:
        return DefaultSender(SANDBOX_FROM)
    account = session.get(ChannelAccount, (app_id, Provider.SMTP))
    if account is None:
        return DefaultSender()
    settings = account.settings or {}
    return DefaultSender(
        str(settings.get("from_address") or ""), str(settings.get("reply_to") or "")
    )
