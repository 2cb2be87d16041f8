"""What ``python -m installer build`` prints: the sizes first, the path to ship as the last line."""

from __future__ import annotations

from pathlib import Path

from installer.build import Build, folder_bytes, report


def test_folder_size_counts_files_once_and_not_links(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "libfoo.so.1").write_bytes(b"x" * 1000)
    (tmp_path / "lib" / "libfoo.so").symlink_to("libfoo.so.1")
    (tmp_path / "program").write_bytes(b"y" * 24)
    assert folder_bytes(tmp_path) == 1024


def test_the_last_line_is_the_path_to_ship(tmp_path: Path) -> None:
    result = Build(
        bundle=tmp_path / "engage-desktop",
        shipped=tmp_path / "engage-desktop-1.0-linux-x86_64.tar.gz",
        bundle_bytes=790_700_000,
        shipped_bytes=320_400_000,
        pyinstaller_seconds=312.4,
        package_seconds=41.0,
    )
    lines = report(result)
    assert lines[-1] == str(tmp_path / "engage-desktop-1.0-linux-x86_64.tar.gz")
    assert "790.7 MB" in lines[0] and "320.4 MB" in lines[1]
