"""Each preview surface's text boxes (PREVIEW-GEOMETRY.md §1–2) and the cuts they make.

Widths are logical units (pt on iOS 393-pt iPhone 15, dp on 412-dp Pixel 8). iOS uses Inter as a
stand-in for SF Pro Text (same role, OFL, slightly wider), Android uses Roboto (AOSP's font).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .metrics import FontSpec, text_width
from .wrap import Fitted, fit

IOS_TITLE = FontSpec("Inter-SemiBold.otf", 15.0, -0.23)
IOS_BODY = FontSpec("Inter-Regular.otf", 15.0, -0.23)
IOS_TIME = FontSpec("Inter-Regular.otf", 13.0, -0.08)
ANDROID_TITLE = FontSpec("Roboto-Medium.ttf", 14.0)
ANDROID_BODY = FontSpec("Roboto-Regular.ttf", 14.0)
ANDROID_SMALL = FontSpec("Roboto-Regular.ttf", 12.0)


class Surface(enum.StrEnum):
    IOS_LOCK = "ios_lock"
    IOS_BANNER = "ios_banner"
    IOS_EXPANDED = "ios_expanded"
    ANDROID_HEADS_UP = "android_heads_up"
    ANDROID_COLLAPSED = "android_collapsed"
    ANDROID_EXPANDED = "android_expanded"


@dataclass(frozen=True, slots=True)
class Device:
    """A phone's logical screen width."""

    name: str
    width: float


IPHONE_15 = Device("iPhone 15", 393.0)
IPHONE_SE = Device("iPhone SE", 375.0)
PIXEL_8 = Device("Pixel 8", 412.0)
PIXEL_8_PRO = Device("Pixel 8 Pro", 448.0)


@dataclass(frozen=True, slots=True)
class SurfaceText:
    """How one surface shows the title, subtitle and body."""

    surface: Surface
    title: Fitted
    subtitle: Fitted | None
    body: Fitted
    time_label: str

    @property
    def cut(self) -> bool:
        parts = [self.title, self.body] + ([self.subtitle] if self.subtitle else [])
        return any(p.truncated for p in parts)


def is_ios(surface: Surface) -> bool:
    return surface.value.startswith("ios")


def _ios(
    surface: Surface,
    device: Device,
    title: str,
    subtitle: str,
    body: str,
    image: bool,
    time_label: str,
) -> SurfaceText:
    card = device.width - 32.0
    if surface is Surface.IOS_EXPANDED:
        text_w = card - 24.0
        body_lines = 7
    else:
        text_w = card - 12.0 - 38.0 - 9.0 - 12.0
        if image:
            text_w -= 40.0 + 9.0  # square thumbnail on the trailing side
        body_lines = 4 if surface is Surface.IOS_LOCK else 2
    title_w = text_w - text_width(time_label, IOS_TIME) - 6.0
    return SurfaceText(
        surface,
        fit(title, IOS_TITLE, title_w, 1, single_line=True),
        fit(subtitle, IOS_TITLE, text_w, 1, single_line=True) if subtitle else None,
        fit(body, IOS_BODY, text_w, body_lines),
        time_label,
    )


def _android(
    surface: Surface,
    device: Device,
    title: str,
    body: str,
    image: bool,
    actions: int,
    time_label: str,
) -> SurfaceText:
    card = device.width - 32.0
    if surface is Surface.ANDROID_EXPANDED:
        column = card - 52.0 - 16.0
        title_w = column
        if image:  # big picture: one line of text above the picture
            body_fit = fit(body, ANDROID_BODY, column, 1, ellipsis="…", single_line=True)
        else:
            body_fit = fit(
                body, ANDROID_BODY, column, 11 if actions else 13, keep_space_before_ellipsis=True
            )
        return SurfaceText(
            surface,
            fit(title, ANDROID_TITLE, title_w, 1, single_line=True),
            None,
            body_fit,
            time_label,
        )
    column = card - 52.0 - 56.0 - ((48.0 + 12.0) if image else 0.0)
    reserved = (
        2.0 + text_width("•", ANDROID_SMALL) + 4.0 + text_width(time_label, ANDROID_SMALL) + 4.0
    )
    title_w = max(72.0, column - reserved)
    return SurfaceText(
        surface,
        fit(title, ANDROID_TITLE, title_w, 1, single_line=True),
        None,
        fit(
            body,
            ANDROID_BODY,
            column,
            1,
            ellipsis="…",
            single_line=True,
            keep_space_before_ellipsis=True,
        ),
        time_label,
    )


def layout(
    surface: Surface,
    *,
    title: str,
    subtitle: str = "",
    body: str,
    image: bool = False,
    actions: int = 0,
    device: Device | None = None,
    time_label: str = "now",
) -> SurfaceText:
    """Cut the texts for one surface on one device (iPhone 15 / Pixel 8 by default).

    ``time_label`` is the notification's time as the phone shows it in the user's language
    ("maintenant" takes more room beside the title than "now").
    """
    if is_ios(surface):
        return _ios(surface, device or IPHONE_15, title, subtitle, body, image, time_label)
    # Android caps each CharSequence at 1024 characters before layout.
    return _android(
        surface, device or PIXEL_8, title[:1024], body[:1024], image, actions, time_label
    )


def cut_surfaces(**kwargs: object) -> list[Surface]:
    """Which surfaces cut the text (the list shown under the preview)."""
    return [s for s in Surface if layout(s, **kwargs).cut]  # type: ignore[arg-type]
