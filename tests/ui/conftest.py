"""Fixtures for every GUI test: throw-away settings, the French catalogues on demand, and UI
contexts on a fresh workspace with one app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTranslator

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Profile, Role
from engage_desktop.ui.context import UiContext
from tests.support.apps import add_app
from tests.support.fake_google import FakeGoogle
from tests.support.paths import CATALOGUES, ROOT, artifacts
from tests.support.tls import make_test_ca


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Let background work finish before pytest-qt closes (and deletes) the widgets."""
    yield
    from engage_desktop.ui.audience.live_count import count_pool

    QThreadPool.globalInstance().waitForDone(10_000)
    count_pool().waitForDone(10_000)


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    """Window state goes to a throw-away file, never to the developer's real settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True, scope="session")
def english_plurals(qapp: object) -> Iterator[None]:
    """As the app in English: the catalogues giving counted messages (``%n``) their forms."""
    translators = []
    for qm in sorted(CATALOGUES.glob("*_en.qm")):
        translator = QTranslator()
        assert translator.load(str(qm)), qm
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def french(qapp: object) -> Iterator[None]:
    """Every shipped ``*_fr.qm``, as the app installs them for ``--lang fr``; removed after."""
    translators = []
    for qm in sorted(CATALOGUES.glob("*_fr.qm")):
        translator = QTranslator()
        assert translator.load(str(qm)), qm
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    """Where a GUI test saves the screenshots a person reviews: test-artifacts/<module tested>,
    e.g. test-artifacts/ui/composer/window for tests/ui/composer/test_window.py."""
    module = request.path.relative_to(ROOT / "tests")
    return artifacts(str(module.with_name(module.stem.removeprefix("test_"))))


def _context(
    ws: Workspace, qsettings: QSettings, role: Role, platforms: tuple[str, ...] = ("ios",)
) -> UiContext:
    add_app(ws, role=role, platforms=platforms)
    return UiContext(ws, qsettings, access=read_member_access(ws))


@pytest.fixture
def admin_context(
    make_workspace: Callable[..., Workspace], qsettings: QSettings, qapp: object
) -> UiContext:
    """An empty app "Maison Test" (iOS) the user administers."""
    return _context(make_workspace(), qsettings, Role.ADMIN)


@pytest.fixture
def marketer_context(
    make_workspace: Callable[..., Workspace], qsettings: QSettings, qapp: object
) -> UiContext:
    """An empty app "Maison Test" (iOS) where the user is a marketer."""
    return _context(make_workspace(), qsettings, Role.MARKETER)


@pytest.fixture
def ui_context(
    make_workspace: Callable[..., Workspace], qsettings: QSettings, qapp: object
) -> UiContext:
    """A marketer's app "Maison Test" (iOS and Android) with two profiles to preview as."""
    context = _context(make_workspace(), qsettings, Role.MARKETER, platforms=("ios", "android"))
    ws = context.workspace
    with ws.session() as session:
        app_id = context.app_id
        session.add(
            Profile(
                app_id=app_id,
                external_id="u-1",
                first_name="Zoé",
                last_name="Durand",
                email="zoe@example.fr",
                attributes={"points": 42},
            )
        )
        session.add(
            Profile(app_id=app_id, external_id="u-2", first_name=None, email="anon@example.fr")
        )
    return context


@pytest.fixture
def google(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    """Google's token endpoint and FCM, over TLS with a CA this test made; the endpoints come
    from this machine's environment, as on a real sending machine."""
    server = FakeGoogle(make_test_ca(tmp_path / "ca")).start()
    for name, value in server.env().items():
        monkeypatch.setenv(name, value)
    yield server
    server.stop()
