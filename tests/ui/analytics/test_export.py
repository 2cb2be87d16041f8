"""An export to a full disk says so and leaves nothing behind (``write_atomically``).

A real full file system: a 16 KB tmpfs mounted for the test (the suite runs as root in CI).
Where mounting is not allowed the test says so and is skipped rather than faking the disk.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from engage_desktop.ui.analytics.export import ExportError, write_atomically


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_is_named_and_no_partial_file_is_left(tiny_disk: Path) -> None:
    target = tiny_disk / "rapport.pdf"
    with pytest.raises(ExportError) as caught:
        write_atomically(target, lambda out: out.write(b"%PDF" + b"x" * 200_000))
    assert caught.value.code == "disk_full"
    assert str(caught.value).startswith(f"{target}: the disk is full")
    assert list(tiny_disk.iterdir()) == []  # neither the file nor its hidden part
    write_atomically(target, lambda out: out.write(b"%PDF small"))  # room for a small one
    assert target.read_bytes() == b"%PDF small"
