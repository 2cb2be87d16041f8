"""The main window's pages (one module each); their order lives in ``ui.navigation``."""
