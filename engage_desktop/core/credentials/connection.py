""" "Test connection": what to test (``TestPlan``), what came of it (``TestReport``), recorded.

The network part (an OAuth token, then a ``validate_only`` send) lives in
``services.fcm.connection_test``; core cannot import it (core is network-free, and the GUI may
not import the services), so the CLI and the GUI are handed it as a ``ConnectionTester`` and
``check_connection`` does the rest: permission, reading the key from this machine's keyring,
choosing the test device, and recording a pass (which switching off the sandbox requires).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select

from engage_desktop.core.credentials.admin import read_key, this_host
from engage_desktop.core.credentials.key_file import ServiceAccountKey
from engage_desktop.core.credentials.messages import credential_error
from engage_desktop.core.messages import CodedText
from engage_desktop.core.progress import Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import App, AppCredential, Device

TEST_TOPIC = "engage-desktop-connection-test"


@dataclass(frozen=True)
class TestPlan:
    """The key to test and where the validate-only message goes (a test device, or a topic)."""

    __test__ = False  # not a pytest class

    app_name: str
    project_id: str
    key: ServiceAccountKey
    device_token: str | None  # None: no test device, the message targets ``TEST_TOPIC``
    device_label: str | None


@dataclass(frozen=True)
class TestReport:
    """``passed``: a token was issued and FCM accepted the credentials. ``message`` says what
    happened (coded, so the GUI words it); ``note`` adds what is worth knowing (e.g. the test
    device's token is no longer valid, which does not fail the credentials)."""

    __test__ = False

    passed: bool
    message: CodedText
    note: CodedText | None = None


class ConnectionTester(Protocol):
    def __call__(self, plan: TestPlan, progress: Progress) -> TestReport: ...


@dataclass(frozen=True)
class CredentialTools:
    """What the GUI's credentials dialog is handed by whoever starts it (the CLI's ``gui``):
    this machine's keyring and the network half of "Test connection"."""

    vault: Vault
    tester: ConnectionTester


def plan_test(ws: Workspace, vault: Vault, app_id: int, host: str | None = None) -> TestPlan:
    with ws.session_factory() as session:
        app = session.get(App, app_id)
        if app is None:
            raise credential_error("no_app", str(app_id))
        require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
        key = read_key(session, vault, app, host)
        device = session.execute(
            select(Device.fcm_token, Device.label)
            .where(
                Device.app_id == app_id,
                Device.is_test.is_(True),
                Device.fcm_token.is_not(None),
                Device.token_invalidated_at.is_(None),
            )
            .order_by(Device.id)
            .limit(1)
        ).first()
        token, label = (device[0], device[1] or "") if device else (None, None)
        return TestPlan(app.name, app.firebase_project_id, key, token, label)


def check_connection(
    ws: Workspace,
    vault: Vault,
    app_id: int,
    tester: ConnectionTester,
    progress: Progress,
    host: str | None = None,
) -> TestReport:
    """Test this machine's copy of the key, and record the result on the fingerprint."""
    host = host or this_host()
    plan = plan_test(ws, vault, app_id, host)
    report = tester(plan, progress)
    with ws.session() as session:
        row = session.get(AppCredential, app_id)
        if row is not None and row.key_id == plan.key.key_id:
            row.tested_at = ws.clock.now() if report.passed else None
            row.tested_host = host if report.passed else None
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="credentials.test",
            target=f"app:{app_id}",
            details={
                "key_id": plan.key.key_id,
                "host": host,
                "passed": report.passed,
                "outcome": report.message.code,
            },
        )
    return report
