"""Line charts drawn with pygame alone: the aims over time against the historical path, for
the end-report screen and, saved as PNG, for the reports (the chart's data, ticks and labels
come from :mod:`game.present.chart`; the reports draw the same data as SVG).

Works without a window: only ``pygame.font`` is initialised, no display mode is needed. The
historical path is drawn dashed, so a chart still reads when printed in black and white.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.present.chart import finite_runs, nice_ticks, tick_text, x_ticks

Colour = tuple[int, int, int]

PAPER: Colour = (255, 255, 255)
INK: Colour = (30, 30, 34)
GRID: Colour = (222, 222, 226)
AXIS: Colour = (90, 90, 96)
DARK_PAPER: Colour = (33, 40, 50)
DARK_INK: Colour = (236, 230, 214)
DARK_GRID: Colour = (60, 70, 84)
DARK_AXIS: Colour = (150, 158, 168)
DASH, GAP = 9, 6


@dataclass
class Series:
    """One line: its name in the legend, one value per x label (NaN for none), its colour,
    and whether it is dashed (the historical path)."""

    name: str
    values: list[float]
    colour: tuple[int, int, int]
    dashed: bool = False


def _default_font_path() -> Path | None:
    try:
        import pygame_gui

        p = Path(pygame_gui.__file__).parent / "data" / "NotoSans-Regular.ttf"
        return p if p.is_file() else None
    except ImportError:  # pragma: no cover - pygame_gui is a dependency
        return None


def _font(path: str | None, px: int, bold: bool = False) -> pygame.font.Font:
    # Not cached: a Font dies with pygame.quit(), and a chart is drawn once, not every frame.
    if not pygame.font.get_init():
        pygame.font.init()
    try:
        font = pygame.font.Font(path, px) if path else pygame.font.Font(None, px + 4)
    except (OSError, pygame.error):
        font = pygame.font.Font(None, px + 4)
    font.set_bold(bold)
    return font


def dashed(surface: pygame.Surface, colour: Colour, pts: Sequence[tuple[float, float]],
            width: int) -> None:
    """A dashed polyline; the dash pattern runs on across the corners."""
    on, left = True, float(DASH)
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        seg = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < seg:
            step = min(left, seg - pos)
            if on:
                a, b = pos / seg, (pos + step) / seg
                pygame.draw.line(surface, colour, (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                                 (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b), width)
            pos += step
            left -= step
            if left <= 1e-9:
                on = not on
                left = float(DASH if on else GAP)


def line_chart(size: tuple[int, int], title: str, x_labels: list[str], series: list[Series],
               y_range: tuple[float, float], font_path: str | Path | None = None,
               dark: bool = False, min_font_px: int = 9) -> pygame.Surface:
    """Draw a line chart and return it as a new surface of ``size``.

    One point per x label; a series shorter than the labels stops early, and a NaN value
    breaks its line. Values outside ``y_range`` are drawn at its edge. ``dark`` draws on the
    game's dark panel colours instead of white paper. Text is never smaller than
    ``min_font_px`` (the game asks for its readable minimum; a printed report may go lower).
    """
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    paper, ink, grid, axis = ((DARK_PAPER, DARK_INK, DARK_GRID, DARK_AXIS) if dark
                              else (PAPER, INK, GRID, AXIS))
    surface = pygame.Surface((w, h))
    surface.fill(paper)
    path = str(font_path) if font_path else (str(p) if (p := _default_font_path()) else None)
    px = max(min_font_px, min(max(18, min_font_px), round(min(w / 55, h / 26))))
    font = _font(path, px)
    title_font = _font(path, px + 3, bold=True)
    line_h = font.get_linesize()
    pad = max(4, px // 2)

    lo, hi = float(y_range[0]), float(y_range[1])
    if not (math.isfinite(lo) and math.isfinite(hi)):
        lo, hi = 0.0, 1.0
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        lo, hi = lo - 1, hi + 1

    y = pad
    if title:
        img = title_font.render(title, True, ink)
        surface.blit(img, (pad, y))
        y += img.get_height() + pad // 2

    # The legend: a short line in each series' style, then its name; wraps onto more rows.
    sample = 3 * DASH
    x = pad
    legend_h = 0
    for s in series:
        img = font.render(s.name, True, ink)
        item_w = sample + 6 + img.get_width() + 2 * pad
        if x > pad and x + item_w > w - pad:
            x, y = pad, y + line_h
        mid = y + line_h // 2
        if s.dashed:
            dashed(surface, s.colour, [(x, mid), (x + sample, mid)], 3)
        else:
            pygame.draw.line(surface, s.colour, (x, mid), (x + sample, mid), 3)
        surface.blit(img, (x + sample + 6, y + (line_h - img.get_height()) // 2))
        x += item_w
        legend_h = line_h
    y += legend_h + pad

    ticks = nice_ticks(lo, hi)
    tick_w = max((font.size(tick_text(t))[0] for t in ticks), default=0)
    plot = pygame.Rect(pad + tick_w + 6, y + line_h // 2, 0, 0)
    plot.width = w - plot.x - pad - font.size("0000")[0] // 2
    plot.height = h - plot.y - line_h - pad - 4
    if plot.width < 10 or plot.height < 10:
        return surface  # too small for a plot: the title and legend are all there is

    def sy(v: float) -> float:
        v = min(hi, max(lo, v))
        return plot.bottom - (v - lo) / (hi - lo) * plot.height

    n = len(x_labels)

    def sx(i: int) -> float:
        return plot.left + (i / (n - 1) * plot.width if n > 1 else plot.width / 2)

    for t in ticks:
        ty = round(sy(t))
        pygame.draw.line(surface, grid, (plot.left, ty), (plot.right, ty))
        pygame.draw.line(surface, axis, (plot.left - 4, ty), (plot.left, ty))
        img = font.render(tick_text(t), True, ink)
        surface.blit(img, (plot.left - 6 - img.get_width(), ty - img.get_height() // 2))

    shown = x_ticks(x_labels)
    widest = max((font.size(t)[0] for _, t in shown), default=0) + 8
    stride = max(1, math.ceil(widest * len(shown) / max(1, plot.width)))
    last_right = -math.inf
    for k, (i, text) in enumerate(shown):
        tx = round(sx(i))
        pygame.draw.line(surface, axis, (tx, plot.bottom), (tx, plot.bottom + 4))
        if k % stride:
            continue
        img = font.render(text, True, ink)
        left = min(max(0, tx - img.get_width() // 2), w - img.get_width())
        if left > last_right + 4:
            surface.blit(img, (left, plot.bottom + 5))
            last_right = left + img.get_width()
    pygame.draw.line(surface, axis, plot.bottomleft, plot.bottomright)
    pygame.draw.line(surface, axis, plot.topleft, plot.bottomleft)

    for s in series:
        for run in finite_runs(s.values[:n]):
            pts = [(sx(i), sy(float(s.values[i]))) for i in run]
            if len(pts) == 1:
                pygame.draw.circle(surface, s.colour, (round(pts[0][0]), round(pts[0][1])), 3)
            elif s.dashed:
                dashed(surface, s.colour, pts, 3)
            else:
                pygame.draw.lines(surface, s.colour, False, pts, 3)
    return surface


def chart_png_bytes(surface: pygame.Surface) -> bytes:
    """The surface as PNG file bytes (no display needed)."""
    buf = io.BytesIO()
    pygame.image.save(surface, buf, "chart.png")
    return buf.getvalue()


ChartSpec = tuple[str, list[str], list[Series], tuple[float, float]]
"""One chart of a grid: its title, x labels, series and y range."""


def chart_grid(body: pygame.Rect, charts: list[ChartSpec], gap: int, top: int = 0,
               min_font_px: int = 9) -> tuple[list[tuple[pygame.Rect, pygame.Surface]],
                                               list[tuple[str, Exception]]]:
    """Draw charts in a grid filling ``body`` below ``top`` pixels (one column for one chart,
    else two), ``gap`` pixels apart: their places and surfaces, and (title, error) for each
    chart that failed to draw (a chart bug must not hide the screen around it)."""
    n = len(charts)
    cols = 1 if n == 1 else 2
    rows = (n + cols - 1) // cols
    w = (body.width - (cols - 1) * gap) // cols
    h = (body.height - top - (rows - 1) * gap) // max(1, rows)
    out: list[tuple[pygame.Rect, pygame.Surface]] = []
    failed: list[tuple[str, Exception]] = []
    for i, (title, labels, series, y_range) in enumerate(charts):
        try:
            surf = line_chart((max(100, w), max(80, h)), title, labels, series, y_range,
                              dark=True, min_font_px=min_font_px)
        except Exception as exc:  # noqa: BLE001 - a chart bug must not hide the screen
            failed.append((title, exc))
            continue
        x = body.x + (i % cols) * (w + gap)
        y = body.y + top + (i // cols) * (h + gap)
        out.append((pygame.Rect(x, y, w, h), surf))
    return out, failed
