"""The aim charts of the reports as SVG: text, so the reports never need pygame, and vectors,
so a printed report stays sharp at any size.

The data, ticks and labels come from :mod:`game.present.chart`, as for the game's own screen.
The historical path is dashed, so a chart still reads when printed in black and white.
"""

from __future__ import annotations

import math

from game.present.chart import AimChart, finite_runs, nice_ticks, tick_text, x_ticks
from game.reports.escape import h

PLAYER_COLOUR = "#c82828"
HISTORY_COLOUR = "#3c3c3c"
INK, GRID, AXIS = "#1e1e22", "#dedee2", "#5a5a60"
FONT = "font-family=\"'Noto Sans', 'DejaVu Sans', Arial, sans-serif\""


def _text_width(text: str, px: float) -> float:
    """A fair guess of a text's width in a sans-serif font (no font is measured here)."""
    return len(text) * px * 0.56


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def aim_chart_svg(chart: AimChart, size: tuple[int, int] = (760, 300)) -> str:
    """One aim's chart (the player's line against history) as a standalone SVG document."""
    w, hgt = max(120, int(size[0])), max(80, int(size[1]))
    px = max(11.0, min(16.0, round(min(w / 55, hgt / 22))))
    pad = 8.0
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {hgt}" width="{w}" '
           f'height="{hgt}" role="img" aria-label="{h(chart.title)}" {FONT}>',
           f'<rect width="{w}" height="{hgt}" fill="#fff"/>']
    y = pad + px + 3
    out.append(f'<text x="{pad}" y="{_num(y)}" font-size="{px + 3}" font-weight="bold" '
               f'fill="{INK}">{h(chart.title)}</text>')
    y += pad
    # The legend: a short line in each line's style, then its name.
    x = pad
    for line in chart.lines:
        colour = HISTORY_COLOUR if line.history else PLAYER_COLOUR
        dash = ' stroke-dasharray="9 6"' if line.history else ""
        mid = y + px * 0.6
        out.append(f'<line x1="{_num(x)}" y1="{_num(mid)}" x2="{_num(x + 27)}" y2="{_num(mid)}" '
                   f'stroke="{colour}" stroke-width="3"{dash}/>')
        out.append(f'<text x="{_num(x + 33)}" y="{_num(y + px)}" font-size="{px}" '
                   f'fill="{INK}">{h(line.name)}</text>')
        x += 33 + _text_width(line.name, px) + 2 * pad
    y += px * 1.4 + pad

    lo, hi = float(chart.y_range[0]), float(chart.y_range[1])
    if not (math.isfinite(lo) and math.isfinite(hi)):
        lo, hi = 0.0, 1.0
    lo, hi = min(lo, hi), max(lo, hi)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    ticks = nice_ticks(lo, hi)
    tick_w = max((_text_width(tick_text(t), px) for t in ticks), default=0)
    left, top = pad + tick_w + 6, y + px / 2
    right, bottom = w - pad - _text_width("0000", px) / 2, hgt - px - pad - 6
    if right - left < 10 or bottom - top < 10:
        out.append("</svg>")
        return "\n".join(out)
    n = len(chart.x_labels)

    def sx(i: int) -> float:
        return left + (i / (n - 1) * (right - left) if n > 1 else (right - left) / 2)

    def sy(v: float) -> float:
        v = min(hi, max(lo, v))
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    for t in ticks:
        ty = sy(t)
        out.append(f'<line x1="{_num(left)}" y1="{_num(ty)}" x2="{_num(right)}" y2="{_num(ty)}" '
                   f'stroke="{GRID}"/>')
        out.append(f'<text x="{_num(left - 6)}" y="{_num(ty + px * 0.35)}" font-size="{px}" '
                   f'text-anchor="end" fill="{INK}">{h(tick_text(t))}</text>')
    shown = x_ticks(chart.x_labels)
    widest = max((_text_width(t, px) for _, t in shown), default=0) + 8
    stride = max(1, math.ceil(widest * len(shown) / max(1.0, right - left)))
    for k, (i, text) in enumerate(shown):
        tx = sx(i)
        out.append(f'<line x1="{_num(tx)}" y1="{_num(bottom)}" x2="{_num(tx)}" '
                   f'y2="{_num(bottom + 4)}" stroke="{AXIS}"/>')
        if k % stride == 0:
            out.append(f'<text x="{_num(tx)}" y="{_num(bottom + 5 + px)}" font-size="{px}" '
                       f'text-anchor="middle" fill="{INK}">{h(text)}</text>')
    out.append(f'<polyline points="{_num(left)},{_num(top)} {_num(left)},{_num(bottom)} '
               f'{_num(right)},{_num(bottom)}" fill="none" stroke="{AXIS}"/>')
    for line in chart.lines:
        colour = HISTORY_COLOUR if line.history else PLAYER_COLOUR
        dash = ' stroke-dasharray="9 6"' if line.history else ""
        for run in finite_runs(line.values[:n]):
            pts = [(sx(i), sy(float(line.values[i]))) for i in run]
            if len(pts) == 1:
                out.append(f'<circle cx="{_num(pts[0][0])}" cy="{_num(pts[0][1])}" r="3" '
                           f'fill="{colour}"/>')
                continue
            points = " ".join(f"{_num(px_)},{_num(py_)}" for px_, py_ in pts)
            out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" '
                       f'stroke-width="3" stroke-linejoin="round"{dash}/>')
    out.append("</svg>")
    return "\n".join(out)
