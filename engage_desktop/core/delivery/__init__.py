"""Delivery rules: who may get a message, when, and how often (issue 18, items 1-4 and 10).

Qt-free and network-free. The outbox applies them twice: at expansion (``plan``: the time each
row may leave, or why it never will) and at claim time (``screen``: consent, expiry, quiet hours
and caps checked again just before a row is handed to a sender, so an opt-out or a message
sent by another campaign meanwhile counts). ``docs/delivery-rules.md`` explains each rule.
"""
