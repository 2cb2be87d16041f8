"""Build Engage Desktop into a self-contained desktop bundle (PyInstaller, onedir).

``python -m installer build [--out DIR]`` builds the bundle of this platform; ``python -m
installer smoke ARCHIVE`` unpacks, installs and drives a Linux build the way CI does. See
``installer/README.md``.
"""
