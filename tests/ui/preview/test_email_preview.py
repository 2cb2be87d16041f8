"""The email preview keeps the author's inline CSS and shows the sender, reply-to, preheader."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat
from pytestqt.qtbot import QtBot

from engage_desktop.ui.preview.email_preview import EmailPreview, clean_email_html


def test_inline_styles_are_kept_and_dangerous_parts_removed() -> None:
    html = (
        "<h1 style='color:#8a3b12;position:fixed'>Soldes</h1>"
        "<p style='background:url(https://x/a.png);background-color:#fdf0e6'>x</p>"
        "<script>alert(1)</script><a href='https://x' onclick='y()'>lien</a>"
    )
    cleaned = clean_email_html(html)
    assert "color:#8a3b12" in cleaned and "background-color:#fdf0e6" in cleaned
    assert "position" not in cleaned and "url(" not in cleaned
    plain = clean_email_html("<p style='background:#fdf0e6;padding:12px'>x</p>")
    assert "background-color:#fdf0e6" in plain  # the shorthand with a plain colour is kept
    assert "<script" not in cleaned and "onclick" not in cleaned


def test_rendered_with_its_colours_and_header_fields(qtbot: QtBot) -> None:
    # Fault: nh3's defaults dropped every style attribute, so the preview lost the colours.
    preview = EmailPreview()
    qtbot.addWidget(preview)
    preview.set_message(
        "Vos offres d'automne",
        "Jusqu'à -50 %",
        "<p style='color:#8a3b12'>Bonjour</p>",
        sender="Maison Lumière <news@maison.fr>",
        reply_to="service@maison.fr",
    )
    cursor = preview.body.document().find("Bonjour")
    fmt: QTextCharFormat = cursor.charFormat()
    assert fmt.foreground().color() == QColor("#8a3b12")
    assert preview.from_label.text() == "Maison Lumière <news@maison.fr>"
    assert preview.reply_to.text() == "service@maison.fr"
    assert preview.subject.text() == "Vos offres d'automne"  # plain text: no &#x27;
    assert preview.preheader.text() == "Jusqu'à -50 %"
    assert preview.form.isRowVisible(preview.reply_to)
    preview.set_message("Sujet", "", "<p>x</p>")
    assert not preview.form.isRowVisible(preview.reply_to)
    assert not preview.form.isRowVisible(preview.preheader)
