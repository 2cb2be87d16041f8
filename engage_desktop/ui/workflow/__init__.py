"""The marketer's workflow around a send: the one confirmation, the scheduling dialog, and the
change feed that keeps lists true."""
