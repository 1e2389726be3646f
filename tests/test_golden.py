"""The historical path of every bundled scenario matches its golden transcript line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.paths import is_playable
from tests.golden_tool import SCENARIOS, golden_path, transcript

SCENARIO_FILES = [p for p in sorted(SCENARIOS.glob("*.yaml")) if is_playable(p)]


@pytest.mark.parametrize("scenario", SCENARIO_FILES, ids=lambda p: p.stem)
def test_historical_path_matches_the_golden_transcript(scenario: Path) -> None:
    golden = golden_path(scenario)
    assert golden.exists(), f"no transcript for {scenario.name}: run python -m tests.golden_tool"
    expected = golden.read_text(encoding="utf-8").splitlines()
    actual = transcript(scenario).splitlines()
    for n, (want, got) in enumerate(zip(expected, actual, strict=False), 1):
        assert got == want, f"{golden.name}:{n}: expected\n  {want}\nbut the rules now give\n  {got}"
    assert len(actual) == len(expected)
