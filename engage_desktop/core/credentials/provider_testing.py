"""Testing an app's SMS or email account: what the test says, and recording a pass.

The network half (Twilio's Account resource over https; an SMTP login with STARTTLS) lives in
``services.channels``; core cannot import it (core is network-free, and the GUI may not import
the services), so the CLI and the GUI are handed it as a ``ProviderTester``, as they are the
FCM ``ConnectionTester``. ``check_provider_account`` does the rest: permission, reading the
secret from this machine's keyring, and recording a pass on the account (``tested_at``,
``tested_host``) and in the audit log. The testers word their outcome with
``PROVIDER_TEST_MESSAGES``, so the GUI can say it in the user's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from engage_desktop.core.credentials.admin import this_host
from engage_desktop.core.credentials.providers import ProviderAccount, fingerprint, read_account
from engage_desktop.core.credentials.testing import TestReport
from engage_desktop.core.messages import MessageTable
from engage_desktop.core.progress import Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import ChannelAccount, Provider

if TYPE_CHECKING:
    from engage_desktop.security.vault import Vault

PROVIDER_TEST_MESSAGES = MessageTable(
    {
        "twilio_passed": "Twilio accepted the account {0}: “{1}” is {2}.",
        "twilio_refused_login": (
            "Twilio refused the Account SID {0} with this auth token ({1}: {2}): check both "
            "in the Twilio console."
        ),
        "twilio_refused": "Twilio refused the account {0} ({1}: {2}).",
        "twilio_unreachable": "Twilio could not be reached ({0}): check the network.",
        "smtp_passed": "Connected to {0}:{1} and logged in as {2}.",
        "smtp_login_refused": (
            "The SMTP server {0} refused the login of {1} ({2} {3}): check the user and the "
            "password."
        ),
        "smtp_refused": "The SMTP server {0} answered {1}: {2}",
        "smtp_unreachable": "The SMTP server {0}:{1} could not be reached ({2}).",
    }
)


class ProviderTester(Protocol):
    """Checks an account against its provider (the secret is in ``account``)."""

    def __call__(self, account: ProviderAccount, progress: Progress) -> TestReport: ...


def check_provider_account(
    ws: Workspace,
    vault: Vault,
    app_id: int,
    provider: Provider,
    tester: ProviderTester,
    progress: Progress,
    *,
    host: str | None = None,
) -> TestReport:
    """Test this machine's copy of the account and record the outcome. A pass is kept on the
    account only if nobody changed it meanwhile (same fingerprint and settings)."""
    host = host or this_host()
    with ws.session_factory() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
        account = read_account(session, vault, app_id, provider)
    report = tester(account, progress)
    with ws.session() as session:
        row = session.get(ChannelAccount, (app_id, provider))
        unchanged = row is not None and row.fingerprint == fingerprint(account.secret)
        if row is not None and unchanged and row.settings == dict(account.settings):
            row.tested_at = ws.clock.now() if report.passed else None
            row.tested_host = host if report.passed else None
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="credentials.provider_test",
            target=f"app:{app_id}",
            details={
                "provider": provider.value,
                "fingerprint": row.fingerprint if row is not None else None,
                "host": host,
                "passed": report.passed,
                "outcome": report.message.code,
            },
        )
    return report
