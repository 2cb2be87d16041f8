"""Campaign editing use cases: create, update, read, duplicate, export, validate, schedule."""
