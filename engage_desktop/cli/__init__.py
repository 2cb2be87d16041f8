"""The command line: the GUI launcher and scriptable commands over the same core functions."""
