"""The student's screen (issue 12, items 5-10): number keys that keep their meaning within a
turn, keyboard focus in reading order, saves that belong to their game, honest aims, words
for students, and dialogs that use their room."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

import pygame

from tests.ui.conftest import Driver
from tests.ui.test_student_playtest import start


def test_actions_keep_their_place_and_key_for_the_whole_turn(make_app, home: Path) -> None:
    d: Driver = start(make_app, home)
    d.settle()
    assert d.scene() == "GameScene"
    st = d.app.session.state
    before = list(d.top.shown)
    rects = {i: d.top.buttons[f"act:{i}"].rect.copy() for i in before}
    first = d.free_action()
    assert first is not None
    used = before[first]
    d.key(pygame.K_1 + first)
    assert d.app.session.state.moves != st.moves
    assert d.top.shown[:len(before)] == before  # nothing moved up: 1-9 mean the same
    assert d.top.buttons[f"act:{used}"].rect == rects[used]
    box, text, style = d.top.effect_lines[first]
    assert "done" in text and style == "dim"
    d.shot("student_action_done")
    # Pressing its key again does nothing but say so; the next key is still the next action.
    moves = d.app.session.state.moves
    d.key(pygame.K_1 + first)
    assert d.app.session.state.moves == moves
    d.key(pygame.K_z, pygame.KMOD_CTRL)
    assert d.top.shown[:len(before)] == before
    d.end_turn()
    if d.scene() == "GameScene":
        assert all("done" not in text for _b, text, _s in d.top.effect_lines)


def test_tab_goes_in_reading_order_and_enter_ends_the_turn_by_default(make_app,
                                                                      home: Path) -> None:
    d: Driver = start(make_app, home)
    d.settle()
    scene = d.top
    top_bar = [k for k in scene.reading_order(list(scene.focus_order))
               if scene.buttons[k].rect.top < scene.top_rect.bottom]
    xs = [scene.buttons[k].rect.x for k in top_bar]
    assert xs == sorted(xs) and top_bar[-1] == "end"  # left to right: News ... End turn
    d.key(pygame.K_TAB)
    assert scene.focus_key == top_bar[0]
    d.shot("student_focus_tag")
    d.key(pygame.K_TAB, pygame.KMOD_SHIFT)
    d.key(pygame.K_TAB)
    assert scene.focus_key == top_bar[0]
    # Tab to Help, Enter opens it; closing it gives Enter back to "End turn".
    while scene.focus_key != "help":
        d.key(pygame.K_TAB)
    d.key(pygame.K_RETURN)
    assert d.scene() == "HelpScene"
    d.key(pygame.K_ESCAPE)
    assert d.top is scene and scene.focus_key is None
    turn = d.app.session.state.turn
    d.end_turn()
    assert d.app.session.state.turn == turn + 1 or d.scene() == "EventScene"
    # Esc on a focused button first takes the focus away, then opens the menu.
    if d.scene() == "GameScene":
        d.key(pygame.K_TAB)
        d.key(pygame.K_ESCAPE)
        assert d.scene() == "GameScene" and d.top.focus_key is None
        d.key(pygame.K_ESCAPE)
        assert d.scene() == "MenuScene"


def test_aims_header_explains_the_scale_and_the_columns(make_app, home: Path) -> None:
    d: Driver = start(make_app, home)
    d.settle()
    scene = d.top
    head = scene.aims_panel.copy()
    head.height = scene.aim_rects[0].y - head.y
    tip = scene.hover_tip(head.center)
    assert tip is not None and any("0 (worst) to 100 (best)" in t for t in tip)
    assert any("This turn" in t for t in tip)
    why = scene.hover_tip(scene.aim_rects[0].center)
    assert why is not None and why[1] == d.app.session.state.rules.scenario.aims[0].description
    d.app.mouse_pos = head.center
    d.shot("student_aims_header")
