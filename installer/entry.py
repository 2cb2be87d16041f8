"""The bundle's main script: one program for the GUI, the CLI and the background service.

``multiprocessing.freeze_support()`` comes first: the CSV importer reads large files in a
``spawn`` child, which a frozen program starts as itself with ``--multiprocessing-fork``;
without this call that child would parse the arguments as a CLI command and fail.
``ENGAGE_DESKTOP_PROBE`` turns on the probes CI and the start-up benchmark read (``probe.py``);
without it nothing else runs before the normal ``engage-desktop`` entry point.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def run() -> int:
    multiprocessing.freeze_support()
    if os.environ.get("ENGAGE_DESKTOP_PROBE"):
        from installer.probe import install_probe

        install_probe(os.environ["ENGAGE_DESKTOP_PROBE"])
    from engage_desktop.cli.main import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
