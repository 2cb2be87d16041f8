"""The Analytics page on the small hand-worked workspace: loads off the GUI thread from the
cache, draws every chart (never blank), cancels, exports, and says why an export failed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Role
from engage_desktop.ui.analytics.page import CHART_NAMES, AnalyticsPage
from engage_desktop.ui.analytics.text import ChartText
from engage_desktop.ui.appearance import apply_appearance
from engage_desktop.ui.context import UiContext
from tests.support.analytics_workspace import Small, build_small


@pytest.fixture
def make_page(
    make_workspace: Callable[..., Workspace], qsettings: QSettings, qtbot: QtBot, qapp: object
) -> Iterator[Callable[..., tuple[AnalyticsPage, Small]]]:
    def make(role: Role = Role.ANALYST) -> tuple[AnalyticsPage, Small]:
        small = build_small(make_workspace(), role)
        page = AnalyticsPage(UiContext(small.ws, qsettings, access=read_member_access(small.ws)))
        qtbot.addWidget(page)
        page.resize(1400, 860)
        page.show()
        wait_loaded(qtbot, page)
        return page, small

    yield make


def wait_loaded(qtbot: QtBot, page: AnalyticsPage) -> None:
    qtbot.waitUntil(lambda: page.job is None and page.loaded is not None, timeout=30_000)


def distinct_colours(image: QImage) -> int:
    step = max(1, image.width() // 60)
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_page_loads_the_cache_and_draws_every_chart(
    make_page: Callable[..., tuple[AnalyticsPage, Small]],
) -> None:
    page, _ = make_page()
    loaded = page.loaded
    assert loaded is not None
    assert [page.campaign.itemText(i) for i in range(page.campaign.count())] == ["Soldes", "Été"]
    assert page.variant.count() == 3  # all, A, B
    assert page.conversion.currentData() == ""
    assert [page.conversion.itemData(i) for i in range(1, 3)] == ["never_happens", "purchase"]
    assert (loaded.first, loaded.last) == (date(2026, 10, 14), date(2026, 11, 12))  # 30 days
    assert loaded.results is not None and loaded.results.control_recipients == 2
    for name in CHART_NAMES:
        image = page.panels[name].view.image
        assert image is not None and distinct_colours(image) > 8, name
    assert page.badge.text().startswith("As of")
    assert not page.progress.isVisible() and not page.cancel_button.isVisible()
    assert page.report_button.isVisible() and page.panels["funnel"].export_button.isVisible()


def test_a_conversion_event_that_never_occurs_is_an_empty_state_not_an_error(
    make_page: Callable[..., tuple[AnalyticsPage, Small]], qtbot: QtBot
) -> None:
    page, _ = make_page()
    page.conversion.setCurrentIndex(page.conversion.findData("never_happens"))
    page.reload()
    wait_loaded(qtbot, page)
    assert page.loaded is not None and page.loaded.request.goal.event == "never_happens"
    assert page.message.text() == ""
    image = page.panels["uplift"].view.image
    assert image is not None and distinct_colours(image) > 8


def test_cancel_keeps_the_charts_already_shown(
    make_page: Callable[..., tuple[AnalyticsPage, Small]], qtbot: QtBot
) -> None:
    page, _ = make_page()
    before = page.panels["funnel"].view.image
    page.reload(refresh=True)
    page.cancel()  # before the worker's first step: it stops there
    qtbot.waitUntil(lambda: page.job is None, timeout=10_000)
    assert page.message.text().startswith("Cancelled")
    assert page.panels["funnel"].view.image is before
    assert page.refresh_button.isEnabled()


def test_exports_chart_table_and_report(
    make_page: Callable[..., tuple[AnalyticsPage, Small]], qtbot: QtBot, tmp_path: Path
) -> None:
    page, _ = make_page()
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    for name, suffix, magic in (
        ("funnel", "png", b"\x89PNG"),
        ("trends", "svg", b"<?xml"),
        ("open-hours", "pdf", b"%PDF"),
    ):
        job = page.export_chart(name, tmp_path / f"{name}.{suffix}")
        assert job is not None
        qtbot.waitUntil(lambda j=job: j.done, timeout=20_000)
        assert (tmp_path / f"{name}.{suffix}").read_bytes().startswith(magic)
    job = page.export_chart("funnel", tmp_path / "funnel.csv")
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    lines = (tmp_path / "funnel.csv").read_bytes().decode("utf-8").splitlines()
    assert lines[0] == "\ufeffStage;Variant A;Variant B"
    assert "Suppressed: control group;1;1" in lines
    job = page.export_report(tmp_path / "report.pdf")
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    pdf = PdfReader(tmp_path / "report.pdf")
    assert pdf.metadata is not None and pdf.metadata.title == "Soldes"
    texts = [p.extract_text() for p in pdf.pages]
    assert len(texts) == 6
    for page_text, title in zip(
        texts,
        (
            "Funnel — Soldes",
            "Daily results",
            "Opens by hour",
            "Conversion against the control group",
            "Audience — Soldes",
            "Content — Soldes",
        ),
        strict=True,
    ):
        assert title in page_text
    assert page.message.text().startswith("Saved")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "funnel.csv",
        "funnel.png",
        "open-hours.pdf",
        "report.pdf",
        "trends.svg",
    ]  # nothing half-written left beside


def test_failed_export_says_why_and_leaves_nothing(
    make_page: Callable[..., tuple[AnalyticsPage, Small]], qtbot: QtBot, tmp_path: Path
) -> None:
    page, _ = make_page()
    target = tmp_path / "missing" / "funnel.png"
    job = page.export_chart("funnel", target)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    assert page.message.text().startswith(f"{target}: the folder cannot be written to")
    assert not target.parent.exists()


def test_a_marketer_sees_but_cannot_export(
    make_page: Callable[..., tuple[AnalyticsPage, Small]], qtbot: QtBot, tmp_path: Path
) -> None:
    page, _ = make_page(Role.MARKETER)
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    assert page.panels["funnel"].view.image is not None
    assert not page.report_button.isVisible()  # no export offered...
    assert not any(panel.export_button.isVisible() for panel in page.panels.values())
    job = page.export_chart("funnel", tmp_path / "funnel.png")  # ...and the core refuses
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    assert "exporting analytics" in page.message.text()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("appearance", ["light", "dark"])
def test_screenshots(
    make_workspace: Callable[..., Workspace],
    qsettings: QSettings,
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    shots: Path,
    language: str,
    appearance: str,
) -> None:
    """Saved for a person to look at: English and French, light and dark."""
    if language == "fr":
        request.getfixturevalue("french")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale = QLocale()
    QLocale.setDefault(
        QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English)
    )
    apply_appearance(app, appearance)
    try:
        small = build_small(make_workspace())
        page = AnalyticsPage(UiContext(small.ws, qsettings, access=read_member_access(small.ws)))
        qtbot.addWidget(page)
        page.resize(1400, 860)
        page.show()
        wait_loaded(qtbot, page)
        qtbot.wait(100)  # let the layouts settle around the loaded texts before the picture
        assert page.grab().save(str(shots / f"page-{language}-{appearance}.png"))
        if language == "fr":
            assert page.badge.text().startswith("Chiffres au 20/11/2026")
    finally:
        apply_appearance(app, "light")
        QLocale.setDefault(locale)


def test_variant_and_dates_redraw_without_reading_again(
    make_page: Callable[..., tuple[AnalyticsPage, Small]], qtbot: QtBot
) -> None:
    page, _ = make_page()
    before = page.loaded
    page.variant.setCurrentIndex(page.variant.findData("B"))
    page.variant.activated.emit(page.variant.currentIndex())
    page.last.setDate(page.first.date().addDays(-1))  # an empty range: an empty state
    qtbot.waitUntil(
        lambda: (
            page.job is None
            and page.loaded is not None
            and page.loaded.request.variant == "B"
            and page.loaded.last < page.loaded.first
        ),
        timeout=20_000,
    )
    assert page.loaded is not None and before is not None
    assert page.loaded.results is before.results  # drawn again from what was loaded
    assert page.message.text() == ""


def test_the_channel_filter_reaches_every_chart_it_can(
    make_page: Callable[..., tuple[AnalyticsPage, Small]], qtbot: QtBot
) -> None:
    page, small = make_page()
    assert page.loaded is not None and set(page.loaded.charts()) == set(CHART_NAMES)
    page.channel.setCurrentIndex(page.channel.findData("email"))
    page.channel.activated.emit(page.channel.currentIndex())
    qtbot.waitUntil(
        lambda: (
            page.job is None and page.loaded is not None and page.loaded.request.channel == "email"
        ),
        timeout=20_000,
    )
    chart = page.loaded.charts()["channels"]
    assert chart.table(ChartText())[1] == []  # no email campaign: an empty state, no error
    assert page.message.text() == ""
    # The channel also filters the campaigns offered, the daily results and the open hours.
    assert page.campaign.count() == 0 and page.loaded.results is None
    charts = page.loaded.charts()
    assert charts["trends"].title(ChartText()) == "Daily results — Email"
    assert charts["open-hours"].title(ChartText()).endswith("— Email")
    assert page.channel.currentData() == "email"
    page.show_campaign(small.soldes)  # "Results" from the Campaigns list: every channel again
    qtbot.waitUntil(
        lambda: page.job is None and page.loaded is not None and page.loaded.results is not None,
        timeout=20_000,
    )
    assert page.loaded.request.channel is None and page.channel.currentData() is None
    assert page.loaded.request.campaign_id == small.soldes


def test_an_xlsx_export_that_fails_leaves_nothing(
    make_page: Callable[..., tuple[AnalyticsPage, Small]], qtbot: QtBot, tmp_path: Path
) -> None:
    page, _ = make_page()
    target = tmp_path / "missing" / "trends.xlsx"
    job = page.export_chart("trends", target)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    assert page.message.text().startswith(f"{target}: the folder cannot be written to")
    assert not target.parent.exists()
    good = tmp_path / "trends.xlsx"
    job = page.export_chart("trends", good)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    assert good.read_bytes().startswith(b"PK") and page.message.text().startswith("Saved")
    assert list(tmp_path.glob("*trends.xlsx*")) == [good]  # no hidden partial file left


def test_conversion_events_have_readable_labels_and_the_raw_name_in_a_tooltip(
    make_page: Callable[..., tuple[AnalyticsPage, Small]],
) -> None:
    # Fault: GA4's raw event ids ("purchase", "add_to_cart") were the labels.
    page, _ = make_page()
    index = page.conversion.findData("purchase")
    assert page.conversion.itemText(index) == "Purchased"
    assert page.conversion.itemData(index, Qt.ItemDataRole.ToolTipRole) == "purchase"
    custom = page.conversion.findData("never_happens")
    assert page.conversion.itemText(custom) == "Never happens"


def test_the_page_says_whether_anything_keeps_the_figures_up_to_date(
    make_page: Callable[..., tuple[AnalyticsPage, Small]], qtbot: QtBot
) -> None:
    """Issue 19 asks for an offline indicator: no sending service here (on a train), the
    figures stay as of their date; a service that beats refreshes them when idle."""
    from engage_desktop.store.models import ServiceHeartbeat

    page, small = make_page()
    assert page.offline.text() == "Offline"
    now = small.ws.clock.now()
    with small.ws.session() as session:
        session.add(
            ServiceHeartbeat(
                service_id="poste:1:1", host="poste", pid=1, started_at=now, beat_at=now,
                state="running",
            )
        )  # fmt: skip
    page.reload()
    qtbot.waitUntil(lambda: page.offline.text() == "Kept up to date", timeout=30_000)


def test_in_french_at_the_main_windows_width_no_picker_is_cut(
    make_page: Callable[..., tuple[AnalyticsPage, Small]], qtbot: QtBot, french: None
) -> None:
    """Fault seen on screen: on one row, the filters made the page wider than the main window
    (1280 px less the navigation) and the Variant picker read "Toutes les vari"."""
    page, _ = make_page()
    page.resize(1060, 700)
    wait_loaded(qtbot, page)
    qtbot.wait(50)
    assert page.variant.currentText() == "Toutes les variantes"
    for picker in (page.variant, page.conversion, page.channel, page.days, page.first, page.last):
        assert picker.width() >= picker.sizeHint().width(), picker.currentText()
    assert page.filter_bar.minimumSizeHint().width() <= 1060
