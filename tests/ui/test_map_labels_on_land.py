"""A nation's name on the map stands on its own land: a play-test saw "Lith." partly on the
sea west of Lithuania and "Est." on the Gulf of Finland, read as the sea's names. Each name's
letters (their ink, without the light outline) lie on the nation's own land, all but the
pixels of a coast or border; a name that fits nowhere on it is put beside it with a leader
line, or left to the badge and the tooltip. And the small map over a nation's panel shows
where that nation is: its name, or a ring round it.

Checked from outside the placement code, with the mouse's own hit test (``region_at``), in
the default scenario at 1280x800 and 800x500, in English and German: on the first turn, with
each nation's panel open, and along the historical path at 1280x800. Screenshots
``map_on_land_<lang>_<size>[_<nation>].png``."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from game import i18n
from game.ui.settings import Settings
from tests.ui.conftest import ROOT, Driver, mouse_away, open_game_screen
from tests.ui.test_map_label_places import label_cover, map_screens

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
SIZES = [(1280, 800), (800, 500)]
LETTERS_ON_OWN = 0.9
"""At least this share of a name's letters lies on its nation (the rest: the pixels where a
letter meets its coast or border, as the hit test and the drawing round them apart)..."""
LETTERS_ON_OTHER = 0.05
"""... and at most this share on another country."""
BALTIC = ("estonia", "latvia", "lithuania")


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def off_land(view: Any) -> list[str]:
    """The names whose letters do not stand on their own nation: "estonia: 58% on it, 41% on
    the sea, 0% on []". A name beside its nation (a leader line) is checked by
    test_map_labels."""
    from game.ui.mapview import MapView

    assert isinstance(view, MapView)
    nations = set(view.names)
    parts = {rid: part for rid, _name, part in view.regions if part and rid not in nations}
    problems = []
    for label in view._plan or []:
        if label.img is None or label.leader:
            continue
        own, sea, other, others = label_cover(view, parts, label,
                                              lambda x, y, img=label.img: letter_ink(img, x, y))
        total = max(1, own + sea + other)
        if own < LETTERS_ON_OWN * total or other > LETTERS_ON_OTHER * total:
            problems.append(f"{label.region}: {own * 100 // total}% on it, "
                            f"{sea * 100 // total}% on the sea, {other * 100 // total}% on "
                            f"{sorted(others)}")
    return problems


def letter_ink(img: Any, x: int, y: int) -> bool:
    """Whether a pixel of a name is a letter's ink (not the light outline, not nothing)."""
    r, g, b, a = img.get_at((x, y))
    return bool(a >= 128 and r + g + b <= 3 * 128)


def found(view: Any, region: str) -> str | None:
    """How the selected nation is shown on the map: "name" (on it, or beside it with its
    leader line), "ring" (round it); None when it is not told from its neighbours."""
    if region in view.label_rects:
        return "name"
    marker = getattr(view, "marker", None)
    if marker is not None:
        (cx, cy), radius = marker
        boxes = [pygame.Rect(s.bbox) for s in view._shapes if s.region.id == region]
        if boxes and any(pygame.Rect(cx - radius, cy - radius, 2 * radius, 2 * radius)
                         .contains(b) for b in boxes):
            return "ring"
    return None


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_names_stand_on_their_land(make_app: Any, lang: str, size: tuple[int, int]) -> None:
    """On the first turn's map, and on the smaller map over each nation's panel."""
    d = open_game_screen(make_app, size, lang)
    scene: Any = d.top
    view = scene.map.view
    problems = [f"no nation chosen: {p}" for p in off_land(view)]
    d.shot(f"map_on_land_{lang}_{size[0]}x{size[1]}")
    if size == (1280, 800):
        missing = [rid for rid in BALTIC if rid not in view.label_rects]
        assert not missing, f"no name for {missing}"
    for n, nation in enumerate(d.app.session.state.rules.scenario.nations):
        scene.select(n)
        mouse_away(d)
        problems += [f"{nation.id}'s panel: {p}" for p in off_land(scene.map.view)]
    assert not problems, problems


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_small_map_over_a_nations_panel_shows_where_it_is(
        make_app: Any, lang: str, size: tuple[int, int]) -> None:
    """Every nation on the map, its panel open: its name on the map, or a ring round it (the
    student found no Baltic state on the small map)."""
    from tests.ui.conftest import SHOTS

    d = open_game_screen(make_app, size, lang)
    scene: Any = d.top
    lost, how = [], {}
    for n, nation in enumerate(d.app.session.state.rules.scenario.nations):
        scene.select(n)
        mouse_away(d)
        view = scene.map.view
        if not any(r == nation.region for r, _name, _part in view.regions):
            continue  # beyond the map: its panel is outlined
        how[nation.id] = found(view, nation.region)
        if how[nation.id] is None:
            lost.append(nation.id)
        if nation.id in BALTIC:
            pygame.image.save(d.app.screen, str(
                SHOTS / f"map_on_land_{lang}_{size[0]}x{size[1]}_{nation.id}.png"))
    assert not lost, f"not found on the map over their panel: {lost} ({how})"


def test_names_stand_on_their_land_along_the_historical_path(make_app: Any) -> None:
    """Annexed, occupied, partitioned: whatever became of a nation, the names stay on land."""
    d: Driver = make_app(size=(1280, 800), settings=Settings(tutorial_done=True))
    problems: list[str] = []
    dates = []
    for date in map_screens(d, DEFAULT):
        dates.append(date)
        problems += [f"{date}: {p}" for p in off_land(d.top.map.view)]  # type: ignore[attr-defined]
    assert len(dates) >= 5, dates
    assert not problems, problems
