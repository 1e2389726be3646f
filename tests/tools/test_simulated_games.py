"""validate's simulated games on the living world: the history game is the historical game
(chance as it happened), the what-if games are played as a person plays them (gambles drawn),
and history is also played holding each standing policy's other options all game."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from game.core.engine import EndTurn, new_game
from game.core.policies import historical_game, play_game
from game.scenario.lint import (
    SimulationPlan,
    coverage,
    history_holding,
    same_as_history,
    simulated_warnings,
)
from game.scenario.loader import load_scenario
from tests.conftest import MINI
from tests.tools.scenarios import find, variant, write

LIVING = MINI.parent / "living.yaml"


def living_data() -> dict[str, Any]:
    data = yaml.safe_load(LIVING.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_history_game_is_played_as_history(tmp_path: Path) -> None:
    # A rumour that almost never comes (one chance in ten thousand a turn), but happened: the
    # history game has it, so validate does not say it never fired.
    def change(data: dict[str, Any]) -> None:
        find(data, "events", "rumour")["chance"] = 0.0001

    rules = load_scenario(variant(tmp_path, change)).rules
    assert historical_game(rules).event_fired("rumour")
    warnings = [w.message for w in simulated_warnings(rules)]
    assert not any("'rumour' never fired" in w for w in warnings), warnings
    # Without the history game it is not seen.
    plan = SimulationPlan(history=0, what_if=0)
    assert any("'rumour' never fired" in w.message for w in simulated_warnings(rules, plan))


def test_an_ending_that_needs_a_policy_held_all_game_is_reached(tmp_path: Path) -> None:
    # "Industry first" brings 5 strength a turn: held from the first turn to the last (eight
    # ends of turn) it takes strength from 40 to 80, which the "industrial" ending needs.
    # History puts the army first; random play changes its policies now and then.
    data = living_data()
    data["policies"][0]["options"].append(
        {"id": "industry", "name": "Industry first", "stance": "expansion",
         "per_turn": [{"aim": "strength", "add": 5}]})
    data["endings"].insert(0, {"id": "industrial", "title": "Industrial", "text": "Strong.",
                               "when": "strength >= 80"})
    rules = load_scenario(write(tmp_path, data)).rules
    assert not same_as_history(rules, 0, 2) and not same_as_history(rules, 0, 0)
    assert same_as_history(rules, 0, 1)  # history sets the army first on the first turn
    held = play_game(rules, history_holding(rules, {}, {"effort": "industry"}), seed=0)
    assert held.policy("effort") == "industry" and held.aim("strength") == 80
    seen = coverage(rules, SimulationPlan())
    assert ("held", 2) in seen.played  # "balanced" and "industry"; the army first is history
    assert 0 in seen.endings
    without = coverage(rules, SimulationPlan(what_if=0))
    assert 0 not in without.endings
    assert any("ending 'industrial' was not reached" in w.message
               for w in simulated_warnings(rules, SimulationPlan(what_if=0)))
    # Each warning says which games were played.
    data["events"].append({"id": "never", "title": "Never", "text": "No.", "when": "flag.pact",
                           "date": "1938-01"})
    rules = load_scenario(write(tmp_path, data)).rules
    [never] = [w.message for w in simulated_warnings(rules) if "'never'" in w.message]
    assert "1 history, 2 of history with a standing policy held all game, " in never


def test_history_holding_answers_and_holds_as_asked() -> None:
    rules = load_scenario(LIVING).rules
    policy = history_holding(rules, {"alliance_offer": "wait"}, {"effort": "balanced"})
    end = play_game(rules, policy, seed=2)
    assert end.answer("alliance_offer") == "wait"
    assert end.policy("effort") == "balanced"
    assert end.took_action("pact_germany")  # history's actions are still taken
    # Balanced is where the game starts: nothing to set, and history's "army first" is not.
    assert not any(e.kind == "policy_set" for e in end.log())
    assert policy(new_game(rules, 2), random.Random(0)) == EndTurn()
