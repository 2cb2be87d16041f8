"""QueryInterrupter: a query running on another thread is really stopped in the database (SQLite's
interrupt, PostgreSQL's cancel), and a cancel before the query starts runs nothing."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import text

from engage_desktop.core.interrupt import QueryInterrupter
from engage_desktop.core.progress import Cancelled
from engage_desktop.core.workspace import Workspace
from tests.support.waiting import wait_until

# Runs until interrupted: counts to a trillion.
ENDLESS = text(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) "
    "SELECT count(*) FROM c"
)
PG_SLEEP = "SELECT pg_sleep(60)"


def test_a_running_sqlite_query_is_interrupted(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    interrupter = QueryInterrupter()
    started = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        with ws.session_factory() as session:
            raw = session.connection().connection.dbapi_connection
            raw.set_progress_handler(lambda: started.set() or 0, 1000)  # type: ignore[union-attr]
            try:
                with interrupter.running(session):
                    session.execute(ENDLESS).scalar()
            except BaseException as exc:
                outcome.append(exc)
            finally:
                raw.set_progress_handler(None, 0)  # type: ignore[union-attr]

    worker = threading.Thread(target=run)
    worker.start()
    assert started.wait(10)
    interrupter.cancel()
    worker.join(10)
    assert not worker.is_alive()
    assert interrupter.interrupted
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)


def test_cancel_before_the_query_starts_runs_nothing(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    interrupter = QueryInterrupter()
    interrupter.cancel()
    with (
        ws.session_factory() as session,
        pytest.raises(Cancelled),
        interrupter.running(session),
    ):
        session.execute(text("SELECT 1"))
    assert not interrupter.interrupted


def _server_sleeping(ws: Workspace) -> bool:
    with ws.engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                "AND query = :sleep AND pid <> pg_backend_pid()"
            ),
            {"sleep": PG_SLEEP},
        ).scalar()
    return bool(found)


@pytest.mark.postgres
def test_a_running_postgresql_query_is_cancelled(
    make_workspace: Callable[..., Workspace], pg_url: str
) -> None:
    ws = make_workspace(pg_url)
    interrupter = QueryInterrupter()
    outcome: list[BaseException] = []

    def run() -> None:
        with ws.session_factory() as session:
            try:
                with interrupter.running(session):
                    session.execute(text(PG_SLEEP)).scalar()
            except BaseException as exc:
                outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    # A cancel that reaches the server before the query stops nothing: cancel once the server
    # says the sleep runs. (The test used to cancel in a loop paced by `join(0.2)`; under
    # faketime a timed wait never times out, so it cancelled once, too early, and waited 60 s.)
    wait_until(lambda: _server_sleeping(ws), timeout=30, what="the server running pg_sleep")
    interrupter.cancel()
    worker.join()  # the sleep's own 60 s bound this if the cancel were lost
    assert interrupter.interrupted
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)
