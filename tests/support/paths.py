"""Where things are in the repository, for tests at any depth of the tree.

Tests used to count ``Path(__file__).parents[N]``, which breaks whenever a test file moves.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEST_DATA = ROOT / "tests" / "data"
IMPORT_SAMPLES = TEST_DATA / "imports"
CATALOGUES = ROOT / "resources" / "translations"
ARTIFACTS = ROOT / "test-artifacts"


def artifacts(area: str) -> Path:
    """A folder for screenshots and files a person reviews after a run (kept, git-ignored)."""
    folder = ARTIFACTS / area
    folder.mkdir(parents=True, exist_ok=True)
    return folder
