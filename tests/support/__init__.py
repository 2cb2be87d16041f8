"""Helpers shared by every test package (servers, certificates, waiting)."""
