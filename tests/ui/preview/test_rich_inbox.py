"""The inbox row shows the rich push's words as typed, never as HTML entities."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from engage_desktop.ui.preview.rich_fallback import PlainRichPreview


def test_apostrophes_and_tags_are_shown_as_typed(qtbot: QtBot) -> None:
    # Fault: the summary appeared as "l&#x27;automne" (escaped, then shown as plain text).
    preview = PlainRichPreview("why")
    qtbot.addWidget(preview)
    preview.set_page("Soldes <d'automne>", "Les offres de l'automne & plus", "<p>x</p>")
    assert preview.inbox.summary.text() == "Les offres de l'automne & plus"
    assert preview.inbox.title.text() == "Soldes <d'automne>"
    for label in (preview.inbox.title, preview.inbox.summary):
        shown = label.grab()  # really drawn, as plain text
        assert not shown.isNull()
        assert "&#" not in label.text() and "&amp;" not in label.text()


def test_fallback_page_keeps_no_script_and_says_why(qtbot: QtBot) -> None:
    preview = PlainRichPreview("The reason.")
    qtbot.addWidget(preview)
    preview.set_page("T", "S", "<h1>Soldes d'été</h1><script>x()</script>", allow_scripts=True)
    assert preview.removed and "<script" not in preview.html
    assert "Soldes d’été" in preview.browser.toPlainText() or "Soldes d'été" in (
        preview.browser.toPlainText()
    )
    assert preview.reason.text().startswith("The reason.")
