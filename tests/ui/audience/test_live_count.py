"""Live figures: they match count_segment, a stale count never shows, a newer edit interrupts the
running query (QueryInterrupter itself: tests/core/test_interrupt.py). Waits are on signals and
conditions, never on sleeps."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from engage_desktop.core.segments import catalog, count_segment, parse_rules
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.audience.live_count import LiveCounter, LiveFigures
from engage_desktop.ui.audience.segments_tab import SegmentsTab
from engage_desktop.ui.formatting import format_int
from tests.support.demo import GOLD

BUYERS = {
    "version": 1,
    "rules": {
        "all": [
            {"type": "event", "name": "purchase", "min_count": 1, "within_days": 90},
            {"type": "consent", "channel": "push", "state": "granted"},
        ]
    },
}
# Runs until interrupted: counts to a trillion.
ENDLESS = text(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) "
    "SELECT count(*) FROM c"
)


def _expected(ws: Workspace, document: dict[str, Any], app_id: int = 1) -> Any:
    with ws.session() as session:
        return count_segment(session, app_id, parse_rules(document), ws.clock.now())


def test_live_count_matches_count_segment(tab: SegmentsTab, ws: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, LiveFigures]] = []
    tab.counter.profiles_counted.connect(lambda f: seen.append(("profiles", f)))
    tab.counter.counted.connect(lambda f: seen.append(("reach", f)))
    with qtbot.waitSignal(tab.counter.counted, timeout=10_000) as blocker:
        tab.builder.set_document(BUYERS)
    figures: LiveFigures = blocker.args[0]
    # The number shows first, alone; the reach follows with the same number.
    assert [kind for kind, _ in seen] == ["profiles", "reach"]
    assert seen[0][1].reachable is None and seen[0][1].profiles == figures.profiles
    expected = _expected(ws, BUYERS)
    assert figures.profiles == expected.profiles > 0
    assert figures.reachable == expected.reachable
    with ws.session() as session:
        assert figures.audience == catalog.audience_size(session, 1)
        sample = catalog.sample_profiles(session, 1, parse_rules(BUYERS), ws.clock.now(), 20)
    assert tab.count_panel.profiles.text() == format_int(expected.profiles)
    assert "of the audience" in tab.count_panel.share.text()
    assert (
        tab.count_panel.reach_values["push"]
        .text()
        .startswith(format_int(expected.reachable["push"]))
    )
    qtbot.waitUntil(lambda: tab.sample.rows_model.rows == sample, timeout=10_000)
    qtbot.waitUntil(lambda: not tab.count_panel.busy.isVisibleTo(tab), timeout=10_000)


def test_editing_recounts_and_incomplete_rules_clear_the_figures(tab: SegmentsTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(tab.counter.counted, timeout=10_000):
        tab.builder.set_document(GOLD)
    [row] = tab.builder.rows.values()
    with qtbot.waitSignal(tab.counter.cleared, timeout=10_000):
        row.editor.text.clear()
    assert tab.count_panel.profiles.text() == "—"
    assert tab.sample.rows_model.rowCount() == 0
    with qtbot.waitSignal(tab.counter.counted, timeout=10_000) as blocker:
        row.editor.text.setText("silver")
    assert blocker.args[0].profiles > 0


def test_a_stale_count_is_dropped_when_a_newer_edit_arrives(ws: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    entered, release = threading.Event(), threading.Event()
    calls: list[Any] = []

    def first_waits(session: Session, app_id: int, rule: Any, now: Any) -> Any:
        calls.append(rule)
        if len(calls) == 1:
            entered.set()
            assert release.wait(10)
        return count_segment(session, app_id, rule, now)

    counter = LiveCounter(ws, delay_ms=60_000, count_fn=first_waits)
    shown: list[LiveFigures] = []
    counter.counted.connect(shown.append)
    counter.set_app(1)
    counter.request(GOLD)
    counter.flush()
    qtbot.waitUntil(entered.is_set, timeout=10_000)
    # The reach count's job: the latest started. The profile count's job may still be listed, its
    # end not yet delivered (a worker preempted between its two posts on a loaded machine).
    stale_job = counter._running[-1][0]
    stale_done: list[bool] = []
    stale_job.finished.connect(lambda: stale_done.append(True))
    counter.request(BUYERS)
    counter.flush()  # the newer edit: the first count is now stale
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: bool(stale_done), timeout=10_000)
    qtbot.waitUntil(lambda: not counter.busy, timeout=10_000)
    assert [f.profiles for f in shown] == [_expected(ws, BUYERS).profiles]
    assert _expected(ws, GOLD).profiles != shown[0].profiles  # the two answers differ


def test_a_newer_edit_interrupts_the_running_count(ws: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The stale count's SQL is stopped in the database, not left to finish."""
    started = threading.Event()

    def endless_first(session: Session, app_id: int, rule: Any, now: Any) -> Any:
        if not started.is_set():
            raw = session.connection().connection.dbapi_connection
            raw.set_progress_handler(lambda: started.set() or 0, 1000)  # type: ignore[union-attr]
            try:
                session.execute(ENDLESS).scalar()
            finally:
                raw.set_progress_handler(None, 0)  # type: ignore[union-attr]
        return count_segment(session, app_id, rule, now)

    counter = LiveCounter(ws, delay_ms=60_000, count_fn=endless_first)
    shown: list[LiveFigures] = []
    counter.counted.connect(shown.append)
    counter.set_app(1)
    counter.request(GOLD)
    counter.flush()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    job, interrupter = counter._running[-1]  # the reach count's (see above)
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        counter.request(BUYERS)
        counter.flush()
    assert interrupter.interrupted
    qtbot.waitUntil(lambda: len(shown) == 1 and not counter.busy, timeout=10_000)
    assert shown[0].profiles == _expected(ws, BUYERS).profiles
