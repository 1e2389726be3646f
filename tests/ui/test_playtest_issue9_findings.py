"""Findings of the issue 9 play-test in a real window (two full games), as failing tests.

1. After an event has been answered, the actions panel lists every action of the scenario
   ("not yet possible at this date", "too late: the moment has passed", five pages) instead of
   the ones on offer, so an action that is possible hides on page 3: the order kept for the turn
   was made while the event was waiting, when every action said "answer the event first".
2. An action taken once says "too late: the moment has passed" once its dates are over,
   although the player took it ("already done" is checked after the dates).
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import random
from pathlib import Path
from typing import Any

import pygame

from tests.ui.conftest import ROOT

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"


def test_after_answering_an_event_the_panel_lists_only_what_is_on_offer(make_app: Any,
                                                                        home: Path) -> None:
    from game.core.engine import action_problem
    from game.ui.game_screen import HIDDEN
    from game.ui.settings import Settings

    d = make_app(size=(1280, 800), settings=Settings(tutorial_done=True))
    assert d.app.new_game(DEFAULT)
    d.settle()
    for _ in range(6):  # July 1928: the Comintern's new line asks for an answer
        if d.scene() == "EventScene":
            break
        d.end_turn()
    assert d.scene() == "EventScene"
    d.key(pygame.K_2)
    for _ in range(3):
        if d.scene() == "GameScene":
            break
        d.key(pygame.K_RETURN)
    assert d.scene() == "GameScene"
    d.app.draw()
    state = d.app.session.state
    listed = d.top._visible_actions()
    hidden = [state.rules.scenario.actions[i].name for i in listed
              if (p := action_problem(state, i)) is not None and p.reason in HIDDEN]
    assert not hidden, f"{len(hidden)} actions listed that are not on offer: {hidden[:5]}"
    assert d.top.pages == 1


def test_an_action_taken_reads_already_done_after_its_dates(make_app: Any, home: Path) -> None:
    from game.core.engine import action_problem, apply_action, new_game
    from game.core.policies import history_policy
    from game.present.refusals import refusal_text
    from game.scenario.loader import load_scenario

    rules = load_scenario(DEFAULT).rules
    state = new_game(rules, 0)
    rng = random.Random(0)
    index = rules.action_index["stalin_line"]
    last = rules.actions[index].last_turn
    while (state.turn <= last + 1 or state.pending) and state.ending_index < 0:
        state = apply_action(state, history_policy(state, rng))
    assert state.took_action("stalin_line"), "the historical path fortified the western border"
    problem = action_problem(state, index)
    assert problem is not None
    assert refusal_text(problem) == "already done"
