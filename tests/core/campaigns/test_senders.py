"""The From / Reply-To an email gets when its content names none: the app's SMTP account's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engage_desktop.core.campaigns.senders import SANDBOX_FROM, DefaultSender, default_sender
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import PermissionDenied
from engage_desktop.store.models import App, ChannelAccount, Provider
from tests.support.sending import seed_app


def test_the_account_the_sandbox_or_nothing(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 1, sandbox=False)
    with ws.session() as session:
        assert default_sender(session, ws.member_id, app_id) == DefaultSender()  # no account
        session.add(
            ChannelAccount(
                app_id=app_id,
                provider=Provider.SMTP,
                settings={"from_address": "ML <news@ml.fr>", "reply_to": "aide@ml.fr"},
                reference="smtp-secret:app-1",
                fingerprint="abc",
            )
        )
        session.flush()
        assert default_sender(session, ws.member_id, app_id) == DefaultSender(
            "ML <news@ml.fr>", "aide@ml.fr"
        )
        app = session.get(App, app_id)
        assert app is not None
        app.use_sandbox = True
        assert default_sender(session, ws.member_id, app_id).sender == SANDBOX_FROM
        with pytest.raises(PermissionDenied):
            default_sender(session, ws.member_id + 1, app_id)  # no role on the app
