"""Helpers shared by every test package: paths, waiting, ports, the CLI, apps and sending fixtures
in a workspace, the real PostgreSQL / sandbox / service processes, a test CA, and the segment
oracle. Tests import these; no test imports another test module."""
