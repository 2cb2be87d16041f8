"""The command line that runs Engage Desktop itself, frozen in a bundle or from a Python install.

The GUI starts the service and the service starts the sandbox as child processes. From a pip
install the way in is the interpreter (``python -m engage_desktop``). In a PyInstaller bundle,
``sys.executable`` is the bundle's own program: it has no ``-m`` option and no system Python
is there to fall back on. Every launcher builds its command from this one function, so it
works the same way in both.
"""

from __future__ import annotations

import sys


def is_frozen() -> bool:
    """True inside a PyInstaller (or similar) bundle, which sets ``sys.frozen``."""
    return bool(getattr(sys, "frozen", False))


def engage_desktop_command(*arguments: str) -> list[str]:
    """``[program, ...]`` that runs ``engage-desktop ARGUMENTS`` with this installation's code."""
    if is_frozen():
        return [sys.executable, *arguments]
    return [sys.executable, "-m", "engage_desktop", *arguments]
