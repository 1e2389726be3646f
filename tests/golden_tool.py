"""Golden playthroughs: the historical path of each bundled scenario as a text transcript.

`python -m tests.golden_tool` rewrites the transcripts after a deliberate
change to a scenario or the rules; the test diffs against them, so any other
change to the historical path shows up line by line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.core.engine import GameState, apply_action, new_game
from game.core.policies import history_policy
from game.paths import is_playable
from game.scenario.loader import load_scenario

GOLDEN = Path(__file__).parent / "golden"
SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def transcript(path: Path) -> str:
    """Play the historical path of a scenario and write down every move and its result."""
    import random

    rules = load_scenario(path).rules
    state: GameState = new_game(rules, 0, history=True)
    lines = [f"# {rules.scenario.id}: historical path, seed 0",
             "# turn date | move | " + " ".join(rules.aim_ids)]
    rng = random.Random(0)

    def aims(s: GameState) -> str:
        return " ".join(f"{v:.2f}" for v in s.aims)

    while state.ending_index < 0:
        move = history_policy(state, rng)
        before = state
        state = apply_action(state, move)
        lines.append(f"{before.turn:3d} {before.date_text} | {move.text()} | {aims(state)}")
    lines.append(f"ending: {rules.endings[state.ending_index].id}")
    return "\n".join(lines) + "\n"


def golden_path(scenario: Path) -> Path:
    return GOLDEN / f"{scenario.stem}.txt"


def main() -> int:
    for scenario in sorted(SCENARIOS.glob("*.yaml")):
        if not is_playable(scenario):
            continue
        golden_path(scenario).write_text(transcript(scenario), encoding="utf-8")
        print(f"wrote {golden_path(scenario)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
