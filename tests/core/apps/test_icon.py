"""The preview icon: any common picture becomes a small square PNG; bad files are named."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from engage_desktop.core.apps.icon import ICON_SIZE, IconError, normalise_icon, read_icon


def _picture(width: int, height: int, fmt: str = "JPEG") -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (width, height), (200, 40, 40))
    image.paste((40, 40, 200), (width // 2 - 5, 0, width // 2 + 5, height))  # a centre stripe
    image.save(out, fmt)
    return out.getvalue()


def test_a_wide_jpeg_becomes_a_centred_square_png(tmp_path: Path) -> None:
    path = tmp_path / "logo.jpg"
    path.write_bytes(_picture(600, 300))
    png = read_icon(path)
    with Image.open(io.BytesIO(png)) as icon:
        assert icon.format == "PNG" and icon.size == (ICON_SIZE, ICON_SIZE)
        r, _g, b, _a = icon.getpixel((ICON_SIZE // 2, ICON_SIZE // 2))  # type: ignore[misc]
        assert b > r  # the centre stripe stayed in the middle: cropped evenly on both sides
    assert len(png) < 20_000


def test_bad_icon_files_are_named(tmp_path: Path) -> None:
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    with pytest.raises(IconError) as caught:
        read_icon(text)
    assert caught.value.code == "icon_not_image" and str(text) in str(caught.value)
    with pytest.raises(IconError) as caught:
        read_icon(tmp_path / "missing.png")
    assert caught.value.code == "icon_missing"
    with pytest.raises(IconError) as caught:
        normalise_icon(_picture(400, 400)[:200], "cut.jpg")  # truncated
    assert caught.value.code == "icon_not_image"


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    out = io.BytesIO()
    Image.new("1", (8000, 8000)).save(out, "PNG")  # 64 M pixels, a few KB of file
    with pytest.raises(IconError) as caught:
        normalise_icon(out.getvalue(), "bomb.png")
    assert caught.value.code == "icon_too_big"
