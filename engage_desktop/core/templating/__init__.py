"""Liquid personalisation of message text (profile fields, event properties, French formats)."""

from .render import RenderResult, TemplateError, render_fields, render_text

__all__ = ["RenderResult", "TemplateError", "render_fields", "render_text"]
