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


def play_turns(d: Driver, turns: int) -> None:
    for _ in range(turns * 8):
        if d.go_on():
            continue
        if d.scene() == "EventScene":
            d.key(pygame.K_2 if d.top.answered is None else pygame.K_RETURN)
            continue
        if d.app.session.state.turn >= turns:
            return
        d.key(pygame.K_RETURN)


def test_autosaves_belong_to_their_game_and_continue_opens_the_newest_save(
        make_app, home: Path) -> None:
    from game.saves import read_save_data

    saves = home / "saves"
    d: Driver = start(make_app, home)
    play_turns(d, 3)
    first_id = d.app.session.game_id
    first = {p.name for p in saves.glob("autosave-*.json")}
    assert first and all(read_save_data(p).game_id == first_id for p in saves.glob("autosave-*"))
    # A quick save after the turn's autosave is newer: Continue opens it.
    d.key(pygame.K_F5)
    moves = d.app.session.state.moves
    d.to_title()
    d.click("continue")
    d.settle()
    assert d.app.session.state.moves == moves and d.app.session.game_id == first_id
    # A new game keeps the other game's autosaves, and prunes only its own beyond five.
    d2 = start(make_app, home)
    play_turns(d2, 7)
    assert d2.app.session.game_id != first_id
    names = {p.name for p in saves.glob("autosave-*.json")}
    assert first <= names
    mine = [p for p in saves.glob("autosave-*.json")
            if read_save_data(p).game_id == d2.app.session.game_id]
    assert len(mine) == 5


def test_an_answer_is_autosaved_and_not_asked_again(make_app, home: Path) -> None:
    d: Driver = start(make_app, home)
    for _ in range(40):
        if d.scene() == "EventScene":
            break
        if not d.go_on():
            d.key(pygame.K_RETURN)
    assert d.scene() == "EventScene"
    event = d.app.session.state.pending_event
    d.key(pygame.K_1)
    answered = d.app.session.state.moves
    assert any(m.startswith(f"choose {event} ") for m in answered)
    d.to_title()
    d.click("continue")
    d.settle()
    assert d.app.session.state.moves == answered
    assert d.app.session.state.pending_event != event


def test_saves_list_names_the_game_and_renames_and_deletes(make_app, home: Path) -> None:
    d: Driver = start(make_app, home, player_name="Ada")
    play_turns(d, 2)
    d.key(pygame.K_ESCAPE)
    d.click("save")
    d.top.entry.set_text("Ada's plan")
    d.key(pygame.K_RETURN)
    play_turns(d, 3)
    d.key(pygame.K_ESCAPE)
    d.click("load")
    scene = d.top
    labels = [scene.buttons[k].text for k in scene.buttons if k.startswith("slot:")]
    assert any(t.startswith("Autosave · Ada's plan") and "saved" in t and "turn" in t
               for t in labels), labels
    assert any(t.startswith("Ada's plan ·") for t in labels), labels
    assert not any("autosave-0" in t for t in labels)
    d.shot("student_saves_list")
    named = next(i for i, e in enumerate(scene.entries) if e.kind == "named")
    # Rename by keyboard: focus the row, F2, type, Enter.
    scene.focus_key = f"slot:{named}"
    d.key(pygame.K_F2)
    assert scene.rename_entry is not None
    scene.rename_entry.set_text("Second try")
    d.key(pygame.K_RETURN)
    assert (home / "saves" / "Second_try.json").exists()
    assert not (home / "saves" / "Ada's_plan.json").exists()
    # Delete with the mouse: asked first; Esc keeps it, Enter deletes it.
    index = next(i for i, e in enumerate(d.top.entries) if e.path.name == "Second_try.json")
    d.click(f"delete:{index}")
    assert d.scene() == "MessageScene"
    d.shot("student_delete_save")
    d.key(pygame.K_ESCAPE)
    assert (home / "saves" / "Second_try.json").exists()
    index = next(i for i, e in enumerate(d.top.entries) if e.path.name == "Second_try.json")
    d.click(f"delete:{index}")
    d.key(pygame.K_RETURN)
    assert not (home / "saves" / "Second_try.json").exists()
    assert d.scene() == "SavesScene"


def test_news_panel_says_how_many_more_lines_there_are(make_app, home: Path) -> None:
    d: Driver = make_app(size=(800, 600))
    d.app.settings.tutorial_done = True
    assert d.app.new_game(None)
    for _ in range(120):
        if d.scene() == "GameScene" and d.app.session.state.turn >= 8:
            break
        if d.scene() == "EventScene":
            d.key(pygame.K_1 if d.top.answered is None else pygame.K_RETURN)
        elif d.go_on():
            continue
        elif d.app.session.state.budget and d.free_action() is not None:
            d.key(d.free_key())  # every action is news
        else:
            d.key(pygame.K_RETURN)
    assert d.scene() == "GameScene"
    d.shot("student_news_more")
    assert d.top.news_more > 0
