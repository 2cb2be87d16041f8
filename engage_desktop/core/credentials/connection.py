""" "Test connection" and giving a key: what is tested, recorded; a key tested before it is used.

The network part (an OAuth token, then a ``validate_only`` send) lives in
``services.fcm.connection_test``; core cannot import it (core is network-free, and the GUI may
not import the services), so the CLI and the GUI are handed it as a ``ConnectionTester`` and
``check_connection`` does the rest: permission, reading the key from this machine's keyring,
choosing the test device, and recording a pass (which switching off the sandbox requires).
``set_credentials`` is how an admin gives an app its key: on an app that sends through FCM the
new key is tested first and replaces the working one only if it passes, so a wrong key never
reaches the service.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.credentials.admin import (
    SetOutcome,
    credential_status,
    read_key,
    store_key,
    this_host,
)
from engage_desktop.core.credentials.key_file import ServiceAccountKey, read_key_file
from engage_desktop.core.credentials.messages import credential_error
from engage_desktop.core.credentials.testing import (
    ConnectionTester,
    TestPlan,
    TestReport,
)
from engage_desktop.core.progress import Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import App, AppCredential, Device


def _test_device(session: Session, app_id: int) -> tuple[str | None, str | None]:
    """The app's first test device with a valid token (its token, its label), if any."""
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
    return (device[0], device[1] or "") if device else (None, None)


def _allowed(session: Session, ws: Workspace, app_id: int) -> App:
    app = session.get(App, app_id)
    if app is None:
        raise credential_error("no_app", str(app_id))
    require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
    return app


def plan_test(ws: Workspace, vault: Vault, app_id: int, host: str | None = None) -> TestPlan:
    with ws.session_factory() as session:
        app = _allowed(session, ws, app_id)
        key = read_key(session, vault, app, host)
        return TestPlan(app.name, app.firebase_project_id, key, *_test_device(session, app_id))


def set_credentials(
    ws: Workspace,
    vault: Vault,
    app_id: int,
    path: str | Path,
    *,
    tester: ConnectionTester | None = None,
    progress: Progress | None = None,
    host: str | None = None,
) -> SetOutcome:
    """Check the key file and put the key in this machine's keyring.

    While the app sends through FCM, a new key is tested first (``tester``, an OAuth token and a
    validate-only send with the key still in memory) and stored only if it passes; a failed test
    leaves the current key in place and comes back as ``stored=False`` with its report. On the
    sandbox the key is stored untested: leaving the sandbox asks for the test.
    """
    host = host or this_host()
    with ws.session_factory() as session:
        app = _allowed(session, ws, app_id)
        name, project, on_fcm = app.name, app.firebase_project_id, not app.use_sandbox
        current = session.get(AppCredential, app_id)
        current_key = current.key_id if current is not None else None
        device = _test_device(session, app_id)
    checked = read_key_file(path, project)
    if not on_fcm or checked.key.key_id == current_key:
        return store_key(ws, vault, app_id, checked, host=host)
    if tester is None:
        raise credential_error("replace_untested", name, str(app_id))
    report = tester(TestPlan(name, project, checked.key, *device), progress or Progress())
    _record_test(ws, app_id, checked.key, host, report)
    if not report.passed:
        status = credential_status(ws, app_id)
        return SetOutcome(status, checked.warnings, replaced=False, stored=False, test=report)
    return store_key(ws, vault, app_id, checked, host=host, test=report)


def _record_test(
    ws: Workspace, app_id: int, key: ServiceAccountKey, host: str, report: TestReport
) -> None:
    with ws.session() as session:
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="credentials.test",
            target=f"app:{app_id}",
            details={
                "key_id": key.key_id,
                "host": host,
                "passed": report.passed,
                "outcome": report.message.code,
            },
        )


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
    _record_test(ws, app_id, plan.key, host, report)
    return report
