"""Seeded random playouts of every scenario: no exception, aims in range, determinism."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from game.core.engine import (
    GameState,
    IllegalMoveError,
    TakeAction,
    apply_action,
    is_over,
    legal_actions,
    new_game,
    replay,
    why_illegal,
)
from game.core.policies import POLICIES, play_game
from game.scenario.loader import load_scenario
from tests.conftest import ROOT, bundled_scenarios

GAMES_PER_SCENARIO = 400


def check_invariants(state: GameState) -> None:
    rules = state.rules
    for i, value in enumerate(state.aims):
        assert rules.aim_min[i] <= value <= rules.aim_max[i], (rules.aim_ids[i], value)
    for value in state.relations:
        assert -100 <= value <= 100
    assert 0 <= state.budget <= rules.budget
    assert 0 <= state.turn < rules.turns


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_random_playouts_keep_every_invariant(path: Path) -> None:
    rules = load_scenario(path).rules
    endings = set()
    for seed in range(GAMES_PER_SCENARIO):
        rng = random.Random(seed)
        state = new_game(rules, seed)
        while not is_over(state):
            moves = legal_actions(state)
            assert moves, "a game that is not over always has a legal move"
            move = rng.choice(moves)
            assert why_illegal(state, move) is None
            state = apply_action(state, move)
            check_invariants(state)
            # An action the rules call unavailable must really be refused.
            if not state.pending and not is_over(state):
                taken = {m.action for m in legal_actions(state) if isinstance(m, TakeAction)}
                for a in rules.actions:
                    if a.id not in taken:
                        with pytest.raises(IllegalMoveError):
                            apply_action(state, TakeAction(a.id))
                        break
        assert len(state.trajectory) <= rules.turns
        endings.add(state.ending_index)
        if seed % 50 == 0:
            again = replay(rules, seed, state.moves)
            assert again == state or (again.aims, again.log(), again.rng) == (
                state.aims,
                state.log(),
                state.rng,
            )
    assert endings, "games must end"


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_every_policy_finishes_games(path: Path) -> None:
    rules = load_scenario(path).rules
    for name, policy in POLICIES.items():
        for seed in range(3 if name == "greedy" else 20):
            state = play_game(rules, policy, seed=seed)
            assert is_over(state)
            check_invariants(state)


CHILD = """
import json, sys
from game.core.policies import POLICIES, play_game
from game.scenario.loader import load_scenario
rules = load_scenario(sys.argv[1]).rules
out = []
for seed in range(25):
    s = play_game(rules, POLICIES["random"], seed=seed)
    out.append([s.aims, s.relations, s.treaties, s.flags, s.rng, s.ending_index, s.moves])
print(json.dumps(out))
"""


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_same_seed_same_game_in_any_process(path: Path) -> None:
    results = []
    for hash_seed in ("0", "12345", "random"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        results.append(json.loads(done.stdout))
    assert results[0] == results[1] == results[2]
