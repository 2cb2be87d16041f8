"""Benchmarks: ``python -m benchmarks NAME [--json]``. Each NAME is a module here with ``main``."""
