"""``engage-desktop report``: a campaign's PDF report, read back page by page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from engage_desktop.core.workspace import Workspace
from tests.support.analytics_workspace import build_small
from tests.support.cli import run_cli


def test_report_pages_titles_and_images(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    small = build_small(make_workspace())
    out = tmp_path / "exports" / "soldes.pdf"
    out.parent.mkdir()
    args = ("report", "--campaign", str(small.soldes), "--out", str(out), "--event", "purchase")
    done = run_cli(*args, workspace=small.ws.location.sqlite_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == [
        "Too few conversions to conclude for Variant A (1 of 3 against 1 of 2 in control).",
        "Too few conversions to conclude for Variant B (0 of 2 against 1 of 2 in control).",
    ]
    pdf = PdfReader(out)
    assert pdf.metadata is not None and pdf.metadata.title == "Soldes"
    texts = [page.extract_text() for page in pdf.pages]
    titles = (
        "Funnel — Soldes",
        "Daily results",
        "Opens by hour",
        "Conversion against the control group",
        "Audience — Soldes",
        "Content — Soldes",
    )
    assert len(texts) == len(titles)
    for text, title in zip(texts, titles, strict=True):
        assert title in text
    assert "Best hour: 12 h" in texts[2]
    assert "Suppressed: control group" in texts[4]
    assert "Variant A" in texts[5] and "Variant B" in texts[5] and "Title" in texts[5]
    assert pdf.pages[2].images, "the open hours are a picture"
    assert list(out.parent.iterdir()) == [out]  # no temporary file left beside


def test_unknown_campaign(make_workspace: Callable[..., Workspace], tmp_path: Path) -> None:
    small = build_small(make_workspace())
    out = tmp_path / "r.pdf"
    done = run_cli(
        "report",
        "--campaign",
        "999",
        "--out",
        str(out),
        workspace=small.ws.location.sqlite_path,
    )
    assert done.returncode == 1 and "No campaign with id 999." in done.stderr
    assert not out.exists()
