"""Dependencies say the truth: what the shipped package imports is in ``dependencies``.

The email channel imported ``aiosmtplib`` without declaring it: the suite passed on a machine
where it happened to be installed, while ``pip install -e .`` gave a service that crashed at
start on a fresh machine (and a GUI that said "Service: stopped").
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = {"engage_desktop", "tests", "benchmarks", "installer", "scripts", "__future__"}
# Installed with a declared dependency and versioned with it (PySide6's own binding layer).
COMES_WITH = {"shiboken6": "pyside6-essentials"}


def _declared(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=;\[ !~]", r, maxsplit=1)[0].strip().lower() for r in requirements}


def _imported(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - OWN - set(sys.stdlib_module_names)


def _undeclared(folder: str, allowed: set[str]) -> list[str]:
    owners = importlib.metadata.packages_distributions()
    missing = []
    for module in sorted(_imported(ROOT / folder)):
        dists = {d.lower().replace("_", "-") for d in owners.get(module, [module])}
        dists |= {COMES_WITH[module]} if module in COMES_WITH else set()
        if not dists & allowed:
            missing.append(module)
    return missing


def test_every_import_of_the_shipped_package_and_its_tests_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = {d.replace("_", "-") for d in _declared(project["dependencies"])}
    extras = project["optional-dependencies"]
    everything = (
        base | {d.replace("_", "-") for name in extras for d in _declared(extras[name])} | {"h2"}
    )  # httpx[http2]
    assert _undeclared("engage_desktop", base) == []
    assert _undeclared("tests", everything) == []
    assert _undeclared("benchmarks", everything) == []
