"""Roles and permission checks, the audit log, and (later) the OS-keyring vault."""
