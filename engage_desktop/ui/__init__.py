"""The Qt GUI. Thin: widgets call core and show results. Never imports services."""
