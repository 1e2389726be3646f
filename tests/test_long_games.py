"""A long game costs the same per move as a short one, and compares, hashes and prints safely.

The mini scenario is stretched to 600 monthly turns (the most a scenario may have): a
game of it makes over a thousand moves and a log of thousands of entries.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game.core.engine import (
    Choose,
    EndTurn,
    GameState,
    IllegalMoveError,
    TakeAction,
    apply_action,
    new_game,
    replay,
)
from game.core.rules import Rules
from game.scenario.loader import load_from_bytes

MINI = Path(__file__).parent / "data" / "mini.yaml"


@pytest.fixture(scope="module")
def long_rules() -> Rules:
    text = MINI.read_text(encoding="utf-8")
    text = text.replace('end: "1931-10"', 'end: "1979-12"').replace("months_per_turn: 3",
                                                                  "months_per_turn: 1")
    return load_from_bytes(text.encode("utf-8"), "long.yaml").rules


def _long_game(rules: Rules) -> GameState:
    state = new_game(rules, 3)
    while state.ending_index < 0:
        while state.pending:
            ev = rules.events[state.pending[0]]
            state = apply_action(state, Choose(ev.id, ev.choices[0].id))
        try:
            state = apply_action(state, TakeAction("woo_germany"))
        except IllegalMoveError:
            pass  # Germany is cold after a snub
        state = apply_action(state, EndTurn())
    return state


def test_a_move_shares_the_moves_before_it_instead_of_copying_them(mini: Rules) -> None:
    first = apply_action(new_game(mini, 1), EndTurn())
    second = apply_action(first, EndTurn())
    assert second.move_chain is not None and second.move_chain[1] is first.move_chain
    assert second.moves == ("end", "end") and first.moves == ("end",)


def test_a_long_game_replays_to_an_equal_state(long_rules: Rules) -> None:
    assert long_rules.turns == 600
    game = _long_game(long_rules)
    assert len(game.moves) > sys.getrecursionlimit()
    assert len(game.log()) > sys.getrecursionlimit()
    again = replay(long_rules, 3, game.moves)
    # Nested tuples would recurse once per move here and fail past the recursion limit.
    assert again == game and not (again != game)
    assert hash(again) == hash(game)
    shorter = replay(long_rules, 3, game.moves[:-1])
    assert shorter != game


def test_a_state_prints_short(long_rules: Rules) -> None:
    game = _long_game(long_rules)
    text = repr(game)
    assert len(text) < 500 and "long_rules" not in text and "seed=3" in text
