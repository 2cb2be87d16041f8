"""Admin screens: Settings → Apps and Settings → Team, and their dialogs."""
