"""Message content for each campaign format, the payloads built from it, and their validation."""
