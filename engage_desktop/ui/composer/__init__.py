"""The campaign composer: form, undo/redo, autosave and the live preview."""
