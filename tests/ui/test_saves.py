"""Saving and loading through the screens: save slots, quit, load reaches the same state;
quick save/load; autosaves; a broken save is listed with its problem and the rest load."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

import pygame

from tests.ui.conftest import Driver, mini_path


def start_mini(d: Driver, home: Path) -> None:
    d.app.settings.tutorial_done = True
    d.click("scenarios")
    index = next(i for i, e in enumerate(d.top.entries) if e.path == mini_path(home))
    d.click(f"pick{index}")
    d.click("play")
    d.settle()
    assert d.scene() == "GameScene"


def play_some(d: Driver, turns: int) -> None:
    for _ in range(turns * 6):
        if d.go_on():
            continue
        if d.scene() == "EventScene":
            d.key(pygame.K_2 if d.top.answered is None else pygame.K_RETURN)
            continue
        state = d.app.session.state
        if state.turn >= turns:
            return
        if state.budget and d.free_action() is not None:
            d.key(d.free_key())
        else:
            d.key(pygame.K_RETURN)


def test_save_quit_load_round_trip(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home)
    play_some(d, 3)
    d.key(pygame.K_1)  # an action in the middle of a turn is saved too
    state = d.app.session.state
    moves, aims = state.moves, state.aims
    d.key(pygame.K_ESCAPE)
    assert d.scene() == "MenuScene"
    d.shot("menu")
    d.click("save")
    assert d.scene() == "SavesScene"
    d.shot("save_slots")
    d.click("save")
    assert d.scene() == "MenuScene"
    d.click("quit")
    assert not d.app.running
    d2 = make_app()
    d2.click("load")
    assert d2.scene() == "SavesScene"
    d2.shot("load")
    slot = next(k for k, e in enumerate(d2.top.entries) if e.path.name.startswith("game"))
    d2.click(f"slot:{slot}")
    d2.settle()
    assert d2.scene() in ("GameScene", "EventScene")
    loaded = d2.app.session.state
    assert loaded.moves == moves
    assert loaded.aims == aims


def test_quick_save_and_load_keys(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home)
    play_some(d, 2)
    moves = d.app.session.state.moves
    d.key(pygame.K_F5)
    assert (home / "saves" / "quicksave.json").exists()
    play_some(d, 4)
    assert d.app.session.state.moves != moves
    d.key(pygame.K_F9)
    assert d.app.session.state.moves == moves


def test_autosave_keeps_the_last_five_and_continue(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home)
    play_some(d, 6)
    autos = sorted((home / "saves").glob("autosave-*.json"))
    assert len(autos) == 5
    assert autos[-1].name == "autosave-000006.json"
    moves = d.app.session.state.moves
    for _ in range(5):
        if d.scene() == "TitleScene":
            break
        if d.scene() == "MenuScene":
            d.click("title")
        else:
            d.key(pygame.K_ESCAPE)
    d.click("continue")
    assert d.app.session.state.moves == moves


def test_broken_save_is_listed_and_others_load(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home)
    play_some(d, 2)
    d.key(pygame.K_F5)
    saves = home / "saves"
    (saves / "broken.json").write_text("{ not json", encoding="utf-8")
    (saves / "edited.json").write_text('{"format": "statecraft-save", "version": 1}',
                                       encoding="utf-8")
    d.key(pygame.K_ESCAPE)
    d.click("load")
    entries = d.top.entries
    broken = [e for e in entries if e.data is None]
    assert {e.path.name for e in broken} == {"broken.json", "edited.json"}
    assert all(e.path.name in (e.problem or "") for e in broken)
    d.shot("load_with_broken")
    bad = next(i for i, e in enumerate(entries) if e.path.name == "broken.json")
    d.click(f"slot:{bad}")
    assert d.scene() == "SavesScene"
    assert "broken.json" in d.app.messages[-1].text
    good = next(i for i, e in enumerate(entries) if e.path.name == "quicksave.json")
    d.click(f"slot:{good}")
    d.settle()
    assert d.scene() in ("GameScene", "EventScene")


def test_save_of_a_changed_scenario_loads_with_a_warning(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home)
    play_some(d, 2)
    d.key(pygame.K_F5)
    path = mini_path(home)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Costly and repeatable.", "Costly, and repeatable."), encoding="utf-8")
    d.app.scenario_cache.clear()
    d.key(pygame.K_F9)
    assert any("has changed" in m.text for m in d.app.messages)


def test_a_slot_named_like_an_autosave_is_not_rotated_away() -> None:
    from game.ui.saves_screen import slot_file_name

    assert slot_file_name("autosave-000001") == "autosave-000001-kept.json"
    assert slot_file_name("my game") == "my_game.json"


def test_a_settings_file_nested_too_deep_gives_the_defaults(home: Path) -> None:
    from game.paths import config_dir
    from game.ui.settings import Settings, load_settings

    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text("[" * 100000)
    settings, problem = load_settings()
    assert settings == Settings() and problem
