"""Approvals in the GUI: the campaign's approval state and the approver's buttons (Deliveries),
and the app's threshold (Settings)."""
