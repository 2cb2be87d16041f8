"""Small helpers shared by the benchmarks: statistics, JSON output, the million-profile demo."""

from __future__ import annotations

import json
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median": statistics.median(ordered),
        "p95": p95,
        "min": ordered[0],
        "max": ordered[-1],
        "runs": len(ordered),
    }


def emit(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for key, value in result.items():
            print(f"{key}: {value}")


SHARED_DEMO_1M = Path("/tmp/bench/demo1m.sqlite")
"""A 1,000,000-profile demo another benchmark may already have built (copied, never written)."""


def million_profile_workspace(given: Path | None, own_copy: Path) -> Path:
    """``given``, else ``own_copy``: made once, copied from ``SHARED_DEMO_1M`` when it exists or
    built (a few minutes). Each benchmark keeps its own copy, as it may write to it."""
    if given is not None:
        return given
    if not own_copy.exists():
        own_copy.parent.mkdir(parents=True, exist_ok=True)
        if SHARED_DEMO_1M.exists():
            shutil.copy(SHARED_DEMO_1M, own_copy)
        else:
            from engage_desktop.core.demo.generator import build_demo_workspace
            from engage_desktop.store.location import resolve_workspace

            build_demo_workspace(resolve_workspace(str(own_copy)), users=1_000_000)
    return own_copy
