"""Sending widgets: the send panel, the Deliveries page and the virtual phones of the sandbox."""
