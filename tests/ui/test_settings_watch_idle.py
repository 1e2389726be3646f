"""Settings kept between runs, the guided turn, --watch reloading, and an idle loop that sleeps."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import json
import time
from pathlib import Path

import pygame
import pytest

from tests.ui.conftest import mini_path


@pytest.fixture(autouse=True)
def _quick_clicks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The driver clicks faster than a double click: each click here is one step."""
    from game.ui import settings_screen

    monkeypatch.setattr(settings_screen, "DOUBLE_CLICK_SECONDS", 0.0)


def test_settings_are_kept_between_runs(make_app, home: Path) -> None:
    d = make_app()
    d.click("settings")
    d.click("palette")
    d.click("history")
    d.click("scale")  # automatic -> 0.75
    d.click("scale")  # -> 1.0
    d.click("scale")  # -> 1.25
    assert d.app.scale == 1.25
    d.shot("settings_changed")
    saved = json.loads((home / "config" / "settings.json").read_text(encoding="utf-8"))
    assert saved["palette"] == "colourblind"
    assert saved["history_notes"] == "before"
    assert saved["ui_scale"] == 1.25
    d.key(pygame.K_ESCAPE)
    d2 = make_app()
    assert d2.app.settings.palette == "colourblind"
    assert d2.app.scale == 1.25


def test_broken_settings_file_gives_defaults_and_a_message(make_app, home: Path) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.json").write_text("[1, 2", encoding="utf-8")
    d = make_app()
    assert d.app.settings.palette == "standard"
    assert any("settings" in m.text for m in d.app.messages)


def test_history_before_choosing_shows_the_note_at_once(make_app, home: Path) -> None:
    d = make_app()
    d.app.settings.history_notes = "before"
    d.app.settings.tutorial_done = True
    d.app.new_game(mini_path(home))
    for _ in range(6):
        if d.scene() == "EventScene":
            break
        if not d.go_on():
            d.key(pygame.K_RETURN)
    assert d.scene() == "EventScene"
    assert any("USSR chose" in t for t, _ in d.top.hist_view.paragraphs)
    d.shot("event_history_before")
    d.key(pygame.K_1)
    assert d.scene() == "GameScene"


def test_guided_turn_can_be_skipped_and_replayed_from_help(make_app, home: Path) -> None:
    d = make_app()
    d.app.new_game(mini_path(home))
    assert d.scene() == "TutorialScene"
    d.key(pygame.K_ESCAPE)
    d.settle()
    assert d.scene() == "GameScene"
    assert d.app.settings.tutorial_done
    d.key(pygame.K_F1)
    d.click("guide")
    assert d.scene() == "TutorialScene"


def test_watch_reloads_the_scenario_and_replays_decisions(make_app, home: Path) -> None:
    path = mini_path(home)
    d = make_app(scenario=str(path), watch=True)
    if d.scene() == "TutorialScene":
        d.key(pygame.K_ESCAPE)
    d.settle()
    d.key(pygame.K_1)
    d.end_turn()
    moves = d.app.session.state.moves
    assert len(moves) >= 2
    text = path.read_text(encoding="utf-8").replace("title: Mini test scenario",
                                                    "title: Mini scenario, edited")
    path.write_text(text, encoding="utf-8")
    os.utime(path, (time.time() + 5, time.time() + 5))
    d.app._watch_checked = 0.0
    d.step()
    assert d.app.session.rules.scenario.title == "Mini scenario, edited"
    assert d.app.session.state.moves == moves
    assert any("reloaded" in m.text for m in d.app.messages)
    d.shot("watch_reloaded", keep_messages=True)
    path.write_text("format: 1\nid: [broken\n", encoding="utf-8")
    os.utime(path, (time.time() + 10, time.time() + 10))
    d.app._watch_checked = 0.0
    d.step()
    assert any("does not load" in m.text for m in d.app.messages)
    assert d.app.session.state.moves == moves


def test_idle_loop_sleeps_and_does_not_redraw(make_app, home: Path) -> None:
    d = make_app()
    d.app.active_until = 0.0
    d.app.messages.clear()
    d.step()
    frames = d.app.frames
    assert d.app.wait_timeout() >= 500
    for _ in range(5):
        d.step([])
    assert d.app.frames == frames  # nothing changed: nothing drawn
