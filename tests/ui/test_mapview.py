"""The map asset and its view: the asset parses and is sane, places land in the right
country, a missing or broken asset gives the plain fallback, tiny windows do not crash, and
the map reads without colour. Screenshots go to $STATECRAFT_SCREENSHOTS (tests/screenshots/)."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.ui.mapview import (
    MAP_FILE,
    PATTERNS,
    MapView,
    RegionStyle,
    draw_swatch,
    legend_items,
    load_map,
    nation_regions,
    relation_band,
    relation_style,
    short_name,
)

ROOT = Path(__file__).resolve().parents[2]
GAME_NATIONS = ("germany", "france", "britain", "italy", "poland", "finland", "estonia",
                "latvia", "lithuania", "czechoslovakia", "romania", "spain", "japan", "usa")
CITIES = [  # (expected region, place, lon, lat)
    ("poland", "Warsaw", 21.01, 52.23), ("germany", "Berlin", 13.40, 52.52),
    ("germany", "Königsberg (East Prussia)", 20.51, 54.71),
    ("estonia", "Tallinn", 24.75, 59.44), ("latvia", "Riga", 24.11, 56.95),
    ("lithuania", "Kaunas", 23.90, 54.90), ("czechoslovakia", "Prague", 14.42, 50.08),
    ("bessarabia", "Chisinau", 28.86, 47.01), ("ussr", "Moscow", 37.62, 55.76),
    ("france", "Paris", 2.35, 48.86), ("britain", "London", -0.13, 51.51),
    ("italy", "Rome", 12.50, 41.90), ("spain", "Madrid", -3.70, 40.42),
    ("finland", "Helsinki", 24.94, 60.17), ("romania", "Bucharest", 26.10, 44.43),
    ("poland", "Wilno (Polish in 1938)", 25.28, 54.69), ("ussr", "Minsk", 27.57, 53.90),
    ("poland", "Lwów", 24.03, 49.84), ("germany", "Breslau", 17.03, 51.11),
    ("czechoslovakia", "Bratislava", 17.11, 48.15), ("austria", "Vienna", 16.37, 48.21),
    ("ussr", "Leningrad", 30.32, 59.94), ("ussr", "Kiev", 30.52, 50.45),
    ("lithuania", "Memel (Lithuanian until 1939)", 21.13, 55.70),
    ("hungary", "Budapest", 19.04, 47.50), ("yugoslavia", "Belgrade", 20.46, 44.82),
]
SEA = [("North Sea", 3.0, 56.0), ("Bay of Biscay", -5.0, 45.5), ("Black Sea", 34.0, 43.0),
       ("Baltic", 19.0, 56.5), ("Tyrrhenian Sea", 11.5, 39.5)]
SIZES = [(1280, 720), (800, 600), (1920, 1080), (640, 900)]


def screenshot_dir() -> Path:
    out = Path(os.environ.get("STATECRAFT_SCREENSHOTS") or ROOT / "tests" / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="module", autouse=True)
def _pygame() -> Iterator[None]:
    pygame.init()
    yield


@pytest.fixture(scope="module")
def font() -> pygame.font.Font:
    return pygame.font.Font(None, 18)


@pytest.fixture(scope="module")
def asset() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    return data


def sample_styles(palette: str = "standard") -> dict[str, RegionStyle]:
    rel = {"germany": -70, "france": 30, "britain": -10, "italy": -30, "poland": -40,
           "finland": -20, "estonia": 10, "latvia": 25, "lithuania": 65, "czechoslovakia": 70,
           "romania": -65, "spain": 0, "japan": 0, "usa": 20}
    return {k: relation_style(v, k == "japan", palette) for k, v in rel.items()}


# -- the asset ---------------------------------------------------------------------------


def _segments_cross(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float],
                    d: tuple[float, float]) -> bool:
    def orient(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = orient(c, d, a), orient(c, d, b)
    d3, d4 = orient(a, b, c), orient(a, b, d)
    return d1 * d2 < 0 and d3 * d4 < 0


def test_asset_regions_are_well_formed(asset: dict[str, Any]) -> None:
    ids = [r["id"] for r in asset["regions"]]
    assert len(ids) == len(set(ids)), "region ids must be unique"
    for r in asset["regions"]:
        assert set(r) >= {"id", "name", "label_at", "polygons", "part_of"}, r["id"]
        assert isinstance(r["name"], str) and r["name"]
        assert r["part_of"] is None or r["part_of"] in ids, r["id"]
        lon, lat = r["label_at"]
        assert -30 <= lon <= 70 and 25 <= lat <= 80, r["id"]
        assert r["polygons"], r["id"]
        for poly in r["polygons"]:
            assert len(poly) >= 3, r["id"]
            for p in poly:
                assert len(p) == 2 and all(isinstance(v, int | float) for v in p), r["id"]
                assert -30 <= p[0] <= 70 and 25 <= p[1] <= 80, (r["id"], p)
            area = sum(x0 * y1 - x1 * y0
                       for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True))
            assert abs(area) > 1e-4, f"{r['id']}: a polygon with no area"


def test_asset_polygons_are_simple(asset: dict[str, Any]) -> None:
    """No polygon crosses itself (a bow-tie would fill and hit-test wrongly)."""
    for r in asset["regions"]:
        for poly in r["polygons"]:
            pts = [tuple(p) for p in poly]
            edges = list(zip(pts, pts[1:] + pts[:1], strict=True))
            n = len(edges)
            for i in range(n):
                for j in range(i + 2, n):
                    if i == 0 and j == n - 1:
                        continue  # neighbours through the closing point
                    assert not _segments_cross(*edges[i], *edges[j]), \
                        f"{r['id']}: edges {i} and {j} cross"


def test_asset_has_what_the_game_needs(asset: dict[str, Any]) -> None:
    regions = {r["id"]: r for r in asset["regions"]}
    off_map = {o["id"] for o in asset["off_map"]}
    for nation in GAME_NATIONS + ("ussr",):
        assert nation in regions or nation in off_map, nation
    assert {"japan", "usa", "china", "mongolia"} <= off_map
    assert not off_map & set(regions)
    assert regions["bessarabia"]["part_of"] == "romania"
    assert regions["austria"]["part_of"] is None
    assert len(regions["germany"]["polygons"]) >= 2, "East Prussia is a polygon of its own"
    for neutral in ("portugal", "belgium", "netherlands", "switzerland", "denmark", "norway",
                    "sweden", "hungary", "yugoslavia", "bulgaria", "greece", "albania",
                    "turkey", "austria", "ireland"):
        assert neutral in regions, neutral
    view = asset["view"]
    assert (view["lon_min"], view["lon_max"], view["lat_min"], view["lat_max"]) == \
        (-11, 50, 34, 71)
    assert "by hand" in asset["source"] and "pproximate" in asset["source"]


def test_every_game_nation_can_be_drawn() -> None:
    view = MapView()
    assert view.problem is None
    assert set(GAME_NATIONS) <= set(nation_regions(view))
    assert view.owner("bessarabia") == "romania"
    assert view.owner("poland") == "poland"


# -- hit tests ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_cities_are_in_their_1938_country(size: tuple[int, int]) -> None:
    view = MapView()
    view.layout(pygame.Rect(0, 0, *size))
    wrong = []
    for expected, place, lon, lat in CITIES:
        pos = view.to_screen(lon, lat)
        assert pos is not None
        got = view.region_at(pos)
        if got != expected:
            wrong.append(f"{place}: {got} (expected {expected})")
    assert not wrong, wrong


def test_seas_and_outside_hit_nothing() -> None:
    view = MapView()
    view.layout(pygame.Rect(20, 30, 1280, 720))
    for name, lon, lat in SEA:
        pos = view.to_screen(lon, lat)
        assert pos is not None and view.region_at(pos) is None, name
    assert view.region_at((0, 0)) is None
    assert view.region_at((5000, 5000)) is None


def test_off_map_panels_are_beside_the_map_and_hit() -> None:
    view = MapView()
    view.layout(pygame.Rect(0, 0, 1280, 720))
    rects = view.off_map_rects()
    assert set(rects) == {"japan", "usa", "china", "mongolia"}
    for rid, rect in rects.items():
        assert rect.width > 40 and rect.height > 12
        assert not rect.colliderect(view.map_rect())
        assert view.region_at(rect.center) == rid


def test_in_a_tall_narrow_view_the_panels_go_under_the_map() -> None:
    view = MapView()
    rect = pygame.Rect(0, 0, 320, 390)  # the map's share of an 800x500 window
    view.layout(rect)
    rects = view.off_map_rects()
    assert set(rects) == {"japan", "usa", "china", "mongolia"}
    assert view.map_rect().width >= 300  # the map has the whole width
    for rid, r in rects.items():
        assert rect.contains(r) and r.width > 40 and r.height >= 36
        assert r.top >= view.map_rect().bottom
        assert view.region_at(r.center) == rid


def test_layout_follows_the_rect() -> None:
    view = MapView()
    view.layout(pygame.Rect(0, 0, 1280, 720))
    a = view.to_screen(21.01, 52.23)
    view.layout(pygame.Rect(100, 50, 640, 360))
    b = view.to_screen(21.01, 52.23)
    assert a is not None and b is not None and a != b
    assert view.region_at(b) == "poland"
    assert pygame.Rect(100, 50, 640, 360).contains(view.map_rect())


# -- fallback and odd sizes --------------------------------------------------------------


@pytest.mark.parametrize("content", [None, "", "{not json", "[1, 2, 3]", '{"regions": []}',
                                     '{"regions": [{"id": "x", "polygons": [[[0, 0]]]}]}'],
                         ids=["missing", "empty", "not-json", "a-list", "no-regions",
                              "bad-polygon"])
def test_broken_asset_gives_plain_fallback(tmp_path: Path, content: str | None,
                                           font: pygame.font.Font) -> None:
    path = tmp_path / "map.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    view = MapView(path)
    assert view.fallback
    assert view.problem and "map.json" in view.problem
    view.layout(pygame.Rect(0, 0, 800, 600))
    surface = pygame.Surface((800, 600))
    view.draw(surface, sample_styles(), "poland", "germany", font)
    ids = [rid for rid, _name, _part in view.regions]
    assert "poland" in ids and "ussr" in ids
    box = next(r for r in view._boxes.values())
    assert view.region_at(box.center) == ids[0]
    view.set_names({"germany": "Deutschland", "japan": "Japan"})
    assert [r for r, _n, _p in view.regions] == ["germany", "japan"]
    view.draw(surface, sample_styles(), None, None, font)


def test_a_bad_region_is_skipped_and_named(tmp_path: Path) -> None:
    data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    data["regions"][1]["polygons"] = [[[1, "two"], [3, 4]]]
    path = tmp_path / "map.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    view = MapView(path)
    assert not view.fallback
    bad = data["regions"][1]["id"]
    assert view.problem and bad in view.problem
    assert bad not in [r for r, _n, _p in view.regions]
    _data, problems = load_map(path)
    assert len(problems) == 1


@pytest.mark.parametrize("size", [(0, 0), (1, 1), (5, 5), (39, 400), (400, 39), (41, 41),
                                  (120, 80), (3000, 60)])
@pytest.mark.parametrize("broken", [False, True])
def test_tiny_rects_do_not_crash(tmp_path: Path, size: tuple[int, int], broken: bool,
                                 font: pygame.font.Font) -> None:
    view = MapView(tmp_path / "missing.json" if broken else None)
    view.layout(pygame.Rect(3, 4, *size))
    surface = pygame.Surface((max(1, size[0] + 10), max(1, size[1] + 10)))
    view.draw(surface, sample_styles(), "poland", "japan", font)
    for pos in ((3, 4), (4, 5), (3 + size[0] // 2, 4 + size[1] // 2), (-1, -1)):
        view.region_at(pos)
    for rect in view.off_map_rects().values():
        assert rect.width >= 0 and rect.height >= 0
        if rect.width and rect.height:
            assert pygame.Rect(3, 4, *size).contains(rect)
    assert pygame.Rect(3, 4, *size).contains(view.map_rect()) or not view.map_rect().width


# -- reading without colour --------------------------------------------------------------


@pytest.mark.parametrize("palette", ["standard", "colourblind"])
def test_bands_differ_in_colour_pattern_and_symbol(palette: str) -> None:
    items = legend_items(palette)
    assert [name for name, _ in items] == ["allied", "friendly", "neutral", "wary", "hostile",
                                           "at war"]
    styles = [s for _, s in items]
    for attr in ("colour", "pattern", "symbol"):
        values = [getattr(s, attr) for s in styles]
        assert len(set(values)) == len(values), f"{palette}: two bands share a {attr}"
    assert all(s.pattern in PATTERNS for s in styles)


def test_colourblind_palette_uses_okabe_ito() -> None:
    okabe_ito = {(230, 159, 0), (86, 180, 233), (0, 158, 115), (240, 228, 66), (0, 114, 178),
                 (213, 94, 0), (204, 121, 167)}
    colours = {s.colour for band, s in legend_items("colourblind") if band != "neutral"}
    assert colours <= okabe_ito


def test_bands_follow_the_relation() -> None:
    assert relation_band(100, False) == "allied"
    assert relation_band(60, False) == "allied"
    assert relation_band(59.9, False) == "friendly"
    assert relation_band(0, False) == "neutral"
    assert relation_band(-20, False) == "neutral"
    assert relation_band(-21, False) == "wary"
    assert relation_band(-100, False) == "hostile"
    assert relation_band(90, True) == "at war"
    assert relation_style(0, False, "no such palette") == relation_style(0, False, "standard")


def test_short_names() -> None:
    assert short_name("Lithuania") == "Lith."
    assert short_name("USSR") == "USSR"
    assert short_name("Hungary") == "Hung."


def test_swatch_draws_the_pattern(font: pygame.font.Font) -> None:
    surface = pygame.Surface((60, 30))
    for _name, style in legend_items("standard"):
        surface.fill((0, 0, 0))
        draw_swatch(surface, pygame.Rect(0, 0, 60, 30), style, font)
        colours = {tuple(surface.get_at((x, y)))[:3] for x in range(2, 58) for y in range(2, 28)}
        assert style.colour in colours
        if style.pattern != "none":
            assert len(colours) > 2
    draw_swatch(surface, pygame.Rect(0, 0, 0, 0), legend_items("standard")[0][1])


# -- drawing -----------------------------------------------------------------------------


def test_draw_reuses_the_cached_picture_until_a_style_changes(font: pygame.font.Font) -> None:
    """A frame is a blit of the cached picture plus the outlines (its speed is measured by
    `python main.py bench --only ui-frame`, not here)."""
    screen = pygame.Surface((1280, 720))
    view = MapView()
    view.layout(screen.get_rect())
    styles = sample_styles()
    view.draw(screen, styles, "poland", "romania", font)
    cached = view._cache
    view.draw(screen, dict(styles), "germany", "romania", font)
    assert view._cache is cached, "same styles, same size: no re-render"
    # Another nation selected: its name is placed first (found on a small map), once.
    view.draw(screen, dict(styles), "germany", None, font)
    cached = view._cache
    view.draw(screen, dict(styles), "france", None, font)
    assert view._cache is cached, "same styles, same size, same selection: no re-render"
    view.draw(screen, {**styles, "poland": relation_style(90, False, "standard")}, None, None,
              font)
    assert view._cache is not cached, "a new style re-renders"


@pytest.mark.parametrize("palette", ["standard", "colourblind"])
def test_screenshot(palette: str, font: pygame.font.Font) -> None:
    screen = pygame.display.set_mode((1280, 720))
    screen.fill((22, 27, 34))
    view = MapView()
    view.layout(screen.get_rect())
    view.draw(screen, sample_styles(palette), "poland", "romania", font)
    path = screenshot_dir() / f"map_{palette}.png"
    pygame.image.save(screen, str(path))
    assert path.stat().st_size > 10_000
    # The map is drawn: Warsaw's pixel has Poland's colour or its pattern's ink.
    pos = view.to_screen(21.01, 52.23)
    assert pos is not None
    style = sample_styles(palette)["poland"]
    near = {tuple(screen.get_at((pos[0] + dx, pos[1] + dy)))[:3]
            for dx in range(-6, 7) for dy in range(-6, 7)}
    assert style.colour in near or any(math.dist(c, style.colour) < 30 for c in near)
