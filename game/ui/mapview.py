"""The map of 1930s Europe: loads ``assets/map/europe_1938.json``, projects it into a rect,
draws every region in its relation style (a colour *and* a pattern and a symbol, so the map
reads without colour), hit-tests the mouse, and shows the off-map nations as panels.

The static picture (fills, patterns, borders, labels, panels) is rendered once into a cached
surface per size and set of styles, so a frame is one blit plus the hover and selection
outlines. A missing or broken asset never raises: the view falls back to a grid of labelled
boxes and says why in ``problem``.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.i18n import N_, _, current_language
from game.paths import ASSETS
from game.present.nations import BANDS

MAP_FILE = ASSETS / "map" / "europe_1938.json"

Colour = tuple[int, int, int]
Point = tuple[float, float]

PATTERNS = ("none", "hatch", "cross", "dots", "stripes_back", "grid", "occupied", "partition")
"""The patterns a region can have: the relation bands' six, then the living map's two: wide
bands in the occupier's colour (``occupied``) and stripes of the two holders' colours
(``partition``)."""
PLAYER_REGION = "ussr"
# The nations the fallback grid shows until set_names() says otherwise (translated where
# shown).
DEFAULT_NATIONS = {
    "ussr": N_("USSR"), "germany": N_("Germany"), "france": N_("France"),
    "britain": N_("Britain"), "italy": N_("Italy"), "poland": N_("Poland"),
    "finland": N_("Finland"), "estonia": N_("Estonia"), "latvia": N_("Latvia"),
    "lithuania": N_("Lithuania"), "czechoslovakia": N_("Czechoslovakia"),
    "romania": N_("Romania"), "spain": N_("Spain"), "japan": N_("Japan"), "usa": N_("USA"),
}
ASSET_NAMES = (
    # TRANSLATORS: the map's names of the countries of 1938 (assets/map/europe_1938.json),
    # shown for those the scenario does not name itself (grey: it takes no part in it).
    N_("USSR"), N_("Germany"), N_("France"), N_("Britain"), N_("Ireland"), N_("Italy"),
    N_("Poland"), N_("Danzig"), N_("Finland"), N_("Estonia"), N_("Latvia"), N_("Lithuania"),
    N_("Czechoslovakia"), N_("Romania"), N_("Bessarabia"), N_("Spain"), N_("Portugal"),
    N_("Belgium"), N_("Luxembourg"), N_("Netherlands"), N_("Switzerland"), N_("Austria"),
    N_("Denmark"), N_("Norway"), N_("Sweden"), N_("Hungary"), N_("Yugoslavia"),
    N_("Bulgaria"), N_("Greece"), N_("Albania"), N_("Turkey"), N_("Morocco"), N_("Algeria"),
    N_("Tunisia"), N_("Syria and Lebanon"), N_("Iraq"), N_("Iran"), N_("Cyprus"),
    N_("Japan"), N_("United States"), N_("China"), N_("Mongolia"),
)
"""The names of the map asset, for the catalogue: a name the asset adds is shown untranslated
until it is listed here."""

SEA: Colour = (28, 48, 70)
BORDER: Colour = (30, 34, 40)
LABEL: Colour = (20, 20, 24)
HALO: Colour = (245, 242, 232)
CONTEXT_LABEL: Colour = (40, 44, 50)
HOVER_EDGE: Colour = (250, 250, 250)
SELECTED_EDGE: Colour = (255, 214, 102)
PANEL_HEADER = 24  # room above the off-map panels for OFF_MAP_HEADER
OFF_MAP_HEADER = N_("Beyond the map")
"""The heading over the off-map nations' panels (translated where drawn)."""
BAND_LABELS = {"allied": N_("allied"), "friendly": N_("friendly"), "neutral": N_("neutral"),
               "wary": N_("wary"), "hostile": N_("hostile"), "at war": N_("at war")}
"""The legend's words for the relation bands."""
OUTSIDER_LABEL = N_("not in this scenario")
"""The legend's words for the grey countries, which take no part in the scenario."""
MIN_SIZE = 40  # below this (either side) the view draws nothing and hits nothing


@dataclass(frozen=True)
class RegionStyle:
    """How one region is drawn: a fill colour, a pattern over it and a symbol by its name.

    ``pattern`` is one of ``PATTERNS``; ``ink`` is the colour of the pattern and symbol.
    """

    colour: Colour
    pattern: str = "none"
    symbol: str = ""
    ink: Colour = (25, 25, 30)
    marked: bool = False
    """A treaty partner (alliance or mutual assistance): a gold diamond beside the symbol."""
    ink2: Colour | None = None
    """The second holder's colour of a partitioned nation (the ``partition`` stripes)."""
    war: bool = False
    """At war with a nation other than the player: a red burst beside the symbol."""


# Relation bands (BANDS, best first: name and lowest relation) come from game.present.nations, so
# the tooltips and panels name a nation's band exactly as the map colours it.
_BAND_LOOK = {  # band: (pattern, symbol)
    "allied": ("dots", "++"), "friendly": ("stripes_back", "+"), "neutral": ("none", "="),
    "wary": ("hatch", "-"), "hostile": ("cross", "!"), "at war": ("grid", "x"),
}
_PALETTES: dict[str, dict[str, Colour]] = {
    "standard": {
        "allied": (46, 139, 87), "friendly": (150, 205, 125), "neutral": (222, 214, 190),
        "wary": (240, 196, 100), "hostile": (226, 112, 84), "at war": (150, 30, 40),
    },
    # Okabe-Ito colours: told apart by every common kind of colour blindness.
    "colourblind": {
        "allied": (0, 114, 178), "friendly": (86, 180, 233), "neutral": (222, 222, 222),
        "wary": (240, 228, 66), "hostile": (230, 159, 0), "at war": (213, 94, 0),
    },
}
_LIGHT_INK: Colour = (245, 245, 245)
DARK_INK: Colour = (25, 25, 30)
PLAYER_STYLE = RegionStyle((204, 121, 167), "none", "")
CONTEXT_STYLE = RegionStyle((112, 118, 126), "none", "")


def relation_band(relation: float, at_war: bool) -> str:
    """The band a relation falls in: allied, friendly, neutral, wary, hostile or at war."""
    if at_war:
        return "at war"
    if math.isnan(relation):
        return "neutral"
    return next(name for name, low in BANDS if relation >= low)


def relation_style(relation: float, at_war: bool, palette: str) -> RegionStyle:
    """The style of a nation with this relation (-100..100) to the player's state.

    ``palette`` is ``"standard"`` or ``"colourblind"``; an unknown one gives the standard.
    """
    band = relation_band(relation, at_war)
    colours = _PALETTES.get(palette, _PALETTES["standard"])
    pattern, symbol = _BAND_LOOK[band]
    colour = colours[band]
    return RegionStyle(colour, pattern, symbol, _LIGHT_INK if _is_dark(colour) else (25, 25, 30))


def status_style(own: RegionStyle, status: str, holders: Sequence[RegionStyle]) -> RegionStyle:
    """How a nation is drawn on the living map, from its own style (its relation band) and
    its holders' styles (a nation's, or :data:`PLAYER_STYLE` for the player's state):
    annexed, in its holder's look; occupied, wide bands of the occupier's colour over its own;
    partitioned, stripes of the two holders' colours; at war with another nation, its own look
    with a red burst by its symbol. An independent nation (or one without its holders) keeps
    its own."""
    if status == "annexed" and holders:
        h = holders[0]
        return RegionStyle(h.colour, h.pattern, "", h.ink)
    if status == "occupied" and holders:
        return replace(own, pattern="occupied", ink=holders[0].colour, ink2=None, marked=False)
    if status == "partitioned" and len(holders) >= 2:
        first, second = holders[0].colour, holders[1].colour
        return RegionStyle(first, "partition", "", first, ink2=second)
    if status == "at_war":
        return replace(own, war=True)
    return own


def legend_items(palette: str) -> list[tuple[str, RegionStyle]]:
    """(label, style) for each band, best first, for a legend; draw swatches with draw_swatch."""
    relations = {"allied": 80.0, "friendly": 40.0, "neutral": 0.0, "wary": -40.0,
                 "hostile": -80.0, "at war": 0.0}
    return [(_(BAND_LABELS[band]), relation_style(rel, band == "at war", palette))
            for band, rel in relations.items()]


def _is_dark(c: Colour) -> bool:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2] < 110


# ---------------------------------------------------------------------------------------
# Patterns

_TILE = 10


def _pattern_tile(pattern: str, ink: Colour, ink2: Colour | None = None,
                  ) -> pygame.Surface | None:
    """One tile of a pattern (transparent where there is no ink), or None for "none"."""
    if pattern not in PATTERNS or pattern == "none":
        return None
    if pattern in ("occupied", "partition"):
        return _holder_tile(pattern, ink, ink2 or ink)
    t = _TILE
    tile = pygame.Surface((t, t), pygame.SRCALPHA)
    colour = (*ink, 200)
    if pattern in ("hatch", "cross"):  # lines rising to the right: /
        pygame.draw.line(tile, colour, (0, t - 1), (t - 1, 0), 2)
    if pattern in ("stripes_back", "cross"):  # lines falling to the right: \
        pygame.draw.line(tile, colour, (0, 0), (t - 1, t - 1), 2)
    if pattern == "dots":
        pygame.draw.circle(tile, colour, (t // 2, t // 2), 2)
    if pattern == "grid":
        pygame.draw.line(tile, colour, (0, t // 2), (t - 1, t // 2), 2)
        pygame.draw.line(tile, colour, (t // 2, 0), (t // 2, t - 1), 2)
    return tile


_HOLDER_TILE = 16
_BAND = 5.0
"""The width of an occupier's band (pixels, across the band)."""


def _holder_tile(pattern: str, ink: Colour, ink2: Colour) -> pygame.Surface:
    """The living map's patterns, in the holders' own colours with a dark edge so that they
    read on any fill: ``occupied``, wide bands rising to the right (/) in the occupier's
    colour over the nation's own; ``partition``, upright stripes of the two holders' colours,
    covering it."""
    t = _HOLDER_TILE
    tile = pygame.Surface((t, t), pygame.SRCALPHA)
    edge = (*BORDER, 220)
    for y in range(t):
        for x in range(t):
            if pattern == "partition":
                colour: tuple[int, ...] = edge if x in (0, t // 2) else \
                    (*(ink if x < t // 2 else ink2), 255)
            else:
                d = min(abs(x + y + 1 - c) for c in (0, t, 2 * t)) / math.sqrt(2)
                if d <= _BAND / 2:
                    colour = (*ink, 255)
                elif d <= _BAND / 2 + 1:
                    colour = edge
                else:
                    continue
            tile.set_at((x, y), colour)
    return tile


def _tiled(size: tuple[int, int], tile: pygame.Surface, origin: tuple[int, int]) -> pygame.Surface:
    """A surface of ``size`` covered by ``tile``, aligned to the screen so patterns line up."""
    out = pygame.Surface(size, pygame.SRCALPHA)
    t = tile.get_width()
    x0 = -(origin[0] % t)
    y0 = -(origin[1] % t)
    out.fblits([(tile, (x, y)) for y in range(y0, size[1], t) for x in range(x0, size[0], t)])
    return out


def _fill_polygons(target: pygame.Surface, polys: Sequence[Sequence[tuple[int, int]]],
                   style: RegionStyle, offset: tuple[int, int] = (0, 0)) -> None:
    """Fill polygons (in target coordinates) with a style's colour and pattern."""
    drawable = [p for p in polys if len(p) >= 3]
    if not drawable:
        return
    for p in drawable:
        pygame.draw.polygon(target, style.colour, p)
    tile = _pattern_tile(style.pattern, style.ink, style.ink2)
    if tile is None:
        return
    xs = [x for p in drawable for x, _y in p]
    ys = [y for p in drawable for _x, y in p]
    box = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
    box = box.clip(target.get_rect())
    if box.width <= 0 or box.height <= 0:
        return
    layer = _tiled(box.size, tile, (box.x + offset[0], box.y + offset[1]))
    mask = pygame.Surface(box.size, pygame.SRCALPHA)
    for p in drawable:
        pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - box.x, y - box.y) for x, y in p])
    layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    target.blit(layer, box.topleft)


def draw_swatch(surface: pygame.Surface, rect: pygame.Rect, style: RegionStyle,
                font: pygame.font.Font | None = None) -> None:
    """Draw a legend swatch: the style's colour and pattern in ``rect``, its symbol on top."""
    if rect.width <= 0 or rect.height <= 0:
        return
    corners = [rect.topleft, rect.topright, (rect.right, rect.bottom), rect.bottomleft]
    _fill_polygons(surface, [corners], style)
    pygame.draw.rect(surface, BORDER, rect, 1)
    if font is not None and style.symbol:
        _badge(surface, font, style, rect.center)


MARK_COLOUR: Colour = (240, 196, 60)
WAR_COLOUR: Colour = (214, 40, 40)


def draw_mark(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """The treaty partner's mark: a gold diamond with a dark edge."""
    x, y, r = center[0], center[1], max(3, size // 2)
    points = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
    pygame.draw.polygon(surface, MARK_COLOUR, points)
    pygame.draw.polygon(surface, BORDER, points, 1)


def draw_war_mark(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """The mark of a nation at war with another (not the player): a red eight-pointed burst
    with a dark edge."""
    x, y, r = center[0], center[1], max(3, size // 2)
    points = [(round(x + (r if k % 2 == 0 else r * 0.5) * math.cos(k * math.pi / 8)),
               round(y + (r if k % 2 == 0 else r * 0.5) * math.sin(k * math.pi / 8)))
              for k in range(16)]
    pygame.draw.polygon(surface, WAR_COLOUR, points)
    pygame.draw.polygon(surface, BORDER, points, 1)


def _mark_width(font: pygame.font.Font) -> int:
    return font.get_height() * 2 // 3 + 4


Mark = Callable[[pygame.Surface, tuple[int, int], int], None]


def _marks(style: RegionStyle) -> list[Mark]:
    """The marks beside a region's symbol, in order: the treaty partner's, the war's."""
    marks: list[Mark] = []
    if style.marked:
        marks.append(draw_mark)
    if style.war:
        marks.append(draw_war_mark)
    return marks


def badge_width(font: pygame.font.Font, style: RegionStyle | None) -> int:
    """Width of a region's badge (its symbol, and its marks); 0 when it has none."""
    if style is None or not (style.symbol or style.marked or style.war):
        return 0
    text = font.size(style.symbol)[0] + 10 if style.symbol else 4
    return text + _mark_width(font) * len(_marks(style))


def _badge(surface: pygame.Surface, font: pygame.font.Font, style: RegionStyle,
           center: tuple[int, int]) -> pygame.Rect:
    """The symbol in a small box in the style's colour, so it reads on any background; a
    treaty partner's box also holds the gold mark, a nation at war's the red burst."""
    # The symbol in ink that reads on the box's colour (an occupied nation's ink is the
    # occupier's colour, for its bands, and may be its own colour too).
    img = font.render(style.symbol, True, _LIGHT_INK if _is_dark(style.colour) else DARK_INK)
    marks = _marks(style)
    one = _mark_width(font)
    mark = one * len(marks)
    box = img.get_rect(center=center).inflate(6 + mark, 0)
    pygame.draw.rect(surface, style.colour, box, border_radius=3)
    pygame.draw.rect(surface, BORDER, box, 1, border_radius=3)
    surface.blit(img, img.get_rect(center=(box.centerx - mark // 2, box.centery)))
    for k, draw in enumerate(marks):
        draw(surface, (box.right - mark + k * one + one // 2 - 1, box.centery), one - 4)
    return box


def _letters(font: pygame.font.Font, text: str) -> pygame.mask.Mask:
    """The pixels of the letters themselves (without their outline) of
    :func:`_halo_text`'s picture of ``text``, at their place in it."""
    core = pygame.mask.from_surface(font.render(text, True, LABEL))
    w, h = core.get_size()
    out = pygame.mask.Mask((w + 2, h + 2))
    out.draw(core, (1, 1))
    return out


def _halo_text(font: pygame.font.Font, text: str, colour: Colour) -> pygame.Surface:
    """Text with a light outline, readable on any fill or pattern."""
    core = font.render(text, True, colour)
    halo = font.render(text, True, HALO)
    w, h = core.get_width() + 2, core.get_height() + 2
    out = pygame.Surface((w, h), pygame.SRCALPHA)
    out.fblits([(halo, (dx, dy)) for dx in (0, 1, 2) for dy in (0, 1, 2) if (dx, dy) != (1, 1)])
    out.blit(core, (1, 1))
    return out


# ---------------------------------------------------------------------------------------
# The asset


@dataclass(frozen=True)
class Region:
    """One region of the map asset (lon/lat degrees)."""

    id: str
    name: str
    part_of: str | None
    label_at: Point
    polygons: tuple[tuple[Point, ...], ...]


@dataclass(frozen=True)
class MapData:
    """A loaded map asset: its regions, the off-map nations (id, name) and the view box."""

    regions: tuple[Region, ...]
    off_map: tuple[tuple[str, str], ...]
    view: tuple[float, float, float, float]  # lon_min, lon_max, lat_min, lat_max
    bounds: tuple[float, float, float, float]  # the same, of all the polygons
    source: str


class MapError(ValueError):
    """The map asset cannot be used (missing, not JSON, or no usable region)."""


def _num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _point(v: Any) -> Point | None:
    if isinstance(v, list | tuple) and len(v) == 2 and _num(v[0]) and _num(v[1]):
        return float(v[0]), float(v[1])
    return None


def load_map(path: Path) -> tuple[MapData, list[str]]:
    """Read a map asset; return it and the problems of the regions that were skipped.

    Raises MapError when the file is missing or unreadable, is not the expected JSON, or has
    no usable region.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MapError(f"{path}: cannot read the map ({exc.strerror or exc})") from exc
    except ValueError as exc:
        raise MapError(f"{path}: the map is not valid JSON ({exc})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("regions"), list):
        raise MapError(f"{path}: the map needs a JSON object with a 'regions' list")
    problems: list[str] = []
    regions: list[Region] = []
    seen: set[str] = set()
    for k, r in enumerate(raw["regions"]):
        where = f"{path.name}: regions[{k}]"
        if not isinstance(r, dict) or not isinstance(r.get("id"), str) or not r["id"]:
            problems.append(f"{where}: a region needs an 'id' (text); skipped")
            continue
        rid = r["id"]
        where = f"{path.name}: region '{rid}'"
        if rid in seen:
            problems.append(f"{where}: the id is used twice; the second is skipped")
            continue
        polys: list[tuple[Point, ...]] = []
        bad: list[str] = []
        raw_polys = r.get("polygons")
        for j, poly in enumerate(raw_polys if isinstance(raw_polys, list) else []):
            pts = [_point(p) for p in poly] if isinstance(poly, list) else [None]
            if len(pts) < 3 or any(p is None for p in pts):
                bad.append(f"polygon {j} needs 3 or more [lon, lat] number pairs")
                continue
            polys.append(tuple(p for p in pts if p is not None))
        if not polys:
            why = f" ({bad[0]})" if bad else ""
            problems.append(f"{where}: no usable polygon{why}; region skipped")
            continue
        problems.extend(f"{where}: {b}; skipped" for b in bad)
        name = r.get("name") if isinstance(r.get("name"), str) and r.get("name") else rid
        part_of = r.get("part_of") if isinstance(r.get("part_of"), str) else None
        label = _point(r.get("label_at"))
        if label is None:
            xs = [x for p in polys for x, _y in p]
            ys = [y for p in polys for _x, y in p]
            label = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        seen.add(rid)
        regions.append(Region(rid, str(name), part_of, label, tuple(polys)))
    if not regions:
        raise MapError(f"{path}: the map has no usable region" +
                       (f" ({problems[0]})" if problems else ""))
    off_map: list[tuple[str, str]] = []
    for item in raw.get("off_map") or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"] not in seen:
            off_map.append((item["id"], str(item.get("name") or item["id"])))
            seen.add(item["id"])
        else:
            problems.append(f"{path.name}: an off_map entry needs a new 'id'; skipped")
    xs = [x for r in regions for p in r.polygons for x, _y in p]
    ys = [y for r in regions for p in r.polygons for _x, y in p]
    bounds = (min(xs), max(xs), min(ys), max(ys))
    v = raw.get("view")
    keys = ("lon_min", "lon_max", "lat_min", "lat_max")
    if isinstance(v, dict) and all(_num(v.get(k)) for k in keys) \
            and v["lon_min"] < v["lon_max"] and v["lat_min"] < v["lat_max"]:
        view = (float(v["lon_min"]), float(v["lon_max"]), float(v["lat_min"]),
                float(v["lat_max"]))
    else:
        if v is not None:
            problems.append(f"{path.name}: 'view' needs lon_min < lon_max, lat_min < lat_max; "
                            "the whole map is shown")
        view = bounds
    source = raw.get("source") if isinstance(raw.get("source"), str) else ""
    return MapData(tuple(regions), tuple(off_map), view, bounds, str(source)), problems


# ---------------------------------------------------------------------------------------
# The view


def _point_in_polygon(x: float, y: float, poly: Sequence[Point]) -> bool:
    inside = False
    n = len(poly)
    j = n - 1
    for i in range(n):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


EDGE_STEP = 3.0


def _edge_points(polys: Sequence[Sequence[Point]]) -> list[Point]:
    """Points along the outlines of polygons, at most EDGE_STEP apart."""
    out: list[Point] = []
    for p in polys:
        for i, (x0, y0) in enumerate(p):
            x1, y1 = p[(i + 1) % len(p)]
            n = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) / EDGE_STEP))
            out.extend((x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(n))
    return out


@dataclass
class _Shape:
    """A region as laid out on screen."""

    region: Region
    polys: list[list[Point]]  # screen coordinates, floats (for hit tests)
    ints: list[list[tuple[int, int]]]  # the same, rounded (for drawing)
    bbox: pygame.Rect
    edge: list[Point]  # points along the outline, at most EDGE_STEP px apart


class MapView:
    """The map widget: ``layout`` on resize, ``draw`` every frame, ``region_at`` for the mouse.

    ``regions`` lists (id, name, part_of) of what is on the map; ``problem`` is None, or says
    why the plain fallback (a grid of boxes) is shown or what part of the asset was skipped.
    """

    def __init__(self, asset_path: Path | None = None) -> None:
        self.asset_path = asset_path or MAP_FILE
        self.problem: str | None = None
        self.data: MapData | None = None
        self.names: dict[str, str] = {}
        self.player_region = PLAYER_REGION
        """The region drawn as the player's own (see :meth:`set_player`)."""
        try:
            self.data, problems = load_map(self.asset_path)
            if problems:
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                self.problem = problems[0] + more
        except MapError as exc:
            self.problem = f"{exc}; a plain map is shown"
        self._fallback_ids: list[str] = list(DEFAULT_NATIONS)
        self.rect = pygame.Rect(0, 0, 0, 0)
        self._panel_shape: tuple[int, int] | None = None
        self._map_rect = pygame.Rect(0, 0, 0, 0)
        self.label_rects: dict[str, pygame.Rect] = {}
        """Where each region's label was last drawn (screen coordinates)."""
        self.heading_rect: pygame.Rect | None = None
        """Where the off-map heading was last drawn, if it was."""
        self.scale = 1.0
        """The UI scale: the off-map panels, their column and heading grow with it (set it
        before :meth:`layout`)."""
        self._shapes: list[_Shape] = []
        self._panels: dict[str, pygame.Rect] = {}
        self._boxes: dict[str, pygame.Rect] = {}
        self._cache: pygame.Surface | None = None
        self._cache_key: tuple[Any, ...] | None = None
        self._project: Callable[[float, float], Point] | None = None
        self._plan: list[_Label] | None = None
        self._plan_key: tuple[Any, ...] | None = None
        self._land_mask: pygame.mask.Mask | None = None
        self._masks: dict[str, tuple[pygame.mask.Mask, tuple[int, int]]] | None = None
        self._owners: pygame.Surface | None = None
        self.badge_rects: dict[str, pygame.Rect] = {}
        """The nations shown by their badge alone (no room for a name that follows the
        rules); the tooltip and the legend name them."""
        self.leaders: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
        """Each leader line drawn: (start at the label, end inside the region), screen
        coordinates."""
        self.marker: tuple[tuple[int, int], int] | None = None
        """The ring drawn round the selected nation where it is small or has no name on the
        map: (centre, radius), screen coordinates."""

    # -- what is on the map --------------------------------------------------------------

    @property
    def fallback(self) -> bool:
        """True when the asset did not load and the plain grid of boxes is shown."""
        return self.data is None

    @property
    def regions(self) -> list[tuple[str, str, str | None]]:
        """(id, name, part_of) of every region drawn (the boxes, in the fallback)."""
        if self.data is None:
            return [(r, self._box_name(r), None) for r in self._fallback_ids]
        return [(r.id, self._name(r.id, r.name), r.part_of) for r in self.data.regions]

    @property
    def off_map(self) -> list[tuple[str, str]]:
        """(id, name) of the nations drawn as panels beside the map."""
        if self.data is None:
            return []
        return [(i, self._name(i, n)) for i, n in self.data.off_map]

    def _name(self, rid: str, asset_name: str) -> str:
        """A region's name: the scenario's (set_names), else the asset's in the language in
        use."""
        return self.names.get(rid) or (_(asset_name) if asset_name else rid)

    def _box_name(self, rid: str) -> str:
        return self._name(rid, DEFAULT_NATIONS.get(rid) or rid.replace("_", " ").title())

    def owner(self, region_id: str) -> str:
        """The nation a region belongs to: its ``part_of``, else itself ("bessarabia" ->
        "romania")."""
        if self.data is not None:
            for r in self.data.regions:
                if r.id == region_id and r.part_of:
                    return r.part_of
        return region_id

    def set_names(self, names: Mapping[str, str]) -> None:
        """Names to show instead of the asset's (a translated scenario's nation names). In the
        fallback, the boxes are exactly these ids, in this order."""
        self.names = dict(names)
        if self.data is None and names:
            self._fallback_ids = list(names)
        self._cache_key = None
        if self.rect.width or self.rect.height:
            self.layout(self.rect, self._panel_shape)

    def set_player(self, player: str) -> None:
        """Draw as the player's own the region named like the scenario's ``player`` (its id or
        its name on the map, in English or the language in use: "Poland" or "Polen" ->
        ``poland``); none if no region is named so."""
        want = player.strip().lower()
        asset = {r.id: r.name for r in self.data.regions} if self.data is not None else {}
        for rid, name, _part in self.regions:
            if want in (rid, rid.replace("_", " "), name.lower(), asset.get(rid, name).lower()):
                self.player_region = rid
                break
        else:
            self.player_region = ""
        self._cache_key = None

    # -- geometry ------------------------------------------------------------------------

    def _px(self, value: float) -> int:
        """A length at scale 1, in pixels at :attr:`scale`."""
        return round(value * self.scale)

    def layout(self, rect: pygame.Rect, shape: tuple[int, int] | None = None) -> None:
        """Fit the map into ``rect`` (screen coordinates). Cheap to call on every resize.

        ``shape`` (width, height) decides where the off-map panels go, under the map in a
        tall shape, beside it in a wide one; by default the shape of ``rect``. A screen whose
        room for the map changes from turn to turn (a banner over it, a panel under it) gives
        the shape of its usual room, so that the panels keep their place."""
        self.rect = pygame.Rect(rect)
        self._panel_shape = shape
        width, height = shape or self.rect.size
        header = self._px(PANEL_HEADER)
        self._shapes, self._panels, self._boxes = [], {}, {}
        self._cache, self._cache_key = None, None
        self._plan, self._plan_key, self._land_mask, self._masks = None, None, None, None
        self._owners = None
        self._project = None
        if self.rect.width < MIN_SIZE or self.rect.height < MIN_SIZE:
            self._map_rect = pygame.Rect(self.rect.topleft, (0, 0))
            self._panels = {i: pygame.Rect(self.rect.topleft, (0, 0)) for i, _ in self.off_map}
            return
        if self.data is None:
            self._map_rect = pygame.Rect(self.rect.topleft, (0, 0))
            self._layout_boxes()
            return
        offs = self.data.off_map
        if offs and height > width * 1.05 and self.rect.width >= 4 * 60 \
                and self.rect.height >= 4 * MIN_SIZE + header:
            # A tall, narrow view (a small window): the panels in a row under the map, which
            # then has the whole width.
            row = max(self._px(36), min(self._px(64), self.rect.height // 7))
            area = pygame.Rect(self.rect.x, self.rect.y, self.rect.width,
                               self.rect.height - row - 4 - header)
            self._layout_map(area)
            top = min(self._map_rect.bottom, area.bottom) + 4 + header
            self._layout_panel_row(pygame.Rect(self.rect.x, top, self.rect.width, row))
            return
        col = 0
        if offs:
            col = max(self._px(90), min(self._px(200), self.rect.width // 7))
            if self.rect.width - col < 2 * MIN_SIZE:
                col = 0  # too narrow for a column: the panels are left out
        area = pygame.Rect(self.rect.x, self.rect.y, self.rect.width - col, self.rect.height)
        self._layout_map(area)
        if offs and not col:
            self._panels = {i: pygame.Rect(area.topright, (0, 0)) for i, _ in offs}
        elif offs:
            self._layout_panels(pygame.Rect(area.right, self.rect.y, col, self.rect.height))

    def _layout_map(self, area: pygame.Rect) -> None:
        assert self.data is not None
        lon0, lon1, lat0, lat1 = self.data.view
        blon0, blon1, blat0, blat1 = self.data.bounds
        k = math.cos(math.radians((lat0 + lat1) / 2))  # equirectangular, true at mid-latitude
        # Fit the view box, then widen it to the area's shape, but no further than the data.
        scale = min(area.width / ((lon1 - lon0) * k), area.height / (lat1 - lat0))
        clon, clat = (lon0 + lon1) / 2, (lat0 + lat1) / 2
        half_lon = min(area.width / scale / k / 2, max(clon - blon0, blon1 - clon))
        half_lat = min(area.height / scale / 2, max(clat - blat0, blat1 - clat))
        half_lon = max(half_lon, (lon1 - lon0) / 2)
        half_lat = max(half_lat, (lat1 - lat0) / 2)
        w, h = round(2 * half_lon * k * scale), round(2 * half_lat * scale)
        self._map_rect = pygame.Rect(0, 0, min(w, area.width), min(h, area.height))
        self._map_rect.center = area.center
        mx, my = self._map_rect.center

        def project(lon: float, lat: float) -> Point:
            return mx + (lon - clon) * k * scale, my - (lat - clat) * scale

        self._project = project
        for region in self.data.regions:
            polys = [[project(lon, lat) for lon, lat in poly] for poly in region.polygons]
            ints = [[(round(x), round(y)) for x, y in p] for p in polys]
            xs = [x for p in ints for x, _y in p]
            ys = [y for p in ints for _x, y in p]
            bbox = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
            self._shapes.append(_Shape(region, polys, ints, bbox, _edge_points(polys)))

    def _layout_panels(self, column: pygame.Rect) -> None:
        ids = [i for i, _ in self.off_map]
        pad = self._px(8)
        gap = self._px(6)
        header = self._px(PANEL_HEADER)
        top = header if column.height >= 6 * header else 0
        room = column.height - top - 2 * pad - gap * (len(ids) - 1)
        h = min(self._px(64), room // max(1, len(ids)))
        if h < self._px(12):  # no room for readable panels: leave them out
            self._panels = {i: pygame.Rect(column.topleft, (0, 0)) for i in ids}
            return
        y = column.y + top + pad
        for i in ids:
            self._panels[i] = pygame.Rect(column.x + pad // 2, y, column.width - pad - pad // 2, h)
            y += h + gap

    def _layout_panel_row(self, row: pygame.Rect) -> None:
        ids = [i for i, _ in self.off_map]
        gap = self._px(6)
        w = (row.width - gap * (len(ids) + 1)) // max(1, len(ids))
        x = row.x + gap
        for i in ids:
            self._panels[i] = pygame.Rect(x, row.y, w, row.height)
            x += w + gap

    def _layout_boxes(self) -> None:
        ids = self._fallback_ids
        n = max(1, len(ids))
        r = self.rect
        cols = max(1, min(n, round(math.sqrt(n * r.width / max(1, r.height)))))
        rows = (n + cols - 1) // cols
        w, h = r.width // cols, r.height // rows
        for k, rid in enumerate(ids):
            self._boxes[rid] = pygame.Rect(r.x + (k % cols) * w + 3, r.y + (k // cols) * h + 3,
                                           max(0, w - 6), max(0, h - 6))

    def to_screen(self, lon: float, lat: float) -> tuple[int, int] | None:
        """Where a place is drawn, or None before layout / in the fallback / when too small."""
        if self._project is None:
            return None
        x, y = self._project(lon, lat)
        return round(x), round(y)

    def map_rect(self) -> pygame.Rect:
        """The part of the layout rect the map itself fills (the rest is the panel column)."""
        return pygame.Rect(self._map_rect)

    def off_map_rects(self) -> dict[str, pygame.Rect]:
        """Where each off-map nation's panel is (empty rects when the view is too small)."""
        return {i: pygame.Rect(r) for i, r in self._panels.items()}

    def region_at(self, pos: tuple[int, int]) -> str | None:
        """The region or off-map nation under ``pos``: its own id ("bessarabia", not its
        owner; see ``owner``), or None over the sea or outside the view."""
        for rid, box in self._panels.items():
            if box.collidepoint(pos):
                return rid
        for rid, box in self._boxes.items():
            if box.collidepoint(pos):
                return rid
        if not self._map_rect.collidepoint(pos):
            return None
        x, y = pos[0] + 0.5, pos[1] + 0.5
        for shape in self._shapes:
            if shape.bbox.collidepoint(pos) and any(
                    _point_in_polygon(x, y, p) for p in shape.polys):
                return shape.region.id
        return None

    # -- drawing -------------------------------------------------------------------------

    def style_of(self, region_id: str, styles: Mapping[str, RegionStyle],
                 part_of: str | None = None) -> RegionStyle:
        """The style a region is drawn in: its own, its owner's, the player's, or grey."""
        style = styles.get(region_id) or (styles.get(part_of) if part_of else None)
        if style is None:
            owner = part_of or region_id
            style = PLAYER_STYLE if owner == self.player_region else CONTEXT_STYLE
        return style

    def draw(self, surface: pygame.Surface, styles: Mapping[str, RegionStyle],
             hover: str | None, selected: str | None, font: pygame.font.Font) -> None:
        """Draw the map into the rect of the last ``layout``. ``hover`` and ``selected`` are
        region or nation ids; a nation's parts (``part_of``) are outlined with it."""
        if self._map_rect.width <= 0 and not self._boxes:
            return
        # The selected nation's name is placed first, so that it is found on a small map.
        focus = selected if any(s.region.id == selected for s in self._shapes) else None
        key = (self.rect.size, tuple(sorted(styles.items())), id(font), font.get_height(),
               tuple(sorted(self.names.items())), current_language(), focus)
        if self._cache is None or key != self._cache_key:
            self._cache = self._render_static(styles, font, focus)
            self._cache_key = key
        surface.blit(self._cache, self.rect.topleft)
        clip = surface.get_clip()
        self.marker = None
        try:
            for target, colour, width in ((hover, HOVER_EDGE, 2), (selected, SELECTED_EDGE, 3)):
                if target:
                    surface.set_clip(self.rect.clip(clip))
                    self._outline_box(surface, target, colour, width)
                    surface.set_clip(self._map_rect.clip(clip))
                    self._outline_region(surface, target, colour, width)
            if focus:
                surface.set_clip(self._map_rect.clip(clip))
                self._show_focus(surface, focus)
        finally:
            surface.set_clip(clip)

    def _show_focus(self, surface: pygame.Surface, focus: str) -> None:
        """Make the selected nation easy to find: its name (and badge) over its outline; a
        ring round it where it is small or its name found no place (a Baltic state on the
        small map over a nation's panel)."""
        rect = self.label_rects.get(focus) or self.badge_rects.get(focus)
        if rect is not None and self._cache is not None:
            surface.blit(self._cache, rect.topleft, rect.move(-self.rect.x, -self.rect.y))
        boxes = [s.bbox for s in self._shapes if focus in (s.region.id, s.region.part_of)]
        box = boxes[0].unionall(boxes[1:])
        small = max(box.width, box.height) < MARK_SMALL * self.scale
        if focus in self.label_rects and not small:
            return
        main = max((s for s in self._shapes if s.region.id == focus),
                   key=lambda s: s.bbox.width * s.bbox.height)
        centre = main.bbox.center
        radius = max(round(MARK_SMALL * self.scale / 2),
                     math.ceil(math.hypot(main.bbox.width, main.bbox.height) / 2) + 4)
        for colour, width in ((BORDER, 4), (SELECTED_EDGE, 2)):
            ring = pygame.draw.circle(surface, colour, centre, radius, width)
        if self._cache is not None:  # the ring runs under the other names, which stay whole
            for other in [*self.label_rects.values(), *self.badge_rects.values()]:
                if other.colliderect(ring) and other is not rect:
                    surface.blit(self._cache, other.topleft,
                                 other.move(-self.rect.x, -self.rect.y))
        self.marker = (centre, radius)

    def _outline_box(self, surface: pygame.Surface, target: str, colour: Colour,
                     width: int) -> None:
        for rid, box in list(self._panels.items()) + list(self._boxes.items()):
            if rid == target and box.width > 2 and box.height > 2:
                pygame.draw.rect(surface, BORDER, box.inflate(2, 2), width + 2, border_radius=4)
                pygame.draw.rect(surface, colour, box, width, border_radius=4)

    def _outline_region(self, surface: pygame.Surface, target: str, colour: Colour,
                        width: int) -> None:
        for shape in self._shapes:
            if target in (shape.region.id, shape.region.part_of):
                for p in shape.ints:
                    pygame.draw.lines(surface, BORDER, True, p, width + 2)
                    pygame.draw.lines(surface, colour, True, p, width)

    def _render_static(self, styles: Mapping[str, RegionStyle], font: pygame.font.Font,
                       focus: str | None = None) -> pygame.Surface:
        """Everything that changes only with the size, the styles, the names or the nation
        whose name is placed first (``focus``)."""
        canvas = pygame.Surface(self.rect.size)
        if pygame.display.get_surface() is not None:
            canvas = canvas.convert()
        canvas.fill(SEA)
        ox, oy = self.rect.topleft
        local = pygame.Rect(self._map_rect.x - ox, self._map_rect.y - oy, *self._map_rect.size)
        canvas.set_clip(local)  # the panels' column is not drawn over
        for shape in self._shapes:
            polys = [[(x - ox, y - oy) for x, y in p] for p in shape.ints]
            style = self.style_of(shape.region.id, styles, shape.region.part_of)
            _fill_polygons(canvas, polys, style, (ox, oy))
        for shape in self._shapes:
            for p in shape.ints:
                pygame.draw.aalines(canvas, BORDER, True, [(x - ox, y - oy) for x, y in p])
        if self._shapes:
            self._draw_labels(canvas, styles, font, (ox, oy), local, focus)
        canvas.set_clip(None)
        for rid, box in self._panels.items():
            name = dict(self.off_map).get(rid, rid)
            self._draw_box(canvas, box.move(-ox, -oy), name, self.style_of(rid, styles), font)
        for rid, box in self._boxes.items():
            self._draw_box(canvas, box.move(-ox, -oy), self._box_name(rid),
                           self.style_of(rid, styles), font)
        self.heading_rect = None
        if self._panels:
            # The heading above the panels, only where it clears the map itself.
            first = min(self._panels.values(), key=lambda r: (r.y, r.x))
            note = font.render(_(OFF_MAP_HEADER), True, (200, 200, 205))
            spot = note.get_rect(bottomleft=(first.x, first.y - 2))
            if spot.top >= self.rect.y and spot.right <= self.rect.right \
                    and not spot.colliderect(self._map_rect) and first.width > 2:
                canvas.blit(note, spot.move(-ox, -oy))
                self.heading_rect = spot
        return canvas

    def _draw_box(self, canvas: pygame.Surface, box: pygame.Rect, name: str,
                  style: RegionStyle, font: pygame.font.Font) -> None:
        if box.width <= 2 or box.height <= 2:
            return
        _fill_polygons(canvas, [[box.topleft, box.topright, box.bottomright, box.bottomleft]],
                       style)
        pygame.draw.rect(canvas, BORDER, box, 1, border_radius=4)
        img = _halo_text(font, name, LABEL)
        badge_w = badge_width(font, style)
        two_lines = box.height >= 2 * img.get_height() + 4
        if img.get_width() + badge_w > box.width - 6 and (
                not two_lines or img.get_width() > box.width - 6):
            img = _halo_text(font, short_name(name), LABEL)
        if img.get_width() > box.width or img.get_height() > box.height + 4:
            return
        if img.get_width() + badge_w <= box.width - 6:  # name and symbol on one line
            spot = pygame.Rect(0, 0, img.get_width() + badge_w, img.get_height())
            spot.center = box.center
            canvas.blit(img, spot.topleft)
            if badge_w:
                _badge(canvas, font, style, (spot.right - badge_w // 2 + 1, spot.centery))
        else:  # the symbol under the name
            canvas.blit(img, img.get_rect(midbottom=(box.centerx, box.centery)))
            if badge_w and two_lines:
                _badge(canvas, font, style, (box.centerx, box.centery + img.get_height() // 2))

    def _draw_labels(self, canvas: pygame.Surface, styles: Mapping[str, RegionStyle],
                     font: pygame.font.Font, origin: tuple[int, int], area: pygame.Rect,
                     focus: str | None = None) -> None:
        """Draw the labels of :meth:`_plan_labels` (planned once per size, names, set of
        badges and ``focus``, not per frame or per colour)."""
        ox, oy = origin
        key = (self.rect.size, id(font), font.get_height(), tuple(sorted(self.names.items())),
               current_language(), self.player_region,
               tuple(sorted((r, s.symbol, s.marked, s.war) for r, s in styles.items())), focus)
        if self._plan is None or key != self._plan_key:
            self._plan = self._plan_labels(styles, font, origin, area, focus)
            self._plan_key = key
        self.label_rects, self.badge_rects, self.leaders = {}, {}, {}
        for lab in self._plan:
            if lab.leader:
                start, end = lab.leader
                pygame.draw.line(canvas, HALO, start, end, 3)
                pygame.draw.line(canvas, LABEL, start, end, 1)
                pygame.draw.circle(canvas, LABEL, end, 2)
                self.leaders[lab.region] = ((start[0] + ox, start[1] + oy),
                                            (end[0] + ox, end[1] + oy))
            style = styles.get(lab.region) if lab.badge_w else None
            if lab.img is not None:
                canvas.blit(lab.img, lab.spot.topleft)
                self.label_rects[lab.region] = lab.spot.move(ox, oy)
            else:
                self.badge_rects[lab.region] = lab.spot.move(ox, oy)
            if style:
                _badge(canvas, font, style, (lab.spot.right - lab.badge_w // 2 + 1,
                                             lab.spot.centery))

    def _plan_labels(self, styles: Mapping[str, RegionStyle], font: pygame.font.Font,
                     origin: tuple[int, int], area: pygame.Rect,
                     focus: str | None = None) -> list[_Label]:
        """Where the names go: the game's nations first (``focus``, the one selected, before
        all), the smallest first (they have the fewest spots), each with its relation badge.
        A nation's name sits on its own land if it can (its letters on the region, only their
        outline over the coast, none over another country: see ``ON_OWN``; nudged, or
        shortened: "Latvia", "Latv."; without its badge if need be), never half on the sea,
        where it would read as the sea's name; else over the sea next to it with a short
        leader line pointing at it (at most ``LEADER_MAX``
        label heights, over its own region or the sea only, clear of the other labels), the
        nearest such spot first. A nation left without a name moves its neighbours' names
        where that makes room for all of them. Then the name of a part or of a country outside
        the game, only where it fits on its region, near its place, clear of the others; then
        the badges not yet shown, alone on their regions. A nation with neither is told by
        the hover tooltip and the legend. (Canvas coordinates.)"""
        ox, oy = origin
        project = self._project
        plan: list[_Label] = []
        if project is None:
            return plan
        masks = self._region_masks(origin, area)

        sizes = {rid: mask.count() for rid, (mask, _at) in masks.items()}

        def rank(s: _Shape) -> tuple[int, int]:
            rid = s.region.id
            owner = s.region.part_of or rid
            nation = rid in styles or rid == self.player_region
            in_game = nation or owner in styles or owner == self.player_region
            return (0 if nation else 1 if in_game else 2, sizes.get(rid, 0))

        shapes = []
        anchors: dict[str, tuple[int, int]] = {}
        for shape in sorted(self._shapes, key=rank):
            x, y = project(*shape.region.label_at)
            anchor = (round(x) - ox, round(y) - oy)
            if area.collidepoint(anchor):
                shapes.append(shape)
                anchors[shape.region.id] = anchor

        def family(rid: str) -> list[str]:
            """A region and its parts drawn as it is (not nations of their own)."""
            return [rid] + [s.region.id for s in self._shapes
                            if s.region.part_of == rid and s.region.id not in styles]

        # The spots of each label on its region, and beside it with a leader line, do not
        # depend on the other labels: found once, as far as they are asked for.
        images: dict[str, list[pygame.Surface]] = {}
        letters: dict[str, list[pygame.mask.Mask]] = {}
        inside: dict[tuple[str, int, int], _Lazy[pygame.Rect]] = {}
        beside: dict[tuple[str, int], _Lazy[tuple[pygame.Rect, _Line]]] = {}

        def clear(b: pygame.Rect, leader: _Line | None = None) -> bool:
            """Whether a label at ``b`` (with its leader line) is clear of the plan's."""
            box = b.inflate(2, -2)
            if any(box.colliderect(lab.spot.inflate(4, 0)) for lab in plan):
                return False
            if any(lab.leader and b.clipline(*lab.leader) for lab in plan):
                return False
            return leader is None or not any(lab.spot.inflate(4, 0).clipline(*leader)
                                             for lab in plan)

        def name_label(shape: _Shape) -> _Label | None:
            """The best spot for a region's name, clear of the plan's labels so far."""
            rid = shape.region.id
            main = rank(shape)[0] == 0
            badge_w = badge_width(font, styles.get(rid) if main else None)
            if rid not in images:
                name = self._name(rid, shape.region.name)
                texts = [name, short_name(name), tiny_name(name)] if main else [name]
                colour = LABEL if rank(shape)[0] < 2 else CONTEXT_LABEL
                images[rid] = [_halo_text(font, t, colour) for t in dict.fromkeys(texts)]
                letters[rid] = [_letters(font, t) for t in dict.fromkeys(texts)]
            # A name without its badge before no name: the colour, the pattern and the
            # tooltip tell the relation too, and the badge may still find a place of its own.
            widths = list(dict.fromkeys((badge_w, 0)))
            for bw in widths:
                for k, im in enumerate(images[rid]):
                    if (rid, k, bw) not in inside:
                        # Another country's name only close to its place and wholly on it.
                        inside[rid, k, bw] = _Lazy(self._inside_spots(
                            family(rid), _label_parts(im, bw, letters=letters[rid][k]),
                            anchors[rid], origin, area,
                            None if main else im.get_height()))
                    spot = next((b for b in inside[rid, k, bw] if clear(b)), None)
                    if spot is not None:
                        return _Label(rid, im, spot, bw)
            if not main:
                return None
            img = min(images[rid], key=lambda im: im.get_width())
            for bw in widths:
                if (rid, bw) not in beside:
                    beside[rid, bw] = _Lazy(self._leader_spots(
                        shape, img.get_width() + bw, img.get_height(), origin, area))
                found = next(((b, line) for b, line in beside[rid, bw] if clear(b, line)),
                             None)
                if found is not None:
                    return _Label(rid, img, found[0], bw, found[1])
            return None

        nations = sorted((s for s in shapes if rank(s)[0] == 0),
                         key=lambda s: s.region.id != focus)
        for shape in nations:
            label = name_label(shape)
            if label is not None:
                plan.append(label)
        by_id = {s.region.id: s for s in shapes}
        for shape in nations:
            if not any(lab.region == shape.region.id for lab in plan):
                self._make_room(shape, plan, by_id, name_label, font.get_height())
        for shape in shapes:
            if rank(shape)[0] > 0:
                label = name_label(shape)
                if label is not None:
                    plan.append(label)
        shown = {lab.region for lab in plan if lab.badge_w}
        names = {lab.region: lab.spot for lab in plan if lab.img is not None}
        h = font.get_height()
        for shape in nations:  # the badges not yet shown, alone (by the name, if it has one)
            rid = shape.region.id
            badge_w = badge_width(font, styles.get(rid))
            if badge_w and rid not in shown:
                badge = _label_parts(None, badge_w, h + 2)
                near = names[rid].inflate(4 * h, 3 * h) if rid in names else area
                # Not right beside another nation's label, where it would read as part of it.
                others = [lab.spot.inflate(h, 0) for lab in plan if lab.region != rid]
                spots = self._inside_spots(family(rid), badge, anchors[rid], origin, area)
                spot = next((b for b in spots if near.contains(b) and clear(b)
                             and b.collidelist(others) < 0), None)
                if spot is not None:
                    plan.append(_Label(rid, None, spot, badge_w))
        return plan

    def _make_room(self, shape: _Shape, plan: list[_Label], shapes: Mapping[str, _Shape],
                   name_label: Callable[[_Shape], _Label | None], height: int) -> None:
        """Find a name for ``shape`` by moving its neighbours' names: take one of the names
        near it away (the nearest first), then all of them; place its name, then put theirs
        back where they now fit. Changes ``plan`` only if every one of them finds a place."""
        reach = shape.bbox.move(-self.rect.x, -self.rect.y).inflate(
            2 * (LEADER_MAX + 1) * height, 2 * (LEADER_MAX + 1) * height)
        centre = reach.center
        near = sorted((lab for lab in plan if lab.img is not None and lab.spot.colliderect(reach)
                       and lab.region in shapes),
                      key=lambda lab: math.dist(lab.spot.center, centre))
        before = list(plan)
        for moved in [[lab] for lab in near] + ([near] if len(near) > 1 else []):
            plan[:] = [lab for lab in before if lab not in moved]
            mine = name_label(shape)
            if mine is not None:
                plan.append(mine)
                for lab in moved:
                    again = name_label(shapes[lab.region])
                    if again is None:
                        break
                    plan.append(again)
                else:
                    return
            plan[:] = before

    def _owner_at(self, pos: tuple[float, float]) -> str | None:
        """The region (screen coordinates) under ``pos``, None over the sea."""
        for shape in self._shapes:
            if shape.bbox.collidepoint(pos) and any(
                    _point_in_polygon(pos[0], pos[1], p) for p in shape.polys):
                return shape.region.id
        return None

    def _inside_spots(self, regions: Sequence[str], parts: list[_Part],
                      anchor: tuple[int, int], origin: tuple[int, int], area: pygame.Rect,
                      reach: int | None = None) -> Iterator[pygame.Rect]:
        """Where a label (its parts' pixels, see :func:`_label_parts`) sits on its own
        region (``regions``: it, and its parts drawn as it is), the nearest spot to ``anchor``
        first: inside the map, each part (the name, the badge) with at least ``ON_OWN`` of
        its letters' pixels over its region, at most ``ON_OTHER`` of its pixels over any other
        country. First the spots with the outline too on the region (``ON_OWN_FIRST``: a
        label wholly on its land reads best), then those with the outline over the coast,
        then those touching a border. ``reach``: only spots this close to ``anchor``
        (pixels), and only wholly on the region. Canvas coordinates."""
        masks = self._region_masks(origin, area)
        drawn = [masks[r] for r in regions if r in masks]
        if not drawn or not parts:
            return
        boxes = [pygame.Rect(at, m.get_size()) for m, at in drawn]
        union = boxes[0].unionall(boxes[1:])
        own = pygame.mask.Mask(union.size)
        for m, (x, y) in drawn:
            own.draw(m, (x - union.x, y - union.y))
        mx, my = union.topleft
        # The letters keep a pixel clear of the coast and the borders: the mouse's hit test
        # and the drawn outline may differ by one.
        inner = own
        for shift in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            inner = inner.overlap_mask(own, shift)
        allowed = {*regions, None}
        land = self._land(origin, area)
        w = max(dx + m.get_size()[0] for m, _core, dx in parts)
        h = max(m.get_size()[1] for m, _core, _dx in parts)
        counts = [(m, core, dx, max(1, m.count()), max(1, core.count()))
                  for m, core, dx in parts]
        ax, ay = anchor
        if reach is None:
            # Fine steps on a small region (a tight fit is often the only one), coarser on a
            # large one (where the first spots fit).
            rw, rh = own.get_size()
            step = max(2, h // 8, math.ceil(math.sqrt(rw * rh / SPOTS)))
            xs = range(mx, mx + rw + 1, step)
            ys = range(my, my + rh + 1, step)
            spots = [(0, ax, ay)] + sorted(((x - ax) ** 2 + (y - ay) ** 2, x, y)
                                           for y in ys for x in xs)
        else:
            near = range(-reach, reach + 1, max(2, h // 4))
            spots = sorted((dx * dx + dy * dy, ax + dx, ay + dy) for dy in near for dx in near)

        def shares(b: pygame.Rect) -> tuple[float, float, float]:
            """The least share of a part's letters over its region, the least share of a
            part's pixels (with the outline) over it, and the most over another country."""
            letters_least, mine_least, other_most = 1.0, 1.0, 0.0
            for m, core, dx, total, core_total in counts:
                at = (b.x + dx - mx, b.y - my)
                letters_least = min(letters_least, inner.overlap_area(core, at) / core_total)
                mine = own.overlap_area(m, at)
                other = land.overlap_area(m, (b.x + dx - area.x, b.y - area.y)) - mine
                mine_least = min(mine_least, mine / total)
                other_most = max(other_most, other / total)
            return letters_least, mine_least, other_most

        # Best first: wholly on its region; its outline over the coast; touching a border.
        later: tuple[list[pygame.Rect], list[pygame.Rect]] = ([], [])
        for _d, x, y in spots:
            b = pygame.Rect(0, 0, w, h)
            b.center = (x, y)
            # A label whose middle is over another country is not on its own (a quick test
            # that spares most of the spots of a small region the count of its pixels).
            if area.contains(b) and self._owner_px(b.center, origin, area) in allowed:
                letters, mine, other = shares(b)
                if letters < ON_OWN:
                    continue
                if mine >= ON_OWN_FIRST and not other:
                    yield b
                elif reach is None and other <= ON_OTHER:
                    later[1 if other else 0].append(b)
        yield from later[0]
        yield from later[1]

    def _region_masks(self, origin: tuple[int, int], area: pygame.Rect,
                      ) -> dict[str, tuple[pygame.mask.Mask, tuple[int, int]]]:
        """Each region's pixels as drawn (a later region over an earlier one), in the map
        area: (mask, its top left in canvas coordinates) by region id."""
        if self._masks is None:
            ox, oy = origin
            surf = pygame.Surface(area.size)
            surf.fill((0, 0, 0))
            for k, shape in enumerate(self._shapes, start=1):
                for p in shape.ints:
                    if len(p) >= 3:
                        pygame.draw.polygon(surf, (k & 255, k >> 8, 255),
                                            [(x - ox - area.x, y - oy - area.y) for x, y in p])
            self._owners = surf
            self._masks = {}
            for k, shape in enumerate(self._shapes, start=1):
                box = shape.bbox.move(-ox - area.x, -oy - area.y).clip(surf.get_rect())
                if box.width <= 0 or box.height <= 0:
                    continue
                mask = pygame.mask.from_threshold(surf.subsurface(box), (k & 255, k >> 8, 255),
                                                  (1, 1, 1, 255))
                self._masks[shape.region.id] = (mask, (box.x + area.x, box.y + area.y))
        return self._masks

    def _owner_px(self, pos: tuple[float, float], origin: tuple[int, int],
                  area: pygame.Rect) -> str | None:
        """The region drawn at ``pos`` (canvas coordinates), None over the sea."""
        self._region_masks(origin, area)
        x, y = int(pos[0]) - area.x, int(pos[1]) - area.y
        if self._owners is None or not self._owners.get_rect().collidepoint(x, y):
            return None
        r, g, b, _a = self._owners.get_at((x, y))
        k = r + (g << 8)
        return self._shapes[k - 1].region.id if b == 255 and 0 < k <= len(self._shapes) \
            else None

    def _land(self, origin: tuple[int, int], area: pygame.Rect) -> pygame.mask.Mask:
        """Where there is land, in the map area (a mask at ``area``'s top left)."""
        if self._land_mask is None:
            self._land_mask = pygame.mask.Mask(area.size)
            for mask, (x, y) in self._region_masks(origin, area).values():
                self._land_mask.draw(mask, (x - area.x, y - area.y))
        return self._land_mask

    def _leader_spots(self, shape: _Shape, w: int, h: int, origin: tuple[int, int],
                      area: pygame.Rect) -> Iterator[tuple[pygame.Rect, _Line]]:
        """Boxes of w x h over the sea beside a region, each with the leader line to it, the
        nearest first: each line at most LEADER_MAX label heights, over its own region or
        the sea only. (box, (start on the box, end inside the region)), canvas coordinates."""
        ox, oy = origin
        own = shape.region.id
        limit = LEADER_MAX * h
        land = self._land(origin, area)
        inner = pygame.Mask((max(1, w - 4), max(1, h - 4)), fill=True)
        bx = shape.bbox.move(-ox, -oy)
        size = land.get_size()

        def sea(x: int, y: int) -> bool:
            x, y = x - area.x, y - area.y
            return 0 <= x < size[0] and 0 <= y < size[1] and not land.get_at((x, y))

        # A line reaches its region from the sea: it ends at the coast, not at a border.
        edge = [(x - ox, y - oy) for x, y in shape.edge
                if any(sea(round(x - ox) + dx, round(y - oy) + dy)
                       for dx in (-2, 0, 2) for dy in (-2, 0, 2))]
        if not edge:
            return
        reach = int(limit) + 2
        step = max(2, h // 3)
        found: list[tuple[float, int, int, pygame.Rect]] = []
        for top in range(bx.top - reach - h, bx.bottom + reach + 1, step):
            for left in range(bx.left - reach - w, bx.right + reach + 1, step):
                b = pygame.Rect(left, top, w, h)
                gx = max(bx.left - b.right, b.left - bx.right, 0)
                gy = max(bx.top - b.bottom, b.top - bx.bottom, 0)
                if gx * gx + gy * gy > limit * limit or not area.contains(b):
                    continue
                if land.overlap_area(inner, (b.x + 2 - area.x, b.y + 2 - area.y)):
                    continue  # not over the sea
                dist = min(_gap(b, p) for p in edge)
                if dist <= limit * limit:
                    found.append((dist, top, left, b))
        found.sort(key=lambda f: f[:3])
        inset = max(3, h // 5)

        def at(p: tuple[float, float]) -> str | None:
            return self._owner_px(p, origin, area)

        def line(b: pygame.Rect, nx: float, ny: float) -> _Line | None:
            """The line from ``b`` to the coast at (nx, ny) and a little inland, if it runs
            over its own region or the sea only and is short enough."""
            start = (min(max(nx, b.left), b.right - 1), min(max(ny, b.top), b.bottom - 1))
            dx, dy = nx - start[0], ny - start[1]
            length = math.hypot(dx, dy)
            ux, uy = (dx / length, dy / length) if length > 0.5 else (0.0, 0.0)
            end = (round(nx + ux * inset), round(ny + uy * inset))
            if at(end) != own:
                end = (round(nx - ux), round(ny - uy))
                if at(end) != own:
                    return None
            s = (round(start[0]), round(start[1]))
            if math.dist(s, end) > limit:
                return None
            n = max(2, int(math.dist(s, end) / 1.5))
            samples = [(s[0] + (end[0] - s[0]) * i / n + 0.5, s[1] + (end[1] - s[1]) * i / n
                        + 0.5) for i in range(n + 1)]
            return (s, end) if all(at(p) in (own, None) for p in samples) else None

        for _dist, _top, _left, b in found:
            # The nearest point of the coast first; a farther one where the line to it would
            # cross another country.
            for gap, (nx, ny) in sorted((_gap(b, p), p) for p in edge):
                if gap > limit * limit:
                    break
                found_line = line(b, nx, ny)
                if found_line is not None:
                    yield b, found_line
                    break


def _gap(b: pygame.Rect, p: tuple[float, float]) -> float:
    """The squared distance from a box to a point (0 inside it)."""
    x, y = p
    return max(b.left - x, 0.0, x - b.right) ** 2 + max(b.top - y, 0.0, y - b.bottom) ** 2


_Line = tuple[tuple[int, int], tuple[int, int]]
T = TypeVar("T")


class _Lazy(Generic[T]):
    """A sequence worked out only as far as it is read, and kept for the next reader."""

    def __init__(self, items: Iterable[T]) -> None:
        self._items = iter(items)
        self._seen: list[T] = []

    def __iter__(self) -> Iterator[T]:
        k = 0
        while True:
            if k == len(self._seen):
                try:
                    self._seen.append(next(self._items))
                except StopIteration:
                    return
            yield self._seen[k]
            k += 1



MARK_SMALL = 36
"""A nation this small (its widest side, in pixels at scale 1) gets a ring round it when it
is selected, besides its outline."""
LEADER_MAX = 3
"""A leader line is at most this many label heights long (so it grows with the UI)."""
ON_OWN = 0.97
"""A label on its region has (all but the edge pixels of) its letters over that region: at
least this share of the letters' own pixels (without their outline) and of the badge's box
lies over it. Where half a name stood over the sea, it read as the sea's name ("Est." on the
Gulf of Finland): a name that fits on its land nowhere is put beside it, its leader line
pointing at it, or left to the badge and the tooltip."""
ON_OWN_FIRST = 0.85
"""Spots with at least this share of the letters' outline over the region too (the label
wholly on its land) are tried first; then those whose outline runs over the coast."""
ON_OTHER = 0.01
"""At most this share of a label's pixels (with their outline) may lie over another country,
where it fits no other way: the outline of a letter touching the border, no letter on the
neighbour."""
SPOTS = 4000
"""About how many spots of a region are tried for a label on it."""

_Part = tuple[pygame.mask.Mask, pygame.mask.Mask, int]
"""A part of a label: its pixels as drawn (the letters with their outline; the badge's box),
the pixels that must lie on its region (the letters; the box within its edge), and its x in
the label."""


def _label_parts(img: pygame.Surface | None, badge_w: int, height: int = 0,
                 letters: pygame.mask.Mask | None = None) -> list[_Part]:
    """The pixels of a label's parts: its name (``img``, with ``letters``, the pixels of its
    letters without their outline, see :func:`_letters`; by default all of them), and its
    badge (``badge_w`` wide, at the right) as a solid box; ``height`` for a badge alone."""
    parts: list[_Part] = []
    h = height
    if img is not None:
        drawn = pygame.mask.from_surface(img)
        parts.append((drawn, letters if letters is not None else drawn, 0))
        h = img.get_height()
    if badge_w:
        box = pygame.mask.Mask((badge_w, h), fill=True)
        inner = pygame.mask.Mask((badge_w, h))
        inner.draw(pygame.mask.Mask((max(1, badge_w - 2), max(1, h - 2)), fill=True), (1, 1))
        parts.append((box, inner, img.get_width() if img is not None else 0))
    return parts


@dataclass
class _Label:
    """A label as planned: its name (None: the badge alone), where, and its leader line."""

    region: str
    img: pygame.Surface | None
    spot: pygame.Rect
    badge_w: int
    leader: tuple[tuple[int, int], tuple[int, int]] | None = None


_SHORT = {"Lithuania": "Lith.", "Latvia": "Latv.", "Estonia": "Est.",
          "Czechoslovakia": "Czech.", "Bessarabia": "Bess.", "Switzerland": "Switz.",
          "Netherlands": "Neth.", "Luxembourg": "Lux.", "Yugoslavia": "Yugo.",
          "United States": "USA", "United Kingdom": "UK"}


_VOWELS = frozenset("aeiouyäöüéèàâêîôû")


def short_name(name: str) -> str:
    """An abbreviation for a crowded label: "Lithuania" -> "Lith.", "Hungary" -> "Hung.", a
    name of several words by its initials ("Vereinigtes Königreich" -> "VK", not "Vere.",
    which would be the United States too)."""
    if name in _SHORT:
        return _SHORT[name]
    initials = [word[0] for word in name.split() if word[:1].isupper()]
    if len(initials) >= 2 and len(name) > 6:
        return "".join(initials)
    if len(name) <= 6:
        return name
    # Cut after a consonant, as abbreviations are: "Österreich" -> "Öst.", not "Öste."
    # (German play-test), "Rumänien" -> "Rum.", "Litauen" -> "Lit.".
    return _cut(name, 4)


def _cut(name: str, letters: int) -> str:
    """``name``'s first ``letters`` letters less the vowels they end in, with a point."""
    stem = name[:letters]
    while len(stem) > 2 and stem[-1].lower() in _VOWELS:
        stem = stem[:-1]
    return stem + "."


def tiny_name(name: str) -> str:
    """The shortest label a crowded map still reads: "Poland" -> "Pol.", "Spain" -> "Spa."."""
    short = short_name(name)
    return short if len(short) <= 5 else name[:3] + "."


def nation_regions(view: MapView) -> Iterable[str]:
    """Every id a nation can be drawn at: the regions (not parts) and the off-map panels."""
    yield from (rid for rid, _name, part_of in view.regions if part_of is None)
    yield from (rid for rid, _name in view.off_map)
