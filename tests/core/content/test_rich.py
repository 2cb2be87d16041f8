"""Rich push sanitising: scripts and handlers go, formatting and media stay."""

from __future__ import annotations

from engage_desktop.core.content.rich import sanitize_rich_html, viewport_document


def test_scripts_and_handlers_removed() -> None:
    page = sanitize_rich_html(
        '<h1 style="color:red">Soldes</h1><img src="https://x.io/a.png" onerror="alert(1)">'
        '<script>alert(2)</script><a href="javascript:alert(3)">x</a>'
    )
    assert "<h1" in page.html and 'style="color:red"' in page.html
    assert 'src="https://x.io/a.png"' in page.html
    assert "alert" not in page.html and "onerror" not in page.html
    assert page.removed_something


def test_scripts_kept_when_allowed() -> None:
    html = "<p>x</p><script>document.title='ok'</script>"
    assert sanitize_rich_html(html, allow_scripts=True).html == html


def test_viewport_wrapper() -> None:
    doc = viewport_document("<p>é</p>", 393)
    assert "width=393" in doc and "<p>é</p>" in doc and "charset='utf-8'" in doc


def test_plain_page_reports_nothing_removed() -> None:
    page = sanitize_rich_html("<p>Bonjour, on se voit demain ?</p>")
    assert not page.removed_something and page.html == "<p>Bonjour, on se voit demain ?</p>"
