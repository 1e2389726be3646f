"""The curve of the expected score across a game, drawn like a chess engine's evaluation graph:
one point per decision, a line per continuation (the second dashed) with the 95% band of the
first, level lines for the player's final score and the historical path's, and the turning
points as numbered triangles (pointing up for the better, down for the worse), so it reads
without colour. The data and its words are :func:`game.present.turning_points.curve`."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.present.chart import nice_ticks, tick_text
from game.present.turning_points import Curve
from game.ui.charts import dashed
from game.ui.theme import Colour, Colours, Fonts

LINE_COLOURS: tuple[Colour, ...] = ((230, 160, 70), (120, 170, 235))


@dataclass
class DrawnCurve:
    """The picture and where its parts are, for pointing and clicking at them."""

    surface: pygame.Surface
    plot: pygame.Rect
    points: list[tuple[int, int]]
    """Where each point of the first line is (in the picture)."""
    marks: list[tuple[pygame.Rect, int]]
    """Each turning point's triangle and its rank."""

    def point_at(self, pos: tuple[int, int], reach: int = 12) -> int:
        """The point nearest ``pos`` (picture coordinates) along the x axis, if within the
        plot; -1 otherwise."""
        if not self.plot.inflate(reach * 2, reach * 2).collidepoint(pos) or not self.points:
            return -1
        return min(range(len(self.points)), key=lambda i: abs(self.points[i][0] - pos[0]))

    def mark_at(self, pos: tuple[int, int]) -> int:
        """The rank of the turning point whose triangle is under ``pos``, or 0."""
        return next((rank for rect, rank in self.marks if rect.inflate(6, 6).collidepoint(pos)),
                    0)




def _dotted(surface: pygame.Surface, colour: Colour, y: int, x0: int, x1: int) -> None:
    for x in range(x0, x1, 6):
        pygame.draw.line(surface, colour, (x, y), (min(x + 2, x1), y), 1)


def _triangle(surface: pygame.Surface, colour: Colour, x: int, y: int, size: int,
              up: bool) -> pygame.Rect:
    if up:
        pts = [(x, y - size), (x - size, y + size // 2), (x + size, y + size // 2)]
    else:
        pts = [(x, y + size), (x - size, y - size // 2), (x + size, y - size // 2)]
    pygame.draw.polygon(surface, colour, pts)
    pygame.draw.polygon(surface, (14, 17, 22), pts, 1)
    return pygame.Rect(x - size, y - size, 2 * size, 2 * size)


def draw_curve(size: tuple[int, int], data: Curve, fonts: Fonts, colours: Colours,
               selected: int = 0, scale: float = 1.0) -> DrawnCurve:
    """The curve as a new picture of ``size``; ``selected``: the rank of the turning point
    to ring (0 for none)."""
    w, h = max(60, int(size[0])), max(60, int(size[1]))
    surface = pygame.Surface((w, h))
    surface.fill(colours.panel)
    pygame.draw.rect(surface, colours.panel_edge, surface.get_rect(), 1)
    font = fonts.small()
    lh = font.get_linesize()
    pad = max(4, round(8 * scale))

    def px(v: float) -> int:
        return max(1, round(v * scale))

    # The legend: a sample of each line and level line, then its name; wraps onto more rows.
    x, y = pad, pad
    sample = px(28)
    items: list[tuple[str, Colour, str]] = []
    for k, line in enumerate(data.lines):
        items.append((line.name, LINE_COLOURS[k % len(LINE_COLOURS)],
                      "dashed" if line.dashed else "solid"))
    ref_colours = (colours.accent, colours.history)
    for k, (name, _value) in enumerate(data.references):
        items.append((name, ref_colours[k % 2], "dotted"))
    for name, colour, kind in items:
        img = font.render(name, True, colours.text)
        item_w = sample + px(6) + img.get_width() + px(16)
        if x > pad and x + item_w > w - pad:
            x, y = pad, y + lh
        mid = y + lh // 2
        if kind == "dashed":
            dashed(surface, colour, [(x, mid), (x + sample, mid)], px(3))
        elif kind == "dotted":
            _dotted(surface, colour, mid, x, x + sample)
        else:
            pygame.draw.line(surface, colour, (x, mid), (x + sample, mid), px(3))
        surface.blit(img, (x + sample + px(6), y))
        x += item_w
    y += lh + pad

    lo, hi = data.y_range
    ticks = nice_ticks(lo, hi, 5)
    tick_w = max((font.size(tick_text(t))[0] for t in ticks), default=0)
    plot = pygame.Rect(pad + tick_w + px(6), y + lh // 2, 0, 0)
    plot.width = w - plot.x - pad - px(14)
    plot.height = h - plot.y - lh - pad - px(7)
    n = len(data.labels)
    if plot.width < 20 or plot.height < 20 or n == 0:
        return DrawnCurve(surface, plot, [], [])

    def sy(v: float) -> int:
        v = min(hi, max(lo, v))
        return round(plot.bottom - (v - lo) / (hi - lo) * plot.height)

    def sx(i: int) -> int:
        return round(plot.left + (i / (n - 1) * plot.width if n > 1 else plot.width / 2))

    for t in ticks:
        ty = sy(t)
        pygame.draw.line(surface, colours.panel_edge, (plot.left, ty), (plot.right, ty))
        img = font.render(tick_text(t), True, colours.dim)
        surface.blit(img, (plot.left - px(6) - img.get_width(), ty - img.get_height() // 2))
    # A short tick at every point; under the axis the years (the ticks of the curve's time
    # axis, one form for all), as many as fit without touching. A point's day is in its
    # tooltip.
    for i in range(n):
        pygame.draw.line(surface, colours.dim, (sx(i), plot.bottom), (sx(i), plot.bottom + 3))
    last_right = -10**6
    for i, text in data.ticks or tuple(enumerate(data.labels)):
        pygame.draw.line(surface, colours.dim, (sx(i), plot.bottom), (sx(i), plot.bottom + 6))
        img = font.render(text, True, colours.dim)
        left = min(max(0, sx(i) - img.get_width() // 2), w - img.get_width())
        if left > last_right + 4:
            surface.blit(img, (left, plot.bottom + px(7)))
            last_right = left + img.get_width()
    pygame.draw.line(surface, colours.dim, plot.bottomleft, plot.bottomright)
    pygame.draw.line(surface, colours.dim, plot.topleft, plot.bottomleft)

    for k, (_name, value) in enumerate(data.references):
        _dotted(surface, ref_colours[k % 2], sy(value), plot.left, plot.right)

    points: list[tuple[int, int]] = []
    for k, line in enumerate(data.lines):
        colour = LINE_COLOURS[k % len(LINE_COLOURS)]
        if k == 0:  # the band of the first line: its 95% interval
            band = pygame.Surface((w, h), pygame.SRCALPHA)
            poly = [(sx(i), sy(v)) for i, v in enumerate(line.highs)] + \
                   [(sx(i), sy(v)) for i, v in reversed(list(enumerate(line.lows)))]
            if len(poly) >= 3:
                pygame.draw.polygon(band, (*colour, 60), poly)
                surface.blit(band, (0, 0))
        pts = [(sx(i), sy(v)) for i, v in enumerate(line.means)]
        if k == 0:
            points = pts
        if len(pts) == 1:
            pygame.draw.circle(surface, colour, pts[0], px(3))
        elif line.dashed:
            dashed(surface, colour, pts, px(2))
        else:
            pygame.draw.lines(surface, colour, False, pts, px(3))

    marks: list[tuple[pygame.Rect, int]] = []
    size_ = px(8)
    for mark in data.marks:
        if not 0 <= mark.point < len(points):
            continue
        mx, my = points[mark.point]
        my += -size_ * 2 if mark.better else size_ * 2
        rect = _triangle(surface, colours.good if mark.better else colours.bad, mx, my, size_,
                         mark.better)
        label = font.render(str(mark.rank), True, colours.text)
        surface.blit(label, (rect.right + px(2), rect.centery - label.get_height() // 2))
        if mark.rank == selected:
            pygame.draw.circle(surface, colours.focus, rect.center, size_ + px(5), px(2))
        marks.append((rect, mark.rank))
    return DrawnCurve(surface, plot, points, marks)
