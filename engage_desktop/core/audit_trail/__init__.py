"""Reading the audit log: filtered lists, the CSV export, the chain check (admins only).

Writing stays in ``security.audit`` (every use case records through it).
"""
