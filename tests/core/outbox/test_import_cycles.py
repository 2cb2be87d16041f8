"""The outbox modules import each other one way only (control ↔ trial was a cycle)."""

from __future__ import annotations

import grimp


def test_no_module_of_the_outbox_imports_itself_back() -> None:
    graph = grimp.build_graph("engage_desktop")
    package = "engage_desktop.core.outbox"
    modules = sorted(m for m in graph.find_descendants(package))
    cycles = [
        (a, b)
        for a in modules
        for b in graph.find_modules_directly_imported_by(a)
        if b.startswith(package) and graph.chain_exists(importer=b, imported=a)
    ]
    assert cycles == []


def test_control_and_trial_in_particular() -> None:
    graph = grimp.build_graph("engage_desktop")
    control, trial = "engage_desktop.core.outbox.control", "engage_desktop.core.outbox.trial"
    assert not graph.chain_exists(importer=trial, imported=control)
