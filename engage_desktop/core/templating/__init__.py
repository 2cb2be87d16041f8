"""Liquid personalisation of message text (python-liquid 2.x)."""

from engage_desktop.core.templating.render import (
    RenderResult,
    TemplateSyntaxError,
    check_syntax,
    render,
)

__all__ = ["RenderResult", "TemplateSyntaxError", "check_syntax", "render"]
