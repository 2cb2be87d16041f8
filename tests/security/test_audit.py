"""Recording audit entries: one scrubber for secrets, entries chained, appends never forked."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import REDACTED, AuditChainError, record, scrub
from engage_desktop.security.audit_chain import GENESIS, hash_of, verify_chain
from engage_desktop.store.models import AuditChainHead, AuditEntry, Member

PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"
FCM_TOKEN = "dK3x9QmR2c0:APA91bH" + "Zk4_s-" * 25
JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4QHkuY29tIn0.c2lnbmF0dXJl"


def test_keys_that_name_secrets_lose_their_whole_value_at_any_depth() -> None:
    clean = scrub(
        {
            "client_email": "sender@proj.iam.gserviceaccount.com",
            "private_key": PEM,
            "nested": {"api_key": "AIza123", "ok": 1, "deeper": [{"password": "hunter2"}]},
            "Authorization": "Bearer abc",
            "tokens": ["a", "b"],
        }
    )
    assert clean == {
        "client_email": "sender@proj.iam.gserviceaccount.com",
        "private_key": REDACTED,
        "nested": {"api_key": REDACTED, "ok": 1, "deeper": [{"password": REDACTED}]},
        "Authorization": REDACTED,
        "tokens": REDACTED,
    }


def test_secrets_are_found_in_values_and_lists_whatever_the_key() -> None:
    clean = scrub(
        {
            "file": {"type": "service_account", "pem": PEM},
            "devices": [FCM_TOKEN, "phone 2", ("tuple", f"Bearer ya29.a0AfB_byC-{'q' * 40}")],
            "note": f"assertion {JWT} refused",
            "fingerprint": "a" * 64,  # a key id or digest stays readable
            "path": "/home/ana/keys/" + "x" * 120 + ".json",
        }
    )
    assert clean["file"] == {"type": "service_account", "pem": REDACTED + "\n"}
    assert clean["devices"] == [REDACTED, "phone 2", ["tuple", f"Bearer {REDACTED}"]]
    assert clean["note"] == f"assertion {REDACTED} refused"
    assert clean["fingerprint"] == "a" * 64
    assert clean["path"].startswith("/home/ana/keys/")


def test_a_sentinel_secret_never_reaches_the_stored_entry(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    sentinel = "SENTINEL-" + "s3cr3t" * 20
    with ws.session() as session:
        record(
            session,
            member_id=ws.member_id,
            app_id=None,
            action="credentials.set",
            target=f"key {sentinel}",
            details={"key_file": {"private_key": sentinel}, "seen": [sentinel]},
        )
    with ws.engine.connect() as conn:
        dump = " ".join(str(row) for row in conn.execute(text("SELECT * FROM audit_log")))
    assert "s3cr3t" not in dump
    assert REDACTED in dump


def test_entries_are_chained_with_member_login_and_the_given_time(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    at = datetime(2026, 12, 1, 9, 30, 15, 123456, tzinfo=UTC)
    with ws.session() as session:
        first = record(session, member_id=ws.member_id, app_id=None, action="a.one", at=at)
        second = record(session, member_id=None, app_id=7, action="a.two", details={"n": (1, 2)})
    with ws.session_factory() as session:
        rows = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        login = session.scalar(select(Member.login).where(Member.id == ws.member_id))
        head = session.get(AuditChainHead, 1)
    assert [r.seq for r in rows] == [1, 2]
    assert rows[0].prev_hash == GENESIS and rows[1].prev_hash == rows[0].entry_hash
    assert rows[0].entry_hash == first.entry_hash and rows[1].entry_hash == second.entry_hash
    assert all(hash_of(r) == r.entry_hash for r in rows)  # as read back, not only as written
    assert rows[0].at == at and rows[0].member_login == login
    assert rows[1].member_login is None and rows[1].details == {"n": [1, 2]}
    assert head is not None and (head.seq, head.last_hash) == (2, rows[1].entry_hash)


def test_an_entry_commits_or_rolls_back_with_the_change_it_records(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    with pytest.raises(RuntimeError), ws.session() as session:
        record(session, member_id=ws.member_id, app_id=None, action="x.y")
        raise RuntimeError("the change failed")
    with ws.session() as session:
        record(session, member_id=ws.member_id, app_id=None, action="x.z")
    with ws.session_factory() as session:
        assert verify_chain(session).ok
        assert session.scalars(select(AuditEntry.action)).all() == ["x.z"]


def test_sqlite_refuses_to_update_or_delete_entries(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    with ws.session() as session:
        record(session, member_id=ws.member_id, app_id=None, action="x.y")
    for statement in ("UPDATE audit_log SET action = 'z'", "DELETE FROM audit_log"):
        with pytest.raises(IntegrityError, match="append-only"), ws.engine.begin() as conn:
            conn.execute(text(statement))


def test_appending_without_the_chain_head_is_refused_not_forked(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    with ws.session() as session:
        session.execute(delete(AuditChainHead))
    with pytest.raises(AuditChainError, match="audit verify"), ws.session() as session:
        record(session, member_id=ws.member_id, app_id=None, action="x.y")


def _append_concurrently(ws: Workspace, writers: int, each: int) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(writers)

    def write(n: int) -> None:
        try:
            start.wait()
            for i in range(each):
                with ws.session() as session:
                    record(session, member_id=ws.member_id, app_id=None, action=f"w{n}.{i}")
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _assert_one_unbroken_chain(ws: Workspace, total: int) -> None:
    with ws.session_factory() as session:
        report = verify_chain(session)
        seqs = session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)).all()
        prevs = session.scalars(select(AuditEntry.prev_hash)).all()
    assert report.ok, report.broken
    assert seqs == list(range(1, total + 1))
    assert len(set(prevs)) == total  # no two entries chained onto the same one: no fork


def test_concurrent_writers_on_sqlite_never_fork_the_chain(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    errors = _append_concurrently(ws, writers=4, each=25)
    assert not [e for e in errors if not isinstance(e, OperationalError)]
    assert not errors, errors
    _assert_one_unbroken_chain(ws, 100)


@pytest.mark.postgres
def test_concurrent_writers_on_postgresql_never_fork_the_chain(
    make_workspace: Callable[..., Workspace], pg_url: str
) -> None:
    ws = make_workspace(pg_url)
    errors = _append_concurrently(ws, writers=6, each=25)
    assert not errors, errors
    _assert_one_unbroken_chain(ws, 150)
