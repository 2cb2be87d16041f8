"""The push composer: form, live phone previews, payload view, autosaved drafts."""
