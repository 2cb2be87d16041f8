"""The email one person gets: escaped HTML, a text part, the preheader."""

from __future__ import annotations

from engage_desktop.core.content.email_message import email_parts, html_to_text

HTML = "<h1>Soldes</h1><p>Bonjour {{ prenom }}, <a href='https://ml.fr/s'>voir</a></p>"


def test_liquid_output_is_escaped_in_the_html_and_plain_in_the_text() -> None:
    parts = email_parts(
        {"subject": "Pour {{ prenom }}", "html": HTML}, {"prenom": "<script>x</script>"}
    )
    assert "&lt;script&gt;" in parts.html and "<script>" not in parts.html
    assert parts.subject == "Pour <script>x</script>"  # a header is text, not markup
    assert "Bonjour <script>x</script>, voir (https://ml.fr/s)" in parts.text


def test_the_preheader_is_the_first_hidden_element_and_a_written_text_part_wins() -> None:
    parts = email_parts(
        {"subject": "s", "preheader": "Jusqu'à -50 %", "html": "<p>a</p>", "text": "Version texte"},
        {},
    )
    assert parts.html.startswith('<div style="display:none')
    assert "Jusqu&#x27;à -50 %" in parts.html
    assert parts.text == "Version texte"


def test_text_from_html_keeps_structure_and_drops_styles() -> None:
    text = html_to_text("<style>p{}</style><h2>Titre</h2><ul><li>un</li><li>deux</li></ul>")
    assert text.splitlines()[0] == "Titre"
    assert "- un" in text and "- deux" in text and "p{}" not in text
