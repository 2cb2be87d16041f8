"""A deterministic, realistic French demo workspace; built by ``generator.build_demo_workspace``.

This package's ``__init__`` stays import-light (no numpy, no database) so the GUI and CLI can
read the defaults without paying for the generator.
"""

DEFAULT_GUI_USERS = 20_000  # the demo the GUI builds on first start
