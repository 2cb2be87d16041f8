"""Where each phone cuts a notification's text, computed with real font metrics (Qt-free)."""
