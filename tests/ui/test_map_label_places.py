"""Each name on the map sits on its own nation (the play-test saw "Latv." on Estonia): in both
bundled scenarios, at 1280x800 and at the smallest window (800x500), on the first turn and
after every change of a nation's status along the historical path (annexed in its holder's
colour, occupied in bands, partitioned in stripes). Checked from outside the placement code:
each letter's pixel is looked up with ``region_at``, the mouse's own hit test. Screenshots
``map_places_<scenario>_<size>_<date>.png``."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from tests.ui.conftest import ROOT, SHOTS, Driver

SCENARIOS = {"default": ROOT / "scenarios" / "ussr_1928_1941.yaml",
             "road": ROOT / "scenarios" / "road_to_war_1938_1941.yaml"}
SIZES = [(1280, 800), (800, 500)]
OWN_LEAST = 0.45
"""A name's letters (with their outline) lie at least this much over its own nation (the rest
over the sea) ..."""
OTHER_MOST = 0.03
"""... and at most this much over another country: the pixels of a shared border, counted by
the mouse's hit test rather than as drawn."""
BALTIC = ("estonia", "latvia", "lithuania")


def map_screens(d: Driver, scenario: Path) -> Iterator[str]:
    """Open the map of a new game, then of each turn of the historical path where a nation's
    status changed; yield the date shown."""
    from game.core.engine import apply_action
    from game.core.policies import history_policy
    from game.ui.game_screen import GameScene

    assert d.app.new_game(scenario)
    s = d.app.session
    rng = random.Random(0)
    seen = None
    while not s.over:
        st = s.state
        statuses = tuple(st.status(n.id) for n in st.rules.scenario.nations)
        if statuses != seen and not st.pending:
            seen = statuses
            s.news_shown_turn = st.turn
            d.app.pop_to_title()
            d.app.push(GameScene(d.app))
            d.app.mouse_pos = (0, 0)
            d.step()
            d.app.messages.clear()
            d.app.draw()
            yield st.date_text
        s.turn_states = [apply_action(st, history_policy(st, rng))]


def name_problems(view: Any) -> list[str]:
    """What is wrong with the names on the map: a name mostly off its nation, or on another."""
    from game.ui.mapview import MapView

    assert isinstance(view, MapView)
    nations = set(view.names)  # a part that is a nation is not its owner's
    parts = {rid: part for rid, _name, part in view.regions if part and rid not in nations}
    problems = []
    for label in view._plan or []:
        if label.img is None or label.leader:
            continue  # a badge alone, or a name beside its nation (test_map_labels checks it)
        mask = pygame.mask.from_surface(label.img)
        own, sea, other, others = label_cover(view, parts, label,
                                              lambda x, y, m=mask: bool(m.get_at((x, y))))
        total = own + other + sea
        if own < OWN_LEAST * total or other > OTHER_MOST * total:
            problems.append(f"{label.region}: {own * 100 // total}% on it, "
                            f"{other * 100 // total}% on {sorted(others)}")
    return problems


def label_cover(view: Any, parts: dict[str, str], label: Any,
                ink: Callable[[int, int], bool]) -> tuple[int, int, int, set[str]]:
    """Where a name's pixels (those ``ink`` counts) lie on the map: how many on its own
    nation (or a part of it), on the sea, on other nations, and which others."""
    ox, oy = view.rect.topleft
    own = sea = other = 0
    others: set[str] = set()
    for y in range(label.img.get_height()):
        for x in range(label.img.get_width()):
            if not ink(x, y):
                continue
            at = view.region_at((label.spot.x + ox + x, label.spot.y + oy + y))
            if at == label.region or (at is not None and parts.get(at) == label.region):
                own += 1
            elif at is None:
                sea += 1
            else:
                other += 1
                others.add(at)
    return own, sea, other, others


@pytest.mark.parametrize("name", list(SCENARIOS))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_name_sits_on_its_own_nation(make_app: Any, name: str,
                                           size: tuple[int, int]) -> None:
    from game.ui.settings import Settings

    d: Driver = make_app(size=size, settings=Settings(tutorial_done=True))
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    dates = []
    for date in map_screens(d, SCENARIOS[name]):
        dates.append(date)
        view = d.top.map.view  # type: ignore[attr-defined]
        tag = f"{name}_{size[0]}x{size[1]}_{date.replace(' ', '')}"
        pygame.image.save(d.app.screen, str(SHOTS / f"map_places_{tag}.png"))
        problems += [f"{date}: {p}" for p in name_problems(view)]
        boxes = list(view.label_rects.items()) + list(view.badge_rects.items())
        for i, (rid, r) in enumerate(boxes):
            assert view.map_rect().contains(r), f"{date}: {rid} leaves the map"
            for rid2, r2 in boxes[i + 1:]:
                c = r.clip(r2)
                assert c.width <= 2 or c.height <= 2, f"{date}: {rid} on {rid2}"
        if size == (1280, 800):
            # Room enough for every Baltic state's name, whatever has become of it.
            missing = [rid for rid in BALTIC if rid not in view.label_rects]
            assert not missing, f"{date}: no name for {missing}"
    assert len(dates) >= 5, dates  # the map was seen after the statuses changed
    assert not problems, problems


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_two_nations_share_a_short_name(lang: str) -> None:
    """A crowded map shortens names: never to one two nations share ("Vereinigtes
    Königreich" and "Vereinigte Staaten" were both "Vere.")."""
    from game import i18n
    from game.scenario.loader import load_scenario
    from game.ui.mapview import short_name, tiny_name

    try:
        i18n.set_language(lang)
        for path in SCENARIOS.values():
            names = [n.name for n in load_scenario(path).rules.scenario.nations]
            for shorten in (short_name, tiny_name):
                shortened = [shorten(name) for name in names]
                assert len(set(shortened)) == len(names), (path.name, shortened)
    finally:
        i18n.set_language("en")
