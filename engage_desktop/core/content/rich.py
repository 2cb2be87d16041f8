"""Rich push pages: the HTML an author writes, made safe to preview and to ship.

nh3 (ammonia) keeps formatting, images, links, ``style`` and ``class`` and drops scripts, event
handlers and ``javascript:`` URLs. When the author explicitly allows scripts the page is kept as
written (the preview still runs it in a sandboxed, private web profile with remote requests off
unless allowed too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import nh3

_ACTIVE = re.compile(r"<script|<iframe|\son[a-z]+\s*=|javascript:", re.IGNORECASE)

_EXTRA_TAGS = {"video", "source", "picture", "style", "button", "section", "main"}
_GENERIC_ATTRS = {"style", "class", "id", "dir", "lang", "title"}
_TAG_ATTRS = {
    "a": {"href", "target"},
    "img": {"src", "alt", "width", "height", "srcset", "loading"},
    "video": {
        "src",
        "poster",
        "controls",
        "autoplay",
        "muted",
        "loop",
        "playsinline",
        "width",
        "height",
    },
    "source": {"src", "type", "srcset", "media"},
}


@dataclass(frozen=True, slots=True)
class RichPage:
    html: str
    removed_something: bool


def sanitize_rich_html(html: str, *, allow_scripts: bool = False) -> RichPage:
    """The page to render: cleaned unless scripts are allowed; says whether content was removed."""
    if allow_scripts:
        return RichPage(html, False)
    tags = set(nh3.ALLOWED_TAGS) | _EXTRA_TAGS
    attributes = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
    attributes["*"] = _GENERIC_ATTRS
    for tag, attrs in _TAG_ATTRS.items():
        attributes[tag] = attributes.get(tag, set()) | attrs
    cleaned = nh3.clean(
        html,
        tags=tags,
        clean_content_tags={"script"},
        attributes=attributes,
        url_schemes={"https", "http", "mailto", "tel", "data"},
        link_rel=None,
    )
    return RichPage(cleaned, bool(_ACTIVE.search(html)))


def viewport_document(body_html: str, width: int) -> str:
    """Wrap the page so it lays out at the device's viewport width, as the in-app web view does."""
    if "<html" in body_html.lower():
        return body_html
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width={width}, initial-scale=1'>"
        "<style>body{margin:0;font-family:Inter,Roboto,sans-serif}img{max-width:100%}</style>"
        f"</head><body>{body_html}</body></html>"
    )
