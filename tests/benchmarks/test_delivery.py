"""The delivery benchmark runs end to end at a small size: both runs complete, the rules run
caps the people with history, and every run's rows add up to the audience."""

from __future__ import annotations

import json

import pytest

from benchmarks import delivery


def test_small_delivery_benchmark_adds_up(capsys: pytest.CaptureFixture[str]) -> None:
    assert delivery.main(["--profiles", "400", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for run in ("no_rules", "rules"):
        assert out[run]["adds_up_to_audience"] is True
    assert "suppressed:capped" in out["rules"]["rows_by_state_and_reason"]
    assert "suppressed:capped" not in out["no_rules"]["rows_by_state_and_reason"]
    assert out["ratio_rules_vs_no_rules"] > 0
