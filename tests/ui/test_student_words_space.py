"""The student's screen, issue 12: words (item 9), space (item 10) and the map's grey
countries (item 3): what the other tests of the issue leave."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path
from typing import Any

import pygame
import pytest

from tests.ui.conftest import Driver
from tests.ui.test_student_playtest import start, student_scenario


def test_a_country_outside_the_scenario_has_a_tooltip(make_app, home: Path) -> None:
    d: Driver = start(make_app, home)
    d.settle()
    scene = d.top
    rects = getattr(scene.map.view, "label_rects", {}) or {}
    view = scene.map.view
    spot = None
    for rid, _name, _part in getattr(view, "regions", []):
        if rid != "sweden":
            continue
        r = scene.map_draw_rect
        spot = next(((x, y) for y in range(r.top, r.bottom, 3) for x in range(r.left, r.right, 3)
                     if view.region_at((x, y)) == "sweden"), None)
    assert spot is not None, sorted(rects)
    tip = scene.hover_tip(spot)
    assert tip is not None and tip[0] == "Sweden"
    assert "takes no part in this scenario" in tip[1]
    d.app.mouse_pos = spot
    d.shot("student_outsider_tooltip")


def _to_an_event(d: Driver) -> None:
    for _ in range(80):
        d.settle()
        if d.scene() == "EventScene":
            return
        if d.scene() == "GameScene":
            d.end_turn()
        else:
            d.key(pygame.K_RETURN)
    raise AssertionError(f"no event came; on {d.scene()}")


def _empty_below(scene: Any) -> int:
    """Pixels of the dialog under the lowest content of its two columns."""
    lh = scene.app.fonts.small().get_linesize()
    left = max([y + lh for _x, y, _t, _s in scene.lines]
               + [scene.text_view.rect.y + scene.text_view.content_height]
               + [b.rect.bottom for b in scene.buttons.values()])
    right = scene.hist_view.rect.y + scene.hist_view.content_height
    if "history" in scene.buttons:
        right = scene.buttons["history"].rect.bottom
    return int(scene.box.bottom - max(left, right))


@pytest.mark.parametrize("size", [(800, 500), (1920, 1080)])
def test_an_event_dialog_is_as_tall_as_its_content(make_app, size: tuple[int, int]) -> None:
    d: Driver = make_app(size=size)
    d.app.settings.tutorial_done = True
    d.app.settings.history_notes = "after"
    assert d.app.new_game(None)
    _to_an_event(d)
    scene = d.top
    room = scene.px(60)  # a margin and a line or two, not half a dialog
    assert _empty_below(scene) <= room, (scene.box, scene.need)
    d.shot(f"student_event_{size[0]}x{size[1]}")
    d.key(pygame.K_1)  # the note opens beside the answer
    scene = d.top
    assert scene.answered is not None
    assert _empty_below(scene) <= room or scene.box.height >= scene.area.height - scene.px(40)
    d.shot(f"student_event_answered_{size[0]}x{size[1]}")


def _to_the_end_report(d: Driver) -> None:
    for _ in range(200):
        scene = d.scene()
        if scene == "ReportScene":
            return
        if scene == "EventScene":
            if d.top.answered is None:
                d.key(pygame.K_1)
            else:
                d.key(pygame.K_RETURN)
        elif scene == "GameScene":
            d.end_turn()
        else:
            d.key(pygame.K_RETURN)
    raise AssertionError(f"the game did not end; on {d.scene()}")


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_the_end_report_draws_the_lean_as_a_bar(make_app, home: Path,
                                                size: tuple[int, int]) -> None:
    from game.present.report_text import lean_axis

    d: Driver = make_app(size=size)
    d.app.settings.tutorial_done = True
    assert d.app.new_game(student_scenario(home / "scenarios"))
    _to_the_end_report(d)
    view = d.top.view
    assert view is not None and "lean" in view.pictures
    assert ("lean", "picture") in view.paragraphs
    s = d.top.summary
    ascii_bar = lean_axis(s.stance.lean, s.historical_stance.lean)
    assert all(text != ascii_bar and "-----" not in text for text, _style in view.paragraphs)
    picture = view.pictures["lean"]
    assert picture.get_width() <= view.rect.width and picture.get_height() > 0
    # The picture sits among the text lines, under the lean's sentence.
    assert any(img is picture for img, _y in view._lines)
    d.shot(f"student_report_lean_{size[0]}x{size[1]}")
