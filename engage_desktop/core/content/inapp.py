"""In-app message content: layout, texts, image, up to two buttons, colours, close control."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from engage_desktop.core.messages import CodedText

LAYOUTS = ("modal", "top_banner", "bottom_banner", "full_screen", "card")
MAX_BUTTONS = 2
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


@dataclass(frozen=True, slots=True)
class InAppButton:
    label: str
    deep_link: str = ""


@dataclass(frozen=True, slots=True)
class InAppContent:
    layout: str = "modal"
    header: str = ""
    body: str = ""
    image_url: str = ""
    buttons: tuple[InAppButton, ...] = ()
    background: str = "#FFFFFF"
    text_colour: str = "#1D1B20"
    button_colour: str = "#6750A4"
    close_button: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> InAppContent:
        buttons = tuple(
            InAppButton(str(b.get("label") or ""), str(b.get("deep_link") or ""))
            for b in (d.get("buttons") or [])
            if isinstance(b, Mapping)
        )
        return cls(
            layout=str(d.get("layout") or "modal"),
            header=str(d.get("header") or ""),
            body=str(d.get("body") or ""),
            image_url=str(d.get("image_url") or ""),
            buttons=buttons,
            background=str(d.get("background") or "#FFFFFF"),
            text_colour=str(d.get("text_colour") or "#1D1B20"),
            button_colour=str(d.get("button_colour") or "#6750A4"),
            close_button=bool(d.get("close_button", True)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "layout": self.layout,
            "header": self.header,
            "body": self.body,
            "image_url": self.image_url,
            "buttons": [{"label": b.label, "deep_link": b.deep_link} for b in self.buttons],
            "background": self.background,
            "text_colour": self.text_colour,
            "button_colour": self.button_colour,
            "close_button": self.close_button,
        }


def validate_inapp(content: InAppContent) -> list[tuple[str, str]]:
    issues: list[tuple[str, str]] = []
    if content.layout not in LAYOUTS:
        known = ", ".join(LAYOUTS)
        message = f"Unknown layout “{content.layout}”: use {known}."
        issues.append(("layout", CodedText(message, "unknown_layout", content.layout, known)))
    if not content.header.strip() and not content.body.strip():
        issues.append(("body", CodedText("Write a header or a body.", "inapp_empty")))
    if content.image_url and not content.image_url.startswith("https://"):
        message = "The image must be an https:// address."
        issues.append(("image_url", CodedText(message, "image_not_https", content.image_url[:60])))
    if len(content.buttons) > MAX_BUTTONS:
        message = f"At most {MAX_BUTTONS} buttons."
        issues.append(("buttons", CodedText(message, "too_many_buttons", str(MAX_BUTTONS))))
    for i, button in enumerate(content.buttons):
        if not button.label.strip():
            label = CodedText(f"Button {i + 1} has no label.", "button_no_label", str(i + 1))
            issues.append((f"buttons[{i}]", label))
    for name in ("background", "text_colour", "button_colour"):
        if not _COLOUR.match(getattr(content, name)):
            message = "Write the colour as #RRGGBB (or #RRGGBBAA)."
            issues.append((name, CodedText(message, "bad_colour", getattr(content, name))))
    if not content.close_button and not content.buttons:
        message = "With no button and no close control the message cannot be dismissed."
        issues.append(("close_button", CodedText(message, "cannot_dismiss")))
    return issues
