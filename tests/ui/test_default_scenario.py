"""The bundled scenarios on screen: `python main.py` with no arguments opens the title, and a
few turns of each bundled scenario play by keyboard, with screenshots of the real map."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

import pygame
import pytest

from game.paths import BUNDLED_SCENARIOS, is_playable

BUNDLED = sorted(p for p in BUNDLED_SCENARIOS.glob("*.yaml") if is_playable(p))


def test_new_game_from_the_title_uses_the_default_scenario(make_app, home: Path) -> None:
    from game.scenario.loader import DEFAULT_SCENARIO

    if not DEFAULT_SCENARIO.is_file():
        pytest.skip("the default scenario is not there yet")
    d = make_app()
    d.app.settings.tutorial_done = True
    d.key(pygame.K_n)
    d.settle()
    assert d.scene() in ("GameScene", "EventScene")
    assert Path(d.app.session.scenario_file) == DEFAULT_SCENARIO


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_bundled_scenario_plays_a_few_turns(make_app, home: Path, path: Path) -> None:
    d = make_app()
    d.app.settings.tutorial_done = True
    assert d.app.new_game(path)
    shots = 0
    for _ in range(60):
        if d.go_on():
            continue
        if d.scene() == "EventScene":
            if shots < 2:
                d.shot(f"{path.stem}_event{shots}")
                shots += 1
            d.key(pygame.K_1 if d.top.answered is None else pygame.K_RETURN)
            continue
        if d.scene() != "GameScene" or d.app.session.state.turn >= 6:
            break
        state = d.app.session.state
        if state.budget and d.free_action() is not None:
            d.key(d.free_key())
        else:
            d.key(pygame.K_RETURN)
    d.shot(f"{path.stem}_map")
    d.key(pygame.K_RIGHTBRACKET)
    d.shot(f"{path.stem}_nation")
