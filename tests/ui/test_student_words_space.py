"""The student's screen, issue 12: words (item 9), space (item 10) and the map's grey
countries (item 3): what the other tests of the issue leave."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

from tests.ui.conftest import Driver
from tests.ui.test_student_playtest import start


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
