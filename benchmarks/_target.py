"""Local targets for the sending benchmarks: ports, a certificate, the process's own CPU."""

from __future__ import annotations

import resource
import socket
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


def cpu_seconds() -> float:
    """User + system CPU of this process (the sender's own cost, not the server's)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def self_signed(folder: Path) -> tuple[Path, Path, Path]:
    """(CA file, server certificate, key) for localhost: the tests' throw-away CA."""
    from tests.support.tls import make_test_ca

    ca = make_test_ca(folder / "ca")
    return ca.ca_file, ca.cert_file, ca.key_file
