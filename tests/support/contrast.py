"""WCAG 2.x contrast ratio between two colours (text legibility checks in the GUI tests)."""

from __future__ import annotations


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def blend(top: tuple[int, int, int, int], under: tuple[int, int, int]) -> tuple[int, int, int]:
    """A translucent colour (alpha 0-255) as it shows over an opaque one."""
    alpha = top[3] / 255
    return (
        round(top[0] * alpha + under[0] * (1 - alpha)),
        round(top[1] * alpha + under[1] * (1 - alpha)),
        round(top[2] * alpha + under[2] * (1 - alpha)),
    )


def contrast_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """(L1 + 0.05) / (L2 + 0.05), from 1 (none) to 21 (black on white); text needs ≥ 4.5."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
