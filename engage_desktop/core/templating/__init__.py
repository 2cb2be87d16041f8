"""Liquid personalisation of message text (profile fields, event properties, French formats)."""

from .render import (
    RenderResult,
    TemplateError,
    render_fields,
    render_html,
    render_text,
    template_problem,
)

__all__ = [
    "RenderResult",
    "TemplateError",
    "render_fields",
    "render_html",
    "render_text",
    "template_problem",
]
