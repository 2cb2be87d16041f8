"""The app icon the phone preview draws: any common picture in, a small square PNG out.

Normalised once, when the admin picks the file, so the workspace keeps a few kilobytes whatever
was picked and every reader (the preview, a colleague on the shared workspace) gets the same
PNG. Pillow decodes it: core stays Qt-free.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from engage_desktop.core.messages import CodedError, MessageTable

ICON_SIZE = 128
MAX_FILE_BYTES = 5_000_000
MAX_PIXELS = 40_000_000  # a decompression bomb is refused before it is decoded

ICON_MESSAGES = MessageTable(
    {
        "icon_missing": "Icon file not found: {0}",
        "icon_unreadable": "Cannot read the icon file {0}: {1}",
        "icon_too_big": "The icon file {0} is larger than {1} MB.",
        "icon_not_image": "{0} is not a picture Engage Desktop can read (PNG, JPEG, WebP, GIF).",
    }
)


class IconError(CodedError, ValueError):
    """An icon file that cannot be used; the message names the file and why."""

    def __init__(self, code: str, *args: str) -> None:
        super().__init__(ICON_MESSAGES.english(code, *args), code, *args)
        self.field = "icon"


def read_icon(path: str | Path) -> bytes:
    """Read a picture file and return it as the app's icon (see ``normalise_icon``)."""
    file = Path(path).expanduser()
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise IconError("icon_too_big", str(file), str(MAX_FILE_BYTES // 1_000_000))
        data = file.read_bytes()
    except FileNotFoundError:
        raise IconError("icon_missing", str(file)) from None
    except OSError as exc:
        raise IconError("icon_unreadable", str(file), exc.strerror or type(exc).__name__) from None
    return normalise_icon(data, str(file))


def normalise_icon(data: bytes, name: str = "the icon") -> bytes:
    """A ``ICON_SIZE`` square PNG: the picture centre-cropped to a square, then scaled."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            pixels = image.width * image.height
            rgba = image.convert("RGBA") if pixels <= MAX_PIXELS else None
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise IconError("icon_not_image", name) from None
    if rgba is None:
        raise IconError("icon_too_big", name, str(MAX_FILE_BYTES // 1_000_000))
    side = min(rgba.width, rgba.height)
    left, top = (rgba.width - side) // 2, (rgba.height - side) // 2
    square = rgba.crop((left, top, left + side, top + side))
    out = io.BytesIO()
    square.resize((ICON_SIZE, ICON_SIZE), Image.Resampling.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()
