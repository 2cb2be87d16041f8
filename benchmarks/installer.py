"""The desktop bundle: its size, and process start → first paint of the main window, against the
pip install measured in the same run.

    python -m benchmarks installer --bundle dist/engage-desktop [--bundle OTHER ...]
                                   [--runs 7] [--users 2000] [--json]

Each ``--bundle`` is a PyInstaller folder built by ``python -m installer build`` (pass the
``--keep-unused`` build and the normal one to see what the excludes save). The reference is the
pip install running the same entry script (``installer/entry.py``) with this interpreter. Both
run the same probe (``installer/probe.py``, ``first-paint`` mode): it writes the wall-clock time
of the main window's first paint and exits, so both pay the same overhead. Runs are interleaved
so drift affects all alike. ``first_launch_s`` is each program's very first start in the run,
before the others warmed the OS file cache for it; the ``*_s`` summaries are the warm-cache
starts after it. ``--cold`` makes every start a cold one: before each, the program's own files
(the bundle's folder; for the pip install, this checkout and the interpreter's standard library
and site-packages) are evicted from the page cache with ``posix_fadvise(DONTNEED)``. Only those
files: the machine is shared, so the whole cache is never dropped, and the system libraries
both use (libc, fontconfig, X11) stay as warm as on a desktop.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from benchmarks._common import emit, summary
from installer.build import folder_bytes

ROOT = Path(__file__).resolve().parents[1]


def _first_paint(argv: list[str], env: dict[str, str], probe: Path) -> float:
    marker = probe / "first-paint"
    marker.unlink(missing_ok=True)
    started = time.time()
    result = subprocess.run(
        argv, env={**env, "ENGAGE_DESKTOP_PROBE": f"first-paint:{probe}"},
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    if result.returncode != 0 or not marker.exists():
        raise RuntimeError(f"{argv[0]} failed ({result.returncode}): {result.stderr[-2000:]}")
    return float(marker.read_text().strip()) - started


def evict(folders: Iterable[Path]) -> None:
    """Drop the files under ``folders`` from the page cache, so the next start reads them again."""
    for folder in folders:
        for dirpath, _dirs, files in os.walk(folder):
            for name in files:
                path = os.path.join(dirpath, name)
                if os.path.islink(path):
                    continue
                try:
                    fd = os.open(path, os.O_RDONLY)
                except OSError:
                    continue  # unreadable or gone: nothing cached to drop
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)


def pip_install_files() -> list[Path]:
    """What the pip install reads at start: this checkout, the standard library, site-packages."""
    paths = sysconfig.get_paths()
    folders = {ROOT / "engage_desktop", ROOT / "installer"}
    folders |= {Path(paths[key]) for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    return sorted(folders)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks installer")
    parser.add_argument("--bundle", type=Path, action="append", required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cold", action="store_true", help="evict each program's files first")
    args = parser.parse_args(argv)

    from engage_desktop.core.demo.generator import build_demo_workspace
    from engage_desktop.store.location import resolve_workspace

    programs = {"pip_install": [sys.executable, str(ROOT / "installer" / "entry.py")]}
    files = {"pip_install": pip_install_files()}
    for bundle in args.bundle:
        programs[str(bundle)] = [str(bundle.resolve() / "engage-desktop")]
        files[str(bundle)] = [bundle.resolve()]
    samples: dict[str, list[float]] = {name: [] for name in programs}
    first: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite"
        build_demo_workspace(resolve_workspace(str(path)), users=args.users, seed=1)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PYTHONPATH": str(ROOT),  # the pip install runs this checkout; bundles ignore it
            "XDG_CONFIG_HOME": tmp,  # fresh QSettings, as on a first start
            "ENGAGE_DESKTOP_DB": str(path),
            "ENGAGE_DESKTOP_NO_SERVICE": "1",  # the probe exits at first paint anyway
        }
        probe = Path(tmp) / "probe"
        probe.mkdir()
        for name, command in programs.items():
            first[name] = round(_first_paint(command, env, probe), 3)
        for _ in range(args.runs):
            for name, command in programs.items():
                if args.cold:
                    evict(files[name])
                samples[name].append(_first_paint(command, env, probe))
    reference = summary(samples["pip_install"])
    result: dict[str, object] = {
        "benchmark": "installer",
        "platform": env["QT_QPA_PLATFORM"],
        "cache": "cold: each program's files evicted before each start" if args.cold else "warm",
        "reference_pip_install_first_paint_s": reference,
        "reference_first_launch_s": first["pip_install"],
    }
    for bundle in args.bundle:
        measured = summary(samples[str(bundle)])
        result[str(bundle)] = {
            "bundle_mb": round(folder_bytes(bundle) / 1e6, 1),
            "first_paint_s": measured,
            "first_launch_s": first[str(bundle)],
            "ratio_median_to_pip": round(measured["median"] / reference["median"], 3),
            "ratio_min_to_pip": round(measured["min"] / reference["min"], 3),
        }
    result["load_average_1min"] = round(os.getloadavg()[0], 2)
    emit(result, args.json)
    return 0
