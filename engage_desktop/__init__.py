"""Engage Desktop: a marketer's workstation for mobile engagement."""

__version__ = "0.1.0"
