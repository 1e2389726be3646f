"""Bad input: markup in scenario text shows as text, very long text is cut, missing assets and
broken scenarios give a message, and a window dragged to nothing keeps a usable layout."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

import pygame
import yaml

from tests.ui.conftest import MINI, Driver

MARKUP = "<font pixel_size=5000>HUGE</font> <img src='x.png'> <b>bold</b> & <a href=x>link"


def hostile_scenario(folder: Path) -> Path:
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data["title"] = "Hostile " + MARKUP[:100]
    data["description"] = MARKUP
    ev = next(e for e in data["events"] if e["id"] == "crisis")
    ev["title"] = MARKUP[:190]
    ev["text"] = (MARKUP + " ") * 230  # close to the 20,000 characters a text may have
    ev["choices"][0]["label"] = "<font pixel_size=5000>Yield</font>"
    ev["history"] = {"date": "1930", "text": MARKUP * 50, "source": "<img src='y'>",
                     "correction": "</font></b>"}
    data["actions"][1]["name"] = "<b>Propaganda</b> & <i>more</i>"
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_markup_and_long_texts_are_shown_as_text(make_app, home: Path) -> None:
    path = hostile_scenario(home / "scenarios")
    d: Driver = make_app()
    d.app.settings.tutorial_done = True
    d.app.new_game(path)
    d.settle()
    assert d.scene() == "GameScene"
    d.shot("hostile_map")
    labels = [b.text for b in d.top.buttons.values()]
    assert any("<b>Propaganda</b>" in t for t in labels)
    for _ in range(6):
        if d.scene() == "EventScene":
            break
        d.top.focus_key = None
        d.end_turn()
    assert d.scene() == "EventScene"
    view = d.top.text_view
    assert view is not None
    text = view.paragraphs[0][0]
    assert "<font pixel_size=5000>" in text  # literal, not markup
    assert "cut" in text and len(text) < 4200  # long text is cut, with a note
    d.shot("hostile_event")
    d.key(pygame.K_h)
    d.shot("hostile_history")
    d.key(pygame.K_1)
    assert d.scene() in ("EventScene", "GameScene")


def test_broken_scenario_is_listed_with_its_first_error(make_app, home: Path) -> None:
    (home / "scenarios" / "broken.yaml").write_text("format: 1\nid: Bad Id\ntitle: [\n",
                                                    encoding="utf-8")
    d = make_app()
    d.click("scenarios")
    entries = d.top.entries
    broken = next(e for e in entries if e.path.name == "broken.yaml")
    assert not broken.ok
    assert "broken.yaml:" in broken.lines[2][0]
    i = entries.index(broken)
    d.click(f"pick{i}")
    assert not d.top.buttons["play"].is_enabled
    d.shot("picker_broken")


def test_new_game_on_a_broken_scenario_gives_a_message(make_app, home: Path) -> None:
    bad = home / "scenarios" / "broken.yaml"
    bad.write_text("format: 1\nid: x\n", encoding="utf-8")
    d = make_app()
    d.app.new_game(bad)
    assert d.scene() == "MessageScene"
    d.shot("message_broken_scenario")
    d.key(pygame.K_RETURN)
    assert d.scene() == "TitleScene"


def test_missing_theme_and_map_fall_back_with_a_message(make_app, home: Path, monkeypatch,
                                                         tmp_path: Path) -> None:
    from game.ui import mapview, theme

    monkeypatch.setattr(theme, "THEME_FILE", tmp_path / "no_theme.json")
    monkeypatch.setattr(theme.load_theme, "__defaults__", (tmp_path / "no_theme.json",))
    monkeypatch.setattr(mapview, "MAP_FILE", tmp_path / "no_map.json")
    d = make_app()
    assert any("theme" in m.text for m in d.app.messages)
    d.shot("fallback_title", keep_messages=True)
    d.app.settings.tutorial_done = True
    d.app.new_game(home / "scenarios" / "mini.yaml")
    d.settle()
    assert d.scene() == "GameScene"
    assert any("map" in m.text for m in d.app.messages)
    d.shot("fallback_map", keep_messages=True)


def test_tiny_and_huge_windows_keep_a_usable_layout(make_app, home: Path) -> None:
    d = make_app()
    d.app.settings.tutorial_done = True
    d.app.new_game(home / "scenarios" / "mini.yaml")
    d.settle()
    d.resize(1, 1)
    assert d.app.screen.get_size() == (800, 500)
    d.shot("map_tiny_window")
    for b in d.top.buttons.values():
        assert d.app.layout_rect.contains(b.rect), b.text
    d.resize(3840, 2160)
    assert d.app.scale == 3.0
    d.shot("map_4k")
    d.resize(1280, 720)
    d.key(pygame.K_ESCAPE)
    d.click("settings")
    d.shot("settings")
