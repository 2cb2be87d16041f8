"""Security errors, importable without loading the database layer."""

from __future__ import annotations


class PermissionDenied(Exception):
    """Raised before any write or send the member is not allowed to do."""
