"""Settings → Audit log: admins read, filter, verify and export the audit trail."""
