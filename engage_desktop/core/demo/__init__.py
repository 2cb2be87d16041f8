"""A deterministic, realistic French demo workspace (see ``generator``)."""

from engage_desktop.core.demo.generator import DEFAULT_GUI_USERS, build_demo_workspace

__all__ = ["DEFAULT_GUI_USERS", "build_demo_workspace"]
