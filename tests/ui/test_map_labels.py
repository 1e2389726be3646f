"""The map's labels on the game screen of the default scenario, from a small laptop to 4K: a
leader line is short (at most LEADER_MAX label heights), crosses no other country and ends
inside its own region; no label or badge overlaps another or a leader line; every nation is
labelled, shown by its badge, or at least found by hovering it (its tooltip names it).
Screenshots ``map_labels_<lang>_<size>.png`` for a person to look at."""

from __future__ import annotations

import math
from typing import Any

import pygame
import pytest

from game import i18n
from game.ui.mapview import LEADER_MAX
from tests.ui.conftest import SHOTS, Driver

SIZES = [(800, 500), (1024, 600), (1366, 768), (1920, 1080), (3840, 2160)]


def open_map(make_app: Any, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int],
             lang: str) -> Driver:
    from game.ui import theme
    from game.ui.settings import Settings

    monkeypatch.setattr(theme, "desktop_size", lambda: size)
    i18n.set_language(lang)
    d: Driver = make_app(size=size, settings=Settings(ui_scale=0.0, language=lang))
    d.click("new")
    for _ in range(40):
        if d.scene() == "GameScene":
            break
        d.key(pygame.K_RETURN)
    assert d.scene() == "GameScene"
    d.app.messages.clear()
    d.app.mouse_pos = (size[0] - 2, size[1] - 2)
    d.app.draw()
    SHOTS.mkdir(parents=True, exist_ok=True)
    pygame.image.save(d.app.screen, str(SHOTS / f"map_labels_{lang}_{size[0]}x{size[1]}.png"))
    return d


@pytest.fixture
def english_after() -> Any:
    yield
    i18n.set_language("en")


@pytest.mark.usefixtures("english_after")
@pytest.mark.parametrize("lang, size", [("en", s) for s in SIZES] + [("de", (1024, 600))],
                         ids=lambda v: v if isinstance(v, str) else f"{v[0]}x{v[1]}")
def test_labels_and_leader_lines_follow_the_rules(make_app: Any,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  lang: str, size: tuple[int, int]) -> None:
    d = open_map(make_app, monkeypatch, size, lang)
    scene: Any = d.top
    view = scene.map.view
    labels = dict(view.label_rects)
    boxes = list(labels.items()) + list(view.badge_rects.items())
    height = max((r.height for r in labels.values()), default=20)
    problems: list[str] = []
    for rid, (start, end) in view.leaders.items():
        length = math.dist(start, end)
        if length > LEADER_MAX * height + 1:
            problems.append(f"{rid}: leader line {length:.0f} px > {LEADER_MAX} x {height}")
        if view._owner_at((end[0] + 0.5, end[1] + 0.5)) != rid:
            problems.append(f"{rid}: leader line ends on {view._owner_at(end)}")
        n = max(2, round(length))
        for i in range(n + 1):
            p = (start[0] + (end[0] - start[0]) * i / n + 0.5,
                 start[1] + (end[1] - start[1]) * i / n + 0.5)
            owner = view._owner_at(p)
            if owner not in (rid, None):
                problems.append(f"{rid}: leader line crosses {owner}")
                break
        if not labels[rid].inflate(2, 2).collidepoint(start):
            problems.append(f"{rid}: leader line does not start at its label")
        for rid2, r2 in boxes:
            if rid2 != rid and r2.clipline(start, end):
                problems.append(f"{rid}: leader line across the label of {rid2}")
    for i, (rid, r) in enumerate(boxes):
        for rid2, r2 in boxes[i + 1:]:
            c = r.clip(r2)
            if c.width > 2 and c.height > 2:
                problems.append(f"label on label: {rid} / {rid2}")
    # Every nation of the scenario on the map is labelled, badged, or found under the mouse.
    area = view.map_rect()
    step = max(2, area.width // 300)
    hoverable = {view.region_at((x, y)) for y in range(area.top, area.bottom, step)
                 for x in range(area.left, area.right, step)}
    for nation in d.app.session.state.rules.scenario.nations:
        rid = nation.region
        if not any(rid == r for r, _name, _part in view.regions):
            continue  # drawn as an off-map panel
        if rid not in labels and rid not in view.badge_rects:
            assert rid in hoverable, f"{rid}: neither labelled nor hoverable"
            assert scene.map.nation_at(next(
                (x, y) for y in range(area.top, area.bottom, step)
                for x in range(area.left, area.right, step)
                if view.region_at((x, y)) == rid)) is not None
    assert not problems, problems
