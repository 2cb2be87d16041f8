"""Dispatch GUI tests reuse the service tests' helpers (real sandbox and service processes)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
