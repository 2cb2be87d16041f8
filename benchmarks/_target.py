"""Local targets for the sending benchmarks: ports, a certificate, the process's own CPU.

Ports and the throw-away CA come from the tests' support package (one copy of each).
"""

from __future__ import annotations

import resource
from pathlib import Path

from tests.support.net import free_port, wait_port

__all__ = ["cpu_seconds", "free_port", "self_signed", "wait_port"]


def cpu_seconds() -> float:
    """User + system CPU of this process (the sender's own cost, not the server's)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def self_signed(folder: Path) -> tuple[Path, Path, Path]:
    """(CA file, server certificate, key) for localhost: the tests' throw-away CA."""
    from tests.support.tls import make_test_ca

    ca = make_test_ca(folder / "ca")
    return ca.ca_file, ca.cert_file, ca.key_file
