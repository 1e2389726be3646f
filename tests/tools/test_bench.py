"""`bench --only games`: games a second by CPU time, the wall clock and the moves a game beside
them, and whether the goal is met."""

from __future__ import annotations

import re

import pytest

from game.cli import main
from tests.conftest import MINI


def test_the_games_section_says_what_it_measured(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--scenario", str(MINI), "--only", "games", "--games", "3"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("headless games")]
    assert [r.split("  ")[0] for r in rows] == ["headless games, policy random",
                                               "headless games, policy history"]
    for row in rows:
        assert re.search(r"[\d,]+ games/s \(CPU time\)", row), row
        assert re.search(r"8 turns, [\d,]+ moves a game; [\d,]+ games/s by the wall clock", row)
        assert re.search(r"goal >= 1,000 games/s on one core \((met|not met)\)", row)
