"""Whole games from the title screen to the end report: one by mouse, one by keyboard alone."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

import pygame

from tests.ui.conftest import Driver, mini_path


def pick_mini_by_mouse(d: Driver, home: Path) -> None:
    d.click("scenarios")
    assert d.scene() == "PickerScene"
    d.shot("picker")
    index = next(i for i, e in enumerate(d.app.top.entries) if e.path == mini_path(home))
    d.click(f"pick{index}")
    d.click("play")


def test_full_game_by_mouse(make_app, home: Path) -> None:
    d = make_app()
    assert d.scene() == "TitleScene"
    d.shot("title")
    pick_mini_by_mouse(d, home)
    assert d.scene() == "TutorialScene"
    d.shot("guide")
    for _ in range(10):
        if d.scene() != "TutorialScene":
            break
        d.click("next")
    assert d.scene() == "NewsCardScene"  # the first turn's news
    d.shot("news_card")
    d.click("continue")
    assert d.scene() == "GameScene"
    d.shot("map")
    shots = {"event_question", "event_answered", "news", "timeline", "nation"}
    for _ in range(200):
        name = d.scene()
        if name == "ReportScene":
            break
        if name == "NewsCardScene":
            d.click("continue")
            continue
        if name == "MessageScene":  # end the turn with points left? yes
            d.click("yes")
            continue
        if name == "EventScene":
            if "choice:0" in d.top.buttons:
                if "event_question" in shots:
                    d.shot("event_question")
                    shots.discard("event_question")
                d.click("choice:0")
            else:
                if "event_answered" in shots:
                    d.shot("event_answered")
                    shots.discard("event_answered")
                d.click("continue")
            continue
        assert name == "GameScene", name
        scene = d.top
        if "nation" in shots:
            # Click a nation on the map: its panel and its actions.
            nation_at = scene.map.nation_at
            rect = scene.map_draw_rect
            spot = next(((x, y) for y in range(rect.top, rect.bottom, 12)
                         for x in range(rect.left, rect.right, 12)
                         if nation_at((x, y)) is not None), None)
            if spot is not None:
                d.click_at(spot)
                assert d.top.selected is not None
                d.shot("nation")
                d.click("close_nation")
            shots.discard("nation")
        state = d.app.session.state
        if state.turn >= 2 and "news" in shots:
            d.click("news")
            d.shot("news")
            d.click("tab:timeline")
            d.shot("timeline")
            d.click("back")
            shots -= {"news", "timeline"}
        free = d.free_action()
        before = len(state.moves)
        if free is not None and state.budget:
            d.click(f"act:{scene.shown[free]}")
            assert len(d.app.session.state.moves) == before + 1
        else:
            d.click("end")
    assert d.scene() == "ReportScene"
    assert d.app.session.over
    d.shot("report_summary")
    d.click("tab:charts")
    d.shot("report_charts")
    d.click("tab:decisions")
    d.shot("report_decisions")
    d.click("export")
    reports = list((home / "reports").glob("*"))
    assert reports, "export wrote nothing"
    d.click("title")
    assert d.scene() == "TitleScene"


def test_full_game_by_keyboard(make_app, home: Path) -> None:
    d = make_app()
    d.key(pygame.K_s)
    assert d.scene() == "PickerScene"
    index = next(i for i, e in enumerate(d.app.top.entries) if e.path == mini_path(home))
    d.focus_and_press(f"pick{index}")
    d.focus_and_press("play")
    assert d.scene() == "TutorialScene"
    for _ in range(5):
        d.key(pygame.K_RETURN)
    d.settle()
    assert d.scene() == "GameScene"
    d.key(pygame.K_F1)
    assert d.scene() == "HelpScene"
    d.shot("help")
    d.key(pygame.K_ESCAPE)
    assert d.scene() == "GameScene"
    for _ in range(300):
        name = d.scene()
        if name == "ReportScene":
            break
        if d.go_on():
            continue
        if name == "EventScene":
            if d.top.answered is None:
                d.key(pygame.K_2)
            else:
                d.key(pygame.K_RETURN)
            continue
        state = d.app.session.state
        before = len(state.moves)
        if state.budget and state.turn % 2 == 0 and d.free_action() is not None:
            key = d.free_key()
            d.key(key)
            assert len(d.app.session.state.moves) == before + 1
            d.key(pygame.K_z, pygame.KMOD_CTRL)  # undo, then take it again
            assert len(d.app.session.state.moves) == before
            d.key(key)
        d.key(pygame.K_RETURN)
    assert d.scene() == "ReportScene"
    d.key(pygame.K_e)
    assert list((home / "reports").glob("*"))
    d.key(pygame.K_ESCAPE)
    assert d.scene() == "TitleScene"
