"""The main window on the demo workspace, offscreen."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import qasync
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.migrate import head_revision
from engage_desktop.ui.background import Job
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.pages.campaigns import CampaignsPage
from tests.support.slow_database import held_file_lock


def _window(workspace: Workspace, settings: QSettings) -> MainWindow:
    window = MainWindow(settings)
    window.attach(UiContext(workspace, access=read_member_access(workspace)))
    return window


def _campaign_names(qtbot, window: MainWindow) -> set[str]:
    page = window.page("campaigns")
    assert isinstance(page, CampaignsPage)
    qtbot.waitUntil(lambda: not page.loading(), timeout=5000)  # read off the GUI thread
    return {row.name for row in page.model.rows}


def test_window_opens_with_pages_and_status(
    qtbot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    window = _window(demo_workspace, qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:2] == ["Campaigns", "Audiences"]
    assert titles[-1] == "Settings"
    assert window.app_switcher.count() == 2
    assert "demo.sqlite" in window.workspace_label.text()
    qtbot.waitUntil(lambda: "(admin)" in window.member_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: window.service_label.text() == "Service: stopped", timeout=5000)


def test_switching_app_changes_the_campaign_list(
    qtbot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    window = _window(demo_workspace, qsettings)
    qtbot.addWidget(window)
    retail = _campaign_names(qtbot, window)
    assert "Soldes d'hiver : -30 % sur les luminaires" in retail
    window.app_switcher.setCurrentIndex(
        window.app_switcher.findText("Pixel Quest", flags=_contains())
    )
    game = _campaign_names(qtbot, window)
    assert "Double XP ce week-end" in game
    assert not retail & game


def _contains():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains


def test_campaign_search_filters_rows(
    qtbot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    window = _window(demo_workspace, qsettings)
    qtbot.addWidget(window)
    page = window.page("campaigns")
    _campaign_names(qtbot, window)
    page.search.setText("soldes")  # type: ignore[union-attr]
    assert page.proxy.rowCount() == 1  # type: ignore[union-attr]


def test_audience_search_runs_in_background(
    qtbot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    window = _window(demo_workspace, qsettings)
    qtbot.addWidget(window)
    page = window.page("audiences")
    assert page is not None
    qtbot.waitUntil(lambda: "profiles" in page.count_label.text(), timeout=5000)  # type: ignore[attr-defined]
    page.search.setText("Paris")  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: (
            page.model.rows
            and all(  # type: ignore[attr-defined]
                "Paris" in (r.city or "") or "paris" in (r.email or "")
                for r in page.model.rows  # type: ignore[attr-defined]
            )
        ),
        timeout=5000,
    )


def test_window_state_is_kept(qtbot, demo_workspace: Workspace, qsettings: QSettings) -> None:
    window = _window(demo_workspace, qsettings)
    qtbot.addWidget(window)
    window.show()
    window.resize(700, 500)
    window.show_page("audiences")
    window.close()
    again = _window(demo_workspace, qsettings)
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.page("audiences")
    assert (again.size().width(), again.size().height()) == (700, 500)


def test_bad_workspace_shows_a_dialog_and_leaves_file(qtbot, tmp_path: Path) -> None:
    from engage_desktop.ui.startup import run_main_window

    path = tmp_path / "notes.sqlite"
    path.write_text("not a database")
    seen: list[str] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):
            seen.append(dialog.text())
            dialog.accept()
        else:
            QTimer.singleShot(50, close_dialog)

    QTimer.singleShot(50, close_dialog)
    loop = qasync.QEventLoop(QApplication.instance())
    try:
        window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        result = loop.run_until_complete(run_main_window(window, str(path)))
    finally:
        loop.close()
    assert result == 1
    assert seen and "not an Engage Desktop workspace" in seen[0]
    assert path.read_text() == "not a database"


def test_settings_page_counts_rows_and_keeps_language(
    qtbot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    from engage_desktop.ui.preferences import Preferences

    window = _window(demo_workspace, qsettings)
    qtbot.addWidget(window)
    page = window.page("settings")
    assert page is not None
    page.refresh()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.counts.rowCount() > 10, timeout=10000)  # type: ignore[attr-defined]
    rows = {
        page.counts.item(r, 0).text(): page.counts.item(r, 1).text()  # type: ignore[attr-defined]
        for r in range(page.counts.rowCount())
    }  # type: ignore[attr-defined]
    assert rows["Apps"] == "2"  # in words, not table names
    assert head_revision() in page.schema.text()  # type: ignore[attr-defined]
    page.language.setCurrentIndex(page.language.findData("fr"))  # type: ignore[attr-defined]
    assert Preferences.load(qsettings).language == "fr"
    qsettings.setValue("preferences/language", "klingon")  # a hand-edited file must not break us
    assert Preferences.load(qsettings).language == "system"


def test_appearance_applies_at_once_and_is_kept(
    qtbot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    """Offscreen has no colour-scheme aware theme: the dark palette must come from us."""
    from engage_desktop.ui.appearance import is_dark
    from engage_desktop.ui.preferences import Preferences

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = _window(demo_workspace, qsettings)
    qtbot.addWidget(window)
    page = window.page("settings")
    assert page is not None
    try:
        page.appearance.setCurrentIndex(page.appearance.findData("dark"))  # type: ignore[attr-defined]
        assert is_dark(app.palette())
        qtbot.waitUntil(lambda: is_dark(window.palette()), timeout=2000)  # widgets follow
        assert Preferences.load(qsettings).appearance == "dark"
        page.language.setCurrentIndex(page.language.findData("fr"))  # type: ignore[attr-defined]
        assert Preferences.load(qsettings) == Preferences(language="fr", appearance="dark")
        qsettings.setValue("preferences/appearance", "sepia")  # hand-edited: only it falls back
        assert Preferences.load(qsettings) == Preferences(language="fr", appearance="system")
    finally:
        page.appearance.setCurrentIndex(page.appearance.findData("light"))  # type: ignore[attr-defined]
    assert not is_dark(app.palette())


def test_every_page_has_a_bundled_navigation_icon(
    qtbot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    """No icon theme here (as on Windows and bare X11): the icons must come with the app."""
    from engage_desktop.ui.resources import nav_icon

    window = _window(demo_workspace, qsettings)
    qtbot.addWidget(window)
    for row, page in enumerate(window.pages):
        assert nav_icon(page.page_id) is not None, page.page_id
        assert not window.nav.item(row).icon().isNull()


def _poll_service(qtbot, window: MainWindow) -> str:
    """One heartbeat poll (after the one under way, if any), waited for; the label it leaves."""
    jobs: list[Job] = []

    def started() -> bool:
        job = window.refresh_service_state()
        jobs.extend([job] if job is not None else [])
        return bool(jobs)

    qtbot.waitUntil(started, timeout=15_000)
    qtbot.waitUntil(lambda: jobs[0].done, timeout=15_000)
    return window.service_label.text()


def test_service_says_starting_until_its_first_heartbeat(
    qtbot, make_workspace, qsettings: QSettings
) -> None:
    from engage_desktop.ui.service_launcher import ensure_service

    ws = make_workspace()
    window = _window(ws, qsettings)
    qtbot.addWidget(window)
    window.service_starting()
    assert _poll_service(qtbot, window) == "Service: starting…"  # no beat yet: not "stopped"
    child = ensure_service(ws)  # the real service, launched as the GUI launches it
    assert child is not None
    try:
        window.watch_service(child)
        qtbot.waitUntil(lambda: _poll_service(qtbot, window) == "Service: running", timeout=30_000)
    finally:
        child.stop()
    assert _poll_service(qtbot, window) == "Service: stopped"


def test_a_service_that_dies_before_beating_says_why(
    qtbot, make_workspace, qsettings: QSettings, tmp_path: Path
) -> None:
    """A fresh install lacking a package: the service died at import, and the window only
    said "Service: stopped", which nobody can act on."""
    import subprocess
    import sys

    from engage_desktop.ui.service_launcher import ServiceChild

    window = _window(make_workspace(), qsettings)
    qtbot.addWidget(window)
    window.service_starting()
    crash = "import sys; print('Traceback …', file=sys.stderr); sys.exit('ModuleNotFoundError: x')"
    dead = subprocess.Popen([sys.executable, "-c", crash], stderr=subprocess.PIPE)
    dead.wait(10)
    window.watch_service(ServiceChild(dead))
    label = _poll_service(qtbot, window)
    assert label == "Service: could not start (exit code 1: ModuleNotFoundError: x)"
    assert "ModuleNotFoundError" in window.service_label.toolTip()


def test_status_poll_on_a_locked_database_keeps_the_window_painting(
    qtbot, make_workspace, qsettings: QSettings
) -> None:
    from tests.support.slow_database import RepaintCounter, held_lock

    ws = make_workspace()
    window = _window(ws, qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _poll_service(qtbot, window)
    with held_lock(ws):
        counter = RepaintCounter(window)
        before = counter.paints
        job = window.refresh_service_state()
        qtbot.wait(1000)
        assert counter.paints - before >= 10
        assert job is not None and not job.done  # the poll still waits on the lock
        counter.stop()
    qtbot.waitUntil(lambda: job.done, timeout=15_000)
    assert window.service_label.text() == "Service: stopped"


def test_an_app_name_with_a_placeholder_is_shown_as_typed(
    qtbot, make_workspace, qsettings: QSettings
) -> None:
    from engage_desktop.store.models import App, MemberRole, Role

    ws = make_workspace()
    with ws.session() as session:
        app = App(name="Soldes -50%2", firebase_project_id="soldes-fr", platforms=["ios"])
        session.add(app)
        session.flush()  # the switcher lists the member's apps only
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
    window = _window(ws, qsettings)
    qtbot.addWidget(window)
    assert window.app_switcher.itemText(0) == "Soldes -50%2 — soldes-fr"  # one-pass fill()


def test_a_campaigns_results_open_the_analytics_page_on_it(
    qtbot, make_workspace, qsettings: QSettings
) -> None:
    from engage_desktop.ui.analytics.page import AnalyticsPage
    from engage_desktop.ui.pages.deferred import DeferredPage
    from tests.support.analytics_workspace import build_small

    small = build_small(make_workspace())
    window = _window(small.ws, qsettings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    campaigns, deferred = window.page("campaigns"), window.page("analytics")
    assert isinstance(campaigns, CampaignsPage) and isinstance(deferred, DeferredPage)
    assert not deferred.built  # matplotlib waits until someone opens Analytics
    window.show_page("campaigns")
    qtbot.waitUntil(lambda: not campaigns.loading() and campaigns.model.rowCount() == 3)

    def select(name: str) -> None:
        rows = [campaigns.proxy.index(r, 0) for r in range(campaigns.proxy.rowCount())]
        campaigns.table.setCurrentIndex(next(i for i in rows if i.data() == name))

    select("Brouillon")  # a draft has no results: said, and the page stays
    assert not campaigns.show_results()
    assert "has not been sent" in campaigns.message.text()
    assert window.stack.currentWidget() is campaigns
    select("Été")  # not the newest campaign, which the Analytics page shows first
    campaigns.results_button.click()
    assert window.stack.currentWidget() is deferred
    analytics = deferred.page()
    assert isinstance(analytics, AnalyticsPage)
    qtbot.waitUntil(
        lambda: (
            analytics.job is None
            and analytics.loaded is not None
            and analytics.loaded.results is not None
            and analytics.loaded.results.campaign_id == small.summer
        ),
        timeout=30_000,
    )
    assert analytics.campaign.currentData() == small.summer


def test_a_locked_workspace_offers_retry_and_opens_once_free(
    qtbot, make_workspace: Callable[..., Workspace], tmp_path: Path, monkeypatch
) -> None:
    from engage_desktop.ui.startup import run_main_window

    ws = make_workspace()
    path = ws.location.sqlite_path
    assert path is not None
    ws.close()
    monkeypatch.setenv("ENGAGE_SQLITE_BUSY_TIMEOUT_MS", "300")
    monkeypatch.setenv("ENGAGE_DESKTOP_NO_SERVICE", "1")
    seen: list[str] = []
    lock = ExitStack()
    lock.enter_context(held_file_lock(path))

    def answer_busy() -> None:  # retry once the other program is done
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QMessageBox):
            QTimer.singleShot(50, answer_busy)
            return
        seen.append(dialog.text())
        lock.close()
        retry = dialog.button(QMessageBox.StandardButton.Retry)
        if retry is None:  # not the busy question: fail, do not hang
            dialog.accept()
            return
        retry.click()
        QTimer.singleShot(50, close_when_filled)

    def close_when_filled() -> None:
        if window.context is None:
            QTimer.singleShot(50, close_when_filled)
        else:
            window.close()

    QTimer.singleShot(50, answer_busy)
    loop = qasync.QEventLoop(QApplication.instance())
    QApplication.setQuitOnLastWindowClosed(False)  # the loop ends with run_main_window, not before
    try:
        window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        result = loop.run_until_complete(run_main_window(window, str(path)))
    finally:
        QApplication.setQuitOnLastWindowClosed(True)
        lock.close()
        loop.close()
    assert result == 0
    assert len(seen) == 1 and "is busy" in seen[0] and str(path) in seen[0]
